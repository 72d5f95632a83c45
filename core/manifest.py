"""Manifests: the declarative YAML files that say what to crawl and where to keep it.

Validated with pydantic. A wrong manifest is a user mistake, so it gives one
`ManifestError` naming the file, the line and the field (found by walking the YAML
node tree along the pydantic error location), never a traceback.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import unquote, urlparse

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator


class ManifestError(Exception):
    """A manifest that cannot be used; the message names the file, line and field."""


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: str | int | float | timedelta) -> timedelta:
    """'90s', '15m', '6h', '1d', '2w' or a number of seconds, at least 0 and at most what a
    timedelta holds. Every bad value is a ValueError (what a manifest reports with its line)."""
    if isinstance(value, timedelta):
        seconds: int | float = value.total_seconds()
        if seconds >= 0:
            return value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value
    else:
        m = _DURATION.match(str(value))
        if not m:
            raise ValueError("expected a duration such as 90s, 15m, 6h, 1d or 2w")
        seconds = float(m.group(1)) * _UNIT_SECONDS[m.group(2)]
    if seconds != seconds:  # NaN
        raise ValueError("expected a duration such as 90s, 15m, 6h, 1d or 2w")
    if seconds < 0:
        raise ValueError(f"{value} is negative; a duration is 0 or more")
    try:
        return timedelta(seconds=seconds)
    except OverflowError:
        raise ValueError(f"{value} is too long (at most {timedelta.max.days} days)") from None


def _compile_regex(pattern: str) -> None:
    """ValueError for a pattern `re` rejects: re.error and OverflowError (a huge repeat count)
    are not ValueErrors, so pydantic would not report them as the manifest's mistake."""
    try:
        re.compile(pattern)
    except (re.error, OverflowError, RecursionError) as exc:
        raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None


def _http_url(value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]


class _Strict(BaseModel):
    # Unknown keys are almost always typos ("alowed_domains"); say so instead of ignoring them.
    model_config = ConfigDict(extra="forbid")


class Politeness(_Strict):
    obey_robots: bool = True
    concurrency_per_domain: int = Field(4, ge=1, le=64)
    # Finite and bounded: an infinite delay or Retry-After would stall a crawl without a word.
    delay: float = Field(0.5, ge=0, le=3600, allow_inf_nan=False,
                         description="minimum seconds between requests to one domain")
    autothrottle: bool = True
    autothrottle_target: float = Field(2.0, gt=0, le=64, allow_inf_nan=False,
                                       description="average parallel requests per domain")
    max_retry_after: float = Field(120, ge=0, le=86400, allow_inf_nan=False,
                                   description="longest Retry-After honoured, seconds")
    retries: int = Field(3, ge=0, le=20)


class _CssSelectors(_Strict):
    """Every field a CSS selector, checked when the manifest is read: a bad one would
    otherwise fail on every page of the source, in the middle of the crawl."""

    @model_validator(mode="after")
    def _valid_css(self):
        from cssselect import SelectorError
        from parsel.csstranslator import HTMLTranslator

        translator = HTMLTranslator()
        for name, css in self:
            if isinstance(css, str):
                try:
                    translator.css_to_xpath(css)
                except (SelectorError, ValueError) as exc:
                    raise ValueError(f"{name}: {css!r} is not a CSS selector: {exc}") from None
        return self


class Selectors(_CssSelectors):
    """CSS selectors that override the generic extraction for one site.

    A selector ending in ``::attr(name)`` or ``::text`` is used as written; otherwise
    the element's text (for images: its src) is taken."""

    name: str | None = None
    brand: str | None = None
    price: str | None = None
    currency: str | None = None
    availability: str | None = None
    sku: str | None = None
    gtin: str | None = None
    mpn: str | None = None
    color: str | None = None
    description: str | None = None
    images: str | None = None
    breadcrumbs: str | None = None
    is_product: str | None = Field(None, description="a page is a product page when this matches")


class PostSelectors(_CssSelectors):
    """CSS selectors for a blog whose posts the generic rules read wrong."""

    content: str | None = Field(None, description="the element that holds the post body")
    item: str | None = Field(None, description="one element per garment; every link in it is the garment's")
    street_images: str | None = Field(None, description="the scene images (img elements)")
    title: str | None = None
    show: str | None = None
    published: str | None = None


class Follow(_Strict):
    allow: list[str] = Field(default_factory=list, description="regexes; follow only matching links")
    deny: list[str] = Field(default_factory=list, description="regexes; never follow matching links")
    max_depth: int = Field(3, ge=0, le=50)

    @field_validator("allow", "deny")
    @classmethod
    def _regexes(cls, values: list[str]) -> list[str]:
        for v in values:
            _compile_regex(v)
        return values


class Limits(_Strict):
    """Bounds on one run of a source, so that a trap (an endless calendar, a query string that
    grows with every link, a page of 200,000 links) cannot run a crawl away. A limit that is
    hit is counted in the crawl summary."""

    max_pages: int = Field(100_000, ge=1, description="pages requested per run (images not counted)")
    max_pagination: int = Field(500, ge=1, description="next-page links followed in a row")
    max_links_per_page: int = Field(1000, ge=1, description="links taken from one page")
    max_images_per_page: int = Field(50, ge=1, description="images downloaded for one listing or post")
    max_segment_repeats: int = Field(
        3, ge=1, description="a URL whose path repeats one segment, or whose query repeats one key, "
                             "more often than this is a trap")
    max_url_length: int = Field(2083, ge=64)


class Source(_Strict):
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    kind: Literal["shop", "blog"]
    sitemaps: list[HttpUrl] = Field(default_factory=list)
    listings: list[HttpUrl] = Field(default_factory=list, description="category/listing pages")
    products: list[HttpUrl] = Field(default_factory=list)
    feeds: list[HttpUrl] = Field(default_factory=list, description="RSS/Atom feeds of a blog")
    posts: list[HttpUrl] = Field(default_factory=list, description="blog post URLs")
    allowed_domains: list[str] = Field(default_factory=list)
    javascript: bool | list[str] = Field(
        False, description="true: every page through the browser; a list: regexes of URLs that need it")
    politeness: Politeness = Field(default_factory=Politeness)
    follow: Follow = Field(default_factory=Follow)
    recrawl_every: timedelta = Field(default=timedelta(days=1))
    recheck_links_every: timedelta = Field(
        default=timedelta(days=1),
        description="blogs: how often the shop listings their posts link to are checked again")
    allow_private_addresses: bool = Field(
        False, description="allow loopback/private network targets (tests, intranet shops)")
    images: bool = True
    limits: Limits = Field(default_factory=Limits)
    max_pages: int | None = Field(None, ge=1, description="the same as limits.max_pages (kept for older manifests)")
    selectors: Selectors | None = None
    post_selectors: PostSelectors | None = Field(None, description="blog sources: per-site post selectors")

    @field_validator("recrawl_every", "recheck_links_every", mode="before")
    @classmethod
    def _duration(cls, value):
        return parse_duration(value)

    @field_validator("javascript")
    @classmethod
    def _js_patterns(cls, value):
        if isinstance(value, list):
            for v in value:
                _compile_regex(v)
        return value

    #: user name and password given in start URLs, by host[:port] (`credentials`)
    _credentials: dict[str, tuple[str, str]] = PrivateAttr(default_factory=dict)

    @property
    def credentials(self) -> dict[str, tuple[str, str]]:
        """HTTP Basic credentials by host[:port], taken out of start URLs such as
        `https://user:password@staging.shop.example/`: the URL is crawled and stored without
        them (they would be printed and kept wherever the URL is), and they go to that host
        only, in an Authorization header."""
        return self._credentials

    @model_validator(mode="after")
    def _defaults(self):
        if self.max_pages is not None:
            self.limits.max_pages = self.max_pages
        for name in ("sitemaps", "listings", "products", "feeds", "posts"):
            setattr(self, name, [self._take_credentials(u) for u in getattr(self, name)])
        if not self.start_urls:
            raise ValueError("a source needs at least one start point: sitemaps, listings, products, feeds or posts")
        if not self.allowed_domains:
            # Stay on the sites the start points name unless told otherwise.
            hosts = {urlparse(u).hostname for u in self.start_urls}
            self.allowed_domains = sorted(h for h in hosts if h)
        return self

    def _take_credentials(self, url: str) -> str:
        parts = urlparse(url)
        if "@" not in parts.netloc:
            return url
        userinfo, hostport = parts.netloc.rsplit("@", 1)
        user, _, password = userinfo.partition(":")
        self._credentials[hostport.lower()] = (unquote(user), unquote(password))
        return parts._replace(netloc=hostport).geturl()

    @property
    def start_urls(self) -> list[str]:
        return [*self.sitemaps, *self.listings, *self.products, *self.feeds, *self.posts]

    def needs_javascript(self, url: str) -> bool:
        if isinstance(self.javascript, bool):
            return self.javascript
        return any(re.search(p, url) for p in self.javascript)

    @property
    def uses_browser(self) -> bool:
        return bool(self.javascript)


class DetectorConfig(_Strict):
    spec: str = Field("frcnn-r50-fpn-v2", description="frcnn-r50-fpn-v2, frcnn-mobilenet-v3, detectron2:<config>")
    weights: str = Field(description="trained DeepFashion2 weights: a path or URL (`street2shop detector train`)")
    score_threshold: float = Field(0.3, ge=0, le=1)


class CatalogConfig(_Strict):
    encoder: str = Field("default-offline", description="an encoder spec (see `street2shop catalog encoders`)")
    detector: DetectorConfig | None = Field(
        None, description="without one, each listing's chosen image is used whole (trimmed), flagged whole_image")
    image_size: int = Field(384, ge=64, le=2048, description="side of the normalised square crops")
    index: Literal["auto", "exact", "faiss"] = "auto"
    sources: list[str] = Field(default_factory=list, description="only these sources' listings (default: all)")
    chunk: int = Field(256, ge=1, description="listings processed (and written) at a time")


class OptOutConfig(_Strict):
    domains: list[str] = Field(default_factory=list, description="hosts (and their subdomains) whose records are left out")
    url_patterns: list[str] = Field(default_factory=list, description="regexes searched in every post, listing and image URL")
    image_sha256: list[str] = Field(default_factory=list, description="sha256 of image bytes to leave out")
    files: list[str] = Field(default_factory=list, description="opt-out files: lines `domain: …`, `url: regex`, `sha256: …`")

    @field_validator("url_patterns")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"url pattern {p!r} is not a regex: {exc}") from None
        return patterns


class DatasetConfig(_Strict):
    name: str = Field("street2shop-pairs", pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
    license: str = Field("other", description="the licence the card states (an SPDX-like id Hugging Face knows)")
    out: str | None = Field(None, description="where `dataset build` writes (default <store>/datasets/<name>)")
    seed: int = 0
    splits: dict[str, float] = Field(default_factory=lambda: {"train": 0.8, "validation": 0.1, "test": 0.1})
    min_crop_side: int = Field(32, ge=1, description="street crops and shop images with a shorter side are left out")
    sources: list[str] = Field(default_factory=list, description="only these blog sources' posts (default: all)")
    opt_out: OptOutConfig = Field(default_factory=OptOutConfig)
    rows_per_shard: int = Field(2000, ge=1)
    posts_per_chunk: int = Field(2000, ge=1, description="posts a build plans at a time: memory against table scans")

    @field_validator("splits")
    @classmethod
    def _ratios(cls, splits: dict[str, float]) -> dict[str, float]:
        if not splits or any(v < 0 for v in splits.values()) or abs(sum(splits.values()) - 1) > 1e-6:
            raise ValueError(f"split ratios must be non-negative and sum to 1, not {splits}")
        for name in splits:
            if not re.fullmatch(r"[A-Za-z0-9_]+", name):
                raise ValueError(f"split name {name!r}: letters, digits and _ only")
        return splits


class Manifest(_Strict):
    store: str = Field(description="a directory, or an fsspec URL such as s3://bucket/prefix")
    user_agent: str | None = Field(None, description="replaces the default honest User-Agent")
    contact: str | None = Field(None, description="URL or e-mail added to the User-Agent")
    sources: list[Source] = Field(default_factory=list)
    catalog: CatalogConfig = Field(default_factory=CatalogConfig)
    dataset: DatasetConfig = Field(default_factory=DatasetConfig)

    #: The file this manifest was read from (relative store paths are resolved against it).
    _path: Path | None = PrivateAttr(None)

    @property
    def path(self) -> Path | None:
        return self._path

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, sources: list[Source]) -> list[Source]:
        seen: set[str] = set()
        for s in sources:
            if s.name in seen:
                raise ValueError(f"two sources are named {s.name!r}; names must be unique")
            seen.add(s.name)
        return sources

    def source(self, name: str) -> Source:
        for s in self.sources:
            if s.name == name:
                return s
        raise ManifestError(f"{self.path or 'manifest'}: no source named {name!r} "
                            f"(sources: {', '.join(s.name for s in self.sources)})")

    @property
    def store_url(self) -> str:
        """The store location; a relative directory is relative to the manifest's folder."""
        if "://" in self.store or os.path.isabs(self.store) or self.path is None:
            return self.store
        return str((self.path.parent / self.store).resolve())


def load_manifest(path: str | os.PathLike[str]) -> Manifest:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ManifestError(f"{path}: no such manifest file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read the manifest ({exc})") from None
    return parse_manifest(text, path)


def parse_manifest(text: str, path: Path | str = "<manifest>") -> Manifest:
    path = Path(path)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ManifestError(f"{path}{where}: not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise ManifestError(f"{path}:1: a manifest is a mapping with `store` and `sources` keys")
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        line = _line_of(node, loc)
        field = ".".join(str(p) for p in loc) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        more = f" (and {len(exc.errors()) - 1} more problem(s))" if len(exc.errors()) > 1 else ""
        raise ManifestError(f"{path}:{line}: {field}: {msg}{more}") from None
    manifest._path = path
    return manifest


def _line_of(node: yaml.Node | None, loc: list) -> int:
    """The 1-based line of the deepest YAML node along a pydantic error location."""
    line = node.start_mark.line + 1 if node is not None else 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key:
                    node, line = v, k.start_mark.line + 1  # the key's line: where a reader looks
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line
