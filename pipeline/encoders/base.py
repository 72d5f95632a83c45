"""The encoder interface: images in, L2-normalised float32 vectors out.

An `Encoder` owns a model and its evaluation preprocessing. Preprocessing is split in
two so that decoding overlaps with the model:

* the *image stage* (per image, in worker threads or DataLoader worker processes):
  decode bytes/paths, apply the EXIF orientation, flatten transparency onto white,
  convert to RGB, then the model's resize/crop, ending in a uint8 CHW tensor;
* the *tensor stage* (per batch, on the model's device): scale to [0, 1] and normalise
  with the model's mean/std, then the forward pass (autocast bf16/fp16 on CUDA, fp32 on
  the CPU) and L2 normalisation.

The arithmetic is the same as torchvision's ``ToTensor`` + ``Normalize`` applied per
image, so `preprocess(img)` and the batched path give the same numbers.

`model_id` and `preprocess_id` are stable strings: an embedding cache keys on
(image sha256, model_id, preprocess_id).
"""

from __future__ import annotations

import hashlib
import os
import types
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Union

import numpy as np
import torch
from PIL import Image

from street2shop.pipeline.normalise import load_image as decode
from street2shop.pipeline.normalise import to_rgb

ImageInput = Union[Image.Image, bytes, bytearray, memoryview, str, os.PathLike]

#: What the image stage does before the model's own transforms (part of every preprocess_id).
IMAGE_STAGE_ID = "decode:exif-transpose,alpha-on-white,rgb"


class EncoderError(Exception):
    """A model that cannot be built or loaded, or an image that cannot be encoded.

    The message names the spec/path and says what to do; nothing deeper is chained.
    """


# --------------------------------------------------------------------------- helpers

def file_sha256(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def short_reason(exc: BaseException, limit: int = 300) -> str:
    """One line describing an exception (type and first line of the message)."""
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    if len(first) > limit:
        first = first[:limit] + "..."
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def load_image(item: ImageInput) -> Image.Image:
    """Decode bytes / a path / a PIL image into an upright RGB PIL image: the same decoding
    (bomb guard, EXIF orientation, transparency on white, modes) as the rest of the pipeline
    (`pipeline.normalise`), so an image embeds the same whichever way it arrives."""
    if isinstance(item, Image.Image):
        return to_rgb(item)
    if isinstance(item, (bytes, bytearray, memoryview)):
        return decode(bytes(item))
    if isinstance(item, (str, os.PathLike)):
        return decode(Path(item).read_bytes())
    raise TypeError(f"cannot encode an object of type {type(item).__name__}: "
                    "pass PIL images, encoded image bytes or file paths")


def _describe(t: Any) -> str:
    """A stable text for one transform (no memory addresses)."""
    if isinstance(t, (types.FunctionType, types.BuiltinFunctionType)):
        return t.__qualname__
    r = repr(t)
    if " at 0x" in r or r.startswith("<"):
        fields = {k: v for k, v in sorted(vars(t).items()) if not k.startswith("_")}
        r = f"{type(t).__name__}({', '.join(f'{k}={v!r}' for k, v in fields.items())})"
    return " ".join(r.split())


def _fmt_floats(values) -> str:
    return "/".join(f"{float(v):.6g}" for v in values)


class ImageStage:
    """The per-image part of a preprocessing pipeline: PIL in, uint8 CHW tensor out."""

    def __init__(self, pil_transforms: list, mean, std):
        self.pil_transforms = list(pil_transforms)
        self.mean = tuple(float(v) for v in mean)
        self.std = tuple(float(v) for v in std)

    def __call__(self, item: ImageInput) -> torch.Tensor:
        img = load_image(item)
        for t in self.pil_transforms:
            img = t(img)
        if not isinstance(img, Image.Image):
            raise EncoderError(f"preprocessing produced {type(img).__name__}, expected a PIL image")
        if img.mode != "RGB":
            img = img.convert("RGB")
        arr = np.asarray(img, dtype=np.uint8)
        # from_numpy + permute are views: no ATen kernels run in the worker threads.
        return torch.from_numpy(arr.copy()).permute(2, 0, 1)

    def describe(self) -> str:
        parts = [IMAGE_STAGE_ID] + [_describe(t) for t in self.pil_transforms]
        parts.append(f"to_float/255;mean={_fmt_floats(self.mean)};std={_fmt_floats(self.std)}")
        return " | ".join(parts)


def split_transform(transform) -> ImageStage:
    """Split an eval transform (torchvision ``Compose`` ending in ToTensor + Normalize, as
    timm and open_clip build them) into the PIL part and the mean/std."""
    from torchvision import transforms as T

    steps = list(getattr(transform, "transforms", [transform]))
    pil, mean, std, seen_tensor = [], None, None, False
    for t in steps:
        name = type(t).__name__
        if name in ("ToTensor", "MaybeToTensor"):
            seen_tensor = True
        elif isinstance(t, T.Normalize):
            if not seen_tensor or mean is not None:
                break
            mean, std = t.mean, t.std
            if isinstance(mean, torch.Tensor):
                mean, std = mean.tolist(), std.tolist()
        elif name in ("MaybeConvertMode",) or getattr(t, "__name__", "") == "_convert_to_rgb":
            continue  # images are RGB already
        elif seen_tensor:
            break
        else:
            pil.append(t)
    else:
        if seen_tensor and mean is not None:
            return ImageStage(pil, mean, std)
    raise EncoderError(f"unsupported preprocessing {transform!r}: expected PIL transforms "
                       "followed by ToTensor and Normalize")


# --------------------------------------------------------------------------- encoder

def pick_dtype(device: torch.device, precision: str = "auto") -> torch.dtype:
    if precision == "fp32" or (precision == "auto" and device.type != "cuda"):
        return torch.float32
    if precision == "bf16":
        return torch.bfloat16
    if precision == "fp16":
        return torch.float16
    if precision == "auto":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    raise EncoderError(f"unknown precision {precision!r}: use auto, fp32, bf16 or fp16")


def default_workers() -> int:
    """Decode threads: one per spare core, at least one (it overlaps with the model)."""
    n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(8, n - 1))


class Encoder(ABC):
    """Images to L2-normalised embeddings. Subclasses set the attributes below in
    ``__init__`` and implement `_forward` (a float batch on the device -> features)."""

    model_id: str
    preprocess_id: str
    dim: int
    device: torch.device
    dtype: torch.dtype  # compute dtype (autocast on CUDA); outputs are always float32
    spec: str
    model: torch.nn.Module
    image_stage: ImageStage

    # -- to implement

    @abstractmethod
    def _forward(self, x: torch.Tensor) -> torch.Tensor:
        """Unnormalised features for a normalised float batch already on the device."""

    # -- description

    def info(self) -> dict:
        return {"spec": self.spec, "model_id": self.model_id, "preprocess_id": self.preprocess_id,
                "dim": self.dim, "device": str(self.device), "dtype": str(self.dtype).removeprefix("torch.")}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(model_id={self.model_id!r}, dim={self.dim}, device={self.device})"

    def _set_preprocess(self, transform) -> None:
        self.image_stage = split_transform(transform)
        self.preprocess_id = self.image_stage.describe()
        dev = self.device
        self._mean = torch.tensor(self.image_stage.mean, device=dev).view(1, -1, 1, 1)
        self._std = torch.tensor(self.image_stage.std, device=dev).view(1, -1, 1, 1)

    # -- tensor stage

    def normalize_batch(self, batch_uint8: torch.Tensor) -> torch.Tensor:
        """uint8 (N, 3, H, W) -> float32 normalised, on the device."""
        x = batch_uint8.to(self.device, non_blocking=True).float().div_(255)
        return x.sub_(self._mean).div_(self._std)

    def preprocess(self, img: ImageInput) -> torch.Tensor:
        """One image -> the float (3, H, W) tensor the model sees (on the CPU)."""
        return self.normalize_batch(self.image_stage(img)[None])[0].cpu()

    def encode_tensors(self, batch: torch.Tensor) -> np.ndarray:
        """A preprocessed batch -> (N, dim) float32 L2-normalised.

        ``batch`` is either float (already normalised, as `preprocess` returns) or uint8
        (the image stage's output, normalised here).
        """
        if batch.ndim == 3:
            batch = batch[None]
        with torch.inference_mode():
            if batch.dtype == torch.uint8:
                x = self.normalize_batch(batch)
            else:
                x = batch.to(self.device, dtype=torch.float32, non_blocking=True)
            if self.device.type == "cuda" and self.dtype != torch.float32:
                with torch.autocast("cuda", dtype=self.dtype):
                    feats = self._forward(x)
            else:
                feats = self._forward(x)
            feats = torch.nn.functional.normalize(feats.float(), dim=-1)
            return feats.cpu().numpy()

    # -- images

    def encode_images(self, images: Iterable[ImageInput], batch_size: int = 64,
                      workers: int | None = None, *, mode: str = "threads",
                      prefetch_batches: int = 2,
                      progress: Callable[[int], Any] | None = None) -> np.ndarray:
        """Encode images (PIL images, encoded bytes or paths), in order -> (N, dim) float32.

        Decoding and resize/crop run in ``workers`` threads (``mode="threads"``, the
        default: Pillow releases the GIL while decoding and resampling) or DataLoader
        worker processes (``mode="processes"``), ``prefetch_batches`` batches ahead of
        the model. ``workers=0`` decodes inline. ``progress(n)`` is called with the
        number of images done after each batch.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        workers = default_workers() if workers is None else workers
        if workers == 0:
            batches = self._batches_inline(images, batch_size)
        elif mode == "threads":
            batches = self._batches_threads(images, batch_size, workers, prefetch_batches)
        elif mode == "processes":
            batches = self._batches_processes(images, batch_size, workers, prefetch_batches)
        else:
            raise ValueError(f"unknown mode {mode!r}: threads or processes")
        out, done = [], 0
        for batch in batches:
            out.append(self.encode_tensors(batch))
            done += len(batch)
            if progress is not None:
                progress(done)
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.concatenate(out)

    def _stage(self, index: int, item: ImageInput) -> torch.Tensor:
        try:
            return self.image_stage(item)
        except EncoderError:
            raise
        except Exception as e:
            where = f" ({item})" if isinstance(item, (str, os.PathLike)) else ""
            raise EncoderError(f"image {index}{where} cannot be decoded: {short_reason(e)}") from None

    def _batches_inline(self, images, batch_size) -> Iterator[torch.Tensor]:
        batch = []
        for i, item in enumerate(images):
            batch.append(self._stage(i, item))
            if len(batch) == batch_size:
                yield torch.stack(batch)
                batch = []
        if batch:
            yield torch.stack(batch)

    def _batches_threads(self, images, batch_size, workers, prefetch_batches) -> Iterator[torch.Tensor]:
        source = enumerate(images)
        limit = batch_size * (prefetch_batches + 1)
        pending: deque = deque()
        with ThreadPoolExecutor(workers, thread_name_prefix="encoder-decode") as pool:
            try:
                exhausted = False
                batch = []
                while True:
                    while not exhausted and len(pending) < limit:
                        nxt = next(source, None)
                        if nxt is None:
                            exhausted = True
                        else:
                            pending.append(pool.submit(self._stage, *nxt))
                    if not pending:
                        break
                    batch.append(pending.popleft().result())
                    if len(batch) == batch_size:
                        yield torch.stack(batch)
                        batch = []
                if batch:
                    yield torch.stack(batch)
            finally:
                for f in pending:
                    f.cancel()

    def _batches_processes(self, images, batch_size, workers, prefetch_batches) -> Iterator[torch.Tensor]:
        from torch.utils.data import DataLoader

        ds = _BatchShards(images, self._stage, batch_size, workers)
        loader = DataLoader(ds, batch_size=None, num_workers=workers, prefetch_factor=prefetch_batches,
                            worker_init_fn=_worker_init, persistent_workers=False)
        yield from loader


def _worker_init(_worker_id: int) -> None:
    torch.set_num_threads(1)  # decoding only; leave the cores to the model


class _BatchShards(torch.utils.data.IterableDataset):
    """Batches of uint8 tensors; worker k builds batches k, k+W, k+2W, ... so that the
    DataLoader's round-robin over workers keeps the input order."""

    def __init__(self, images, stage, batch_size, workers):
        self.images, self.stage, self.batch_size, self.workers = images, stage, batch_size, workers

    def __iter__(self):
        info = torch.utils.data.get_worker_info()
        wid, nw = (info.id, info.num_workers) if info else (0, 1)
        batch = []
        for i, item in enumerate(self.images):
            if (i // self.batch_size) % nw != wid:
                continue
            batch.append(self.stage(i, item))
            if len(batch) == self.batch_size:
                yield torch.stack(batch)
                batch = []
        if batch:
            yield torch.stack(batch)
