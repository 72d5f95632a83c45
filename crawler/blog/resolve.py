"""Turning a blog's outbound link into the shop's canonical product URL.

Links in show-fashion posts rarely point straight at the product: they go through
affiliate networks and shorteners (HTTP redirects, which Scrapy follows), through
"bounce" URLs that carry the destination in a query parameter (read here, without a
request), through small pages that jump on with a meta refresh (Scrapy follows those too)
or a script (read here), and they arrive dressed in tracking parameters. The last hop is
the product page, whose rel=canonical (found by the extraction) has the final word.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from w3lib.url import url_query_cleaner

#: Query parameters that carry the destination of a bounce/affiliate URL.
DESTINATION_PARAMS = ("murl", "url", "u", "dest", "destination", "redirect", "redirect_url", "redirect_uri",
                      "target", "to", "goto", "link", "out", "r", "ued", "l", "z", "p")

#: Tracking parameters that never change which product a URL names.
TRACKING_PARAMS = frozenset({
    "gclid", "gbraid", "wbraid", "fbclid", "msclkid", "dclid", "yclid", "igshid", "mc_cid", "mc_eid",
    "ref", "ref_", "referrer", "aff", "aff_id", "affid", "affiliate", "affiliate_id", "clickid", "click_id",
    "irclickid", "irgwc", "cjevent", "cjdata", "awc", "ranmid", "raneaid", "ransiteid", "sv1", "sv_campaign_id",
    "spm", "_ga", "_gl", "si", "srsltid", "tag", "linkcode", "camp", "creative", "creativeasin", "psc",
    "source", "campaign", "partner", "partner_id", "pid", "sub_id", "subid", "trk", "trackingid",
})

_JS_REDIRECT = re.compile(
    r"""(?:window\.|document\.|top\.)?location(?:\.href)?\s*(?:=|\.replace\(|\.assign\()\s*["']([^"']+)["']""")


def destination_param(url: str) -> str | None:
    """The absolute URL a bounce link carries in a query parameter, if any."""
    query = dict((k.lower(), v) for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=False))
    for name in DESTINATION_PARAMS:
        value = query.get(name)
        for _ in range(3):  # some networks encode the destination twice
            if value and value.startswith(("http://", "https://")):
                return value
            value = unquote(value) if value and "%" in value else None
    return None


def strip_tracking(url: str) -> str:
    """The URL without its fragment and tracking parameters (utm_*, click ids, affiliate tags)."""
    parts = urlsplit(url)
    keep = [k for k, _ in parse_qsl(parts.query, keep_blank_values=True)
            if not (k.lower().startswith("utm_") or k.lower() in TRACKING_PARAMS)]
    cleaned = url_query_cleaner(urlunsplit(parts._replace(fragment="")), keep, remove=False) if keep else \
        urlunsplit(parts._replace(query="", fragment=""))
    return cleaned


def script_redirect(html: str) -> str | None:
    """The target of a page that only forwards the visitor with a script."""
    if len(html) > 20_000:  # a forwarding page is tiny; a real page that mentions location is not one
        return None
    m = _JS_REDIRECT.search(html)
    return m.group(1) if m else None
