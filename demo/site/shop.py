"""Deterministic product catalogue of the demo shop, with the ground truth tests assert on.

`build_shop(n, seed)` returns a `Shop` whose `products` carry exactly the values the pages show
(after the markup quirks are undone): a crawler that extracts a product correctly must end up
with `Product.price`, `.currency`, `.availability`, `.gtin`, ... as stored here.

Fixed roles (independent of ``n``; see `ROLE_INDEX` / `IMAGE_SPECIAL_INDEX`) make every special
path exist even in small shops; markup styles rotate with ``index % len(STYLES)``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

STYLES: tuple[str, ...] = (
    "jsonld",
    "jsonld_graph",
    "jsonld_broken",
    "productgroup",
    "microdata",
    "rdfa",
    "opengraph",
    "nomarkup",
    "sale_markup_wrong",
)

#: Outcomes a crawler should reach for each image path (`Shop.image_expectations`).
IMAGE_OUTCOMES: tuple[str, ...] = ("ok", "broken", "not_image", "bomb", "noai", "missing")

#: Product index -> role. Styles at these indices: 9 jsonld, 10 jsonld_graph, 11 jsonld_broken,
#: 12 productgroup, 13 microdata.
ROLE_INDEX: dict[str, int] = {
    "js_only": 9,  # page at /js/p/<slug>, everything injected by JS
    "js_listing_only": 10,  # normal page, linked only from the JS-rendered grid
    "disallowed": 11,  # page at /private/p/<slug> (robots.txt Disallow)
    "redirect_in_sitemap": 12,  # sitemap lists /p/old-<slug> (301)
    "rate_limited": 13,  # first request 429 Retry-After: 1, then 200
}
#: Product index -> special image replacing its last gallery image.
IMAGE_SPECIAL_INDEX: dict[int, tuple[str, dict[str, str]]] = {
    1: ("broken", {}),
    2: ("not_image", {}),
    3: ("bomb", {}),
    4: ("noai", {"X-Robots-Tag": "noai"}),
    5: ("noai", {"X-Robots-Tag": "noimageai"}),
    6: ("missing", {}),
}
MIN_PRODUCTS = 16
PER_PAGE = 12
SHOP_NAME = "Street2Shop Demo Store"
DEAD_LINK_PATH = "/p/discontinued-wool-coat-99999"
ERROR_500_PATH = "/p/broken-500"


@dataclass(frozen=True)
class Category:
    kind: str  # DeepFashion2-ish garment kind, e.g. "vest top"
    slug: str  # URL slug, e.g. "vest-top"
    title: str  # listing title, e.g. "Vest tops"
    noun: str  # used in product names, e.g. "Vest Top"
    department: str  # breadcrumb level 2
    price_range: tuple[int, int]  # EUR

    @property
    def path(self) -> str:
        return f"/c/{self.slug}"

    @property
    def js_path(self) -> str:
        return f"/js/c/{self.slug}"

    @property
    def api_path(self) -> str:
        return f"/api/c/{self.slug}.json"


CATEGORIES: tuple[Category, ...] = (
    Category("t-shirt", "t-shirt", "T-shirts", "T-Shirt", "Men", (12, 45)),
    Category("shirt", "shirt", "Shirts", "Shirt", "Men", (25, 95)),
    Category("jacket", "jacket", "Jackets", "Jacket", "Men", (60, 380)),
    Category("coat", "coat", "Coats", "Coat", "Women", (90, 600)),
    Category("vest top", "vest-top", "Vest tops", "Vest Top", "Women", (9, 35)),
    Category("sling top", "sling-top", "Sling tops", "Sling Top", "Women", (12, 60)),
    Category("shorts", "shorts", "Shorts", "Shorts", "Men", (15, 70)),
    Category("trousers", "trousers", "Trousers", "Trousers", "Men", (30, 180)),
    Category("skirt", "skirt", "Skirts", "Skirt", "Women", (25, 150)),
    Category("dress", "dress", "Dresses", "Dress", "Women", (35, 420)),
)
CATEGORY_BY_SLUG = {c.slug: c for c in CATEGORIES}

NBSP = "\u00a0"
NNBSP = "\u202f"


@dataclass(frozen=True)
class Locale:
    code: str  # BCP 47, e.g. "de-DE"
    currency: str  # ISO 4217
    rate: float  # EUR -> currency
    thousands: str
    decimal: str
    pattern: str  # "{n}" replaced by the formatted number

    @property
    def lang(self) -> str:
        return self.code.split("-")[0]

    def format(self, amount: str | Decimal) -> str:
        """Visible price text, e.g. ``"1.299,00 €"``, ``"$1,299.00"``, ``"1 299,00 zł"`` (NBSP)."""
        q = Decimal(amount).quantize(Decimal("0.01"))
        whole, frac = f"{q:.2f}".split(".")
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        return self.pattern.replace("{n}", self.thousands.join(groups) + self.decimal + frac)


LOCALES: tuple[Locale, ...] = (
    Locale("de-DE", "EUR", 1.0, ".", ",", "{n} €"),
    Locale("en-US", "USD", 1.1, ",", ".", "${n}"),
    Locale("en-GB", "GBP", 0.86, ",", ".", "£{n}"),
    Locale("pl-PL", "PLN", 4.3, NBSP, ",", "{n}" + NBSP + "zł"),
    Locale("fr-FR", "EUR", 1.0, NNBSP, ",", "{n}" + NBSP + "€"),
)

COLORS: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("Black", (28, 28, 30)),
    ("White", (238, 236, 230)),
    ("Navy", (30, 42, 84)),
    ("Red", (178, 34, 40)),
    ("Olive", (106, 112, 58)),
    ("Beige", (214, 196, 164)),
    ("Camel", (186, 140, 84)),
    ("Grey", (128, 130, 134)),
    ("Burgundy", (110, 24, 44)),
    ("Pink", (232, 150, 170)),
    ("Sky Blue", (120, 176, 222)),
    ("Mustard", (212, 160, 40)),
    ("Forest Green", (34, 90, 56)),
    ("Denim Blue", (62, 92, 138)),
    ("Chocolate", (88, 56, 38)),
    ("Cream", (244, 234, 208)),
)
PATTERNS: tuple[str, ...] = ("solid", "stripes", "pinstripe", "dots", "check", "melange")
BRANDS: tuple[str, ...] = (
    "Nordhav",
    "Åsa & Co",
    "Lúne Atelier",
    "O'Malley Tailors",
    "Kestrel",
    "Maison Dupré",
    "Field & Fable",
    "Urbanek",
    "Tokyo Mode",
    "Verde Basics",
)
ADJECTIVES = (
    "Relaxed", "Slim", "Oversized", "Cropped", "Classic", "Boxy", "Tailored", "Wrap",
    "Pleated", "Utility", "Everyday", "Vintage", "Soft", "Structured", "Essential", "Fluid",
)
MATERIALS = (
    "Cotton", "Linen", "Wool", "Denim", "Jersey", "Satin", "Corduroy", "Poplin",
    "Twill", "Crêpe", "Merino", "Organic Cotton",
)
SIZES = ("XS", "S", "M", "L", "XL")
AVAILABILITY = ("InStock", "OutOfStock", "PreOrder", "LimitedAvailability")
VIEWS_EXTRA = ("model", "detail", "back")


@dataclass(frozen=True)
class Variant:
    sku: str
    gtin: str
    size: str
    color: str
    color_rgb: tuple[int, int, int]
    price: str
    regular_price: str | None
    availability: str
    path: str  # product page with ?variant=<sku>


@dataclass(frozen=True)
class ImageSpec:
    """One servable image path. ``outcome`` is what a crawler should conclude about it."""

    path: str
    product_id: int
    index: int  # gallery index
    fmt: str  # "jpeg" | "png" | "webp" (bytes actually served for ok/noai images)
    outcome: str = "ok"
    headers: tuple[tuple[str, str], ...] = ()
    width: int | None = None  # None: full size; else a srcset rendition
    variant_of: str | None = None  # srcset rendition -> gallery path

    @property
    def content_type(self) -> str:
        if self.outcome == "not_image":
            return "image/jpeg"
        return {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}[self.fmt]


@dataclass
class Product:
    id: int
    index: int
    slug: str
    path: str  # URL path of the product page
    name: str
    brand: str
    price: str  # what the customer pays now, "49.90"
    regular_price: str | None  # struck-through price when on sale, else None
    currency: str
    availability: str  # schema.org short name
    sku: str  # ProductGroup: productGroupID
    gtin: str  # GTIN-13; ProductGroup: the default (first) variant's
    mpn: str
    color: str
    color_rgb: tuple[int, int, int]
    pattern: str
    category: str  # garment kind, e.g. "vest top"
    category_slug: str
    department: str
    breadcrumbs: list[str]  # names, ["Home", department, category title]
    breadcrumb_paths: list[str]
    description: str
    images: list[str]  # gallery order, 2-4 paths; may include a special image (see image_expectations)
    image_views: list[str]  # "front" | "model" | "detail" | "back", parallel to images
    image_expectations: dict[str, str]  # path -> outcome ("ok", "broken", ...)
    style: str  # markup style (STYLES)
    locale: str  # e.g. "de-DE"
    price_display: str  # visible price text, e.g. "1.299,00 €"
    regular_price_display: str | None
    image_url_form: str  # how the gallery <img> src is written: root | absolute | relative | protocol
    srcset: bool  # gallery <img> carry srcset with -320w renditions
    last_modified: dt.datetime
    variants: list[Variant] = field(default_factory=list)
    disallowed: bool = False
    js_only: bool = False
    js_listing_only: bool = False
    rate_limited: bool = False
    redirect_in_sitemap: bool = False
    legacy_path: str | None = None  # /p/old-<slug>: 301 -> path (for /p/ products)
    jsonld_breakages: list[str] = field(default_factory=list)

    @property
    def on_sale(self) -> bool:
        return self.regular_price is not None

    @property
    def ok_images(self) -> list[str]:
        """Gallery images that download and decode (includes noai-tagged ones)."""
        return [p for p in self.images if self.image_expectations[p] in ("ok", "noai")]

    def url(self, base_url: str) -> str:
        return base_url.rstrip("/") + self.path


@dataclass
class Shop:
    seed: int
    products: list[Product]
    categories: tuple[Category, ...]
    images: dict[str, ImageSpec]  # every servable /img/ path incl. srcset renditions and specials
    special_images: dict[str, str]  # path -> outcome, for the non-"ok" gallery images
    error_paths: dict[str, int]  # linked paths that fail: path -> status
    js_category_path: str  # /js/c/<slug> linked from the home page
    featured_legacy_path: str  # home page links this /p/old-<slug> (301)
    last_modified: dt.datetime
    #: product pages carry what a real shop's carry around the product (page_weight.py)
    real_size: bool = False

    @cached_property
    def by_slug(self) -> dict[str, Product]:
        return {p.slug: p for p in self.products}

    @cached_property
    def by_path(self) -> dict[str, Product]:
        return {p.path: p for p in self.products}

    @cached_property
    def by_id(self) -> dict[int, Product]:
        return {p.id: p for p in self.products}

    @cached_property
    def redirects(self) -> dict[str, str]:
        """Old path -> new path (301)."""
        return {p.legacy_path: p.path for p in self.products if p.legacy_path}

    @cached_property
    def image_expectations(self) -> dict[str, str]:
        """Every gallery image path -> expected outcome."""
        out: dict[str, str] = {}
        for p in self.products:
            out.update(p.image_expectations)
        return out

    def product(self, key: str | int) -> Product:
        if isinstance(key, int):
            return self.by_id[key]
        return self.by_path.get(key) or self.by_slug[key]

    def role(self, name: str) -> Product:
        """The product holding a fixed role (see ROLE_INDEX), e.g. ``shop.role("rate_limited")``."""
        return self.products[ROLE_INDEX[name]]

    def with_style(self, style: str) -> list[Product]:
        return [p for p in self.products if p.style == style]

    @cached_property
    def _listed(self) -> dict[str, list[Product]]:
        out: dict[str, list[Product]] = {c.slug: [] for c in self.categories}
        for p in self.products:
            if not p.js_listing_only:
                out[p.category_slug].append(p)
        return out

    def category_products(self, slug: str) -> list[Product]:
        """Products linked from the HTML pages of a category, in listing order."""
        return self._listed[slug]

    def category_page_count(self, slug: str) -> int:
        return max(1, -(-len(self._listed[slug]) // PER_PAGE))

    def js_category_products(self, slug: str) -> list[Product]:
        """Products the JS grid of /js/c/<slug> renders (everything but robots-disallowed ones)."""
        return [p for p in self.products if p.category_slug == slug and not p.disallowed]

    @cached_property
    def sitemap_product_paths(self) -> list[str]:
        """Product URLs listed in the sitemaps (old URL for the redirect_in_sitemap product)."""
        out = []
        for p in self.products:
            if p.disallowed or p.js_listing_only:
                continue
            out.append(p.legacy_path if p.redirect_in_sitemap else p.path)
        return out

    def expected_products(self, *, javascript: bool = False, obey_robots: bool = True) -> list[Product]:
        """Products whose data a crawler starting at / (or the sitemap) can extract."""
        out = []
        for p in self.products:
            if obey_robots and p.disallowed:
                continue
            if not javascript and (p.js_only or p.js_listing_only):
                continue
            out.append(p)
        return out


# --------------------------------------------------------------------------------------------


def gtin13(body12: str) -> str:
    """Append the GS1 check digit to 12 digits."""
    assert len(body12) == 12 and body12.isdigit()
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def gtin_valid(code: str) -> bool:
    return len(code) == 13 and code.isdigit() and gtin13(code[:12]) == code


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _money(value: float, ending: str) -> str:
    whole = max(1, int(value))
    if whole >= 1000:
        whole = int(round(whole, -1)) - 1  # 1299.00
        ending = "00"
    return f"{whole}.{ending}"


def _regular_from(price: str, discount: float, ending: str) -> str:
    reg = float(price) / (1 - discount)
    out = _money(reg, ending)
    if Decimal(out) <= Decimal(price):
        out = str((Decimal(price) + 10).quantize(Decimal("0.01"), ROUND_HALF_UP))
    return out


def _image_name(seed: int, pid: int, k: int) -> str:
    return hashlib.sha1(f"s2s:{seed}:{pid}:{k}".encode()).hexdigest()[:16]


def _description(rng: random.Random, name: str, brand: str, material: str, cat: Category) -> str:
    fits = ("a relaxed fit", "a slim fit", "a regular fit", "an oversized fit", "a cropped cut")
    details = (
        "Finished with tonal stitching and a soft hand feel.",
        "Cut from responsibly sourced fabric.",
        "Designed in our studio and made to last.",
        "Pairs with everything in your wardrobe — \"a true staple\".",
        "Features side pockets & a clean finish at the hem.",
    )
    care = ("Machine wash at 30 °C.", "Dry clean only.", "Hand wash cold, dry flat.")
    size = rng.choice(("S", "M", "L"))
    height = rng.randint(165, 190)
    return (
        f"{name} by {brand} in {material.lower()}, with {rng.choice(fits)}. {rng.choice(details)}\n"
        f"Model is {height} cm and wears size {size}. {rng.choice(care)}"
    )


def build_shop(n_products: int = 48, seed: int = 0) -> Shop:
    """Deterministic shop with ``n_products`` products (at least MIN_PRODUCTS)."""
    if n_products < MIN_PRODUCTS:
        raise ValueError(f"n_products must be >= {MIN_PRODUCTS}, got {n_products}")
    base_date = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.timezone.utc) + dt.timedelta(days=seed % 97)
    roles = {i: r for r, i in ROLE_INDEX.items()}
    products: list[Product] = []
    images: dict[str, ImageSpec] = {}
    special_images: dict[str, str] = {}

    for i in range(n_products):
        rng = random.Random(f"street2shop-demo:{seed}:{i}")
        pid = 10001 + i
        style = STYLES[i % len(STYLES)]
        if i % 3 == 0:  # t-shirts are a third of the catalogue, so their listing paginates early
            cat = CATEGORIES[0]
        else:
            k = i - i // 3 - 1
            cat = CATEGORIES[1 + (k * 4 + k // 9) % 9]
        locale = LOCALES[i % len(LOCALES)]
        brand = BRANDS[rng.randrange(len(BRANDS))]
        material = rng.choice(MATERIALS)
        adjective = rng.choice(ADJECTIVES)
        name = f"{adjective} {material} {cat.noun}"
        if i % 7 == 3:
            name = f"Premium {name}"
        slug = f"{slugify(name)}-{pid}"
        color, rgb = COLORS[rng.randrange(len(COLORS))]
        pattern = PATTERNS[rng.randrange(len(PATTERNS))]
        role = roles.get(i)

        # --- price -------------------------------------------------------------------------
        ending = rng.choice(("90", "99", "95", "00", "90"))
        if i % 7 == 3:  # premium: four-digit prices exercise thousands separators
            amount = rng.uniform(1000, 2600)
        else:
            lo, hi = cat.price_range
            amount = rng.uniform(lo, hi) * locale.rate
        price = _money(amount, ending)
        on_sale = style == "sale_markup_wrong" or (style == "nomarkup" and (i // 9) % 2 == 0) or rng.random() < 0.3
        regular = _regular_from(price, rng.choice((0.2, 0.25, 0.3, 0.4, 0.5)), ending) if on_sale else None

        # --- availability ------------------------------------------------------------------
        r = rng.random()
        availability = "InStock" if r < 0.8 else "OutOfStock" if r < 0.92 else "PreOrder" if r < 0.96 else "LimitedAvailability"
        if i == 5:
            availability = "OutOfStock"
        if role in ("js_only", "rate_limited", "redirect_in_sitemap"):
            availability = "InStock"

        brand_code = slugify(brand).replace("-", "")[:3].upper()
        sku = f"{brand_code}-{pid}"
        gtin = gtin13("40" + "".join(str(rng.randrange(10)) for _ in range(10)))
        mpn = f"{cat.slug[:2].upper()}{rng.randrange(16**6):06X}"

        # --- variants (ProductGroup) --------------------------------------------------------
        variants: list[Variant] = []
        if style == "productgroup":
            other = COLORS[(COLORS.index((color, rgb)) + 5) % len(COLORS)]
            sizes = SIZES[rng.randrange(2) : rng.randrange(2) + 4]
            vi = 0
            for ci, (vcolor, vrgb) in enumerate(((color, rgb), other)):
                for size in sizes:
                    vi += 1
                    vprice = price if ci == 0 else _money(float(price) * 1.1 + 2, ending)
                    vreg = None
                    if regular is not None:
                        vreg = regular if ci == 0 else _regular_from(vprice, 0.3, ending)
                    vavail = "InStock" if vi == 1 else rng.choice(("InStock", "InStock", "OutOfStock"))
                    vsku = f"{sku}-{slugify(vcolor)[:3].upper()}-{size}"
                    variants.append(
                        Variant(
                            sku=vsku,
                            gtin=gtin if vi == 1 else gtin13("40" + "".join(str(rng.randrange(10)) for _ in range(10))),
                            size=size,
                            color=vcolor,
                            color_rgb=vrgb,
                            price=vprice,
                            regular_price=vreg,
                            availability=vavail,
                            path="",  # filled below once the path is known
                        )
                    )
            availability = "InStock" if any(v.availability == "InStock" for v in variants) else "OutOfStock"

        # --- location / flags ---------------------------------------------------------------
        if role == "js_only":
            path = f"/js/p/{slug}"
        elif role == "disallowed":
            path = f"/private/p/{slug}"
        else:
            path = f"/p/{slug}"
        legacy = f"/p/old-{slug}" if path.startswith("/p/") else None
        variants = [
            Variant(**{**v.__dict__, "path": f"{path}?variant={v.sku}"}) for v in variants
        ]

        # --- images --------------------------------------------------------------------------
        n_img = rng.randint(2, 4)
        fmt = "png" if i % 11 == 8 else "webp" if i % 13 == 7 else "jpeg"
        ext = {"jpeg": "jpg", "png": "png", "webp": "webp"}[fmt]
        views = ["front"] + [VIEWS_EXTRA[(k + i) % len(VIEWS_EXTRA)] for k in range(n_img - 1)]
        srcset = i % 3 == 0
        gallery: list[str] = []
        expectations: dict[str, str] = {}
        for k in range(n_img):
            h = _image_name(seed, pid, k)
            special = IMAGE_SPECIAL_INDEX.get(i) if k == n_img - 1 else None
            if special:
                outcome, headers = special
                sfmt = "png" if outcome == "bomb" else "jpeg"
                p_ = f"/img/{h}.{'png' if sfmt == 'png' else 'jpg'}"
                images[p_] = ImageSpec(p_, pid, k, sfmt, outcome, tuple(headers.items()))
                special_images[p_] = outcome
            else:
                p_ = f"/img/{h}.{ext}"
                images[p_] = ImageSpec(p_, pid, k, fmt)
                outcome = "ok"
                if srcset:
                    small = f"/img/{h}-320w.{ext}"
                    images[small] = ImageSpec(small, pid, k, fmt, width=320, variant_of=p_)
            gallery.append(p_)
            expectations[p_] = outcome

        breakages: list[str] = []
        if style == "jsonld_broken":
            all_b = ["html_comment", "control_chars", "trailing_commas", "trailing_semicolon", "extra_brace"]
            if i == STYLES.index("jsonld_broken"):
                breakages = all_b
            else:
                breakages = sorted(rng.sample(all_b, rng.randint(2, 4)), key=all_b.index)

        products.append(
            Product(
                id=pid,
                index=i,
                slug=slug,
                path=path,
                name=name,
                brand=brand,
                price=price,
                regular_price=regular,
                currency=locale.currency,
                availability=availability,
                sku=sku,
                gtin=gtin,
                mpn=mpn,
                color=color,
                color_rgb=rgb,
                pattern=pattern,
                category=cat.kind,
                category_slug=cat.slug,
                department=cat.department,
                breadcrumbs=["Home", cat.department, cat.title],
                breadcrumb_paths=["/", f"/#{cat.department.lower()}", cat.path],
                description=_description(rng, name, brand, material, cat),
                images=gallery,
                image_views=views,
                image_expectations=expectations,
                style=style,
                locale=locale.code,
                price_display=locale.format(price),
                regular_price_display=locale.format(regular) if regular else None,
                image_url_form=("root", "absolute", "relative", "protocol")[i % 4] if path.startswith("/p/") else "root",
                srcset=srcset,
                last_modified=base_date + dt.timedelta(hours=7 * i),
                variants=variants,
                disallowed=role == "disallowed",
                js_only=role == "js_only",
                js_listing_only=role == "js_listing_only",
                rate_limited=role == "rate_limited",
                redirect_in_sitemap=role == "redirect_in_sitemap",
                legacy_path=legacy,
                jsonld_breakages=breakages,
            )
        )

    js_cat = products[ROLE_INDEX["js_listing_only"]].category_slug
    return Shop(
        seed=seed,
        products=products,
        categories=CATEGORIES,
        images=images,
        special_images=special_images,
        error_paths={DEAD_LINK_PATH: 404, ERROR_500_PATH: 500},
        js_category_path=f"/js/c/{js_cat}",
        featured_legacy_path=products[0].legacy_path or "",
        last_modified=base_date + dt.timedelta(hours=7 * n_products),
    )
