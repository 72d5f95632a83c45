"""Page areas whose content belongs to other products (related items, carousels,
footers, second-hand offers), shared by the price, image and brand heuristics."""
from __future__ import annotations

import re

from functools import lru_cache
from itertools import chain, islice
from urllib.parse import urlsplit

_RELATED = ("related", "recommend", "similar", "sponsor", "upsell", "up-sell", "crosssell", "cross-sell",
            "also", "carousel", "recent", "footer", "minicart", "mini-cart", "cart-drawer", "flyout",
            "wishlist", "bundle", "complete-the-look", "outfit", "you-may", "youmay", "suggest", "teaser",
            "tile", "search-result", "product-list", "productlist", "product-grid",
            "shelf", "prateleira",  # VTEX's product carousels
            # a marketplace's "listing-…" is its own item; these list other products
            "product-listing", "listings", "listing-grid", "listing-card", "listing-item",
            "megamenu", "mega-menu", "navigation", "comparison",
            "drawer-menu", "menu-drawer", "nav-drawer", "mobile-menu", "mobile-nav",  # the site's menu on phones
            "successor",  # a discontinued product's successor, with its own price and button
            "alternates", "alternatives",  # an obsolete part's stand-ins ("<section class='pdp-alternates'>")
            "newerversion", "newer-version", "newer-model", "newermodel", "nachfolger",  # Amazon's "newerVersion_feature_div"
            # other sellers' offers for the same product (marketplaces list them under the buy box)
            "other-offer", "otheroffer", "other-seller", "otherseller", "more-offer", "moreoffer", "more-seller",
            "moreseller",
            "cookie", "consent", "onetrust",  # a consent dialog lists its "vendors": no product of the page
            # "similar" and "recommended" in the shop's language, as older shops name their classes
            "hasonlo", "ajanlo", "empfehl", "aehnlich", "similaire", "simili", "polecane", "podobne", "aanbevol",
            "suosit", "benzer", "lignende", "liknande")
# a class that marks a row of an accordion or a tab as the open one ("a-accordion-active", "is-open")
OPEN_ROW = re.compile(r"(?:^|[\s_-])(?:active|open|expanded|selected)(?:$|\s)", re.I)
# Second-hand offer boxes sit beside the new-item buy box on marketplaces.
# (also returned goods resold unsealed: "open box", eMAG's "panel-resealed", Romanian "resigilat")
_USED = re.compile(r"(?:^|[^a-zA-Z])(?i:used|refurb[a-z]*|renewed|pre-?owned|second-?hand|resealed|resigilat[a-z]*|"
                   r"open-?box)(?=[^a-z]|$)")
_USED_HINTS = ("used", "Used", "USED", "refurb", "Refurb", "renewed", "Renewed", "owned", "Owned", "hand", "Hand",
               "reseal", "Reseal", "resigil", "Resigil", "box", "Box")


# A carousel/slider that holds the product's own photos (SFRA "pdpCarousel", "product-image-carousel").
_OWN_MEDIA = ("pdp", "primary-image", "product-image", "main-image", "product-media", "product-gallery",
              "productgallery", "product__media", "media-gallery")
_NONE, _OWN, _REL = 0, 1, 2
# An <aside> named for the product or its purchase: the buy box set beside the title.
_BUY_ASIDE = re.compile(r"product|pdp|buy|purchase|add-?to-?cart")
# A content slot the shop fills with its own notices (HCL/WebSphere Commerce's
# "contentRecommendationWidget", an e-spot), unlike its product recommendations.
_CONTENT_SLOT = re.compile(r"content[-_]?recommendation")
_OWN_PURCHASE = re.compile(r"product[-_]?buy|buy[-_]?box|pdp[-_]?buy")
# a mobile page's fixed buy bar ("item-footer-bar"), or a wrapper of the header, the page and its footer
# together ("header_footer_wrap"): not the page's footer
_NOT_FOOTER = re.compile(r"footer[-_]?(?:bar|buy|action|cart)|(?:buy|action|cart)[-_]?footer|"
                         r"header[-_]?(?:and[-_]?)?footer")
# a bar stuck to the bottom of the screen, named for the cart too (Big W's "stickyCart stickyFooter"): the buy bar;
# a "sticky-footer" alone is the page's footer, kept in view
_STUCK_FOOTER = re.compile(r"(?:sticky|fixed)[-_]?footer")
_BUY_WORDS = ("cart", "buy", "basket", "purchase")
# a class that flags what a page or block has or allows ("has-recently-viewed", "allow-comparison", "with-footer"),
# not what the element is
_FEATURE_FLAG = re.compile(r"(?<![\w-])(?:has|with|allow|allows|enable|enabled|no|without)[-_][\w-]*")
_TILE_TOKEN = re.compile(r"(?:^|\s)product-items?(?:-container|-list|-card)?(?:\s|$)")


# Class/id strings repeat within a page and across a site's pages.
@lru_cache(maxsize=50_000)
def _kind(c: str) -> int:
    """_REL for a related-products area, _OWN for the product's own media, -1 for a bare carousel."""
    low = c.lower()
    if "-" in low or "_" in low:
        low = _FEATURE_FLAG.sub(" ", low)
    if "content" in low:
        low = _CONTENT_SLOT.sub("", low)
    if "footer" in low:
        low = _NOT_FOOTER.sub("", low)
        if any(w in low for w in _BUY_WORDS):
            low = _STUCK_FOOTER.sub("", low)
    if "product-item" in low and _TILE_TOKEN.search(low):
        return _REL  # Magento's, Bitrix's and Shopify themes' product card, not "product-item-detail"
    weak = False
    for frag in _RELATED:
        if frag in low:
            if frag == "carousel":
                weak = True
                continue
            if frag == "bundle" and _OWN_PURCHASE.search(low):
                continue  # the product's purchase with its bundles below it ("product-buy-bundles-container")
            return _REL
    for frag in _USED_HINTS:
        if frag in c:
            # the open row of a buying-options accordion is the buyer's choice (a renewed-only product)
            if _USED.search(c) and not ("accordion" in low and OPEN_ROW.search(low)):
                return _REL
            break
    if any(m in low for m in _OWN_MEDIA):
        return _OWN
    return -1 if weak else _NONE


# A heading that names a block of other products ("Aanbevolen producten", "Kunden kauften auch"):
# the block it heads is a recommendation area whatever its classes say.
_RELATED_HEADING = re.compile(
    r"recommend|related (?:products|items|articles)|similar (?:products?|items?)|you (?:may|might) also|"
    r"consider (?:a |an |these |this )?(?:similar|available|alternative)|"  # a sold-out page's stand-ins
    r"(?:suggested |recommended |possible )?(?:alternates|alternatives|alternative (?:products|parts|items))|"
    r"customers (?:also|who)|frequently bought|also bought|also viewed|recently viewed|more from|more by|"
    r"(?:other|more) products (?:from|by)|complete the look|shop the look|(?:style|wear) it with|pairs? well with|"
    r"goes well with|more like this|similar styles|people also|"
    r"mehr von|meer van|"
    r"aanbevolen|gerelateerde|anderen bekeken|ook bekeken|empfohlen|empfehlung|ähnliche (?:artikel|produkte)|"
    r"auch gefallen|kauften auch|zuletzt angesehen|passend dazu|vervollständige den look|complétez le look|"
    r"aimerez aussi|produits (?:similaires|associés)|recommandé|"
    r"ont aussi (?:acheté|consulté)|también te puede|productos (?:relacionados|similares)|te recomendamos|"
    r"quem viu|quem comprou|também pode gostar|tambem pode gostar|veja também|compre junto|"
    r"produtos (?:relacionados|similares)|quienes vieron|también (?:compraron|vieron|han visto)|"
    r"clientes (?:también|que vieron)|zusammen gekauft|achetés ensemble|"
    r"samen gekocht|comprados juntos|acquistati insieme|"
    r"alternativen|zubehör|passende [a-zäöü]+$|weitere (?:titel|produkte|artikel)|autres produits|"
    r"klienci (?:oglądali|kupili) (?:także|również)|podobné zboží|související (?:produkty|zboží)|"
    r"zákazníci (?:také|též)|ostivat myös|katsoivat myös|bekijk ook|vergelijkbare producten|do mesmo autor|"
    r"オススメ|"
    r"potrebbe(?:ro)? interessar|prodotti (?:correlati|simili)|ti potrebbe|podobne produkty|polecane|"
    r"rekommender|liknande produkter|anbefal|lignende produkter|købte også|kjøpte også|"
    r"おすすめ|関連商品|類似商品|类似商品|この商品を見た人|相关商品|推荐|猜你喜欢|추천 상품|관련 상품|相關商品|看了又看|함께 본 상품|비슷한 상품|"
    r"สินค้าที่คุณอาจชอบ|สินค้าที่เกี่ยวข้อง|สินค้าแนะนำ|אולי תאהבו גם|מוצרים דומים|מוצרים קשורים|قد يعجبك|"
    r"منتجات ذات صلة|منتجات مشابهة|sản phẩm tương tự|sản phẩm liên quan|có thể bạn cũng thích|produk serupa|"
    r"produk terkait|mungkin (?:kamu|anda) suka|benzer ürünler|ilgili ürünler|beğenebilirsiniz|σχετικά προϊόντα|"
    r"παρόμοια προϊόντα|похожие товары|с этим товаром|схожі товари|рекомендуем|рекомендуєм|рекомендован|"
    r"recomendad|consigliat|rekomendowan|produse similare|"
    r"produse recomandate|hasonló termékek|ajánlott termékek|podobné produkty|doporučujeme|"
    # OpenCart's "Related Products" as its language packs say it
    r"produkty powiązane|сопутствующие товары|супутні товари|súvisiace produkty|kapcsolódó termékek|"
    r"свързани продукти|relaterade produkter|relaterede produkter|relaterte produkter|liittyvät tuotteet|"
    r"samankaltaiset tuotteet|povezani proizvodi|сродни производи|sorodni izdelki|susiję produktai|"
    r"saistītie produkti|seotud tooted|محصولات مرتبط|produse asemănătoare|"
    # other sellers' offers of it ("Other Sellers on Amazon", "More buying choices")
    r"other sellers on|more buying choices|weitere anbieter auf|andere verkopers op|autres vendeurs sur|"
    r"otros vendedores en|altri venditori su|outros vendedores n[ao]|他の出品者|"
    # a bundle of this product with others ("Discount bundle", "Buy together")
    r"优惠套装|优惠组合|搭配购买|組合優惠|一緒に購入|セット購入|함께 구매|bundle (?:and|&) save|buy (?:it )?together|"
    r"build your (?:own )?(?:bundle|pack|kit)|arma tu (?:pack|combo|kit)|monte (?:seu|o seu) (?:kit|combo)|"
    r"compose(?:z)? (?:ton|votre) pack|stell dir dein (?:paket|bundle)|crea il tuo (?:kit|pacchetto)")


def related_heading(text: str | None) -> bool:
    # Turkish "İ" casefolds to "i" and a combining dot: "İlgili Ürünler" is "ilgili ürünler"
    return bool(text) and len(text) <= 80 and _RELATED_HEADING.search(text.replace("İ", "i").casefold()) is not None


def headed_areas(headings, titles, buy) -> list:
    """The blocks the recommendation ``headings`` head: from each heading up to the first
    ancestor that holds more than the heading's own branch, unless that block holds one of the
    product's ``titles``, one of the ``buy`` controls before the heading, or a single one after
    it (then the heading sits in the product's column). Buy controls in several branches after
    it are its cards' ("Add to cart" on each tile under "You may also like")."""
    out = []
    for h in headings:
        e = h
        block = None
        while e.getparent() is not None:
            parent = e.getparent()
            if parent.tag in ("body", "html", "main"):
                break
            if sum(1 for c in parent if isinstance(c.tag, str)) > 1:
                block = parent
                break
            e = parent
        at = block.index(e) if block is not None else 0
        if block is None or _holds(block, titles) or _content_before(block, at):
            out.extend(_section_after(e, titles))  # the heading sits among the page's own parts
            continue
        inside = [(b, block.index(branch)) for b in buy if (branch := _within(b, block)) is not None]
        if any(i < at for _, i in inside):
            out.extend(_section_after(e, titles))
            continue
        after = {b for b, _ in inside}
        # its cards' buttons (a form and its button are one); a single one is the product's own
        # unless it sits with a link to another page (a tile)
        separate = [b for b in after if not any(a in after for a in b.iterancestors())]
        if len(separate) != 1 or _link_away(_within(separate[0], block), ""):
            out.append(block)
    return out


def _content_before(block, at: int) -> bool:
    """Text before the heading's branch in its block: the page's own parts (a table layout's product
    cell, then "Customers who bought this also bought" in the same cell), not a section of tiles."""
    n = 0
    for child in islice(block, at):
        if isinstance(child.tag, str):
            for t in child.itertext():  # counted up to the bound, not the whole product column's text
                n += len(t.strip())
                if n > _OWN_TEXT:
                    return True
    return False


_OWN_TEXT = 200


def _section_after(branch, titles) -> list:
    """The siblings after a recommendation heading's branch that hold links to other pages (its
    tiles), up to the first that holds none, a heading or the product's title."""
    out = []
    for sib in branch.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if (sib.tag in _SECTION_HEADS or next(sib.iter(*_SECTION_HEADS), None) is not None
                or _holds(sib, titles) or not _link_away(sib, "")):
            break
        out.append(sib)
    return out


_SECTION_HEADS = ("h1", "h2", "h3")


def _holds(el, items) -> bool:
    """`el` is one of `items` or holds one."""
    return any(t is el or _within(t, el) is not None for t in items)


def _within(el, block):
    """The child of ``block`` that holds ``el`` (``el`` itself when a child), else None."""
    for a in chain((el,), el.iterancestors()):
        parent = a.getparent()
        if parent is block:
            return a
        if parent is None:
            return None
    return None


def buy_tiles(buy, titles, page_path: str = "", own_group: bool = True) -> list:
    """Tiles of other products, each with its own buy button: three or more alike siblings
    (same tag and class) that each hold a buy control and a link to another page, the links
    going to different pages ("Add to cart" on every card of a carousel no heading names), none
    holding the product's title. Copies of the buy box (all linking the size guide) and the
    product's variant rows (linking the page itself) are no tiles. ``own_group=False``: siblings
    one of which holds the title are the product's own column (Amazon's "celwidget" blocks), none
    of them a tile; for controls that need not be buttons (prices)."""
    held: dict = {}  # parent -> its children that hold a buy control
    for b in buy:
        e = b
        for _ in range(_TILE_LEVELS if own_group else _PRICE_TILE_LEVELS):
            parent = e.getparent()
            if parent is None:
                break
            held.setdefault(parent, set()).add(e)
            e = parent
    out = []
    around = {a for t in titles for a in (t, *t.iterancestors())}  # the titles and what holds them
    for parent, children in held.items():
        if len(children) < (3 if own_group else 2):
            continue
        alike: dict = {}
        # prices: the alike siblings whether or not they show one (a carousel's tiles of items without a
        # price beside two with one)
        for c in children if own_group else (c for c in parent if isinstance(c.tag, str)):
            alike.setdefault((c.tag, _kind_of_card(c.get("class"))), []).append(c)
        holder = None if own_group or parent not in around else next((c for c in parent if c in around), None)
        for (tag, cls), group in alike.items():
            if len(group) < 3 or (holder is not None
                                  and (holder.tag, _kind_of_card(holder.get("class"))) == (tag, cls)):
                continue
            # a card is small: a sibling of thousands of elements is a section of the page (Alza's class-less
            # columns, one of them the product's own, its h1 above them all)
            links = {c: _links_away(c, page_path) for c in group
                     if c not in around and _count(c, _TILE_MAX + 1) <= _TILE_MAX}
            # each card's own link: the first not every card holds (WooCommerce's "Compare" link opens each)
            shared = set.intersection(*map(set, links.values())) if len(links) >= 3 else set()
            targets = {c: next((h for h in ls if h not in shared), None) for c, ls in links.items()}
            tiles = [c for c, target in targets.items() if target]
            if len(tiles) >= 3 and len({targets[c] for c in tiles}) >= 3:
                out.extend(c for c in tiles if c in children)
    return out


def _kind_of_card(cls: str | None) -> str | None:
    """A card's class without the words that name the one item: WordPress writes each post's id, status,
    categories, tags and stock into its class ("product-small col … post-107942 outofstock product_tag-noctua …")."""
    if not cls or not _ITEM_CLASS.search(cls):
        return cls
    return " ".join(t for t in cls.split() if not _ITEM_CLASS.match(t))


# WordPress's post_class() words (and WooCommerce's), and a card's stock state (not a row's "first" and "last": a
# grid's rows hold the product's own blocks too)
_ITEM_CLASS = re.compile(r"(?:post-\d+|status-[\w-]+|type-[\w-]+|format-[\w-]+|product-type-[\w-]+|"
                         r"(?:product_)?(?:cat|tag)-[\w-]+|category-[\w-]+|tag-[\w-]+|pa_[\w-]+|"
                         r"in-?stock|out-?of-?stock|onbackorder|sale|featured|has-post-thumbnail|"
                         r"shipping-taxable|taxable|purchasable|downloadable|virtual|hentry)(?=\s|$)")
_TILE_LEVELS = 8  # a component library's card holds its button seven wrappers down
_TILE_MAX = 1500  # elements
_PRICE_TILE_LEVELS = 4  # a price so deep in alike siblings may be the product's own (a price group's rows)


def compared_products(buy) -> list:
    """Comparison charts: tables one row of which holds buy controls in two or more cells, a product
    a column ("Add to Cart" under each of a brand's models); their prices are those products'."""
    cells: dict = {}  # row -> the cells holding a buy control
    for b in buy:
        for e in islice(chain((b,), b.iterancestors()), 6):
            if e.tag in ("td", "th"):
                row = e.getparent()
                if row is not None:
                    cells.setdefault(row, set()).add(e)
                break
    out = []
    for row, held in cells.items():
        table = next((a for a in row.iterancestors() if a.tag == "table"), None)
        if len(held) >= 2 and table is not None and table not in out:
            out.append(table)
    return out


def _links_away(el, page_path: str, most: int = 6) -> list:
    """The paths of the first links in `el` to other pages than this one."""
    out = []
    for a in el.iter("a"):
        h = (a.get("href") or "").strip()
        if h and not h.startswith(("#", "javascript:")):
            path = urlsplit(h).path.rstrip("/")
            if path and path != page_path.rstrip("/") and path not in out:
                out.append(path)
                if len(out) >= most:
                    break
    return out


def _link_away(el, page_path: str) -> str | None:
    """The path of the first link in `el` to another page than this one."""
    first = _links_away(el, page_path, 1)
    return first[0] if first else None


def _sidebar(aside) -> bool:
    """An <aside> is a sidebar unless its class names the product or its purchase ("product-aside",
    "pdp-buybox"), or names nothing a sidebar is (hashed CSS-in-JS names) and it is a buy panel."""
    named = " ".join(filter(None, (aside.get("class"), aside.get("id")))).lower()
    if _BUY_ASIDE.search(named):
        return False
    return bool(_SIDEBAR_WORD.search(named)) or not _buy_panel(aside)


_SIDEBAR_WORD = re.compile(r"side|widget|rail|col|nav|menu|filter|promo|banner|newsletter|blog|cart|categor|recent|"
                           r"related|tag|ad(?:s|vert)")


def _buy_panel(aside) -> bool:
    """An <aside> that holds buttons and links to no more than two other pages: the product's sticky buy
    panel ("/financing", "/store-finder"), not a sidebar of links or of other products' tiles."""
    if next(aside.iter("button"), None) is None and not any(
            (i.get("type") or "").lower() in ("submit", "button") for i in aside.iter("input")):
        return False
    away = 0
    for a in aside.iter("a"):
        h = (a.get("href") or "").strip()
        if h and not h.startswith(("#", "javascript:")):
            away += 1
            if away > 2:
                return False
    return True


_LISTING_PAGE = re.compile(r"search-?result|listing|product-?list|product-?grid|category-?page")


class Related:
    """Memoised "is this inside a related-products/footer area" test.

    A bare carousel counts as related (recommendation sliders) unless it sits
    inside the product's own media container (gallery sliders); any related
    area above wins over both.

    The classes of <html>/<body> are page-wide flags ("sticky-footer", "has-mega-menu"): they put
    the whole page in a related area only when they say it lists products ("search-results"),
    and ``page_classes=False`` ignores them altogether.

    The elements around ``title``, the heading named like the page's title, hold the product
    itself: their classes and tags mark no area ("layout sticky-footer-wrapper" around a whole
    product page, the buy box in an ``<aside>``). An ``<aside>`` whose class names the product or
    its purchase ("product-aside", "pdp-buybox") is the buy box beside the title, not a sidebar.
    """

    def __init__(self, page_classes: bool = True, title=None):
        self.memo: dict = {}
        self.page_classes = page_classes
        self.title = title
        self.around_title = frozenset(title.iterancestors()) if title is not None else frozenset()

    def _state(self, el) -> int:
        memo = self.memo
        chain = []
        e = el
        state = _NONE
        while e is not None:
            st = memo.get(e)
            if st is not None:
                state = st
                break
            chain.append(e)
            e = e.getparent()
        for e in reversed(chain):  # top-down
            tag = e.tag if isinstance(e.tag, str) else ""
            if tag == "main" or e.get("role") == "main":
                pass  # the page's main content, whatever its classes say ("<main class='l-product l-common__footer'>")
            elif state != _REL and e not in self.around_title:
                if tag in ("footer", "nav") or (tag == "aside" and _sidebar(e)):
                    state = _REL
                elif tag in ("body", "html"):
                    # Page-wide flags ("so_footerswitch", "has-mega-menu") mark no area; a page
                    # whose own class says it lists products ("catalogsearch-result") is one.
                    c = e.get("class")
                    if self.page_classes and c and _LISTING_PAGE.search(c.lower()):
                        state = _REL
                else:
                    dc = e.get("data-component")
                    if dc and dc[:1] in "[{":
                        dc = None  # a JSON configuration of scripts, not the element's name
                    c = " ".join(filter(None, (e.get("class"), e.get("id"), dc, e.get("data-hook"))))
                    if c:
                        k = _kind(c)
                        if k == _REL or (k == -1 and state != _OWN):
                            state = _REL
                        elif k == _OWN:
                            state = _OWN
            memo[e] = state
        return state

    def __call__(self, el) -> bool:
        return self._state(el) == _REL

    def mark(self, blocks) -> None:
        """Count ``blocks`` (and all inside them) as related; before any test."""
        for b in blocks:
            self.memo[b] = _REL


# What a buy button says, in the languages shops use; lower-cased, matched against lower-cased text
# (`says_buy`): a case-blind search of so many phrases costs several times more.
_BUY_TEXT = re.compile(
    # (not a pay-later offer's "Buy now. Pay later.", "Jetzt kaufen, später bezahlen")
    r"add to (?:cart|bag|basket|trolley)|buy now(?![\s.,:;!-]*pay later)|in den (?:warenkorb|einkaufswagen)|"
    r"jetzt kaufen(?![\s.,:;!-]*später)|"
    r"ajouter au panier|añadir a la cesta|añadir al carrito|aggiungi al carrello|do koszyka|"
    r"in winkelwagen|lägg i varukorg|læg i kurv|legg i handlekurv|sepete ekle|カートに入れる|加入购物车|장바구니|"
    r"add to (?:shopping )?(?:cart|bag|basket)|ajouter au sac|in die tasche|añadir a la bolsa|aggiungi alla borsa|"
    r"adicionar ao carrinho|adicionar à sacola|comprar agora|в корзину|купить|do košíku|do košíka|kosárba|"
    r"adaugă în coș|lisää ostoskoriin|kup teraz(?![\s.,:;!-]*zapłać)|toevoegen aan winkelmand|カートに追加|"
    r"加入購物車|立即购买|바로구매|"
    r"place bid|bid now|gebot abgeben|enchérir|"
    # "Buy it now" where eBay says it ("Compralo Subito", "Sofort-Kaufen", "Achat immédiat", "Cómpralo ya")
    r"compralo subito|sofort-?kaufen|achat immédiat|cómpralo ya|buy it now|"
    r"in winkelmand|dodaj v košarico|افزودن به سبد|put in (?:cart|basket|bag)|megrendelem|"
    r"agregar al carr(?:ito|o)|añadir al carro|agregar a la bolsa|adicionar ao cesto|adicionar ao saco|acquista ora|compra ora|"
    r"in winkelmandje|in mijn winkelwagen|jetzt bestellen|in den einkaufskorb|lägg i kundvagn|lägg till i varukorg|"
    r"tilføj til kurv|legg i handlevogn|lisää koriin|přidat do košíku|vložit do košíku|pridať do košíka|"
    r"adauga in cos|προσθήκη στο καλάθι|в кошик|додати в кошик|купити|أضف إلى السلة|أضف للسلة|הוסף לסל|"
    r"הוספה לסל|thêm vào giỏ|mua ngay|หยิบใส่ตะกร้า|เพิ่มลงในรถเข็น|เพิ่มลงตะกร้า|ใส่ตะกร้า|ซื้อเลย|ซื้อทันที|tambah ke keranjang|masukkan keranjang|"
    r"beli sekarang|購入する|カートへ|立即購買|加入购物袋|구매하기|hemen al|"
    r"u košaricu|u korpu|u košarico|į krepšelį|pievienot grozam|ostukorvi|в количката|tambah ke troli|comprar ahora|"
    r"satın al|osta kohe|קנה עכשיו|اشتري الآن|add to order|zum warenkorb hinzufügen|aan winkelwagen|"
    r"aan winkelmand|ajouter au chariot|ajouter à mon panier|in den korb|"
    # "my" basket, and a narrow screen's short form ("In mijn winkelmandje", "In mijn mandje", "Bestel nu")
    r"in mijn (?:winkel)?mand(?:je)?|bestel nu|in meinen (?:warenkorb|einkaufswagen)|añadir a mi (?:carrito|cesta|bolsa)|"
    r"aggiungi al mio carrello|add to my (?:cart|bag|basket)|(?:バスケット|買い物かご|かご|カゴ)に(?:入れる|追加)|"
    # a pre-order taken by the button ("Pre-order now", "予約する")
    r"pre-?order now|^\s*pre-?order\s*$|jetzt vorbestellen|^\s*vorbestellen\s*$|précommander|予約する|予約注文|"
    r"立即预订|立即預購|예약 ?구매|"
    # luxury houses' English "shopping bag" in other languages ("Aggiungi allo shopping bag")
    r"(?:aggiungi|ajouter|añadir|adicionar|toevoegen|hinzufügen|lägg)[^.!?]{0,14}shopping ?bag|"
    r"(?:in die|in den|zur|zum) shopping ?bag|"
    # a button that says no more than "Buy" ("Comprar", "Köp", "Kjøp", "Osta")
    r"^\s*(?:buy|comprar|compra|acquista|köp|kjøp|køb|osta|koupit|kaufen|acheter|kopen|kup|cumpără|cumpara|bestellen|bestel|"
    r"kupi|pirkti|pirkt|купи|αγορά|vásárlás|nopirkt|ostan|megveszem|קנה|קנו|اشتري|اشتر|شراء)\s*$|"
    # uk "У кошик" (to the cart), a verb-less button
    r"^\s*у кошик\s*$|"
    # "buy now" and "add to cart" in more words (nl, sv, tr, uk, ar, hi, zh-TW, ja, ca, is), and a button that says
    # no more than "Order" (fr, pl, cs, es/pt) or "Order now"
    r"koop nu|köp nu|şimdi al|додати до кошика|إضافة إلى السلة|कार्ट में जोड़ें|टोकरी में डालें|加入購物袋|買い物かごへ|"
    r"afegeix a la cistella|bæta í körfu|"
    r"^\s*(?:commander|zamów|zamów teraz|objednat|pedir|order now|order|purchase|purchase now)\s*$"
)


def says_buy(text: str) -> bool:
    """Whether ``text`` is what a buy button says ("Add to bag", "In den Warenkorb", "Köp")."""
    return _BUY_TEXT.search(text.lower()) is not None


def first_words(el, limit: int = 200, pieces: int = 40) -> str:
    """The first `limit` characters of words in `el`, its markup's indentation left out (a spinner's svg laid out
    over indented lines before "Add to Cart")."""
    parts: list[str] = []
    n = 0
    for t in islice(el.itertext(), pieces):
        if not t.isspace():
            parts.append(t)
            n += len(t)
            if n >= limit:
                break
    return " ".join(" ".join(parts).split())[:limit]


# A buy button for several products: a bundle of this one with others ("Add both to cart",
# "Add all 3 to basket", "Add selected to cart", "Alle in den Warenkorb").
_SEVERAL = re.compile(r"\b(?:both|all(?: \d+| three| four)?|selected|beide|alle|tous|todos|tutti|allebei)\b "
                      r"(?:(?:items|products|artikel|\d+) )?(?:to|in|au|al|a|nel|aan|i|zum)\b", re.I)


def own_buy_controls(candidates) -> list:
    """Buy controls of the product itself, not of a bundle with others."""
    return [b for b in candidates if not _SEVERAL.search(
        (b.get("value") or "") if b.tag == "input" else "".join(islice(b.itertext(), 8))[:80])]


def buy_buttons(candidates, related) -> list:
    """Add-to-cart / buy controls outside related-product areas."""
    return [b for b in candidates if b.get("type") != "hidden" and not related(b)]


_BOX_ELEMENTS = 400  # a buy box is a few hundred elements; the whole page is thousands


def _count(el, cap: int) -> int:
    """Elements (and comments) in ``el``'s subtree, counted up to ``cap``."""
    return len(list(islice(el.iter(), cap)))


# A bar that keeps a copy of the buy box in view while the shopper scrolls ("product-detail-floater",
# "add-to-cart-fixed-wrapper", "sticky-atc"): its button repeats the buy box's, and its script sets its words.
_KEPT_IN_VIEW = re.compile(r"sticky|floater|floating|affix|"
                           r"(?:fixed|stuck)[-_]?(?:bar|wrapper|header|footer|cart|buy|panel)|"
                           r"(?:cart|buy|atc|purchase)[-_]?(?:fixed|sticky)")


def kept_in_view(el, levels: int = 8) -> bool:
    """Whether ``el`` sits in a bar kept in view on scrolling, a copy of the buy box."""
    for e in islice(chain((el,), el.iterancestors()), levels + 1):
        named = " ".join(filter(None, (e.get("class"), e.get("id"))))
        if named and _KEPT_IN_VIEW.search(named.lower()):
            return True
    return False


def buy_box(anchors, limit: int = _BOX_ELEMENTS, levels: int = 8):
    """The page's buy box: around each anchor (buy button, product title, first price) its
    largest ancestor, up to `levels` up (script-built pages nest deep), of at most `limit`
    elements (outermost kept)."""
    boxes = []
    # anchors share ancestors: each subtree counted once, only as far as asked (-n: n or more)
    sizes: dict = {}

    def count(el, cap: int) -> int:
        n = sizes.get(el)
        if n is not None and (n > 0 or -n >= cap):
            return min(abs(n), cap)
        n = _count(el, cap)
        sizes[el] = n if n < cap else -n
        return n

    for a in anchors:
        box = a
        size = count(a, limit + 1)
        e = a.getparent()
        climbed = 0
        while climbed < levels and e is not None:
            size += 1  # the parent's size, counting only what is new: it and the box's siblings
            alone = True
            for c in e:
                if size > limit:
                    break  # (a flat parent of thousands: the rest is not counted, nor walked)
                if c is box:
                    continue
                if isinstance(c.tag, str):
                    alone = False
                size += count(c, limit + 1 - size)
            if size > limit:
                break
            # a wrapper around the box alone is no level of its own (a framework's nest of single divs)
            climbed += 0 if alone and size < limit else 1
            box = e
            e = e.getparent()
        inside = set(box.iterancestors())
        if any(b is box or b in inside for b in boxes):
            continue
        boxes = [b for b in boxes if box not in set(b.iterancestors())]
        boxes.append(box)
    return boxes
