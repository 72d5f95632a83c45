"""HTML / XML / JSON rendering of the demo shop.

Every function returns text containing the placeholders BASE (``http://host:port``) and HOST
(``host:port``); the server substitutes the values of the request's Host header before sending.
"""

from __future__ import annotations

import dataclasses
import json
from html import escape
from typing import Any

from . import page_weight
from .shop import (
    CATEGORY_BY_SLUG,
    DEAD_LINK_PATH,
    ERROR_500_PATH,
    LOCALES,
    PER_PAGE,
    SHOP_NAME,
    Category,
    Product,
    Shop,
    slugify,
)

BASE = "@@S2S_BASE@@"
HOST = "@@S2S_HOST@@"
LOCALE_BY_CODE = {loc.code: loc for loc in LOCALES}
SCHEMA = "https://schema.org/"
AVAIL_TEXT = {
    "InStock": "In stock",
    "OutOfStock": "Sold out",
    "PreOrder": "Pre-order",
    "LimitedAvailability": "Only a few left",
}

CSS = """body{font-family:system-ui,sans-serif;margin:0;color:#222}header,footer{padding:12px 24px;background:#f4f4f2}
nav a{margin-right:12px}main{padding:24px}.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:16px;list-style:none;padding:0}
.gallery img{max-width:100%}.thumbs{display:flex;gap:8px;list-style:none;padding:0}.thumbs img{width:80px}
del{color:#888}.price{font-weight:700;font-size:1.3em}.sale{color:#b00}.carousel{display:flex;gap:12px}
"""


def _attr(s: object) -> str:
    return escape(str(s), quote=True)


def _ld_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _availability_url(p: Product, value: str | None = None) -> str:
    value = value or p.availability
    form = p.index % 3
    if form == 0:
        return SCHEMA + value
    if form == 1:
        return "http://schema.org/" + value
    return value


def _img_url(p: Product, path: str) -> str:
    form = p.image_url_form
    if form == "absolute":
        return BASE + path
    if form == "relative":
        return ".." + path  # page /p/<slug> -> ../img/x.jpg == /img/x.jpg
    if form == "protocol":
        return "//" + HOST + path
    return path


def _srcset_attr(shop: Shop, p: Product, path: str) -> str:
    if not p.srcset:
        return ""
    stem, ext = path.rsplit(".", 1)
    small = f"{stem}-320w.{ext}"
    if small not in shop.images:
        return ""
    return f' srcset="{_img_url(p, small)} 320w, {_img_url(p, path)} 480w" sizes="(max-width: 600px) 320px, 480px"'


def layout(title: str, body: str, *, lang: str = "en", canonical: str | None = None, head: str = "",
           pixel: str = "page") -> str:
    nav = "".join(f'<a href="{c.path}">{escape(c.title)}</a>' for c in CATEGORY_BY_SLUG.values())
    canon = f'\n<link rel="canonical" href="{BASE}{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} | {SHOP_NAME}</title>{canon}
<link rel="stylesheet" href="/static/site.css">
<link rel="icon" href="/static/logo.png">
{head}
</head>
<body>
<header>
<a href="/" class="home-link"><img src="/static/logo.png" alt="{SHOP_NAME} logo" class="logo" width="160" height="40"></a>
<nav class="main-nav">{nav}</nav>
</header>
<main>
{body}
</main>
<footer>
<p>&copy; 2024 {SHOP_NAME}. <a href="/">Home</a> &middot; <a href="/sitemap.xml">Sitemap</a></p>
<img src="/t/px.gif?e={_attr(pixel)}" width="1" height="1" alt="" class="tracking-pixel" style="position:absolute;left:-9999px">
</footer>
</body>
</html>
"""


# --- product pages ----------------------------------------------------------------------------


def _offer_ld(p: Product, price: str, availability: str, *, regular: str | None = None,
              url: str | None = None) -> dict:
    offer: dict[str, Any] = {
        "@type": "Offer",
        "url": BASE + (url or p.path),
        "priceCurrency": p.currency,
        "price": price,
        "availability": _availability_url(p, availability),
        "itemCondition": SCHEMA + "NewCondition",
    }
    if regular:
        offer["priceSpecification"] = {
            "@type": "UnitPriceSpecification",
            "priceType": SCHEMA + "StrikethroughPrice",
            "price": regular,
            "priceCurrency": p.currency,
        }
    return offer


def product_ld(p: Product, *, price: str | None = None, strikethrough: bool = True) -> dict:
    """schema.org Product with one Offer (``price`` overrides the offered price)."""
    return {
        "@context": SCHEMA,
        "@type": "Product",
        "name": p.name,
        "image": [BASE + i for i in p.images],
        "description": p.description,
        "sku": p.sku,
        "gtin13": p.gtin,
        "mpn": p.mpn,
        "color": p.color,
        "category": p.category,
        "brand": {"@type": "Brand", "name": p.brand},
        "offers": _offer_ld(p, price or p.price, p.availability,
                            regular=p.regular_price if strikethrough and price is None else None),
    }


def breadcrumb_ld(p: Product) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": k + 1, "name": name, "item": BASE + path}
            for k, (name, path) in enumerate(zip(p.breadcrumbs, p.breadcrumb_paths))
        ],
    }


def _graph_ld(p: Product) -> dict:
    url = BASE + p.path
    bc = breadcrumb_ld(p)
    del bc["@context"]
    bc["@id"] = url + "#breadcrumb"
    prod = product_ld(p)
    del prod["@context"]
    prod["@id"] = url + "#product"
    prod["mainEntityOfPage"] = {"@id": url + "#webpage"}
    prod["offers"]["price"] = float(p.price)  # numbers, not strings, in this CMS
    prod["offers"]["seller"] = {"@id": BASE + "/#organization"}
    if "priceSpecification" in prod["offers"]:
        prod["offers"]["priceSpecification"]["price"] = float(p.regular_price or 0)
    return {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": BASE + "/#organization", "name": SHOP_NAME, "url": BASE + "/",
             "logo": {"@type": "ImageObject", "url": BASE + "/static/logo.png"}},
            {"@type": "WebSite", "@id": BASE + "/#website", "url": BASE + "/", "name": SHOP_NAME,
             "publisher": {"@id": BASE + "/#organization"}},
            {"@type": "WebPage", "@id": url + "#webpage", "url": url, "name": f"{p.name} | {SHOP_NAME}",
             "isPartOf": {"@id": BASE + "/#website"}, "breadcrumb": {"@id": url + "#breadcrumb"},
             "primaryImageOfPage": {"@type": "ImageObject", "url": BASE + p.images[0]}},
            bc,
            prod,
        ],
    }


def _productgroup_ld(p: Product) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "ProductGroup",
        "name": p.name,
        "description": p.description,
        "url": BASE + p.path,
        "image": [BASE + i for i in p.images],
        "brand": {"@type": "Brand", "name": p.brand},
        "productGroupID": p.sku,
        "category": p.category,
        "variesBy": [SCHEMA + "size", SCHEMA + "color"],
        "hasVariant": [
            {
                "@type": "Product",
                "name": f"{p.name} – {v.color}, {v.size}",
                "sku": v.sku,
                "gtin13": v.gtin,
                "size": v.size,
                "color": v.color,
                "image": BASE + p.images[0],
                "offers": _offer_ld(p, v.price, v.availability, regular=v.regular_price, url=v.path),
            }
            for v in p.variants
        ],
    }


def _broken_ld_text(p: Product) -> str:
    """Hand-written JSON-LD with the breakages listed in ``p.jsonld_breakages``."""
    b = set(p.jsonld_breakages)
    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731
    tc = "," if "trailing_commas" in b else ""
    if "control_chars" in b:
        raw = p.description.replace("\\", "\\\\").replace('"', '\\"').replace("Model is", "Model\tis")
        desc = f'"{raw}"'  # raw newline and tab inside the string
    else:
        desc = q(p.description)
    images = ", ".join(q(BASE + i) for i in p.images)
    lines = [
        "<!-- Product structured data, generated by ShopCMS 4.2 -->" if "html_comment" in b else "",
        "{",
        f'  "@context": "https://schema.org/",',
        f'  "@type": "Product",',
        f'  "name": {q(p.name)},',
        f'  "image": [{images}{tc}],',
        f'  "description": {desc},',
        f'  "sku": {q(p.sku)},',
        f'  "gtin13": {q(p.gtin)},',
        f'  "mpn": {q(p.mpn)},',
        f'  "color": {q(p.color)},',
        f'  "brand": {{"@type": "Brand", "name": {q(p.brand)}{tc}}},',
        '  "offers": {',
        '    "@type": "Offer",',
        f'    "url": {q(BASE + p.path)},',
        f'    "priceCurrency": {q(p.currency)},',
        f'    "price": {q(p.price)},',
        f'    "availability": {q(_availability_url(p))}{tc}',
        "  }" + tc,
        "}" + (";" if "trailing_semicolon" in b else ""),
        "}" if "extra_brace" in b else "",
    ]
    return '<script type="application/ld+json">\n' + "\n".join(x for x in lines if x) + "\n</script>"


def _breadcrumbs_html(p: Product, style: str) -> str:
    items = list(zip(p.breadcrumbs, p.breadcrumb_paths))
    if style == "microdata":
        lis = "".join(
            f'<li itemprop="itemListElement" itemscope itemtype="{SCHEMA}ListItem">'
            f'<a itemprop="item" href="{path}"><span itemprop="name">{escape(name)}</span></a>'
            f'<meta itemprop="position" content="{k + 1}"></li>'
            for k, (name, path) in enumerate(items)
        )
        return f'<ol class="breadcrumbs" itemscope itemtype="{SCHEMA}BreadcrumbList">{lis}</ol>'
    if style == "rdfa":
        lis = "".join(
            f'<li property="itemListElement" typeof="ListItem">'
            f'<a property="item" typeof="WebPage" href="{path}"><span property="name">{escape(name)}</span></a>'
            f'<meta property="position" content="{k + 1}"></li>'
            for k, (name, path) in enumerate(items)
        )
        return f'<ol class="breadcrumbs" vocab="{SCHEMA}" typeof="BreadcrumbList">{lis}</ol>'
    lis = "".join(f'<li><a href="{path}">{escape(name)}</a></li>' for name, path in items)
    return f'<ol class="breadcrumbs">{lis}</ol>'


def _gallery_html(shop: Shop, p: Product, prop: str = "") -> str:
    """Main image + thumbnails; the first image appears twice (main and first thumbnail)."""
    alt = _attr(p.name)
    main = p.images[0]
    out = [
        '<div class="gallery">',
        f'<img class="main-image" src="{_img_url(p, main)}"{_srcset_attr(shop, p, main)} alt="{alt}"'
        f' width="400" height="480"{prop}>',
        '<ul class="thumbs">',
    ]
    for k, path in enumerate(p.images):
        extra = prop if k > 0 else ""
        out.append(f'<li><img src="{_img_url(p, path)}"{_srcset_attr(shop, p, path) if k else ""}'
                   f' alt="{alt} – view {k + 1}" loading="lazy" data-zoom="{_img_url(p, path)}"{extra}></li>')
    out.append("</ul></div>")
    return "\n".join(out)


def _price_html(p: Product, *, sale_class: bool = True, price_attrs: str = "", before: str = "") -> str:
    if p.regular_price_display:
        return (
            f'<div class="price-box">{before}<del class="price-was">{escape(p.regular_price_display)}</del> '
            f'<span class="price{" sale" if sale_class else ""}"{price_attrs}>{escape(p.price_display)}</span> '
            f'<button type="submit" class="add-to-cart">Add to cart</button></div>'
        )
    return (
        f'<div class="price-box">{before}<span class="price"{price_attrs}>{escape(p.price_display)}</span> '
        f'<button type="submit" class="add-to-cart">Add to cart</button></div>'
    )


def _variant_html(p: Product) -> str:
    if not p.variants:
        sizes = "".join(f"<option>{s}</option>" for s in ("S", "M", "L"))
        return f'<label>Size <select name="size">{sizes}</select></label>'
    loc = LOCALE_BY_CODE[p.locale]
    opts = "".join(
        f'<option value="{_attr(v.sku)}"{" disabled" if v.availability != "InStock" else ""}>'
        f"{escape(v.color)} / {v.size} – {escape(loc.format(v.price))}</option>"
        for v in p.variants
    )
    return f'<label>Colour &amp; size <select name="variant" class="variant-select">{opts}</select></label>'


def _related_html(shop: Shop, p: Product) -> str:
    """'You may also like' carousel with OTHER products' prices and images."""
    n = len(shop.products)
    cards = []
    k = 1
    while len(cards) < 4 and k < n:
        o = shop.products[(p.index + k * 5) % n]
        k += 1
        if o is p or o.disallowed or o.js_only or o.js_listing_only:
            continue
        cards.append(
            f'<li class="related-item"><a href="{o.path}"><img src="{o.images[0]}" alt="{_attr(o.name)}" width="160">'
            f'<span class="related-name">{escape(o.name)}</span></a>'
            f'<span class="related-price">{escape(o.price_display)}</span></li>'
        )
    return '<section class="related"><h2>You may also like</h2><ul class="carousel">' + "".join(cards) + "</ul></section>"


def _info_rows(p: Product) -> str:
    return (
        '<dl class="product-details">'
        f"<dt>Colour</dt><dd>{escape(p.color)}</dd>"
        f"<dt>Item no.</dt><dd>{escape(p.sku)}</dd>"
        f'<dt>Category</dt><dd><a href="/c/{p.category_slug}">{escape(p.category)}</a></dd>'
        "</dl>"
    )


def _brand_link(p: Product, attrs: str = "", inner_attrs: str = "") -> str:
    return f'<a class="brand" href="/brand/{slugify(p.brand)}"{attrs}><span{inner_attrs}>{escape(p.brand)}</span></a>'


def _desc_html(p: Product, attrs: str = "") -> str:
    paras = "\n".join(f"<p>{escape(line)}</p>" for line in p.description.split("\n"))
    return f'<div class="description"{attrs}>{paras}</div>'


def product_body(shop: Shop, p: Product) -> tuple[str, str]:
    """(head extra, main body) for a product page in ``p.style``."""
    style = p.style
    head = ""
    bc = _breadcrumbs_html(p, style)
    avail = f'<p class="availability">{AVAIL_TEXT[p.availability]}</p>'
    gallery = _gallery_html(shop, p)
    scripts = ""
    if style == "jsonld":
        scripts = _ld_script(product_ld(p)) + "\n" + _ld_script(breadcrumb_ld(p))
    elif style == "jsonld_graph":
        scripts = _ld_script(_graph_ld(p))
    elif style == "jsonld_broken":
        scripts = _broken_ld_text(p)
    elif style == "productgroup":
        scripts = _ld_script(_productgroup_ld(p)) + "\n" + _ld_script(breadcrumb_ld(p))
    elif style == "sale_markup_wrong":
        # the CMS emits the regular price as the offer price; the page shows the sale price
        scripts = _ld_script(product_ld(p, price=p.regular_price or p.price, strikethrough=False))
    elif style == "opengraph":
        metas = [
            ("og:type", "product"),
            ("og:title", p.name),
            ("og:url", BASE + p.path),
            *[("og:image", BASE + i) for i in p.images],
            ("product:price:amount", p.price),
            ("product:price:currency", p.currency),
            ("og:price:amount", p.price),
            ("og:price:currency", p.currency),
        ]
        head = "\n".join(f'<meta property="{k}" content="{_attr(v)}">' for k, v in metas)

    if style == "microdata":
        body = f"""{bc}
<div class="product" itemscope itemtype="{SCHEMA}Product">
{_gallery_html(shop, p, prop=' itemprop="image"')}
<div class="product-info">
<h1 itemprop="name">{escape(p.name)}</h1>
<div itemprop="brand" itemscope itemtype="{SCHEMA}Brand">{_brand_link(p, ' itemprop="url"', ' itemprop="name"')}</div>
<meta itemprop="sku" content="{_attr(p.sku)}"><meta itemprop="gtin13" content="{p.gtin}"><meta itemprop="mpn" content="{_attr(p.mpn)}">
<meta itemprop="color" content="{_attr(p.color)}"><meta itemprop="category" content="{_attr(p.category)}">
<div itemprop="offers" itemscope itemtype="{SCHEMA}Offer">
<meta itemprop="priceCurrency" content="{p.currency}">
<link itemprop="availability" href="{SCHEMA}{p.availability}">
<link itemprop="url" href="{p.path}">
{_price_html(p, price_attrs=f' itemprop="price" content="{p.price}"')}
</div>
{avail}
{_variant_html(p)}
{_desc_html(p, ' itemprop="description"')}
{_info_rows(p)}
</div>
</div>"""
        return head, body
    if style == "rdfa":
        body = f"""{bc}
<div class="product" vocab="{SCHEMA}" typeof="Product">
{_gallery_html(shop, p, prop=' property="image"')}
<div class="product-info">
<h1 property="name">{escape(p.name)}</h1>
<p class="by">by <span property="brand" typeof="Brand"><span property="name">{escape(p.brand)}</span></span>
(<a href="/brand/{slugify(p.brand)}">all products</a>)</p>
<meta property="sku" content="{_attr(p.sku)}"><meta property="gtin13" content="{p.gtin}"><meta property="mpn" content="{_attr(p.mpn)}">
<meta property="color" content="{_attr(p.color)}">
<div property="offers" typeof="Offer">
<meta property="priceCurrency" content="{p.currency}">
<link property="availability" href="{SCHEMA}{p.availability}">
{_price_html(p, price_attrs=f' property="price" content="{p.price}"')}
</div>
{avail}
{_variant_html(p)}
{_desc_html(p, ' property="description"')}
{_info_rows(p)}
</div>
</div>"""
        return head, body

    related = _related_html(shop, p) if style == "nomarkup" else ""
    brand = _brand_link(p)
    if style == "opengraph":
        price = f'<p class="price-line">Price: <span class="amount">{escape(p.price_display)}</span>' + (
            f' <s>{escape(p.regular_price_display)}</s>' if p.regular_price_display else "") + "</p>"
        price += '<button type="submit" class="add-to-cart">Add to cart</button>'
    else:
        price = _price_html(p)
    body = f"""{bc}
<div class="product">
{gallery}
<div class="product-info">
<h1>{escape(p.name)}</h1>
<p class="by">by {brand}</p>
{price}
{avail}
{_variant_html(p)}
{_desc_html(p)}
{_info_rows(p)}
</div>
</div>
{related}
{scripts}"""
    return head, body


def render_product(shop: Shop, p: Product) -> str:
    head, body = product_body(shop, p)
    if shop.real_size:
        extra_head, before, after = page_weight.bulk(shop, p)
        head, body = head + extra_head, before + body + after
    lang = p.locale
    return layout(p.name, body, lang=lang, canonical=p.path, head=head, pixel=f"product:{p.id}")


def render_js_product(shop: Shop, p: Product) -> str:
    """Shell page: content and JSON-LD arrive from /api/p/<slug>.json at runtime."""
    body = """<div id="app" data-page="product"><p class="loading">Loading…</p></div>
<noscript>Please enable JavaScript to view this product.</noscript>
<script>
(function () {
  var slug = location.pathname.split("/").filter(Boolean).pop();
  fetch("/api/" + "p/" + slug + ".json", {headers: {"Accept": "application/json"}})
    .then(function (r) { return r.json(); })
    .then(function (d) {
      var s = document.createElement("script");
      s.type = "application/ld+json";
      s.textContent = JSON.stringify(d.jsonld);
      document.head.appendChild(s);
      document.title = d.title;
      document.getElementById("app").innerHTML = d.html;
    });
})();
</script>"""
    return layout("Loading…", body, lang=p.locale, pixel="js-product")


def api_product(shop: Shop, p: Product) -> str:
    _, body = product_body(shop, dataclasses.replace(p, style="js"))
    return json.dumps({"title": f"{p.name} | {SHOP_NAME}", "jsonld": product_ld(p), "html": body}, ensure_ascii=False)


# --- listing pages ----------------------------------------------------------------------------


def _card(p: Product, *, href: str | None = None) -> str:
    return (
        f'<li class="product-card" data-id="{p.id}"><a href="{href or p.path}">'
        f'<img src="{p.images[0]}" alt="{_attr(p.name)}" width="240" loading="lazy">'
        f'<span class="name">{escape(p.name)}</span></a>'
        f'<span class="price">{escape(p.price_display)}</span></li>'
    )


def render_home(shop: Shop) -> str:
    depts: dict[str, list[Category]] = {}
    for c in shop.categories:
        depts.setdefault(c.department, []).append(c)
    sections = "".join(
        f'<section id="{d.lower()}"><h2>{d}</h2><ul>'
        + "".join(f'<li><a href="{c.path}">{escape(c.title)}</a></li>' for c in cats)
        + "</ul></section>"
        for d, cats in depts.items()
    )
    js_cat = CATEGORY_BY_SLUG[shop.js_category_path.rsplit("/", 1)[1]]
    featured = [shop.products[0]] + [p for p in shop.products[1:8] if not (p.disallowed or p.js_only or p.js_listing_only)][:3]
    cards = "".join(_card(p, href=shop.featured_legacy_path if p is shop.products[0] else None) for p in featured)
    body = f"""<h1>{SHOP_NAME}</h1>
<p class="intro">Street style, shop prices.</p>
{sections}
<section class="new-in"><h2>New in</h2><p><a href="{shop.js_category_path}" class="js-listing">New in: {escape(js_cat.title)} (live)</a></p></section>
<section class="featured"><h2>Featured</h2><ul class="grid">{cards}</ul></section>"""
    return layout("Home", body, canonical="/", pixel="home")


def render_category(shop: Shop, slug: str, page: int) -> str | None:
    cat = CATEGORY_BY_SLUG.get(slug)
    if cat is None:
        return None
    pages = shop.category_page_count(slug)
    if not 1 <= page <= pages:
        return None
    items = shop.category_products(slug)[(page - 1) * PER_PAGE : page * PER_PAGE]
    cards = [_card(p) for p in items]
    if page == 1 and slug == shop.categories[0].slug:
        cards.append(
            f'<li class="product-card"><a href="{DEAD_LINK_PATH}"><span class="name">Discontinued Wool Coat</span></a>'
            '<span class="price">€199.00</span></li>'
        )
        cards.append(
            f'<li class="product-card"><a href="{ERROR_500_PATH}"><span class="name">Limited Edition Tee</span></a>'
            '<span class="price">€39.00</span></li>'
        )
    canonical = cat.path if page == 1 else f"{cat.path}?page={page}"
    head = []
    nav = []
    if page > 1:
        prev = cat.path if page == 2 else f"{cat.path}?page={page - 1}"
        head.append(f'<link rel="prev" href="{BASE}{prev}">')
        nav.append(f'<a href="{prev}" rel="prev" class="prev">Previous</a>')
    nav.extend(
        f'<span class="current">{k}</span>' if k == page else f'<a href="{cat.path}?page={k}" class="page">{k}</a>'
        for k in range(1, pages + 1)
    )
    if page < pages:
        head.append(f'<link rel="next" href="{BASE}{cat.path}?page={page + 1}">')
        nav.append(f'<a href="?page={page + 1}" rel="next" class="next">Next</a>')
    total = len(shop.category_products(slug))
    body = f"""<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/#{cat.department.lower()}">{cat.department}</a></li><li>{escape(cat.title)}</li></ol>
<h1>{escape(cat.title)}</h1>
<p class="count">{total} products &middot; page {page} of {pages}</p>
<ul class="grid product-grid">
{chr(10).join(cards)}
</ul>
<nav class="pagination">{" ".join(nav)}</nav>"""
    return layout(f"{cat.title} – page {page}" if page > 1 else cat.title, body, canonical=canonical,
                  head="\n".join(head), pixel=f"category:{slug}:{page}")


def render_js_category(shop: Shop, slug: str) -> str | None:
    cat = CATEGORY_BY_SLUG.get(slug)
    if cat is None:
        return None
    body = f"""<h1>New in: {escape(cat.title)}</h1>
<ul class="grid product-grid" id="grid" data-category="{cat.slug}"><li class="loading">Loading products…</li></ul>
<script>
(function () {{
  var grid = document.getElementById("grid");
  fetch("/api/c/" + grid.dataset.category + ".json")
    .then(function (r) {{ return r.json(); }})
    .then(function (d) {{
      grid.innerHTML = "";
      d.products.forEach(function (p) {{
        var li = document.createElement("li"); li.className = "product-card";
        var a = document.createElement("a"); a.href = p.url; a.textContent = p.name;
        var img = document.createElement("img"); img.src = p.image; img.alt = p.name; a.prepend(img);
        var price = document.createElement("span"); price.className = "price"; price.textContent = p.price;
        li.appendChild(a); li.appendChild(price); grid.appendChild(li);
      }});
    }});
}})();
</script>"""
    return layout(f"New in: {cat.title}", body, canonical=cat.js_path, pixel=f"js-category:{slug}")


def api_category(shop: Shop, slug: str) -> str | None:
    if slug not in CATEGORY_BY_SLUG:
        return None
    items = [
        {"id": p.id, "name": p.name, "url": p.path, "price": p.price_display, "image": p.images[0]}
        for p in shop.js_category_products(slug)
    ]
    return json.dumps({"category": slug, "count": len(items), "products": items}, ensure_ascii=False)


def render_brand(shop: Shop, brand_slug: str) -> str | None:
    items = [p for p in shop.products if slugify(p.brand) == brand_slug and not (p.disallowed or p.js_listing_only)]
    if not items:
        return None
    name = items[0].brand
    cards = "\n".join(_card(p) for p in items[:24])
    body = f'<h1>{escape(name)}</h1>\n<ul class="grid product-grid">\n{cards}\n</ul>'
    return layout(name, body, canonical=f"/brand/{brand_slug}", pixel=f"brand:{brand_slug}")


def render_error(status: int) -> str:
    title = {404: "Page not found", 500: "Internal Server Error"}.get(status, f"Error {status}")
    return layout(title, f"<h1>{title}</h1><p>Sorry, something went wrong ({status}).</p>", pixel=f"error:{status}")


# --- robots / sitemaps ------------------------------------------------------------------------


def robots_txt(shop: Shop) -> str:
    return f"""# {SHOP_NAME}
User-agent: GPTBot
Disallow: /

User-agent: *
Disallow: /private/
Disallow: /cart
Allow: /

Sitemap: {BASE}/sitemap.xml
"""


def _lastmod(d) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def sitemap_index(shop: Shop) -> str:
    lm = _lastmod(shop.last_modified)
    entries = "".join(
        f"  <sitemap>\n    <loc>{BASE}{loc}</loc>\n    <lastmod>{lm}</lastmod>\n  </sitemap>\n"
        for loc in ("/sitemaps/products-1.xml.gz", "/sitemaps/products-2.xml", "/sitemaps/categories.xml")
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n'


def sitemap_product_parts(shop: Shop) -> tuple[list[str], list[str]]:
    paths = shop.sitemap_product_paths
    half = (len(paths) + 1) // 2
    return paths[:half], paths[half:]


def sitemap_products(shop: Shop, part: int) -> str:
    paths = sitemap_product_parts(shop)[part - 1]
    lookup = {p.legacy_path: p for p in shop.products if p.redirect_in_sitemap}
    out = []
    for path in paths:
        p = lookup.get(path) or shop.by_path[path]
        imgs = "".join(f"    <image:image><image:loc>{BASE}{i}</image:loc></image:image>\n"
                       for i in p.images if p.image_expectations[i] == "ok")
        out.append(f"  <url>\n    <loc>{BASE}{path}</loc>\n    <lastmod>{_lastmod(p.last_modified)}</lastmod>\n{imgs}  </url>\n")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n' + "".join(out) + "</urlset>\n"
    )


def sitemap_categories(shop: Shop) -> str:
    lm = _lastmod(shop.last_modified)
    locs = ["/"] + [c.path for c in shop.categories]
    out = "".join(f"  <url>\n    <loc>{BASE}{loc}</loc>\n    <lastmod>{lm}</lastmod>\n  </url>\n" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{out}</urlset>\n'
