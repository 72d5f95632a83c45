"""A show-fashion blog beside the demo shop, with the ground truth blog-spider tests assert on.

    from street2shop.demo.site import build_shop, build_blog, serve
    shop = build_shop(48)
    blog = build_blog(shop, n_posts=12)
    with serve(shop, blog=blog) as srv:
        ...  # crawl srv.url("/blog/"); compare with blog.posts / blog.pairs()

Each `Post` ("What Maya Wore in Harbour Lane Season 2 Episode 5") shows 1-3 street images (scenes
whose characters wear the garments of the post's items, drawn with the shop's `garment_layer`)
and lists `Item`s; every `Link` of an item knows where its redirect chain ends
(`expected_product_path` / `expected_status`). Layouts rotate over `LAYOUTS`; the special link
routes (`dead`, `meta_refresh`, `js_redirect`, `legacy`, `short`, a sold-out product) sit in the
first three posts, so they exist for any ``n_posts >= MIN_POSTS``.

Mutations for incremental crawls: `Blog.add_post`, `Blog.edit_post`, and on the shop side
`set_price` / `set_availability`; each bumps a ``revision`` the server watches, so served pages,
their ETag and Last-Modified change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import quote

from .shop import DEAD_LINK_PATH, LOCALES, Product, Shop, slugify
from .photos import BOTTOMS, SKIN_TONES
from .pages import BASE, HOST

#: Post layouts, rotated with ``post.index % len(LAYOUTS)``.
LAYOUTS: tuple[str, ...] = ("paragraphs", "figures", "list_under_image", "shop_the_look_js", "exact_and_similar")
MIN_POSTS = len(LAYOUTS)
BLOG_PER_PAGE = 5
BLOG_NAME = "Screen Style Diaries"
#: Placeholder for the url-encoded ``http://host:port`` (inside ``u=`` / ``murl=`` parameters).
QBASE = "@@S2S_QBASE@@"
SCENE_SIZE = (480, 320)

#: How a link is written / which route it takes to the shop.
VIAS: tuple[str, ...] = (
    "direct",  # http://HOST/p/<slug>?utm_source=blog&utm_medium=affiliate
    "direct_root",  # /p/<slug>?utm_...  (root-relative)
    "go",  # /go/<token>  302 -> shop
    "aff",  # /aff/click?u=<encoded shop url>&aid=..  302 -> u
    "short",  # /s/<code>  301 -> /go/<token>  302 -> shop
    "meta_refresh",  # /r?murl=<encoded>  200 page with <meta http-equiv=refresh>
    "js_redirect",  # /r?murl=<encoded>&mode=js  200 page with location.replace(...)
    "legacy",  # /go/<token>  302 -> /p/old-<slug>  301 -> /p/<slug>
    "dead",  # /go/<token>  302 -> /p/discontinued-...  404
)
COMMON_VIAS: tuple[str, ...] = ("direct", "go", "aff", "direct_root", "go", "short", "aff", "direct")
UTM = "utm_source=blog&utm_medium=affiliate"

#: Invented garment behind the dead link (DEAD_LINK_PATH is the shop's "discontinued wool coat").
DEAD_GARMENT = ("coat", "Camel", (186, 140, 84), "check")

SHOWS_DEF: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Harbour Lane", "drama", ("Maya", "Leo", "Priya", "Jonah")),
    ("The Copper Kettle", "sitcom", ("Rosa", "Theo", "Imogen")),
    ("Night Shift at St. Brigid's", "medical drama", ("Dana", "Malik", "Hollis")),
)
AUTHORS: tuple[str, ...] = ("Clara Voss", "Sam Okafor")
COMMENTERS: tuple[str, ...] = ("Jess M.", "tvstylefan", "Noor", "Ben K.", "Ada L.", "Mira")
COMMENT_TEXTS: tuple[str, ...] = (
    "I was looking for this exact piece all week, thank you!",
    "Does anyone know if it runs true to size?",
    "The styling on this show is so good this season.",
    "Love this! Please do the finale next.",
    "Bought it last time you posted, great quality.",
)
HAIR_COLOURS: tuple[tuple[int, int, int], ...] = ((40, 30, 24), (90, 60, 30), (200, 170, 110), (20, 20, 20),
                                                   (130, 50, 30))
SETTINGS: tuple[str, ...] = ("apartment", "street", "cafe", "office")
PATTERN_WORDS = {"solid": "", "stripes": "striped ", "pinstripe": "pinstripe ", "dots": "polka-dot ",
                 "check": "check ", "melange": "marl "}


def _h(*parts: object, n: int = 10) -> str:
    return hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()[:n]


def fill(text: str, base_url: str) -> str:
    """Replace the host placeholders (BASE, HOST, QBASE) as the server does for ``base_url``."""
    base_url = base_url.rstrip("/")
    host = base_url.split("://", 1)[-1]
    return text.replace(QBASE, quote(base_url, safe="")).replace(BASE, base_url).replace(HOST, host)


def garment_slot(kind: str) -> str:
    if kind == "dress":
        return "dress"
    return "bottom" if kind in BOTTOMS else "top"


# --- ground truth data model --------------------------------------------------------------------


@dataclass(frozen=True)
class Character:
    name: str
    slug: str
    show_slug: str
    skin: tuple[int, int, int]
    hair: tuple[int, int, int]
    long_hair: bool


@dataclass(frozen=True)
class Show:
    name: str
    slug: str
    genre: str
    cast: tuple[Character, ...]

    @property
    def path(self) -> str:
        return f"/blog/category/{self.slug}"


@dataclass
class Link:
    """One outbound link of an item. ``href_template`` / ``chain_templates`` hold host placeholders;
    use `href(base_url)` / `chain(base_url)` for a running server."""

    kind: str  # "exact" | "alternative"
    via: str  # VIAS
    label: str  # anchor text
    wording: str  # text next to the link that marks its kind ("similar", "Similar:", "dupe", ...; "" for exact)
    href_template: str  # as written in the post (absolute with BASE, or root-relative)
    chain_templates: tuple[str, ...]  # every URL requested when following it, first == href, last == final page
    product: Product | None  # shop product the chain ends at (None: dead)
    token: str | None = None  # /go/<token>, when the route has one
    code: str | None = None  # /s/<code>, for "short"

    def href(self, base_url: str) -> str:
        return fill(self.href_template, base_url)

    def chain(self, base_url: str) -> list[str]:
        """Absolute URLs a client requests following the link: 30x Locations, meta-refresh/JS targets."""
        return [fill(u, base_url) if not u.startswith("/") else base_url.rstrip("/") + u
                for u in self.chain_templates]

    @property
    def is_root_relative(self) -> bool:
        return self.href_template.startswith("/")

    @property
    def expected_product_path(self) -> str | None:
        """Canonical shop path the chain ends at (None for dead links)."""
        return None if self.product is None else self.product.path

    @property
    def expected_status(self) -> str:
        """``ok``, ``sold_out`` (the product's current availability is OutOfStock) or ``dead`` (404)."""
        if self.product is None:
            return "dead"
        return "sold_out" if self.product.availability == "OutOfStock" else "ok"

    @property
    def final_http_status(self) -> int:
        return 404 if self.product is None else 200


@dataclass
class Item:
    """A garment the post mentions (and its street image shows)."""

    index: int  # position in the post
    text: str  # "Maya's navy striped shirt"
    brand: str | None  # named in the post, else None
    character: str
    kind: str  # garment kind (catalog category kind)
    color: str
    color_rgb: tuple[int, int, int]
    pattern: str
    texture_seed: str  # garment_layer seed (the product's id for shop products)
    product: Product | None  # what the image shows; None: an invented (discontinued) garment
    image: int  # index into Post.street_images
    figure: int  # figure index inside that image
    links: list[Link] = field(default_factory=list)
    crop_image: str | None = None  # /blog/img/<...>.jpg, figures layout only

    @property
    def exact(self) -> Link | None:
        return next((lk for lk in self.links if lk.kind == "exact"), None)

    @property
    def alternatives(self) -> list[Link]:
        return [lk for lk in self.links if lk.kind == "alternative"]


@dataclass(frozen=True)
class Garment:
    """One layer worn by a figure (linked to ``item`` or an unlinked generic piece)."""

    kind: str
    rgb: tuple[int, int, int]
    pattern: str
    seed: str
    item: int | None  # Item.index, None: generic


@dataclass
class Figure:
    character: Character
    cx: int
    floor_y: int
    scale: float
    garments: list[Garment]  # paste order (later ones cover earlier ones)


@dataclass
class StreetImage:
    index: int
    path: str  # /blog/img/<post-slug>-<k>.jpg
    setting: str
    figures: list[Figure]
    caption: str
    width: int = SCENE_SIZE[0]
    height: int = SCENE_SIZE[1]


@dataclass
class Comment:
    author: str
    avatar: str
    text: str
    website: str | None
    date: str


@dataclass
class Post:
    index: int
    slug: str
    path: str  # /blog/YYYY/MM/<slug>/
    title: str
    date: str  # ISO date of publication
    published: dt.datetime
    modified: dt.datetime
    show: Show
    season: int
    episode: int
    characters: list[Character]
    layout: str
    street_images: list[StreetImage]
    items: list[Item]
    author: str
    intro: str
    tags: list[str]
    comments: list[Comment]
    related: list[str]  # slugs
    notes: list[str] = field(default_factory=list)  # "Update: ..." paragraphs added by edit_post

    @property
    def api_path(self) -> str:
        return f"/blog/api/look/{self.slug}.json"

    @property
    def thumbnail(self) -> str:
        return f"/blog/img/{self.slug}-thumb.jpg"

    @property
    def links(self) -> list[Link]:
        return [lk for it in self.items for lk in it.links]

    def url(self, base_url: str) -> str:
        return base_url.rstrip("/") + self.path


@dataclass(frozen=True)
class BlogImage:
    path: str
    kind: str  # scene | crop | thumb | avatar | ad | banner | logo
    post: str | None = None  # post slug
    index: int = 0  # street image index (scene/crop/thumb) or item index (crop)


class Pair(NamedTuple):
    post: Post
    image: StreetImage
    item: Item
    product: Product


@dataclass
class NoiseLink:
    """A link on every page that is not an item (header, sidebar ads, affiliate banner, ...)."""

    role: str
    href_template: str
    product: Product | None = None  # the shop product a banner ends at (never an item)

    def href(self, base_url: str) -> str:
        return fill(self.href_template, base_url)


@dataclass
class Blog:
    shop: Shop
    seed: int
    shows: list[Show]
    posts: list[Post]  # by index (oldest first)
    images: dict[str, BlogImage]
    go: dict[str, str]  # token -> target template (absolute, with BASE)
    short: dict[str, str]  # code -> token
    noise: list[NoiseLink]
    authors: tuple[str, ...] = AUTHORS
    revision: int = 0
    _state: dict = field(default_factory=dict, repr=False)

    # -- lookups -----------------------------------------------------------------------------
    @property
    def last_modified(self) -> dt.datetime:
        return max(p.modified for p in self.posts)

    @property
    def posts_by_date(self) -> list[Post]:
        """Newest first (the order of /blog/, the archive and the feed)."""
        return sorted(self.posts, key=lambda p: (p.published, p.index), reverse=True)

    def post(self, slug: str) -> Post:
        return next(p for p in self.posts if p.slug == slug)

    def by_path(self, path: str) -> Post | None:
        return next((p for p in self.posts if p.path == path), None)

    def show(self, slug: str) -> Show | None:
        return next((s for s in self.shows if s.slug == slug), None)

    def show_posts(self, slug: str) -> list[Post]:
        return [p for p in self.posts_by_date if p.show.slug == slug]

    def page_count(self) -> int:
        return max(1, -(-len(self.posts) // BLOG_PER_PAGE))

    def page_posts(self, page: int) -> list[Post]:
        return self.posts_by_date[(page - 1) * BLOG_PER_PAGE: page * BLOG_PER_PAGE]

    def page_path(self, page: int) -> str:
        return "/blog/" if page == 1 else f"/blog/page/{page}"

    def layout_posts(self, layout: str) -> list[Post]:
        return [p for p in self.posts if p.layout == layout]

    @property
    def links(self) -> list[Link]:
        return [lk for p in self.posts for lk in p.links]

    def links_via(self, via: str) -> list[Link]:
        return [lk for lk in self.links if lk.via == via]

    def pairs(self, *, include_sold_out: bool = True) -> list[Pair]:
        """(post, street image, item, product) for every exact link ending at a shop product page.

        Sold-out products are live pages (200, images served) and count unless
        ``include_sold_out=False``; dead links (404) never count."""
        out = []
        for p in self.posts:
            for it in p.items:
                lk = it.exact
                if lk is None or lk.product is None:
                    continue
                if lk.expected_status == "sold_out" and not include_sold_out:
                    continue
                out.append(Pair(p, p.street_images[it.image], it, lk.product))
        return out

    def noise_link(self, role: str) -> NoiseLink:
        return next(n for n in self.noise if n.role == role)

    # -- images --------------------------------------------------------------------------------
    def image_bytes(self, path: str) -> bytes | None:
        from .blog_images import blog_image_bytes

        return blog_image_bytes(self, path)

    def street_image(self, post: Post | str, index: int = 0):  # noqa: ANN201 - PIL.Image.Image
        """The RGB scene image ``index`` of ``post`` (what /blog/img/<slug>-<index>.jpg encodes)."""
        from .blog_images import render_scene

        post = self.post(post) if isinstance(post, str) else post
        return render_scene(self, post, index)[0].copy()

    def garment_mask(self, post: Post | str, item: Item | int):  # noqa: ANN201 - numpy bool array HxW
        """Pixels of the street image where ``item``'s garment is visible (True)."""
        from .blog_images import render_scene

        post = self.post(post) if isinstance(post, str) else post
        item = post.items[item] if isinstance(item, int) else item
        return render_scene(self, post, item.image)[1][item.index].copy()

    def garment_bbox(self, post: Post | str, item: Item | int) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) of the visible garment in its street image (x1/y1 exclusive)."""
        import numpy as np

        m = self.garment_mask(post, item)
        ys, xs = np.nonzero(m)
        return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1

    # -- mutations -----------------------------------------------------------------------------
    def _touch(self) -> None:
        self.revision += 1

    def add_post(self, *, show: str | None = None, layout: str | None = None,
                 published: dt.datetime | None = None) -> Post:
        """Publish one more post (generated like the others; newest by default). Returns it."""
        index = len(self.posts)
        post = _make_post(self, index, show_slug=show, layout=layout, published=published)
        self.posts.append(post)
        self._touch()
        return post

    def edit_post(self, slug: str, *, title: str | None = None, note: str | None = None,
                  drop_item: int | None = None, modified: dt.datetime | None = None) -> Post:
        """Edit a post: new title, an extra "Update:" paragraph, or an item removed (its links go)."""
        post = self.post(slug)
        if title is not None:
            post.title = title
        if note is not None:
            post.notes.append(note)
        if drop_item is not None:
            for it in post.items:
                if it.index == drop_item and it.crop_image:
                    self.images.pop(it.crop_image, None)
            post.items = [it for it in post.items if it.index != drop_item]
        post.modified = modified or max(post.modified, self.last_modified) + dt.timedelta(hours=1)
        self._touch()
        return post


# --- shop-side mutations ------------------------------------------------------------------------


def _bump_shop(shop: Shop, product: Product) -> None:
    stamp = max(shop.last_modified, product.last_modified) + dt.timedelta(hours=1)
    product.last_modified = stamp
    shop.last_modified = stamp
    shop.revision = getattr(shop, "revision", 0) + 1  # watched by ShopServer (drops its page cache)


def set_price(shop: Shop, product: Product | str | int, price: str, *, regular_price: str | None = None) -> Product:
    """Change what ``product`` costs (``"59.90"``; ``regular_price`` makes it a sale). The product page,
    listings, ETag and Last-Modified change on a running server."""
    from decimal import Decimal

    p = product if isinstance(product, Product) else shop.product(product)
    price = f"{Decimal(price):.2f}"
    loc = next(lc for lc in LOCALES if lc.code == p.locale)
    old = p.price
    p.price = price
    p.price_display = loc.format(price)
    p.regular_price = regular_price
    p.regular_price_display = loc.format(regular_price) if regular_price else None
    if p.variants:
        import dataclasses

        p.variants = [dataclasses.replace(v, price=price, regular_price=regular_price) if v.price == old else v
                      for v in p.variants]
        p.price = min((v.price for v in p.variants), key=Decimal)
    _bump_shop(shop, p)
    return p


def set_availability(shop: Shop, product: Product | str | int, availability: str) -> Product:
    """Change ``product``'s availability (schema.org short name, e.g. ``"OutOfStock"``)."""
    if availability not in ("InStock", "OutOfStock", "PreOrder", "LimitedAvailability"):
        raise ValueError(availability)
    p = product if isinstance(product, Product) else shop.product(product)
    p.availability = availability
    if p.variants:
        import dataclasses

        p.variants = [dataclasses.replace(v, availability=availability) for v in p.variants]
    _bump_shop(shop, p)
    return p


# --- generation -----------------------------------------------------------------------------------


def _eligible(shop: Shop) -> list[Product]:
    """Shop products a post may link: ordinary /p/ pages that answer 200 on the first request."""
    return [p for p in shop.products
            if p.path.startswith("/p/") and not (p.rate_limited or p.js_listing_only or p.disallowed or p.js_only)]


def _character(show_slug: str, name: str, seed: int) -> Character:
    rng = random.Random(f"s2s-blog-char:{seed}:{show_slug}:{name}")
    return Character(name, slugify(name), show_slug, rng.choice(SKIN_TONES), rng.choice(HAIR_COLOURS),
                     rng.random() < 0.5)


def _generic(kind: str, who: str) -> Garment:
    if kind == "t-shirt":
        return Garment("t-shirt", (236, 236, 232), "solid", f"blog-tee-{who}", None)
    return Garment("trousers", (50, 52, 60), "solid", f"blog-trousers-{who}", None)


def _item_text(char: str, color: str, pattern: str, kind: str) -> str:
    return f"{char}'s {color.lower()} {PATTERN_WORDS[pattern]}{kind}"


class _Builder:
    """Link routes (tokens, short codes) and counters shared by build_blog and Blog.add_post."""

    def __init__(self, blog: Blog) -> None:
        self.blog = blog
        st = blog._state
        st.setdefault("via_counter", 0)
        st.setdefault("show_counts", {})

    def next_via(self) -> str:
        st = self.blog._state
        via = COMMON_VIAS[st["via_counter"] % len(COMMON_VIAS)]
        st["via_counter"] += 1
        return via

    def link(self, post_slug: str, key: str, kind: str, via: str, product: Product | None, label: str,
             wording: str) -> Link:
        blog = self.blog
        token = _h("go", blog.seed, post_slug, key)
        utm_go = f"utm_source=s2s-blog&utm_medium=affiliate&utm_content={token}"
        if product is None:  # dead: the affiliate network still redirects, the shop page is gone
            via = "dead"
            target = f"{BASE}{DEAD_LINK_PATH}?{utm_go}"
            blog.go[token] = target
            href = f"{BASE}/go/{token}"
            return Link(kind, via, label, wording, href, (href, target), None, token=token)
        path = product.path
        if via == "direct":
            href = f"{BASE}{path}?{UTM}"
            return Link(kind, via, label, wording, href, (href,), product)
        if via == "direct_root":
            href = f"{path}?{UTM}&utm_campaign={post_slug[:24]}"
            return Link(kind, via, label, wording, href, (href,), product)
        if via in ("go", "short", "legacy"):
            if via == "legacy":
                assert product.legacy_path
                target = f"{BASE}{product.legacy_path}?{utm_go}"
                final = f"{BASE}{path}?{utm_go}"
            else:
                target = final = f"{BASE}{path}?{utm_go}"
            blog.go[token] = target
            go = f"{BASE}/go/{token}"
            chain = (go, target) if via != "legacy" else (go, target, final)
            if via == "short":
                code = _b62(int(_h("short", blog.seed, post_slug, key, n=12), 16), 6)
                blog.short[code] = token
                href = f"{BASE}/s/{code}"
                return Link(kind, via, label, wording, href, (href,) + chain, product, token=token, code=code)
            return Link(kind, via, label, wording, go, chain, product, token=token)
        if via == "aff":
            target = f"{BASE}{path}?ref=s2sblog&aid=7731"
            href = f"{BASE}/aff/click?aid=7731&u={QBASE}{quote(path + '?ref=s2sblog&aid=7731', safe='')}"
            return Link(kind, via, label, wording, href, (href, target), product)
        if via in ("meta_refresh", "js_redirect"):
            target = f"{BASE}{path}?{UTM}"
            href = f"{BASE}/r?murl={QBASE}{quote(path + '?' + UTM, safe='')}"
            if via == "js_redirect":
                href += "&mode=js"
            return Link(kind, via, label, wording, href, (href, target), product)
        raise ValueError(via)


def _b62(n: int, width: int) -> str:
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(width):
        n, r = divmod(n, 62)
        out += alphabet[r]
    return out


EXACT_LABELS = ("shop it here", "buy it", "get it here", "this one", "available here")
ALT_WORDINGS = ("similar", "get the look", "shop similar", "dupe", "Similar:")


def _make_post(blog: Blog, i: int, *, show_slug: str | None = None, layout: str | None = None,
               published: dt.datetime | None = None) -> Post:
    seed = blog.seed
    shop = blog.shop
    b = _Builder(blog)
    rng = random.Random(f"s2s-blog:{seed}:{i}")
    layout = layout or LAYOUTS[i % len(LAYOUTS)]
    show = blog.show(show_slug) if show_slug else blog.shows[i % len(blog.shows)]
    assert show is not None, show_slug
    counts = blog._state["show_counts"]
    k = counts.get(show.slug, 0)
    counts[show.slug] = k + 1
    season, episode = 1 + (k + seed) // 3, 2 + ((k + seed) % 3) * 3 + seed % 2
    special = i if i < 3 else None  # posts 0-2 hold the special link roles (two figures in scene 0)
    n_chars = 2 if (rng.random() < 0.45 or special is not None) else 1
    chars = rng.sample(list(show.cast), n_chars)
    names = " and ".join(c.name for c in chars)
    tmpl = i // len(LAYOUTS) % 3
    if tmpl == 0:
        title = f"What {names} Wore in {show.name} Season {season} Episode {episode}"
    elif tmpl == 1:
        title = f"{show.name} S{season:02d}E{episode:02d}: What {names} Wore"
    else:
        title = f"Get the Look: {names}'s Outfits in {show.name} Season {season}, Episode {episode}"
    show_words = show.name.replace("'", "")
    slug = slugify(f"what {names} wore in {show_words} s{season:02d}e{episode:02d}")
    base_date = dt.datetime(2024, 1, 8, 7, 30, tzinfo=dt.timezone.utc) + dt.timedelta(days=seed % 29)
    if published is None:
        published = base_date + dt.timedelta(days=5 * i, hours=rng.randrange(10))
        if blog.posts:
            published = max(published, max(p.published for p in blog.posts) + dt.timedelta(hours=6))
    path = f"/blog/{published:%Y/%m}/{slug}/"

    # --- scenes & outfits ----------------------------------------------------------------------
    pool = _eligible(shop)
    used: set[int] = set()

    def pick(cands: list[Product]) -> Product | None:
        cands = [p for p in cands if p.id not in used]
        if not cands:
            return None
        p = cands[rng.randrange(len(cands))]
        used.add(p.id)
        return p

    def of_slot(slot: str) -> list[Product]:
        return [p for p in pool if garment_slot(p.category) == slot]

    n_images = rng.choice((1, 1, 2, 2, 3))
    if layout == "list_under_image":
        n_images = max(n_images, 2) if i % 2 else n_images
    items: list[Item] = []
    images: list[StreetImage] = []
    max_items = 6
    for k_img in range(n_images):
        present = chars if (k_img == 0 or rng.random() < 0.4) else [chars[k_img % len(chars)]]
        setting = SETTINGS[(i + k_img + rng.randrange(2)) % len(SETTINGS)]
        W, H = SCENE_SIZE
        figures: list[Figure] = []
        for fi, ch in enumerate(present):
            scale = round(rng.uniform(0.6, 0.66), 3)
            floor_y = H - rng.randrange(14, 22)
            if len(present) == 1:
                cx = rng.randrange(170, 311)
            else:
                cx = (rng.randrange(118, 152), rng.randrange(328, 362))[fi]
            linked: list[tuple[Product | None, tuple]] = []  # (product, garment spec)
            room = max_items - len(items) - (n_images - 1 - k_img)  # keep >= 1 item for later images
            if room <= 0 or (fi > 0 and len(items) >= 4 and not (special is not None and k_img == 0)):
                wants = 0
            else:
                wants = min(2 if rng.random() < 0.55 else 1, room)
            primary: Product | None = None
            dead = special == 0 and k_img == 0 and fi == 0
            if wants and dead:
                linked.append((None, DEAD_GARMENT))
            elif wants:
                if special == 2 and k_img == 0 and fi == 0:
                    primary = pick([p for p in pool if p.availability == "OutOfStock" and p.category != "dress"])
                if primary is None:
                    primary = pick(pool)
                if primary is not None:
                    linked.append((primary, None))
            if wants == 2 and linked:
                first_kind = DEAD_GARMENT[0] if linked[0][0] is None else linked[0][0].category
                slot = garment_slot(first_kind)
                if slot != "dress":
                    if first_kind == "coat":  # a long coat hides skirts and shorts: only trousers show below it
                        other = pick([p for p in pool if p.category == "trousers"])
                    elif slot == "top":
                        other = pick(of_slot("bottom"))
                    else:  # a coat over a skirt or shorts would hide it
                        long_ok = linked[0][0].category == "trousers"
                        other = pick([p for p in of_slot("top") if p.category != "coat" or long_ok])
                    if other is not None:
                        linked.append((other, None))
            # garments in paste order: generic pieces, then bottom, then top/dress
            specs: list[tuple[int, Garment]] = []
            kinds = set()
            for prod, spec in linked:
                idx = len(items)
                if prod is None:
                    kind, color, rgb, pattern = spec
                    tex_seed = f"blog-dead-{seed}"
                    brand = "Nordhav"
                else:
                    kind, color, rgb, pattern = prod.category, prod.color, prod.color_rgb, prod.pattern
                    tex_seed = f"{prod.id}"
                    brand = prod.brand if rng.random() < 0.65 else None
                items.append(Item(idx, _item_text(ch.name, color, pattern, kind), brand, ch.name, kind, color, rgb,
                                  pattern, tex_seed, prod, k_img, fi))
                kinds.add(garment_slot(kind))
                order = 1 if garment_slot(kind) == "bottom" else 2
                specs.append((order, Garment(kind, rgb, pattern, tex_seed, idx)))
            if "dress" not in kinds:
                if "top" not in kinds:
                    specs.append((0, _generic("t-shirt", ch.slug)))
                if "bottom" not in kinds:
                    specs.append((0, _generic("trousers", ch.slug)))
            # a generic tee goes on before the linked bottom (tucked in), generic trousers before the top
            specs.sort(key=lambda t: t[0])
            figures.append(Figure(ch, cx, floor_y, scale, [g for _, g in specs]))
        where = {"apartment": "at home", "street": "out on the street", "cafe": "at the café",
                 "office": "at work"}[setting]
        who = " and ".join(f.character.name for f in figures)
        images.append(StreetImage(k_img, f"/blog/img/{slug}-{k_img}.jpg", setting, figures,
                                  f"{who} {where} in {show.name} S{season:02d}E{episode:02d}"))
    # every image carries at least one item (layouts list items under their image)
    assert all(any(it.image == im.index for it in items) for im in images) or not items

    # --- links ---------------------------------------------------------------------------------
    roles: dict[int, str] = {}
    if special == 0:
        dead_idx = next(it.index for it in items if it.product is None)
        roles[dead_idx] = "dead"
        roles[next(it.index for it in items if it.product is not None)] = "meta_refresh"
    elif special == 1:
        live = [it.index for it in items if it.product is not None]
        roles[live[0]] = "js_redirect"
        roles[live[1]] = "legacy"
    elif special == 2:
        live = [it.index for it in items if it.product is not None]
        roles[live[0]] = "direct"
        roles[live[1]] = "short"
    for it in items:
        via = roles.get(it.index) or b.next_via()
        label = it.brand or EXACT_LABELS[(i + it.index) % len(EXACT_LABELS)]
        if it.brand and it.product is not None and rng.random() < 0.3:
            label = f"{it.brand} {it.product.name}"
        it.links.append(b.link(slug, f"{it.index}:exact", "exact", via, it.product, label, ""))
        if layout == "exact_and_similar":
            n_alt = 1 + (rng.random() < 0.5)
        elif layout in ("paragraphs", "figures", "list_under_image", "shop_the_look_js"):
            n_alt = 1 if rng.random() < 0.4 else 0
        else:
            n_alt = 0
        alt_used = {it.product.id} if it.product else set()
        for a in range(n_alt):
            same = [p for p in pool if p.category == it.kind and p.id not in alt_used]
            cands = same or [p for p in pool if garment_slot(p.category) == garment_slot(it.kind)
                             and p.id not in alt_used]
            if not cands:
                break
            alt = cands[rng.randrange(len(cands))]
            alt_used.add(alt.id)
            wording = ALT_WORDINGS[(i + it.index + a) % len(ALT_WORDINGS)]
            if layout == "exact_and_similar":
                wording = "Similar:"
            alabel = {"similar": "a similar one", "get the look": "get the look", "shop similar": "shop similar",
                      "dupe": "this dupe", "Similar:": alt.brand}[wording]
            it.links.append(b.link(slug, f"{it.index}:alt{a}", "alternative", b.next_via(), alt, alabel, wording))
        if layout == "figures":
            it.crop_image = f"/blog/img/{slug}-item-{it.index}.jpg"

    # --- chrome ----------------------------------------------------------------------------------
    author = AUTHORS[(i + rng.randrange(2)) % len(AUTHORS)]
    n_comments = rng.randrange(0, 4) if i else 2
    comments = []
    for c in range(n_comments):
        name = COMMENTERS[(i * 2 + c) % len(COMMENTERS)]
        comments.append(Comment(name, f"/blog/img/avatar-{slugify(name)}.jpg",
                                COMMENT_TEXTS[(i + c) % len(COMMENT_TEXTS)],
                                f"https://{slugify(name)}.blog.example/" if c % 2 == 0 else None,
                                (published + dt.timedelta(hours=3 + 5 * c)).date().isoformat()))
    intro = (f"{show.name} season {season} episode {episode} gave us some great looks. "
             f"Here is everything {names} wore, with links to shop each piece.")
    older = sorted(blog.posts, key=lambda p: p.published, reverse=True)
    related = [p.slug for p in older if p.show.slug == show.slug][:2]
    related += [p.slug for p in older if p.slug not in related][: 3 - len(related)]
    post = Post(i, slug, path, title, published.date().isoformat(), published, published, show, season, episode,
                chars, layout, images, items, author, intro,
                [show.name, *[c.name for c in chars], layout.replace("_", " ")],
                comments, related)
    _register_images(blog, post)
    return post


def _register_images(blog: Blog, post: Post) -> None:
    for im in post.street_images:
        blog.images[im.path] = BlogImage(im.path, "scene", post.slug, im.index)
    for it in post.items:
        if it.crop_image:
            blog.images[it.crop_image] = BlogImage(it.crop_image, "crop", post.slug, it.index)
    blog.images[post.thumbnail] = BlogImage(post.thumbnail, "thumb", post.slug, 0)
    for c in post.comments:
        blog.images.setdefault(c.avatar, BlogImage(c.avatar, "avatar"))


def build_blog(shop: Shop, n_posts: int = 12, seed: int = 0) -> Blog:
    """Deterministic blog of ``n_posts`` posts (>= MIN_POSTS, so every layout appears) about ``shop``."""
    if n_posts < MIN_POSTS:
        raise ValueError(f"n_posts must be >= {MIN_POSTS}, got {n_posts}")
    n_shows = 3 if n_posts >= 9 else 2
    shows = []
    for name, genre, cast in SHOWS_DEF[:n_shows]:
        s = slugify(name.replace("'", ""))
        shows.append(Show(name, s, genre, tuple(_character(s, c, seed) for c in cast)))
    blog = Blog(shop=shop, seed=seed, shows=shows, posts=[], images={}, go={}, short={}, noise=[])
    blog.images["/blog/img/logo.jpg"] = BlogImage("/blog/img/logo.jpg", "logo")
    for a in AUTHORS:
        pth = f"/blog/img/avatar-{slugify(a)}.jpg"
        blog.images[pth] = BlogImage(pth, "avatar")
    blog.images["/blog/img/ad-sidebar.jpg"] = BlogImage("/blog/img/ad-sidebar.jpg", "ad")
    blog.images["/blog/img/banner-editors-pick.jpg"] = BlogImage("/blog/img/banner-editors-pick.jpg", "banner")
    for i in range(n_posts):
        blog.posts.append(_make_post(blog, i))

    # noise links shared by every page: sidebar ad (to a shop category), affiliate banner (to a product)
    pool = _eligible(shop)
    banner_product = pool[(seed * 7 + 3) % len(pool)]
    token = _h("go", seed, "banner")
    blog.go[token] = f"{BASE}{banner_product.path}?utm_source=s2s-blog&utm_medium=banner"
    coat = next((c for c in shop.categories if c.slug == "coat"), shop.categories[0])
    blog.noise = [
        NoiseLink("logo", "/blog/"),
        NoiseLink("shop_home", f"{BASE}/"),
        NoiseLink("sidebar_ad", f"{BASE}/aff/click?aid=ads&u={QBASE}{quote(coat.path + '?ref=blog-sidebar', safe='')}"),
        NoiseLink("affiliate_banner", f"{BASE}/go/{token}", banner_product),
        NoiseLink("share_facebook", "https://facebook.example/sharer.php?u="),
        NoiseLink("share_x", "https://x.example/intent/post?url="),
        NoiseLink("share_pinterest", "https://pinterest.example/pin/create/button/?url="),
        NoiseLink("about", "/blog/about"),
        NoiseLink("feed", "/blog/feed.xml"),
    ]
    return blog


__all__ = [
    "BLOG_NAME", "BLOG_PER_PAGE", "LAYOUTS", "MIN_POSTS", "QBASE", "VIAS", "Blog", "BlogImage", "Character",
    "Comment", "Figure", "Garment", "Item", "Link", "NoiseLink", "Pair", "Post", "Show", "StreetImage",
    "build_blog", "fill", "garment_slot", "set_availability", "set_price",
]
