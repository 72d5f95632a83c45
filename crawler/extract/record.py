"""Result dataclasses.

Prices are kept as decimal *strings* in the public record so that the record
round-trips through JSON without float rounding; layers work with ``Decimal``
internally and only ``prices.format_price`` turns them into strings.

``to_dict`` gives what ``dataclasses.asdict`` gives, without its recursive deep
copy (which cost as much as a third of the extraction on small pages): every
field holds a str/bool/None, a list of str, a str -> str dict or Offers, so
copying the containers is enough for the result to share nothing mutable.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class Offer:
    name: str | None = None
    sku: str | None = None
    gtin: str | None = None
    color: str | None = None
    size: str | None = None
    price: str | None = None
    regular_price: str | None = None
    currency: str | None = None
    availability: str | None = None
    url: str | None = None
    images: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {f: getattr(self, f) for f in _OFFER_FIELDS}
        d["images"] = list(self.images)
        return d


@dataclass
class ProductRecord:
    name: str | None = None
    brand: str | None = None
    price: str | None = None
    regular_price: str | None = None
    currency: str | None = None
    availability: str | None = None
    sku: str | None = None
    gtin: str | None = None
    mpn: str | None = None
    color: str | None = None
    description: str | None = None
    category: str | None = None
    images: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    breadcrumbs: list[str] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    is_product: bool = False

    def to_dict(self) -> dict:
        d = {f: getattr(self, f) for f in _RECORD_FIELDS}  # field order, as asdict
        d["images"] = list(self.images)
        d["breadcrumbs"] = list(self.breadcrumbs)
        d["offers"] = [o.to_dict() for o in self.offers]
        d["sources"] = dict(self.sources)
        return d


_OFFER_FIELDS = tuple(f.name for f in fields(Offer))
_RECORD_FIELDS = tuple(f.name for f in fields(ProductRecord))
