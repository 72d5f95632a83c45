"""What makes a real shop's product page weigh 300-500 KB, for pages served at real size.

The fixture's product pages carry the product and little else (about 5 KB); a real shop's
page carries the same product inside a mega-menu, inline styles and SVG icons, a
"recommended for you" carousel with other products' prices, reviews, a footer of links, and
the shop's application state as a JSON blob in a script. Crawling costs follow the page's
size, so benchmarks that stand for a user's crawl serve pages with this bulk around the
same product (`Shop.real_size`). Everything is generated from the product's id: the same
page every time.
"""

from __future__ import annotations

import json
import random
from html import escape

from .shop import Product, Shop

_WORDS = ("classic", "relaxed", "organic", "cotton", "linen", "wool", "cropped", "oversized", "tailored", "soft",
          "knit", "denim", "pleated", "wrap", "striped", "check", "satin", "jersey", "cashmere", "recycled")
_SECTIONS = ("Women", "Men", "Kids", "Home", "Beauty", "Sale", "New in", "Brands")


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n))


def _css(rng: random.Random, rules: int) -> str:
    props = ("margin", "padding", "color", "background", "border-radius", "font-size", "line-height", "gap")
    out = []
    for i in range(rules):
        body = ";".join(f"{rng.choice(props)}:{rng.randrange(0, 48)}px" for _ in range(5))
        out.append(f".c-{rng.choice(_WORDS)}-{i}__el--m{rng.randrange(9)}{{{body}}}")
    return "\n".join(out)


def _svg_sprite(rng: random.Random, icons: int) -> str:
    symbols = []
    for i in range(icons):
        path = " ".join(f"L{rng.randrange(24)} {rng.randrange(24)}" for _ in range(40))
        symbols.append(f'<symbol id="icon-{i}" viewBox="0 0 24 24"><path d="M0 0 {path}Z"/></symbol>')
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{"".join(symbols)}</svg>'


def _mega_menu(rng: random.Random) -> str:
    columns = []
    for section in _SECTIONS:
        links = "".join(f'<li><a href="/c/{escape(section.lower())}/{i}" class="mega-menu__link">'
                        f'{escape(_words(rng, 2).title())}</a></li>' for i in range(80))
        columns.append(f'<li class="mega-menu__section"><span>{section}</span><ul>{links}</ul></li>')
    return f'<nav class="mega-menu" aria-label="All categories"><ul>{"".join(columns)}</ul></nav>'


def _recommendations(shop: Shop, p: Product, rng: random.Random) -> str:
    others = [o for o in shop.products if o.id != p.id]
    cards = []
    for o in rng.sample(others, min(24, len(others))):
        cards.append(f'<li class="product-card"><a href="{o.path}"><span class="product-card__name">{escape(o.name)}'
                     f'</span><span class="product-card__price price">{escape(o.price_display)}</span></a></li>')
    return (f'<section class="recommendations carousel" aria-label="You may also like"><h2>You may also like</h2>'
            f'<ul>{"".join(cards)}</ul></section>')


def _reviews(rng: random.Random) -> str:
    items = "".join(f'<li class="review"><span class="review__stars">{rng.randrange(1, 6)}/5</span>'
                    f'<p>{escape(_words(rng, 80).capitalize())}.</p></li>' for _ in range(30))
    return f'<section class="reviews" id="reviews"><h2>Reviews</h2><ul>{items}</ul></section>'


def _footer_links(rng: random.Random) -> str:
    links = "".join(f'<a href="/help/{i}">{escape(_words(rng, 2).title())}</a>' for i in range(150))
    return f'<div class="footer-links">{links}</div>'


def _app_state(shop: Shop, p: Product, rng: random.Random) -> str:
    catalogue = [{"id": o.id, "name": o.name, "brand": o.brand, "url": o.path, "price": {"value": o.price},
                  "tags": [_words(rng, 1) for _ in range(6)], "teaser": _words(rng, 40)}
                 for o in rng.sample(shop.products, min(120, len(shop.products)))]
    state = {"config": {"locale": p.locale, "features": {_words(rng, 1) + str(i): bool(i % 2) for i in range(200)}},
             "translations": {f"key.{i}": _words(rng, 6) for i in range(1500)},
             "recentlyViewed": catalogue[:40], "catalogue": catalogue}
    return f"<script>window.__APP_CONFIG__ = {json.dumps(state, ensure_ascii=False)};</script>"


def bulk(shop: Shop, p: Product) -> tuple[str, str, str]:
    """(head, before, after): what goes into the page's <head>, before its main content and after it."""
    rng = random.Random(f"page-weight:{shop.seed}:{p.id}")
    head = f"<style>{_css(rng, 1100)}</style>"
    before = _svg_sprite(rng, 60) + _mega_menu(rng)
    after = _recommendations(shop, p, rng) + _reviews(rng) + _footer_links(rng) + _app_state(shop, p, rng)
    return head, before, after
