"""Matching: the garments of a photo (or a video frame) -> ranked listings of a catalog version.

    from street2shop.pipeline.matcher import Matcher
    matcher = Matcher.open(store, detector=detector)        # the catalog's own encoder
    for garment in matcher.match([pil_image])[0]:
        garment.box, garment.category, garment.hits[0].name, garment.hits[0].url

Each garment is cropped the way the catalog cropped its shop images (`normalise` with the
box, at the catalog's image size), embedded with the catalog's own encoder and preprocessing
(anything else is refused: its vectors would not be comparable), and searched in its
likeliest categories only (the paper's top-2 trick), unless those hold too few items.
Hits then pass through a re-ranking stage (`pipeline/rerank.py`; none by default).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, field

import numpy as np

from street2shop.pipeline import normalise as norm
from street2shop.pipeline.catalog import Catalog, open_catalog
from street2shop.pipeline.detectors.categories import category_name
from street2shop.pipeline.detectors.fallback import whole_image_detection
from street2shop.pipeline.rerank import Reranker, create_reranker

#: What a hit tells about its listing (catalog item columns, as named in a match record).
LISTING_FIELDS = {"item_id": "item_id", "name": "name", "brand": "brand", "shop": "source", "price": "price",
                  "currency": "currency", "availability": "availability", "image_sha256": "image_sha256"}


class MatchError(Exception):
    """Matching cannot start (a mismatched encoder, a bad option); one line saying what to do."""


@dataclass
class Hit:
    rank: int  # 1 = best
    score: float  # cosine similarity (after re-ranking: the re-ranker's score)
    item_id: str
    name: str | None
    brand: str | None
    shop: str | None
    price: str | None
    currency: str | None
    availability: str | None
    url: str | None
    image_sha256: str | None
    image_url: str | None


@dataclass
class Garment:
    """One garment found in an input, with its ranked listings."""

    index: int  # garment number within its image, best detection first
    box: list[float]  # x1, y1, x2, y2 in the input image's pixels
    category: int | None  # DeepFashion2 id 1..13; None for the whole frame (no garment found)
    category_name: str | None
    category_prob: float | None  # the detector's probability of `category`
    detection_score: float | None
    whole_image: bool
    categories_searched: list[int] | None  # None: every category
    hits: list[Hit] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


class Matcher:
    """Garments -> ranked listings against one catalog version (see the module docstring).

    k: listings per garment. top_categories: how many of a garment's likeliest categories
    are searched (0: all). min_category_items: when those categories hold fewer catalog items
    than this between them, every category is searched instead (a nearly empty category is
    no filter worth trusting). detector None: each input is one whole-frame query."""

    def __init__(self, catalog: Catalog, encoder, detector=None, *, k: int = 10, top_categories: int = 2,
                 min_category_items: int = 20, reranker: Reranker | str | None = None):
        if k < 1:
            raise MatchError(f"k must be at least 1, not {k}")
        if top_categories < 0:
            raise MatchError(f"top_categories must be 0 (all) or more, not {top_categories}")
        check_encoder(catalog, encoder)
        self.catalog, self.encoder, self.detector = catalog, encoder, detector
        self.k, self.top_categories, self.min_category_items = k, top_categories, min_category_items
        try:
            self.reranker = reranker if isinstance(reranker, Reranker) else create_reranker(reranker or "none")
        except ValueError as exc:
            raise MatchError(str(exc)) from None
        #: seconds spent per stage (detect, embed, search) since the matcher was made
        self.timings: Counter = Counter()
        self.image_size = int(catalog.meta["image_size"])
        self._sizes = {cat: len(positions) for cat, (_, positions) in catalog.index.parts.items()}
        columns = catalog.items.select([c for c in dict.fromkeys([*LISTING_FIELDS.values(), "listing_url",
                                                                   "canonical_url"])])
        self._rows = columns.to_pylist()  # listing fields only: the embeddings stay in Arrow
        self._image_urls = _image_urls(catalog)

    @classmethod
    def open(cls, store, *, version: str | None = None, encoder=None, **options) -> "Matcher":
        """A matcher over `store`'s catalog (the current version unless named), with the encoder
        the catalog records unless one is given."""
        catalog = open_catalog(store, version)
        if encoder is None:
            encoder = catalog_encoder(catalog)
        return cls(catalog, encoder, **options)

    # -- the stages

    def find_garments(self, images: list) -> list[list]:
        """Detections per image, best first; one whole-frame detection where none is found."""
        found = self.detector.detect(images) if self.detector is not None else [[] for _ in images]
        return [dets or [whole_image_detection(img)] for img, dets in zip(images, found)]

    def crops(self, image, detections) -> list:
        """The garments cut as the catalog cut its shop images (a whole frame trimmed, as a
        packshot without a detected garment was)."""
        return norm.garment_crops(image, [None if d.whole_image else d.box for d in detections], size=self.image_size)

    def categories_for(self, detection) -> list[int] | None:
        if detection.whole_image or self.top_categories == 0:
            return None
        chosen = [c for c, _ in detection.top(self.top_categories)]
        held = sum(self._sizes.get(c, 0) for c in chosen) + self._sizes.get(-1, 0)
        return chosen if held >= self.min_category_items else None

    def match(self, images: list, detections: list[list] | None = None) -> list[list[Garment]]:
        """For each PIL image, its garments with their top-k listings."""
        started = time.perf_counter()
        detections = self.find_garments(images) if detections is None else detections
        detected = time.perf_counter()
        crops, owners = [], []
        for n, (image, dets) in enumerate(zip(images, detections)):
            crops.extend(self.crops(image, dets))
            owners.extend((n, det) for det in dets)
        vectors = self.encoder.encode_images(crops) if crops else np.zeros((0, self.encoder.dim), np.float32)
        embedded = time.perf_counter()
        out: list[list[Garment]] = [[] for _ in images]
        candidates = max(self.k, int(getattr(self.reranker, "candidates", 0) or 0))
        for (n, det), crop, vector in zip(owners, crops, vectors):
            cats = self.categories_for(det)
            hits = self.search(vector, cats, candidates)
            hits = self.reranker.rerank(crop, vector, hits, self)[: self.k]
            for rank, hit in enumerate(hits, 1):
                hit.rank = rank
            whole = bool(det.whole_image)
            out[n].append(Garment(
                index=len(out[n]), box=[round(float(v), 1) for v in det.box],
                category=None if whole else int(det.category),
                category_name=None if whole else category_name(det.category),
                category_prob=None if whole else round(float(det.probs[det.category - 1]), 4),
                detection_score=None if whole else round(float(det.score), 4),
                whole_image=whole, categories_searched=cats, hits=hits))
        self.timings["detect"] += detected - started
        self.timings["embed"] += embedded - detected
        self.timings["search"] += time.perf_counter() - embedded
        return out

    def search(self, vector: np.ndarray, categories: list[int] | None, k: int | None = None) -> list[Hit]:
        """The nearest `k` listings (self.k unless told), best first, with their fields."""
        found = self.catalog.search(vector[None], k=k or self.k, categories=categories)
        return [self.hit(int(pos), float(score), rank)
                for rank, (pos, score) in enumerate(zip(found.ids[0], found.scores[0]), 1) if pos >= 0]

    def hit(self, position: int, score: float, rank: int = 0) -> Hit:
        row = self._rows[position]
        fields = {name: row[column] for name, column in LISTING_FIELDS.items()}
        return Hit(rank=rank, score=round(score, 4), url=row["canonical_url"] or row["listing_url"],
                   image_url=self._image_urls.get(row["image_sha256"]), **fields)


def check_encoder(catalog: Catalog, encoder) -> None:
    """Refuse an encoder whose vectors the catalog's cannot be compared with."""
    meta = catalog.meta
    if encoder.model_id != meta["model_id"] or encoder.preprocess_id != meta["preprocess_id"]:
        what = "model" if encoder.model_id != meta["model_id"] else "preprocessing"
        raise MatchError(f"catalog version {catalog.version} was embedded with {meta['model_id']}"
                         f"{'' if what == 'model' else ' and other preprocessing'}, not {encoder.model_id}: "
                         f"match with the catalog's own encoder ({meta.get('encoder_spec') or meta['model_id']}) "
                         "or rebuild the catalog with this one")


def catalog_encoder(catalog: Catalog):
    """The encoder a catalog version was built with, from the spec its version.json records."""
    from street2shop.pipeline.encoders import create_encoder  # noqa: PLC0415  (torch)

    spec = catalog.meta.get("encoder_spec")
    if not spec:
        raise MatchError(f"catalog version {catalog.version} does not record its encoder's spec (built before "
                         f"matching existed); name it with --encoder (it was {catalog.meta['model_id']})")
    return create_encoder(spec)


def _image_urls(catalog: Catalog) -> dict[str, str]:
    """Image sha256 -> the URL it was first fetched from, for the catalog's chosen images."""
    return catalog.store.image_column(catalog.items.column("image_sha256").to_pylist(), "first_url")
