"""Result dataclasses.

Prices are kept as decimal *strings* in the public record so that the record
round-trips through JSON without float rounding; layers work with ``Decimal``
internally and only ``prices.format_price`` turns them into strings.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


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
        return asdict(self)


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
        return asdict(self)
