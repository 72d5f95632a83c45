"""The extruct + price-parser recipe both baselines follow (the crawl benchmark's Scrapy spider
and the extraction-accuracy scorer): the first schema.org Product of the page's markup and its
first offer, values taken as they stand."""

from __future__ import annotations


def first(value):
    return value[0] if isinstance(value, list) and value else value


def plain(value) -> str | None:
    """A property's value as text: a Thing's name, a value object's value; None when empty."""
    value = first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return (str(value).strip() or None) if value is not None else None


def products(data: dict, syntaxes=("json-ld", "microdata")) -> list[dict]:
    """The Product nodes of extruct's uniform output, in the order of `syntaxes`."""
    nodes = []
    for syntax in syntaxes:
        for node in data.get(syntax) or []:
            nodes += node.get("@graph", [node]) if isinstance(node, dict) else []
    return [n for n in nodes if isinstance(n, dict) and "Product" in str(n.get("@type"))]


def main_offer(product: dict) -> dict:
    """The product's first offer (an AggregateOffer's first offer)."""
    offer = first(product.get("offers")) or {}
    return (first(offer.get("offers")) or offer) if isinstance(offer, dict) else {}
