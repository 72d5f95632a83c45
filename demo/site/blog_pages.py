"""HTML / XML / JSON of the demo blog (same BASE / HOST placeholders as `pages`, plus `blog.QBASE`).

Every page carries real-blog chrome around the post: header logo and nav, a sidebar with an ad
image and an affiliate banner (links that are not items), the author's avatar, share links,
related posts with thumbnails, comments with avatars and a footer.
"""

from __future__ import annotations

import email.utils
import json
from html import escape
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from .blog import BLOG_NAME, QBASE, Blog, Item, Link, Post, Show
from .pages import BASE

CSS = """body{font-family:Georgia,serif;margin:0;color:#222;background:#fffdfb}
.site-header,.site-footer{padding:12px 24px;background:#f7efe9}.site-nav a{margin-right:12px}
.wrap{display:grid;grid-template-columns:1fr 300px;gap:32px;padding:24px}.sidebar .widget{margin-bottom:24px}
.scene img{max-width:100%}.look-item{margin:16px 0}.avatar{border-radius:50%}.related-posts ul{display:flex;gap:12px;list-style:none;padding:0}
.share a{margin-right:8px}.comment-list{list-style:none;padding:0}.post-card{margin-bottom:24px}
"""

LEADS = ("", "In this scene, ", "Spotted: ", "Next up: ", "Also: ")


def _attr(s: object) -> str:
    return escape(str(s), quote=True)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _a(link: Link, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<a href="{_attr(link.href_template)}"{c} rel="sponsored nofollow" target="_blank">{escape(link.label)}</a>'


def _rfc822(d) -> str:  # noqa: ANN001
    return email.utils.format_datetime(d, usegmt=True)


# --- page frame ----------------------------------------------------------------------------------


def _sidebar(blog: Blog) -> str:
    ad = blog.noise_link("sidebar_ad")
    banner = blog.noise_link("affiliate_banner")
    shows = "".join(f'<li><a href="{s.path}">{escape(s.name)}</a></li>' for s in blog.shows)
    return f"""<aside class="sidebar" role="complementary">
<div class="widget widget-ad ad"><span class="ad-label">Advertisement</span>
<a href="{_attr(ad.href_template)}" rel="sponsored" target="_blank"><img src="/blog/img/ad-sidebar.jpg" alt="Winter sale: up to -50% on coats" width="300" height="250"></a></div>
<div class="widget affiliate-banner"><a href="{_attr(banner.href_template)}" rel="sponsored nofollow" target="_blank"><img src="/blog/img/banner-editors-pick.jpg" alt="Editor's pick of the week" width="300" height="120"></a></div>
<div class="widget widget-shows"><h4>Shows</h4><ul>{shows}</ul></div>
<div class="widget newsletter"><h4>Newsletter</h4><form action="/blog/subscribe" method="post"><input type="email" name="email" placeholder="you@example.com"><button>Subscribe</button></form></div>
</aside>"""


def frame(blog: Blog, title: str, main: str, *, canonical: str, head: str = "", description: str = "") -> str:
    nav = "".join(f'<a href="{s.path}">{escape(s.name)}</a>' for s in blog.shows)
    desc = f'\n<meta name="description" content="{_attr(description)}">' if description else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} | {BLOG_NAME}</title>{desc}
<link rel="canonical" href="{BASE}{canonical}">
<link rel="alternate" type="application/rss+xml" title="{BLOG_NAME}" href="{BASE}/blog/feed.xml">
<link rel="stylesheet" href="/blog/static/blog.css">
{head}
</head>
<body>
<header class="site-header">
<a href="/blog/" class="logo"><img src="/blog/img/logo.jpg" alt="{BLOG_NAME}" width="240" height="60"></a>
<nav class="site-nav"><a href="/blog/">Home</a>{nav}<a href="/blog/about">About</a><a href="{BASE}/" class="shop-link">Shop</a></nav>
</header>
<div class="wrap">
<main id="content">
{main}
</main>
{_sidebar(blog)}
</div>
<footer class="site-footer">
<p>&copy; 2024 {BLOG_NAME} &middot; <a href="/blog/about">About</a> &middot; <a href="/blog/feed.xml">RSS</a> &middot; <a href="/blog/sitemap.xml">Sitemap</a> &middot; <a href="{BASE}/">Our shop</a></p>
<p class="disclosure">We may earn a commission from links on this page.</p>
</footer>
</body>
</html>
"""


# --- post ------------------------------------------------------------------------------------------


def _scene_img(post: Post, k: int) -> str:
    im = post.street_images[k]
    return (f'<img src="{im.path}" alt="{_attr(im.caption)}" width="{im.width}" height="{im.height}" '
            f'class="scene-image" loading="lazy">')


def _alt_phrase(link: Link) -> str:
    w = link.wording
    if w == "similar":
        return f" Can't find it? Here is {_a(link)}."
    if w == "get the look":
        return f" Or {_a(link)} for less."
    if w == "shop similar":
        return f" {_a(link, 'shop-similar')} styles."
    if w == "dupe":
        return f" Budget option: {_a(link)}."
    return f' <span class="similar-label">Similar:</span> {_a(link)}.'


def _exact_phrase(it: Item) -> str:
    lk = it.exact
    if lk is None:
        return escape(it.text)
    if it.brand:
        return f"{escape(it.text)} is by {_a(lk)}"
    return f"{escape(it.text)} &mdash; {_a(lk)}"


def _items_of(post: Post, k: int) -> list[Item]:
    return [it for it in post.items if it.image == k]


def _body_paragraphs(post: Post) -> str:
    out = []
    for im in post.street_images:
        out.append(f'<p class="scene">{_scene_img(post, im.index)}<br><em>{escape(im.caption)}</em></p>')
        for it in _items_of(post, im.index):
            lead = LEADS[(post.index + it.index) % len(LEADS)]
            text = _exact_phrase(it)  # starts with the character's name
            alts = "".join(_alt_phrase(lk) for lk in it.alternatives)
            out.append(f"<p>{lead}{text}.{alts}</p>")
    return "\n".join(out)


def _body_figures(post: Post) -> str:
    out = []
    for im in post.street_images:
        out.append(f'<div class="scene">{_scene_img(post, im.index)}<p class="caption">{escape(im.caption)}</p></div>')
        for it in _items_of(post, im.index):
            alts = "".join(f' ({_a(lk)})' if lk.wording != "Similar:" else f' Similar: {_a(lk)}'
                           for lk in it.alternatives)
            lk = it.exact
            exact = f" &mdash; {_a(lk)}" if lk else ""
            out.append(f'<figure class="look-item"><img src="{it.crop_image}" alt="{_attr(_cap(it.text))}" loading="lazy">'
                       f'<figcaption>{escape(_cap(it.text))}{exact}{alts}</figcaption></figure>')
    return "\n".join(out)


def _body_list(post: Post) -> str:
    out = []
    for im in post.street_images:
        out.append(f'<p class="scene">{_scene_img(post, im.index)}</p>')
        lis = []
        for it in _items_of(post, im.index):
            lk = it.exact
            alts = "".join(_alt_phrase(a) for a in it.alternatives)
            lis.append(f'<li>{escape(_cap(it.text))}: {_a(lk) if lk else ""}{alts}</li>')
        out.append(f'<ul class="shop-list">\n' + "\n".join(lis) + "\n</ul>")
    return "\n".join(out)


def _body_js(post: Post) -> str:
    scenes = "\n".join(f'<p class="scene">{_scene_img(post, im.index)}</p>' for im in post.street_images)
    return f"""{scenes}
<h2>Shop the look</h2>
<div id="shop-the-look" class="shop-the-look" data-post="{_attr(post.slug)}"><p class="loading">Loading the looks&hellip;</p></div>
<script>
(function () {{
  var box = document.getElementById("shop-the-look");
  fetch("/blog/api/" + "look/" + box.dataset.post + ".json")
    .then(function (r) {{ return r.json(); }})
    .then(function (d) {{
      var ul = document.createElement("ul"); ul.className = "look-list";
      d.items.forEach(function (it) {{
        var li = document.createElement("li"); li.textContent = it.text + " ";
        it.links.forEach(function (l) {{
          if (l.kind === "similar") {{ var s = document.createElement("span"); s.textContent = " Similar: "; li.appendChild(s); }}
          var a = document.createElement("a"); a.href = l.href; a.textContent = l.label; a.rel = "sponsored nofollow";
          li.appendChild(a);
        }});
        ul.appendChild(li);
      }});
      box.innerHTML = ""; box.appendChild(ul);
    }});
}})();
</script>
<noscript>Enable JavaScript to see the shopping links.</noscript>"""


def _body_exact_similar(post: Post) -> str:
    out = []
    for im in post.street_images:
        out.append(f'<p class="scene">{_scene_img(post, im.index)}</p>')
        for it in _items_of(post, im.index):
            lk = it.exact
            sims = " ".join(_a(a, "shop-similar") for a in it.alternatives)
            out.append(f'<div class="look-item"><h3>{escape(_cap(it.text))}</h3>'
                       f'<p class="exact">Exact: {_a(lk, "shop-exact") if lk else "sold out everywhere"}</p>'
                       f'<p class="similar"><span class="label">Similar:</span> {sims}</p></div>')
    return "\n".join(out)


BODIES = {
    "paragraphs": _body_paragraphs,
    "figures": _body_figures,
    "list_under_image": _body_list,
    "shop_the_look_js": _body_js,
    "exact_and_similar": _body_exact_similar,
}


def _post_ld(post: Post) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "datePublished": post.published.isoformat(),
        "dateModified": post.modified.isoformat(),
        "author": {"@type": "Person", "name": post.author},
        "image": [BASE + im.path for im in post.street_images],
        "mainEntityOfPage": BASE + post.path,
        "about": {"@type": "TVEpisode", "episodeNumber": post.episode,
                  "partOfSeason": {"@type": "TVSeason", "seasonNumber": post.season},
                  "partOfSeries": {"@type": "TVSeries", "name": post.show.name}},
    }
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def render_post(blog: Blog, post: Post) -> str:
    body = BODIES[post.layout](post)
    notes = "".join(f'<p class="update"><strong>Update:</strong> {escape(n)}</p>' for n in post.notes)
    enc = QBASE + quote(post.path, safe="")
    share = (f'<div class="share social-share"><span>Share:</span> '
             f'<a href="{_attr(blog.noise_link("share_facebook").href_template + enc)}" class="share-facebook">Facebook</a> '
             f'<a href="{_attr(blog.noise_link("share_x").href_template + enc)}" class="share-x">X</a> '
             f'<a href="{_attr(blog.noise_link("share_pinterest").href_template + enc)}&amp;media={QBASE}'
             f'{quote(post.street_images[0].path, safe="")}" class="share-pinterest">Pin it</a></div>')
    related = []
    for slug in post.related:
        r = blog.post(slug)
        related.append(f'<li><a href="{r.path}"><img src="{r.thumbnail}" alt="" width="192" height="128" loading="lazy">'
                       f'<span>{escape(r.title)}</span></a></li>')
    rel = (f'<section class="related-posts"><h3>You may also like</h3><ul>{"".join(related)}</ul></section>'
           if related else "")
    comments = []
    for c in post.comments:
        who = (f'<a href="{_attr(c.website)}" rel="ugc nofollow external">{escape(c.author)}</a>' if c.website
               else escape(c.author))
        comments.append(f'<li class="comment"><img src="{c.avatar}" alt="" class="avatar" width="48" height="48">'
                        f'<cite class="comment-author">{who}</cite> <time datetime="{c.date}">{c.date}</time>'
                        f'<p>{escape(c.text)}</p></li>')
    tags = " ".join(f'<a href="{post.show.path}" rel="tag">{escape(t)}</a>' if t == post.show.name
                    else f'<span class="tag">{escape(t)}</span>' for t in post.tags)
    author_avatar = f"/blog/img/avatar-{post.author.lower().replace(' ', '-')}.jpg"
    main = f"""<article class="post type-post" id="post-{post.index}">
<header class="entry-header">
<p class="entry-category"><a href="{post.show.path}" rel="category tag">{escape(post.show.name)}</a></p>
<h1 class="entry-title">{escape(post.title)}</h1>
<div class="byline author"><img src="{author_avatar}" alt="" class="avatar author-avatar" width="40" height="40">
By <span class="author-name">{escape(post.author)}</span> &middot; <time class="published" datetime="{post.published.isoformat()}">{post.date}</time></div>
</header>
<div class="entry-content">
<p class="intro">{escape(post.intro)}</p>
{body}
{notes}
</div>
<footer class="entry-footer"><p class="tags">{tags}</p>
{share}
</footer>
</article>
{rel}
<section id="comments" class="comments"><h3>{len(post.comments)} comments</h3>
<ol class="comment-list">{"".join(comments)}</ol>
<form class="comment-form" action="/blog/comment" method="post"><textarea name="comment"></textarea><button>Post comment</button></form>
</section>"""
    im0 = post.street_images[0]
    head = "\n".join([
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{_attr(post.title)}">',
        f'<meta property="og:url" content="{BASE}{post.path}">',
        f'<meta property="og:image" content="{BASE}{im0.path}">',
        f'<meta property="article:published_time" content="{post.published.isoformat()}">',
        f'<meta property="article:modified_time" content="{post.modified.isoformat()}">',
        f'<meta property="article:section" content="{_attr(post.show.name)}">',
        _post_ld(post),
    ])
    return frame(blog, post.title, main, canonical=post.path, head=head, description=post.intro)


def api_look(blog: Blog, post: Post) -> str:
    items = []
    for it in post.items:
        items.append({
            "text": _cap(it.text),
            "brand": it.brand,
            "image": BASE + post.street_images[it.image].path,
            "links": [{"href": lk.href_template, "kind": "exact" if lk.kind == "exact" else "similar",
                       "label": lk.label} for lk in it.links],
        })
    return json.dumps({"post": post.slug, "title": post.title, "items": items}, ensure_ascii=False)


# --- listings, feed, sitemap -------------------------------------------------------------------------


def _card(post: Post) -> str:
    return (f'<article class="post-card"><a href="{post.path}" class="thumb"><img src="{post.thumbnail}" alt="" width="192" '
            f'height="128" loading="lazy"></a><h2 class="entry-title"><a href="{post.path}" rel="bookmark">{escape(post.title)}</a></h2>'
            f'<p class="meta"><time datetime="{post.published.isoformat()}">{post.date}</time> &middot; '
            f'<a href="{post.show.path}">{escape(post.show.name)}</a></p><p class="excerpt">{escape(post.intro)}</p></article>')


def render_listing(blog: Blog, page: int) -> str | None:
    pages = blog.page_count()
    if not 1 <= page <= pages:
        return None
    cards = "\n".join(_card(p) for p in blog.page_posts(page))
    head, nav = [], []
    if page > 1:
        prev = blog.page_path(page - 1)
        head.append(f'<link rel="prev" href="{BASE}{prev}">')
        nav.append(f'<a href="{prev}" rel="prev" class="newer">Newer posts</a>')
    if page < pages:
        nxt = blog.page_path(page + 1)
        head.append(f'<link rel="next" href="{BASE}{nxt}">')
        nav.append(f'<a href="{nxt}" rel="next" class="older">Older posts</a>')
    title = "Latest looks" if page == 1 else f"Latest looks – page {page}"
    main = (f'<h1>{escape(title)}</h1>\n<div class="post-list">\n{cards}\n</div>\n'
            f'<nav class="pagination">{" ".join(nav)} <span class="pages">Page {page} of {pages}</span></nav>')
    return frame(blog, title, main, canonical=blog.page_path(page), head="\n".join(head))


def render_category(blog: Blog, show: Show) -> str:
    cards = "\n".join(_card(p) for p in blog.show_posts(show.slug))
    main = f'<h1>{escape(show.name)}</h1>\n<p class="category-description">Every outfit from {escape(show.name)}, episode by episode.</p>\n<div class="post-list">\n{cards}\n</div>'
    return frame(blog, show.name, main, canonical=show.path)


def render_about(blog: Blog) -> str:
    main = (f"<h1>About {BLOG_NAME}</h1><p>We identify the outfits from your favourite shows and link you to "
            "where to buy them (or something similar). Links may be affiliate links.</p>")
    return frame(blog, "About", main, canonical="/blog/about")


def render_feed(blog: Blog) -> str:
    items = []
    for p in blog.posts_by_date:
        items.append(
            f"<item>\n<title>{xml_escape(p.title)}</title>\n<link>{BASE}{p.path}</link>\n"
            f'<guid isPermaLink="true">{BASE}{p.path}</guid>\n<pubDate>{_rfc822(p.published)}</pubDate>\n'
            f"<dc:creator>{xml_escape(p.author)}</dc:creator>\n<category>{xml_escape(p.show.name)}</category>\n"
            f"<description>{xml_escape(p.intro)}</description>\n</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f"<channel>\n<title>{BLOG_NAME}</title>\n<link>{BASE}/blog/</link>\n"
        f"<description>What they wore on TV, and where to buy it.</description>\n<language>en</language>\n"
        f'<atom:link href="{BASE}/blog/feed.xml" rel="self" type="application/rss+xml"/>\n'
        f"<lastBuildDate>{_rfc822(blog.last_modified)}</lastBuildDate>\n" + "\n".join(items) + "\n</channel>\n</rss>\n"
    )


def render_sitemap(blog: Blog) -> str:
    def url(loc: str, lm) -> str:  # noqa: ANN001
        return f"  <url>\n    <loc>{BASE}{loc}</loc>\n    <lastmod>{lm:%Y-%m-%dT%H:%M:%S+00:00}</lastmod>\n  </url>\n"

    out = [url("/blog/", blog.last_modified)]
    out += [url(s.path, blog.last_modified) for s in blog.shows]
    out += [url(p.path, p.modified) for p in blog.posts_by_date]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "".join(out) + "</urlset>\n")


def render_bounce(murl: str, mode: str) -> str:
    """The 200 page of /r?murl=...: a meta refresh, or (mode=js) a script calling location.replace."""
    if mode == "js":
        target = json.dumps(murl).replace("</", "<\\/")
        jump = f'<script>window.location.replace({target});</script>'
        note = "<noscript>Please enable JavaScript to continue to the shop.</noscript>"
    else:
        jump = f'<meta http-equiv="refresh" content="0; url={_attr(murl)}">'
        note = ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">
<title>Redirecting&hellip;</title>
{jump}
</head><body><p>Taking you to the shop&hellip;</p>{note}</body></html>
"""
