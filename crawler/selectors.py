"""Per-site CSS selectors from the manifest, applied over the generic extraction.

The generic rules come first; a site whose pages they get wrong names the right
elements in its manifest entry, and those values replace the generic ones."""

from __future__ import annotations

from typing import Any

from scrapy.http import TextResponse

from street2shop.crawler.extract.prices import Hints, format_price, parse_price_text
from street2shop.core.manifest import Selectors

_LIST_FIELDS = {"images", "breadcrumbs"}


def _values(response: TextResponse, css: str, field: str) -> list[str]:
    if "::" not in css:
        css = f"{css}::attr(src)" if field == "images" else f"{css} *::text, {css}::text"
    values = [" ".join(v.split()) for v in response.css(css).getall()]
    return [v for v in values if v]


def apply_selectors(data: dict[str, Any], is_product: bool, response: TextResponse,
                    selectors: Selectors) -> tuple[dict[str, Any], bool]:
    data = dict(data)
    sources = dict(data.get("sources") or {})
    for field, css in selectors.model_dump(exclude_none=True).items():
        if field == "is_product":
            is_product = bool(response.css(css))
            continue
        values = _values(response, css, field)
        if not values:
            continue
        if field == "images":
            value: Any = list(dict.fromkeys(response.urljoin(v) for v in values))
        elif field in _LIST_FIELDS:
            value = values
        elif field == "price":
            hints = Hints.from_page(response.url, response.xpath("/html/@lang").get())
            amount, currency = parse_price_text(values[0], hints)
            if amount is None:
                continue
            currency = data.get("currency") or currency
            value = format_price(amount, currency)
            if currency and not data.get("currency"):
                data["currency"] = currency
                sources["currency"] = "selector"
        elif field == "name" or field == "description":
            value = " ".join(values)
        else:
            value = values[0]
        data[field] = value
        sources[field] = "selector"
    data["sources"] = sources
    return data, is_product
