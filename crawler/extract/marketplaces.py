"""Marketplaces and classifieds sites: where many sellers list many makers' goods, so the site's own
name (its og:site_name, its host) is never a product's brand. Spelled as the sites write
themselves, in any case; matched with punctuation and spaces left out ("Mercado Libre", "ヤフオク!")."""
from __future__ import annotations

import re

_NAMES = """
amazon ebay etsy walmart target aliexpress alibaba temu wish
kleinanzeigen ebaykleinanzeigen willhaben marktplaats 2dehands leboncoin vinted depop poshmark wallapop
milanuncios subito olx avito авито юла youla ozon wildberries яндексмаркет allegro ceneo emag trendyol
hepsiburada n11 gittigidiyor sahibinden jumia takealot noon flipkart snapdeal meesho myntra
mercadolibre mercadolivre americanas magazineluiza magalu shopee lazada tokopedia bukalapak blibli tiki
sendo coupang 쿠팡 gmarket 지마켓 11번가 11st auction 옥션 네이버 naver 네이버스마트스토어 smartstore
rakuten 楽天 楽天市場 yahoo ヤフオク ヤフオク! ヤフーショッピング yahooショッピング yahoo!ショッピング mercari メルカリ ラクマ paypayフリマ zozotown
taobao 淘宝 淘宝网 tmall 天猫 jd 京东 拼多多 pinduoduo 闲鱼 xianyu momo pchome 蝦皮 蝦皮購物 露天拍賣
bol bolcom cdiscount fnac otto kaufland zalando aboutyou galaxus digitec fruugo onbuy gumtree craigslist
facebookmarketplace tori finn blocket dba guloggratis bazos sbazar jofogas vatera okazii skroutz
"""
_KEYS = frozenset(re.sub(r"\W", "", n.casefold()) for n in _NAMES.split())


def is_marketplace(name: str | None, host: str = "") -> bool:
    """Whether the site's name, or its host's name, is a marketplace's or a classifieds site's."""
    if name and re.sub(r"\W", "", name.casefold()) in _KEYS:
        return True
    labels = host.lower().removeprefix("www.").split(".")
    return any(label.replace("-", "") in _KEYS for label in labels[:-1])
