"""A site owner's opt-out of AI use: `X-Robots-Tag` headers and robots <meta> tags that say
`noai` or `noimageai`. Images a page or response opts out are not kept.

A light module (no imaging libraries): the crawl's page-analysis workers read it too.
"""

from __future__ import annotations


def robots_forbid_ai(x_robots_tag_values: list[str]) -> bool:
    """True when an `X-Robots-Tag` forbids use for AI/datasets (noai, noimageai).

    The header may be repeated, comma-separated, and scoped to one agent
    ("otherbot: noai"); we honour a scoped one too, since it states the owner's wish."""
    for value in x_robots_tag_values:
        for token in value.split(","):
            token = token.strip().lower()
            if ":" in token:
                token = token.split(":", 1)[1].strip()
            if token in ("noai", "noimageai"):
                return True
    return False


def meta_forbids_ai(root) -> bool:
    """True when a robots <meta> of a parsed page (lxml) says noai or noimageai: name="robots",
    or a name scoped to one crawler (which states the owner's wish too)."""
    for el in root.iter("meta"):
        name = (el.get("name") or "").strip().lower()
        if name in ("robots", "street2shop") or name.endswith("bot"):
            if robots_forbid_ai([el.get("content") or ""]):
                return True
    return False
