"""Routes of the demo blog and its affiliate redirectors, served by `ShopServer` beside the shop.

`resolve_blog(app, path, query, host)` returns the `Resource` for a blog/redirector path or None
(not a blog route: the shop handles it). Text pages go through the shop server's page cache
(`ShopServer._text`: rendered once per (path, Host), ETag from the body, conditional GET), which
the server drops whenever ``blog.revision`` or ``shop.revision`` changes.

    /blog/                       home (latest posts), rel=next -> /blog/page/2
    /blog/page/N                 archive pages (N >= 2; /blog/page/1 301 -> /blog/)
    /blog/category/<show-slug>   every post of one show
    /blog/YYYY/MM/<slug>/        a post (no trailing slash: 301)
    /blog/api/look/<slug>.json   items + links of a post (the shop_the_look_js layout loads it)
    /blog/feed.xml               RSS 2.0 with every post
    /blog/sitemap.xml            home, categories and every post
    /blog/img/<name>.jpg         scenes, figure crops, thumbnails, avatars, ad, banner, logo
    /go/<token>                  302 -> shop URL (affiliate redirector)
    /s/<code>                    301 -> /go/<token> (shortener)
    /aff/click?u=<encoded url>   302 -> u
    /r?murl=<encoded url>        200 page with a meta refresh to murl (&mode=js: location.replace)
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote

from . import blog_pages
from .blog import QBASE, fill
from .server import HTML, Resource

if TYPE_CHECKING:  # pragma: no cover
    from .server import ShopServer

XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
JSON = "application/json; charset=utf-8"


def _redirect(status: int, loc: str) -> Resource:
    body = b'<!DOCTYPE html><title>Moved</title><a href="%s">Moved</a>\n' % loc.replace('"', "%22").encode()
    cache = "public, max-age=3600" if status == 301 else "no-store"
    return Resource(status, HTML, body, None, [("Location", loc)], cache)


def resolve_blog(app: ShopServer, path: str, query: str, host: str) -> Resource | None:
    blog = app.blog
    if blog is None:
        return None
    base = f"http://{host}"

    def text(key: str, make, content_type: str = HTML, last_modified=None) -> Resource | None:  # noqa: ANN001
        def made() -> str | None:
            t = make()
            return None if t is None else t.replace(QBASE, quote(base, safe=""))

        return app._text("blog:" + key, host, made, content_type, last_modified or blog.last_modified)

    def not_found() -> Resource:
        return app._error(404, host)

    params = parse_qs(query)
    if path.startswith("/go/"):
        target = blog.go.get(path[4:])
        return _redirect(302, fill(target, base)) if target else not_found()
    if path.startswith("/s/"):
        token = blog.short.get(path[3:])
        return _redirect(301, f"{base}/go/{token}") if token else not_found()
    if path == "/aff/click":
        u = params.get("u", [""])[0]
        return _redirect(302, u) if u.startswith(("http://", "https://")) else app._error(400, host)
    if path == "/r":
        murl = params.get("murl", [""])[0]
        if not murl.startswith(("http://", "https://")):
            return app._error(400, host)
        mode = params.get("mode", ["meta"])[0]
        return Resource(200, HTML, blog_pages.render_bounce(murl, mode).encode(), None, [], "no-store")
    if path != "/blog" and not path.startswith("/blog/"):
        return None  # a shop path

    # --- /blog ---------------------------------------------------------------------------------
    if path == "/blog":
        return _redirect(301, f"{base}/blog/")
    if path == "/blog/":
        return text(path, lambda: blog_pages.render_listing(blog, 1)) or not_found()
    if path == "/blog/feed.xml":
        return text(path, lambda: blog_pages.render_feed(blog), RSS)
    if path == "/blog/sitemap.xml":
        return text(path, lambda: blog_pages.render_sitemap(blog), XML)
    if path == "/blog/about":
        return text(path, lambda: blog_pages.render_about(blog))
    if path == "/blog/static/blog.css":
        return text(path, lambda: blog_pages.CSS, "text/css; charset=utf-8")
    parts = path.strip("/").split("/")
    if len(parts) == 3 and parts[1] == "page":
        if not parts[2].isdigit():
            return not_found()
        page = int(parts[2])
        if page == 1:
            return _redirect(301, f"{base}/blog/")
        return text(f"/blog/page/{page}", lambda: blog_pages.render_listing(blog, page)) or not_found()
    if len(parts) == 3 and parts[1] == "category":
        show = blog.show(parts[2])
        return text(path, lambda: blog_pages.render_category(blog, show)) if show else not_found()
    if len(parts) == 4 and parts[1:3] == ["api", "look"] and parts[3].endswith(".json"):
        post = next((p for p in blog.posts if p.slug == parts[3][:-5]), None)
        if post is None:
            return not_found()
        return text(path, lambda: blog_pages.api_look(blog, post), JSON, post.modified)
    if len(parts) == 3 and parts[1] == "img":
        data = blog.image_bytes(path)
        if data is None:
            return not_found()
        spec = blog.images[path]
        lm = blog.post(spec.post).published if spec.post else min(p.published for p in blog.posts)
        return Resource(200, "image/jpeg", data, lm, [], "public, max-age=86400")
    if len(parts) == 4 and parts[1].isdigit() and parts[2].isdigit():
        want = "/" + "/".join(parts) + "/"
        post = blog.by_path(want)
        if post is None:
            return not_found()
        if path != want:
            return _redirect(301, base + want)
        return text(path, lambda: blog_pages.render_post(blog, post), HTML, post.modified)
    return not_found()
