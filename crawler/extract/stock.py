"""In stock or not, as the page shows it.

Markup says what the shop's feed says; the page says what a buyer meets. Evidence read here:

* a short stock label ("In stock", "Sold out", "Nicht lieferbar") in an element whose class or
  id speaks of stock or availability (``tree_scan`` collects those);
* the same phrases, or a longer sentence that starts with one ("Currently unavailable. We don't
  know when or if this item will be back in stock."), in the buy box: the few hundred elements
  around the buy button, the product title and the price. Read there: each element's own text,
  the value after a label ("<b>Availability:</b> Out of stock") or a line break, a picture's
  alt text, a button input's value and an empty badge's aria-label;
* the buy button itself: present, enabled and visible, or disabled, or saying "Sold out".

Anything the page hides is not evidence: the ``hidden`` attribute, ``aria-hidden``, an inline
``display:none``, the usual hiding classes, and classes the page's own <style> hides (shops
render both "Add to bag" and "Unavailable" and let CSS show one). Texts inside size and
colour pickers speak of one variant, not of the product, and are skipped.

``page_availability`` returns the page's verdict or None; ``merge`` lets a clear verdict
(sold-out evidence and no working buy button) overrule markup that says in stock.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain, islice

from . import areas
from .analytics_fields import STOCK_ATTRIBUTE, stock_flag
from .text import (CHOOSE, HIDING_CLASS, HIDING_STYLE, NOTIFY_CONTROL, PRICE_LABEL, READER_ONLY, READER_ONLY_CLASS,
                   SHOWN_FROM_A_WIDTH, UNSEEN, availability, hidden_attribute, names_alert, short_text)

_OUT = (
    # en
    "sold out", "out of stock", "currently unavailable", "temporarily unavailable", "unavailable", "not available",
    "no longer available", "not in stock", "out-of-stock", "soldout", "discontinued", "no longer sold", "back soon",
    "expected in stock", "expected back", "awaiting stock", "awaiting restock", "awaiting re-stock", "restocking soon",
    "gone for now", "all gone", "no longer stocked", "not sold online", "not for sale",
    "bald wieder", "voraussichtlich wieder", "bientôt de retour", "binnenkort weer", "out of print", "none left",
    "no longer in production", "retired product", "product retired", "this product is retired", "nicht mehr im sortiment", "outofstock", "victime de son succès", "hors stock", "rupture",
    # a one-off item sold, a listing or auction ended
    "has been sold", "already sold", "bereits verkauft", "déjà vendu", "listing has ended", "listing was ended",
    "this listing sold", "no more of this item", "has no more of these",
    "listing ended", "bidding has ended", "auction has ended", "auction ended", "angebot wurde beendet",
    "angebot beendet", "kein bestand", "plus de stock", "sales period has ended", "sales period ended",
    "sale period has ended", "sale period ended", "販売期間は終了", "販売期間終了", "予約受付は終了", "予約受付終了",
    # cannot be bought now ("Artikel kann derzeit nicht gekauft werden", es "sin fecha de entrada": no date it comes in)
    "nicht gekauft werden", "cannot be purchased", "can't be purchased", "can not be purchased", "not purchasable",
    "no se puede comprar", "sin fecha de entrada", "não pode ser comprado",
    "kann nicht bestellt werden", "kann derzeit nicht bestellt werden", "kann aktuell nicht bestellt werden",
    "kann zurzeit nicht bestellt werden", "kann momentan nicht bestellt werden", "kann leider nicht bestellt werden",
    "kann nicht online bestellt werden", "nicht online gekauft werden", "ne peut pas être acheté",
    "ne peut pas être commandé", "ne peut plus être commandé", "ne peut plus être acheté",
    "non può essere acquistato", "non può essere ordinato", "non è acquistabile", "kan niet besteld worden",
    "kan niet worden besteld",
    "nie można kupić", "nie można zamówić", "немає в продажу", "не можна купити",
    "sprzedaż zakończona", "oferta zakończona", "aukcja zakończona", "oferta nieaktualna", "anúncio pausado",
    "anúncio finalizado", "anuncio pausado", "anuncio finalizado", "publicación pausada", "publicación finalizada",
    "inserzione terminata", "annonce terminée", "vente terminée", "снято с публикации", "снято с продажи",
    "снят с продажи", "нет в продаже", "объявление снято", "объявление закрыто", "снял объявление",
    "сняла объявление", "ilan yayından kaldırıldı",
    "オークションは終了", "オークション終了", "出品終了", "拍卖已结束", "경매가 종료", "경매 종료",
    # no longer made or sold ("Ce produit n'est plus commercialisé")
    "plus commercialisé", "n'est plus fabriqué", "ya no se comercializa", "descatalogado", "fuori produzione",
    "non più in commercio", "nicht mehr erhältlich", "ausgelaufen", "no longer made", "no longer carried",
    "no longer carry this", "no longer sell this", "no longer stock this", "nicht mehr in unserem sortiment",
    "non commercialisé", "plus fabriqué", "niet online beschikbaar", "niet online te koop",
    # being restocked, not orderable now ("En cours de réapprovisionnement", "Niet bestelbaar")
    "waiting for stock", "in kürze wieder", "en cours de réapprovisionnement", "en réapprovisionnement",
    "reponiendo stock", "en reposición", "em reposição", "aguardando estoque", "in riassortimento",
    "voorraad wordt aangevuld", "ordering not possible", "niet bestelbaar", "ikke bestillbar", "ej beställningsbar",
    "no longer part of our range", "no longer in our range", "no longer part of the range", "not deliverable",
    "nicht mehr produziert", "nicht mehr hergestellt", "no longer produced", "no longer manufactured",
    "n'est plus produit", "n'est plus fabriquée", "ya no se fabrica", "ya no se produce", "non è più prodotto",
    "non viene più prodotto", "wordt niet meer geproduceerd", "wordt niet meer gemaakt", "tillverkas inte längre",
    "nicht mehr teil unseres sortiments", "plus partie de notre assortiment", "ya no forma parte de nuestro",
    "non fa più parte del nostro", "não faz mais parte do nosso", "niet meer in ons assortiment",
    "utgått ur sortimentet", "udgået af sortimentet", "udgået", "forhandles ikke længere", "føres ikke længere",
    "har utgått", "inte längre att köpa", "kan inte längre köpas",
    # pl "Wycofany (z oferty)": withdrawn
    "ikke længere købes", "kan ikke længere købes", "kan ikke lenger kjøpes", "wycofany", "wycofana",
    "již se neprodává", "vyřazeno z prodeje", "снят с производства", "üretimi durduruldu", "satıştan kaldırıldı",
    "取り扱い終了", "取扱終了", "取り扱いできません", "取扱いできません", "取り扱いしておりません", "生産終了", "已停售", "停产", "단종",
    # ko / ja / zh: sales stopped, or cannot be bought now ("이 상품은 현재 구매가 불가한 상품입니다", "現在購入できません",
    # "目前無法購買"; not a limit's "5個以上は購入できません")
    "현재 구매가 불가", "현재 구매 불가", "구매 불가 상품", "구매불가 상품", "판매중지", "판매 중지", "판매종료", "판매 종료",
    "現在購入できません", "現在ご購入いただけません", "目前無法購買", "暂时无法购买", "目前无法购买",
    "não é mais comercializado", "niet meer leverbaar", "uit het assortiment",
    "ya no está a la venta", "no longer for sale", "no longer on sale", "nicht mehr im verkauf", "n'est plus en vente",
    "non è più in vendita", "não está mais à venda", "niet meer te koop", "inte längre till salu",
    "स्टॉक में नहीं", "स्टॉक खत्म", "उपलब्ध नहीं", "ikke længere tilgængelig", "ikke lenger tilgjengelig", "inte längre tillgänglig", "niet meer beschikbaar",
    "artık mevcut değil", "больше не доступен", "больше не продается", "больше не продаётся",
    # a launch draw (a raffle) that has closed
    "draw closed", "draw has closed", "draw is closed", "raffle closed", "raffle has closed", "raffle is closed",
    "pre-order closed", "pre-orders closed", "pre-orders are closed", "pre-order is closed", "preorder closed",
    "preorders closed", "preorders are closed",
    # de / fr / it / es / pt / nl
    "ausverkauft", "nicht verfügbar", "nicht lieferbar", "nicht vorrätig", "nicht auf lager", "vergriffen", "épuisé",
    "nicht zur verfügung", "kein lagerbestand", "nicht am lager",
    "rupture de stock", "en rupture", "indisponible", "non disponible", "plus disponible", "plus en stock", "esaurito",
    "non disponibile", "non più disponibile", "non acquistabile", "agotado", "sin stock", "no disponible",
    "fuera de stock", "sin existencias", "esgotado", "indisponível", "sem estoque", "fora de estoque",
    "produto indisponível", "sem stock", "fora de stock", "sem disponibilidade", "esgotado temporariamente",
    "uitverkocht", "niet op voorraad", "niet beschikbaar", "tijdelijk niet leverbaar",
    # nordic, central and eastern European, Baltic, Balkan, tr, ru, bg, el, vi, id, th (and more es / pt / it)
    "slutsåld", "slutsålt", "slut i lager", "slut på lager", "tomt på lager", "tillfälligt slut", "ej i lager",
    "utsolgt", "ikke på lager", "ikke på nettlager", "ikke på fjernlager", "ej i webblager",  # nb, sv: the web shop's stock
    "ikke tilgjengelig", "ikke i salg", "ukjent leveringsdato", "leveringstid ikke bekreftet",
    # nb, da, sv: no delivery date known ("Ukjent leveringstid", "Leveringstid: ukjent", "Leverandør har ikke bekreftet levering")
    "ukjent leveringstid", "leveringstid: ukjent", "leveringsdato ukjent", "leveringsdato: ukjent",
    "ikke bekreftet leveringsdato", "har ikke bekreftet levering", "ukendt leveringstid", "leveringstid: ukendt",
    "okänd leveranstid", "leveranstid: okänd", "leveranstid okänd", "liefertermin unbekannt", "udsolgt",
    "loppuunmyyty", "ei varastossa", "tilapäisesti loppu", "pole laos", "läbi müüdud", "välja müüdud", "otsas",
    "loppu varastosta", "niedostępny", "niedostępna", "niedostępne", "brak w magazynie", "brak towaru",
    "sprzedaż zakończyła", "ej tillgänglig", "inte tillgänglig", "ikke tilgængelig online", "ei saatavilla",
    "wyprzedany", "wyprzedane", "wyprzedana", "produkt niedostępny", "není skladem", "vyprodáno", "nedostupné",
    "nedostupný", "nie je skladom", "vypredané", "nincs raktáron", "nincs készleten", "elfogyott", "brak na stanie",
    "nem elérhető", "stoc epuizat",
    "epuizat", "indisponibil", "stokta yok", "tükendi", "satışta değil", "ikke tilgængelig", "nema na zalihi",
    "nema na stanju", "nije dostupno", "nije dostupan", "nema na lageru", "nije na lageru", "nema na skladištu",
    "nije na skladištu", "нема на лагеру", "није на лагеру",
    "nedostupno", "nedostupan", "nedostupna", "rasprodano", "rasprodato", "распродато", "није на стању",
    "нема на стању", "није доступно", "nije na stanju", "δεν κυκλοφορεί πλέον", "δεν διατίθεται πλέον", "ni na zalogi", "ni na voljo",
    "razprodano", "izpārdots", "nav noliktavā", "nav pieejams", "išparduota", "nėra sandėlyje", "prekės nėra",
    "läbi müüdud", "laost otsas", "pole saadaval", "no hay stock", "no hay existencias", "sin disponibilidad",
    "agotada", "esgotada", "esaurita", "изчерпан", "изчерпано", "няма наличност", "не е наличен", "нет в наличии",
    "нет на складе", "распродано", "распродан", "закончился", "отсутствует", "немає в наявності", "εξαντλήθηκε",
    # uk "absent", mk "no stock", it "not in the warehouse", vi "no goods", pl "temporarily none"
    "відсутній", "відсутня", "відсутнє", "нема на залиха", "non in magazzino", "không có hàng", "chwilowo brak",
    # tr puts the negation after the word ("stokta değil"); th, id, nl, lt
    "stokta değil", "stokta bulunmamaktadır", "stokta bulunmuyor", "stok yok", "stokta kalmadı",
    # he "the stock ran out", bn "no stock"
    "נגמר המלאי", "স্টক নেই", "স্টকে নেই", "ไม่มีในสต็อก", "tidak ada stok", "niet voorradig",
    "nėra prieinama", "販売していません", "没货", "không có sẵn", "walang stock",
    "μη διαθέσιμο", "εκτός αποθέματος", "εξαντλημένο", "εξαντλημένη", "εξαντλημένος", "hết hàng", "tạm hết",
    "ngừng sản xuất", "ngừng kinh doanh", "không còn bán", "ngừng bán", "stok habis", "habis stok", "stok kosong", "terjual habis", "habis terjual",
    "habis dijual", "sudah habis", "สินค้าหมด",
    # ja / zh / ko / ar / he
    "在庫切れ", "売り切れ", "品切れ", "在庫なし", "在庫がありません", "在庫ありません", "販売終了", "販売を終了", "完売",
    "入荷待ち", "缺货", "无货", "售罄", "已售完", "缺貨", "已售罄",
    "已下架", "补货中", "補貨中", "품절", "재고 없음", "일시품절", "غير متوفر", "غير متاح", "نفدت", "نفذت", "אזל",
    # fa / hi
    "ناموجود", "موجود نیست", "اتمام موجودی", "स्टॉक में नहीं", "स्टॉक समाप्त", "आउट ऑफ स्टॉक",
    # bn, ta, si, ur, km, my, ka, kk, uz, az, tl, ms, is, ca, cy, am
    "স্টক শেষ", "স্টকে নেই", "স্টক আউট", "கையிருப்பில் இல்லை", "இருப்பு இல்லை", "තොග අවසන්", "තොගයේ නැත",
    "اسٹاک ختم", "دستیاب نہیں", "អស់ពីស្តុក", "អស់ស្តុក", "ကုန်သွားပါပြီ", "ပစ္စည်းပြတ်", "လက်ကျန်မရှိ",
    "არ არის მარაგში", "მარაგში არ არის", "ამოიწურა", "сатылымда жоқ", "қоймада жоқ", "sotuvda yo'q", "sotuvda yoʻq",
    "omborda yo'q", "stokda yoxdur", "stokda yoxdu", "ubos na", "wala nang stock", "kehabisan stok",
    "tiada stok", "ei ole laos",
    # ja arrival undetermined, ko "there is no stock", "not sold now", zh sale stopped, id temporarily out
    "入荷未定", "재고가 없습니다", "재고가 없어요", "판매하지 않는 상품", "停售", "sementara habis", "habis sementara",
    "没有现货", "沒有現貨",
    # en: an order is not taken, a restock awaited, a one-off item's sale under way with another buyer
    "not orderable", "restock pending", "sale pending", "pending sale",
    # cs/sk adjective forms ("Tento produkt je vyprodaný"), el perfect ("έχει εξαντληθεί")
    "vyprodaný", "vyprodaná", "vyprodán", "vypredaný", "vypredaná", "έχει εξαντληθεί", "rasprodan", "rasprodana",
    "สินค้านี้หมด", "สินค้าหมดแล้ว",
    "uppselt", "ekki til á lager", "esgotat", "exhaurit", "allan o stoc", "wedi gwerthu allan", "አልቋል",
    # more ways shops say it ("Stokta bulunmamaktadır", "一時欠品中", "暫無庫存", "Tuote on loppunut", "Není k dispozici")
    "keine lagerbestände", "tyvärr slut", "loppunut", "tuote loppu", "brak produktu",
    "stokta bulunmamaktadır", "stokta bulunmuyor", "stokta mevcut değil", "temin edilemiyor", "欠品", "구매불가",
    "無庫存", "无库存", "暫無庫存", "暂无库存", "закінчився", "закінчилася", "закінчилось", "نفد من المخزون",
    "نفذ من المخزون", "نفذت الكمية", "انتهى من المخزون", "إنتهى من المخزون", "není k dispozici", "nie je k dispozícii",
    "cannot be ordered", "can't be ordered", "can not be ordered", "lieferzeit unbekannt",
    # no date it can be delivered ("Liefertermin: unbekannt", "Kein Liefertermin"); out of the catalogue
    "liefertermin: unbekannt", "lieferzeit: unbekannt", "lieferdatum unbekannt", "kein liefertermin",
    "delivery date unknown", "delivery time unknown", "fuera de catálogo", "fuori catalogo", "нема на складе",
    "plus en vente", "sin unidades", "sin inventario", "no hay unidades", "non ordinabile", "esgotou",
    "在庫がございません", "在庫はございません", "売切", "取り寄せ不可", "予約受付終了", "販売休止", "售完", "無現貨", "无现货",
    "停產", "暂不销售", "暫不銷售", "下柜", "下櫃", "재고소진", "재고 소진", "매진", "chwilowy brak", "ожидается поступление",
    "utgått", "forventes på lager", "forventet på lager", "förväntas i lager", "nem rendelhető", "לא זמין", "חסר במלאי",
    "หมดชั่วคราว",
    # sq, sk/cs, lt, eu, ga, mt, af, hy ("Të gjitha masat janë shitur", "Predaj bol ukončený", "Agortuta",
    # "Níl an táirge seo ar fáil a thuilleadh", "Spiċċa mill-istokk", "nie in voorraad nie", "Առկա չէ")
    "janë shitur", "është shitur", "jashtë stokut", "nuk ka stok", "nuk është në dispozicion", "predaj bol ukončený",
    "predaj ukončený", "už nedodáva", "prodej byl ukončen", "prodej ukončen", "již nedodává", "neprekiaujama",
    "agortuta", "agortua", "ar fáil a thuilleadh", "as stoc", "spiċċa mill-istokk", "mhux disponibbli",
    "m'hemmx stokk", "nie in voorraad nie", "uit voorraad", "nie beskikbaar nie", "uitverkoop", "առկա չէ", "սպառված է",
    # a sale ended, a product out of the range, no order possible ("Salget er avsluttet", "Tuote on poistunut
    # valikoimasta", "Nelze objednat", "予約受付は終了しました", "次回の入荷予定はございません")
    "salget er avsluttet", "salget er afsluttet", "försäljningen har avslutats", "myynti on päättynyt",
    "verkauf beendet", "kan ikke købes", "kan ikke kjøpes", "forventes ikke hjem", "poistunut valikoimasta",
    "ei tilattavissa", "ei enää saatavilla", "nelze objednat", "není v naší nabídce", "nie je možné objednať",
    "受付は終了", "受付終了", "入荷予定はございません", "入荷予定はありません", "入荷予定なし",
    # the shop platforms' own translations (Shopify's, Sylius', Spree's, Solidus', django-oscar's, Shopware's locale
    # files): sv "Utsåld", es "Fuera de existencias", hr "Nema na zalihama", pl "Zapas wyczerpany", th, vi, tr, hi,
    # et, nl, uk, ru, bg, be, nb, ca, fa, ro, sk, zh, km, ne, lt, id, mn, sq; a range left ("Descatalogat")
    "utsåld", "utsålt", "fuera de existencias", "fuera de inventario", "nema na zalihama", "zapas wyczerpany",
    "หมดสต็อก", "ขายหมดแล้ว", "ไม่มีสินค้า", "đã bán hết", "không sẵn hàng", "hiện không có sẵn", "không còn khả dụng",
    "tükenmiş", "बिक गया", "अनुपलब्ध", "laost puudu", "laost lõppenud", "mitte saadaval", "pole enam saadaval",
    "geen voorraad", "niet langer beschikbaar", "onbeschikbaar", "немає на складі", "немає на залишку",
    "більше не доступний", "вже недоступн", "недоступний", "недоступна", "недоступне", "недоступно", "недоступен",
    "не доступен", "больше не доступно", "уже не доступно", "няма в наличност", "не е налично", "вече не е налично",
    "неналично", "не се предлага", "няма на складзе", "няма ў наяўнасці", "недаступны", "utilgjengelig",
    "sense estoc", "موجودی نداریم", "nu mai este pe stoc", "nu este pe stoc", "nie je na sklade", "没有库存",
    "库存不足", "無貨", "不可購買", "无法供货", "無法供貨", "ដាច់ស្តុក", "स्टक बाहिर", "उपलब्ध छैन",
    "šiuo metu neturime", "kehabisan persediaan", "бараа дууссан", "nuk ka në magazinë", "már nem érhető el",
    "már nem áll rendelkezésre", "descatalogat", "descontinuado", "discontinuado", "discontinué", "discontinuée",
    "uit assortiment", "üretimden kaldırıldı", "müük lõpetatud", "pardavimai baigti", "forgalomból kivonva",
    "เลิกจำหน่าย", "បានឈប់លក់", "продаж спынены", "χωρίς απόθεμα", "δεν διατίθεται", "neturime", "nepasiekiama",
    "daugiau nebėra", "ni več na voljo", "nije više dostupno", "không sẵn có", "không còn có sẵn", "在庫はありません",
    "şu anda mevcut değil", "nem áll rendelkezésre", "لا يوجد مخزون", "کمبود موجودی",
    # words restock monitors and scrapers watch for, from their own lists
    "品切", "販売期間が終了", "販売しておりません", "ご注文いただけません", "販売停止中", "出品が取り消され",
    "판매중인 상품이 아닙니다", "판매 중인 상품이 아닙니다", "不可购买", "不可購買",
    "bestellung nicht möglich", "bestellung momentan nicht möglich", "bestellung derzeit nicht möglich",
    "currently no stock", "no stock of this item", "stock exhausted", "rottura di stock",
    "mevcut değil", "розпродано", "розпроданий", "розпродана", "раскуплено", "розкуплено",
    # discontinued or no longer sold: cs, uk, ru, hu, ro, th
    "ukončený prodej", "ukončen prodej", "знято з виробництва", "знято з продажу", "архивный товар", "kifutott termék",
    "nu se mai comercializează", "nu se mai comercializeaza", "เลิกผลิต",
)
_IN = (
    "in stock", "available", "available now", "ready to ship", "ships today", "auf lager", "sofort lieferbar",
    "lieferbar", "verfügbar", "erhältlich", "am lager", "en stock", "disponible", "disponibile", "en existencia",
    "em estoque", "disponível", "op voorraad", "leverbaar", "i lager", "på lager", "varastossa", "saatavilla",
    "dostępny", "skladem", "na skladě", "dostupné", "dostupný", "dostupná", "raktáron", "készleten", "elérhető",
    "în stoc", "disponibil", "bestellbar", "an lager", "em stock", "na stanie", "διαθέσιμο", "σε απόθεμα", "tersedia",
    "còn hàng", "มีสินค้า", "є в наявності", "в наявності", "stokta", "na zalogi", "na zalihi", "na stanju",
    "na lageru", "на лагеру", "noliktavā",
    "sandėlyje", "в наличност", "в наличии", "在庫あり", "有货", "现货", "有貨", "재고 있음", "متوفر", "متوفر بالمخزن",
    "במלאי",
    "স্টকে আছে", "сатылымда бар", "stokda var", "á lager", "en estoc", "lagernd",
    # ro without its diacritic ("In stoc"), et "saadaval" (available), ja "即納" (ships at once), zh-TW "現貨"
    "in stoc", "saadaval", "即納", "現貨", "有现货", "有現貨", "現貨あり", "verkrijgbaar",
    # nb, sv: in the web shop's stock
    "på nettlager", "på fjernlager", "i webblager",
    # it "immediately available", "in the warehouse"; hr/sr/bs "available"
    "disponibilità immediata", "in magazzino", "dostupno",
)
_BACK = ("on backorder", "backorder", "back-order", "back order", "nachbestellt", "nachbestellbar",
         "en réapprovisionnement", "nabestellen", "nabestelling", "bajo pedido", "su ordinazione",
         # taken on order from the supplier: nl, pl, cs, ru, uk, ja
         "op bestelling", "na zamówienie", "na objednávku", "под заказ", "під замовлення", "お取り寄せ", "取り寄せ")
_LOW = ("only a few", "few left", "low stock", "limited availability", "limited stock", "nur noch", "plus que",
        "quedan pocas", "ostatnie sztuki", "últimas unidades", "ultime unità", "ultimi pezzi", "letzte exemplare",
        "derniers exemplaires", "laatste exemplaren", "残りわずか", "残り僅か", "在庫僅少", "库存紧张", "sắp hết hàng")
# A count of the few left, opening the text ("Only 3 left", "Últimas 2 unidades", "Restano solo 2 pezzi").
_FEW_LEFT = re.compile(
    r"(?:hurry[,!]?\s+)?(?:only|just)\s+[1-9]\d?\s+(?:(?:items?|pieces?|pcs|units?)\s+)?(?:left|remaining)\b|"
    r"[1-9]\d?\s+(?:left|remaining)\s+in\s+stock|"
    r"(?:¡?s[oó]lo\s+)?(?:quedan|restan)\s+(?:s[oó]lo\s+)?[1-9]\d?\b|últim[oa]s\s+[1-9]\d?\s+unidades|"
    r"(?:apenas\s+)?restam\s+[1-9]\d?\b|(?:restano\s+)?(?:solo\s+)?(?:gli\s+)?ultimi\s+[1-9]\d?\s+pezzi|"
    r"il (?:n'en|en) reste (?:plus que )?[1-9]\d?\b|nog (?:maar )?[1-9]\d? (?:beschikbaar|over)|"
    r"noch [1-9]\d? (?:stück|stk\.?|verfügbar|vorrätig|da)\b|(?:tylko\s+)?został[aoy]?\s+[1-9]\d?\b|"
    r"осталось\s+[1-9]\d?\b|залишилось\s+[1-9]\d?\b|残り\s*[1-9]\d?\s*(?:点|個|枚|着)|[仅只]剩\s*[1-9]\d?|"
    r"[1-9]\d?\s*개\s*남음|(?:sadece|son)\s+[1-9]\d?\s+(?:adet|ürün)")
# Urgency that an in-stock product shows, read before the sold-out words it holds ("Almost sold out", "품절임박").
_ALMOST = ("almost sold out", "nearly sold out", "almost gone", "selling out fast", "selling fast", "fast ausverkauft",
           "bald ausverkauft", "fast vergriffen", "bientôt épuisé", "presque épuisé", "casi agotado", "quasi esaurito",
           "bijna uitverkocht", "prawie wyprzedane", "nästan slutsåld", "nesten utsolgt", "næsten udsolgt",
           "téměř vyprodáno", "majdnem elfogyott", "neredeyse tükendi", "почти распродан", "quase esgotado",
           "aproape epuizat", "売り切れ間近", "売切れ間近", "品切れ間近", "품절임박", "품절 임박", "매진임박", "매진 임박",
           "即将售罄", "即将售完", "快售完", "hampir habis")
_PRE = ("pre-order", "preorder", "pre order", "vorbestell", "précommande", "precommande", "pré-commande", "preventa",
        "pré-venda", "prevendita", "予約受付中", "予約販売", "予約商品", "预售", "預購", "예약판매", "예약 판매", "사전예약",
        # it, pt, nl, sv, da, no, fi, pl, cs, sk, hu, ro, tr, ru, uk, el
        "preordina", "pre-ordine", "preordine", "pré-encomenda", "pre-encomenda", "voorbestellen", "voorbestelling",
        "förbeställ", "förhandsbeställ", "forudbestil", "forhåndsbestill", "ennakkotilaa", "ennakkotilaus",
        "ennakkomyynti", "przedsprzedaż", "przedpremierowo", "předobjednávka", "předobjednat", "predobjednávka",
        "előrendelés", "előrendelhető", "precomandă", "precomanda", "ön sipariş", "предзаказ", "передзамовлення",
        "προπαραγγελία")
# The page offers to tell the buyer when it is back, or says it is coming: without a working buy
# button, it is not for sale now.
_NOTIFY = ("notify me", "notify when", "get notified", "email me when", "e-mail me when", "email when available",
           "email when", "e-mail when", "tell me when", "when in stock", "when back in stock", "once in stock",
           "register interest", "register your interest", "register my interest",
           "e-mail when available", "let me know when", "alert me when", "remind me", "back in stock",
           "binnenkort leverbaar", "coming soon", "available soon", "arriving soon", "more on the way",
           "demnächst verfügbar", "bald verfügbar", "bald wieder verfügbar", "bientôt disponible", "próximamente",
           "notifique-me", "me avise quando", "bei verfügbarkeit informieren", "verfügbarkeit beobachten", "halten sie mich auf dem laufenden",
           "modtag varsel", "request stock alert", "set stock alert", "set a stock alert", "get a stock alert",
           "sign up for stock alert", "in-stock alert", "in stock alert", "auto notify", "auto-notify", "be notified when",
           "sign up to be notified",
           # available again from a date: not now
           "available again from", "available again on", "wieder verfügbar ab", "wieder lieferbar ab",
           "à nouveau disponible le", "de nouveau disponible le", "disponible à nouveau le",
           "de nuevo disponible el", "disponible de nuevo el", "nuovamente disponibile dal",
           "di nuovo disponibile dal", "weer leverbaar vanaf", "weer beschikbaar vanaf", "expected back",
           "znovu skladem od", "ponownie dostępny od", "снова в наличии с", "再入荷予定日",
           "prossimamente", "binnenkort beschikbaar", "kommer snart", "kommer på lager", "kommer i lager",
           "kommer tilbake på lager", "call to check", "call for availability",
           "call to order", "call for price", "waitlist", "wait list", "warteliste", "liste d'attente",
           "lista de espera", "lista d'attesa", "wachtlijst", "motta varsel", "varsle meg", "overvåk", "bevaka",
           "benachrichtig", "informieren sie mich", "m'alerter", "m'avertir", "me prévenir", "prévenez-moi",
           "avvisami", "avísame", "avisarme", "notificarme", "avise-me", "houd mij op de hoogte",
           "houd me op de hoogte", "mail mij", "meld mij", "mail me", "powiadom mnie", "hlídat dostupnost",
           "сообщить о поступлении", "уведомить", "повідомити про наявність", "értesítést kérek", "értesítés",
           "gelince haber ver", "haber ver", "ειδοποίηση", "obavijesti me", "obavesti me", "anunță-mă", "anunta-ma",
           "ilmoita kun", "gi meg beskjed", "meddela mig", "giv mig besked", "notifícame", "avise-me quando",
           "入荷通知", "再入荷のお知らせ", "再入荷通知", "再入荷予定", "再入荷", "عاد إلى المخزون",
           "wieder auf lager", "de nouveau en stock", "de retour en stock", "de nuevo en stock", "weer op voorraad", "到貨通知",
           "入荷お知らせ", "到货通知", "재입고 알림", "به من خبر بده", "أعلمني", "הודיעו לי",
           # hi, th, el, vi, id
           "सूचित करें", "मुझे सूचित करें", "แจ้งเตือนเมื่อมีสินค้า", "แจ้งเตือนเมื่อสินค้าเข้า", "ενημέρωσέ με",
           "ενημερώστε με", "báo khi có hàng", "beri tahu saya",
           # pl "Powiadom o dostępności", id "Beritahu saya", ar "أبلغني عند التوفر", he "עדכנו אותי", el "Ειδοποίησέ με"
           "powiadom o dostępności", "beritahu saya", "أبلغني عند", "עדכנו אותי", "ειδοποίησέ με",
           "ειδοποιήστε με",
           # in stock only later ("These items will be in stock soon", "Ce produit sera en stock le …")
           "will be in stock", "will be back in stock", "sera en stock", "seront en stock", "tulossa varastoon",
           # "Notify me" as the platforms translate it
           "dejte mi vědět", "teavita mind", "ilmoita minulle", "prévenez moi", "értesíts", "ingatkan saya",
           "notificami", "お知らせを受け取る", "나에게 알리기", "pranešti man", "hou me op de hoogte", "notificar-me",
           "notifica-ma", "сообщить мне", "upozorni ma", "obvesti me", "obaveštavaj me", "notifiera mig",
           # cs/sk "watch, tell me when it is available", sl "tell me when it is available"
           "upozornit na dostupnost", "upozorniť na dostupnosť", "sledovat dostupnost", "sledovať dostupnosť",
           "informovat o naskladnění", "javi mi, ko bo na voljo", "obvesti me, ko bo na voljo",
           "beni bilgilendir", "повідомити мене", "thông báo cho tôi", "提醒我", "通知我", "أبلغني",
           # fr "be alerted", pt/es "let me know", sl, lv, bg/mk "notify me", de "ask whether it can be had"
           "être alerté", "me avise", "avíseme", "aviseme", "avisar cuando", "javi mi", "paziņot man", "уведоми ме",
           "известете ме", "sign up for restock", "get a restock alert", "request restock", "verfügbarkeit anfragen",
           "lieferbarkeit anfragen",
           "به من اطلاع بده", "تنبيهي عندما يتوفر",
           # "Email me when this arrives in stock", ar "Tell me when it is available", pl "Available soon"
           "arrives in stock", "arrive in stock", "comes into stock", "comes back into stock", "أخبرني عندما",
           "dostępne wkrótce", "dostępny wkrótce", "wkrótce dostępny", "wkrótce dostępne",
           # ja "入荷メール＆予約" (an arrival e-mail, or reserve), "入荷したらお知らせ", "入荷連絡"
           "入荷メール", "入荷したら", "入荷連絡", "到货提醒", "有货提醒", "补货通知", "补货提醒", "입고 알림",
           # available, in stock only soon ("Soon available" in place of PrestaShop's add-to-cart)
           "soon available", "soon in stock", "in stock soon", "binnenkort op voorraad", "pronto disponible",
           "presto disponibile", "brzy skladem", "skoro w sprzedaży", "скоро в продаже", "скоро в наличии",
           "snart i lager", "snart på lager", "近日入荷", "即将到货", "곧 입고", "입고 예정", "sắp về hàng",
           "disponible prochainement", "prochainement disponible", "disponibile a breve", "a breve disponibile",
           "disponível em breve", "em breve disponível", "disponible próximamente", "disponible pronto",
           # sr/hr/bs "Soon on sale", uk, tr, hu, ro, el, de "Soon available", ko "Release planned"
           "uskoro u prodaji", "uskoro dostupno", "uskoro dostupan", "uskoro na stanju", "uskoro na zalihi",
           "незабаром у продажу", "незабаром в наявності", "yakında stokta", "yakında satışta", "hamarosan elérhető",
           "hamarosan érkezik", "disponibil în curând", "în curând în stoc", "σύντομα διαθέσιμο", "bald erhältlich",
           "demnächst erhältlich", "출시 예정")


def _phrases(words) -> str:
    """One alternative of `words` that matches the longest of them at a place, as a trie: the regex
    engine tries the alternatives of a plain alternation one by one at every character, and hundreds
    of phrases cost more than the rest of a page's stock reading. Casefolded like the texts they are
    looked for in (a Greek final sigma folds to σ)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w.casefold():
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return _trie(trie)


def _first_letters(*groups) -> str:
    """The first letters of every phrase of `groups`, casefolded, escaped for a character set."""
    return re.escape("".join(sorted({w.casefold()[0] for words in groups for w in words})))


def _trie(node: dict) -> str:
    branches = [re.escape(ch) + _trie(rest) for ch, rest in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a longer phrase first (greedy), the one ending here when it does not follow
    return f"(?:{body})?" if "" in node else body


def _fold(text: str) -> str:
    """A phrase without its accents, as a state's enum spells it ("tükendi" as "TUKENDI")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
                   if not unicodedata.combining(c))


_FOLDED = {**{_fold(p): "InStock" for p in _IN}, **{_fold(p): "OutOfStock" for p in _OUT}}


def enum_verdict(value: str) -> str | None:
    """What a state's stock value says when it is one of the stock phrases, written as an enum
    ("OUT_OF_STOCK", "TUKENDI", "esgotado")."""
    words = value.replace("_", " ").replace("-", " ").strip()
    return verdict(words) or _FOLDED.get(_fold(words))


# Out-of-stock and notify phrases first: "non disponibile" must not read as "disponibile",
# "back in stock" not as "in stock". In-stock words count as whole words: "Verfügbarkeit:
# nicht lieferbar" is no "verfügbar", "在庫ありません" no "在庫あり".
# (One test of a phrase's first letter before the seven tries: most places in a text start none.)
_VERDICT = re.compile(f"(?=[{_first_letters(_ALMOST, _OUT, _NOTIFY, _PRE, _BACK, _LOW, _IN)}])(?:"
                      f"(?P<almost>{_phrases(_ALMOST)})|(?P<out>{_phrases(_OUT)})|(?P<notify>{_phrases(_NOTIFY)})|"
                      f"(?P<pre>{_phrases(_PRE)})|(?P<back>{_phrases(_BACK)})|(?P<low>{_phrases(_LOW)})|"
                      rf"(?<![^\W\d_])(?P<in>{_phrases(_IN)})(?![^\W\d_]))")
# A word that turns a following in-stock phrase around ("nicht mehr verfügbar", "no está
# disponible", "not currently available", "nu este în stoc"), a count of none ("0 auf Lager"),
# and a count of none after it ("In stock: 0").
_NEGATIONS = frozenset(("not", "no", "non", "nicht", "kein", "keine", "nie", "niet", "geen", "pas", "nu", "não", "nao",
                        "ej", "inte", "ikke", "ei", "ne", "není", "nincs", "nem", "не", "нет", "няма", "немає", "нема",
                        "nebude", "μη", "δεν", "tidak",
                        # "isn't in stock right now" (the word splits at its apostrophe), "aucune offre", "ningún stock"
                        "isn", "aren", "isnt", "arent", "aucune", "aucun", "nessuna", "nessun", "ninguna", "ningún",
                        "ningun", "nenhum", "nenhuma",
                        "không", "לא", "אין", "ingen", "inga", "intet", "none", "0"))
# A bare "no" as a stock field's whole value, in the shops' languages
_NO_WORDS = (r"(?:no|nee|nein|non|nie|ne|nej|nei|ei|não|nao|none|nada|brak|nema|nincs|yok|yoq|нет|немає|ні|не|όχι|לא|لا|"
             r"nėra|nav|nu|"
             r"nope|out|sold|zero|nil|いいえ|없음|无|無|否)")
_BARE_NO = re.compile(rf"\s*{_NO_WORDS}\s*[.!]?\s*")
_SAID_NO = re.compile(rf"\s*[:：]\s*{_NO_WORDS}\s*[.!]?\s*")
_NONE_LEFT = re.compile(r"\s*[:：]?\s*0(?![\d.,/–-]|\s*[-–])")
# A badge that says no more than "Sold" (a one-off item: resale, vintage, art), or that a buyer has reserved it
# ("Reserviert", "Reservado"; not English "Reserved", a fashion brand's name)
_SOLD_BADGES = frozenset(("sold", "verkauft", "vendu", "vendue", "vendido", "vendida", "venduto", "verkocht", "såld",
                          "solgt", "sprzedane", "sprzedany", "reserviert", "réservé", "réservée", "reservado", "reservada",
                          "riservato", "riservata", "gereserveerd", "zarezerwowany", "zarezerwowane", "забронирован",
                          "rezervováno", "reservert", "reserverad", "продано", "продан", "продана", "prodáno",
                          "predané", "prodano", "myyty", "eladva", "satıldı", "vândut", "πουλήθηκε", "売約済み",
                          "売約済", "已售出", "판매완료", "거래완료",
                          # a badge's few words for it (not phrases a longer text may hold: "No stockists found")
                          "loppu", "نفذ", "نفد", "no stock", "no stock available", "stock out", "stockout", "sold-out"))
# A stock count labelled as such, at none ("Stock: 0", "Lagerbestand: 0 Stück", "Inventory: None").
_NO_STOCK_COUNT = re.compile(r"(?:stock|stoc|estoque|estoc|lager|nettlager|webblager|fjernlager|stock online|online stock|"
                             r"web stock|lagerstatus|lagerbestand|lagerbeholdning|bestand|voorraad|existencias|quantity available|"
                             r"available quantity|quantity in stock|units available|stock quantity|"
                             r"availability|inventory|stok|stan magazynowy|остаток|likutis|prekės likutis|"
                             r"unidades disponibles|cantidad disponible|unidades disponíveis|quantidade disponível|"
                             r"quantité disponible|quantité en stock|quantità disponibile|pezzi disponibili|"
                             r"verfügbare menge|verfügbare stückzahl|beschikbare voorraad|dostępna ilość|"
                             r"доступно|в наличии|"
                             # "availability" in the shops' languages ("Dostępność: 0 szt.", "Наличие: 0 шт.")
                             r"dostępność|наличие|наличност|наявність|disponibilità|disponibilité|disponibilidad|"
                             r"disponibilidade|beschikbaarheid|verfügbarkeit|tillgänglighet|saatavuus|"
                             r"zaloga|zaliha|laoseis|készlet|raktárkészlet|varastosaldo|lagersaldo)"
                             r"\s*[:：]\s*(?:0(?![\d.,/–-])|none\b)|"
                             # CJK labels may go without the colon ("库存0件")
                             r"(?:在庫数|在庫|库存|庫存|재고수량|재고)\s*[:：]?\s*(?:0(?![\d.,/–-])|なし|无|無|없음)|"
                             # a low-stock counter run down to none ("Only 0 left!", "Nur noch 0 übrig")
                             r"(?:only |just |nur noch |noch |plus que |solo quedan |ancora )?0 (?:items? |pieces? |"
                             r"stück |pcs? )?(?:left|remaining|übrig|restant|disponibles?\b)")
# A status row whose value is the trade's word for a title no longer made ("Status: Deleted" of a
# record, "Status: Withdrawn" of a book): words that alone say nothing of stock.
_ENDED_STATUS = re.compile(r"(?:stock |product |item |title )?status\s*[:：]\s*(?:deleted|withdrawn)[\s.!]*$")
# A statement about a size, a variant or a service rather than the product ("Die gewünschte Größe
# ist leider nicht mehr verfügbar", "Pickup not available", "Gift wrap is available for this item",
# "This item is not available for shipping", "Not available in stores", "Die gewünschten
# Informationen sind nicht verfügbar", "Price available at checkout", "Date first available").
_OTHER_SUBJECT = re.compile(
    r"(?<![^\W\d_])(?:sizes?|größen?|grössen?|groessen?|tailles?|tallas?|taglia|taglie|maat|maten|rozmiary?|storlek|"
    r"størrelse|koko|velikost|"
    r"méret|tamanho|размер|variant|variante|combination|kombination|combinaison|chat|pick-?up|pick up|collect|"
    r"ship[- ]to[- ]store|"
    r"abholung|abholen|retrait|recogida|ritiro|afhalen|in-?store|in stores?|i[mn] markt|in der filiale|in den filialen|"
    r"en magasin|"
    r"en tienda|in negozio|in de winkel|im geschäft|in den geschäften|in geschäften|in filialen|en boutique|"
    r"en tiendas|nei negozi|in de winkels|reservation|reservierung|réservation|reserva|gift ?wrap\w*|layaway|"
    # a gift service, a repeat delivery, a quantity the form refuses ("The quantity chosen is not available")
    r"gift[- ]?(?:options?|messages?|cards?|boxe?s?|receipts?)|autoship|auto-?ship|auto-?replenish\w*|"
    r"subscri(?:be|ption)s?|abonnement|(?:chosen|selected|requested|entered) quantity|"
    r"quantity (?:chosen|selected|requested|entered)|gewünschte menge|gewählte menge|quantité (?:choisie|demandée)|"
    r"cantidad (?:seleccionada|solicitada)|quantità (?:selezionata|richiesta)|"
    r"information|informationen|informations|informazioni|información|informatie|service|"
    # the services and features that come with it ("Services are not available in all countries")
    r"services|dienste|dienstleistungen|servicios|servizi|diensten|features|funktionen|fonctionnalités|funciones|"
    r"funzionalità|functies|"
    r"prices?|preis|prix|precio|prezzo|prijs|date|datum|fecha|"
    # a figure the page could not fetch ("Data unavailable" in a shipping table's arrival column), a view of the
    # product's pictures ("zoom in not available", "3D view unavailable", "Preview not available")
    r"data|daten|données|datos|dati|gegevens|zoom(?: in)?|preview|vorschau|aperçu|3d view|360° view|360 view|"
    # a picture, an add-on or a wish list, not the product ("Bild nicht verfügbar", "Liste nicht verfügbar")
    r"bild|image|imagem|imagine|picture|photo|foto|imagen|immagine|afbeelding|obraz|zdjęcie|kép|video|vídeo|"
    # other products or colours than this one ("Similar items in stock", "Other colours available", "Also
    # available in blue"), a returns policy ("Free returns available")
    r"similar|ähnliche|ähnlichen|similaires|similares|simili|vergelijkbare|podobne|filialen|stores|magasins|"
    r"other|others|andere|anderen|autres|otros|otras|altri|altre|outros|outras|also|auch|aussi|también|"
    r"anche|também|ook|również|colou?rs?|farben?|couleurs?|colore?s?|colori|kleur(?:en)?|cor(?:es)?|färg|farve|"
    r"farge|kolor|barva|цвет\w*|колір\w*|"
    # last year's edition, not this one ("Last year's calendar sold out globally")
    r"last\s+year'?s?|vorjahr\w*|l'année dernière|el año pasado|l'anno scorso|vorig\s+jaar|"
    r"returns?|rücksendung\w*|"
    r"retours?|devoluci\w*|resi|reso|"
    r"erweiterungen|erweiterung|extensions?|"
    r"add-?ons?|zubehör|accessories|accessoires|accesorios|accessori|warranty|garantie|versicherung|"
    r"insurance|liste|list|wishlist|wunschliste|wunschzettel|"
    # a service sold with it ("Protection plans are not available for your region", "Engraving unavailable")
    r"(?:protection|service|care|repair) plans?|protection|engraving|gravur|monogram\w*|personali[sz]ation|"
    r"installation|assembly|montage|"
    # a way to pay ("Sicher bezahlen mit „Direkt kaufen“ ist für diese Anzeige nicht verfügbar")
    r"payments?|bezahlen|bezahlung|zahlung|zahlungsart|paiement|pago|pagamento|betaling|betalen|płatność|"
    r"financ\w*|finanzierung|ratenkauf|installments?|klarna|paypal|bonifico|überweisung|virement|transferencia|"
    r"guarantee|garanzia|garantía|garantia)"
    r"(?![^\W\d_])|サイズ|尺码|尺寸|사이즈|색상|다른|매장|店舗|门店|其他|他の|(?<![^\W\d_])(?:μέγεθ|μεγέθ|beden|ukuran|kích cỡ|"
    r"ขนาด|สี)")  # th "สีขาวสินค้าหมด": the white one sold out
# After the phrase also a channel ("... in stores", "... for in-store pickup", "... in your size",
# "not available for shipping"); shipping before it is a separate promise ("Free shipping - In stock").
_FOLLOWING_SUBJECT = re.compile(
    r"\s*(?:in|en|in der größe|en taille|in size)\s+(?:xxs|xs|s|m|l|xl|xxl|xxxl)(?!\w)|"  # "in M"
    # a faster delivery the area lacks ("Currently unavailable in your area for same-day delivery")
    r"(?:\s+in\s+your\s+area)?\s+for\s+(?:same[- ]day|next[- ]day|express|expedited|scheduled|one[- ]hour|"
    r"two[- ]hour|1[- ]hour|2[- ]hour)\s+(?:delivery|shipping)|"
    # an offer's audience ("Apple TV offer available to new and qualified returning subscribers", "… available to me?")
    r"\s*(?:to|for)\s+(?:(?:new|existing|eligible|qualified|select(?:ed)?|all|our|prime|premium|registered|"
    r"returning|and|or)\s+)*(?:subscribers?|members?|customers?|users?|students?|residents?|cardholders?|me|you|us)"
    r"(?![^\W\d_])|"
    # some regions only ("... not available in all countries or regions")
    r"\s*(?:in|en|im|dans|nei|em)\s+(?:all|allen|tous\s+les|toutes\s+les|todos\s+los|todas\s+las|tutti\s+i|tutte\s+le|"
    r"alle|todos\s+os|todas\s+as)\s+(?:countries|regions|markets|areas|ländern|regionen|märkten|pays|régions|marchés|"
    r"países|regiones|mercados|paesi|regioni|mercati|landen|regio's|markten|regiões)(?![^\W\d_])|"
    # a shop in town near the shopper ("not available near you")
    r"\s*(?:near\s+you|nearby|in\s+der\s+nähe|près\s+de\s+chez\s+vous|cerca\s+de\s+ti|vicino\s+a\s+te|"
    r"bij\s+jou\s+in\s+de\s+buurt)(?![^\W\d_])|"
    r"\s*(?:in|for|from|im|en|für|von|bei|zur|pour|chez|dans|para|per|nei|nelle|voor|na|em|nas|nos|w|i|"
    r"для|в|на|до|dla|do|pro|k|at|on|to)\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:"
    # (not the web shop itself: "in our online store", "en nuestra tienda online")
    r"(?<!online )(?<!web )(?<!internet )(?:(?:stores?|shops?|filialen?|markt|geschäft(?:en)?|winkels?|magasins?|"
    r"boutiques?|tiendas?|negozio|negozi|"
    # pl "w tym salonie", "w sklepie", cs "na prodejně", sv/no/da "i butik(ken)", pt "na loja", tr, ru, hu, fi
    r"salon\w*|sklep\w*|prodejn\w*|predajn\w*|butik\w*|lojas?|mağaza\w*|магазин\w*|üzlet\w*|áruház\w*|"
    r"myymälä\w*|varehus\w*)(?!\s+(?:online|en ligne|on-?line))|"
    r"shipping|delivery|collection|versand|livraison|colou?rs?|farben|couleurs|colores|colori|kleuren|"
    r"sellers?|verkäufer|händler|vendeur|vendedor|venditore|verkoper|apps?|"
    r"envío|spedizione|verzending|export\w*|ausfuhr|esportazion\w+|exportaci\w+|international\w*|"
    # ru / uk / pl / cs / tr / sv / fi: "Недоступно для доставки", "Niedostępny do dostawy"
    r"доставк\w*|самовывоз\w*|dostaw\w*|doručen\w*|dodání|teslimat\w*|leverans\w*|toimitu\w*)(?![^\W\d_])|"
    + _OTHER_SUBJECT.pattern + ")")
# A delivery option right before the phrase ("Express delivery unavailable"); not "Free shipping -
# In stock", a separate promise.
_SERVICE_BEFORE = re.compile(r"(?:delivery|shipping|versand|lieferung|livraison|envío|entrega|spedizione|consegna|collection|"
                             r"verzending|levering)\s+(?:is\s+|ist\s+|est\s+|es\s+|è\s+)?"
                             r"(?:currently\s+|derzeit\s+)?$")
# Four words or more before an in-stock word, the last no copula or adverb of a statement ("This item is currently
# available", "Artikel ist sofort lieferbar"), and words after it: prose that uses the word ("the largest plush
# available from …"), not a name's statement ("Magic Keyboard with Numeric Keypad available.").
_IN_PROSE = re.compile(r"(?:[^\W\d_]+\W+){4,}$")
_STATE_LEAD = re.compile(r"(?<![^\W\d_])(?:is|are|now|currently|still|again|ist|sind|jetzt|sofort|derzeit|aktuell|"
                         r"est|sont|actuellement|es|está|están|son|actualmente|è|sono|attualmente|é|são|atualmente|zijn|nu|"
                         r"momenteel|jest|są|obecnie|je|jsou|er|är|on|ovat)\W*$")
# A price's word after a notify phrase: the alert watches the price.
_PRICE_WORD = re.compile(r"(?<![^\W\d_])(?:price|prices|preis|preise|preisänderung|preissenkung|prix|precio|prezzo|"
                         r"preço|prijs|cena|cenu|cijena|цена|цену|ціна|ціну|fiyat\w*|hinta|pris|kaina|τιμή|"
                         r"price-?drop)(?![^\W\d_])|価格|价格|價格|가격")
# "Blue: Out of stock": a label that names something other than the product's stock.
_LABEL_BEFORE = re.compile(r"^\s*([^\W\d_][^:：]{0,24}?)\s*[:：]\s*$")
# A label for the product itself ("Item: Sold out", "Online: Out of stock") beside the stock labels
# (`_STOCK_LABEL`).
_PRODUCT_LABEL = re.compile(r"item|artikel|product|produkt|produit|prodotto|producto|produto|article|articolo|"
                            r"artículo|online|web")


# "Cena: Rasprodato", "Preis: ausverkauft": sold out where the price would stand is said of the product;
# "Price: not available" is a price not shown.
_AVAILABLE_WORD = re.compile(r"availab|verfügbar|disponib|beschikbaar|dostęp|dostup|tillgäng|tilgæng|tilgjeng|saatav|"
                             r"elérhető|mevcut|доступ|متاح|متوفر")


def _in_place_of_price(before: str, phrase: str) -> bool:
    return PRICE_LABEL.match(before) is not None and _AVAILABLE_WORD.search(phrase) is None


def _labelled_other(before: str) -> bool:
    m = _LABEL_BEFORE.match(before)
    return m is not None and not _STOCK_LABEL.match(before.lstrip()) and not _PRODUCT_LABEL.search(m.group(1))


# The phrase right before what it is said of: "Sold out sizes can be requested", "Unavailable colours
# are crossed out" speak of some variants.
_SUBJECT_NEXT = re.compile(r"\s+(?:sizes|colou?rs|variants|options|items|products|styles|stores|shops|locations|"
                           r"filialen|magasins|tiendas|negozi|winkels|payment|shipping|delivery|offers|coupons|"
                           r"discounts|deals|promotions|vouchers|methods|in-store|instore|größen|farben|tailles|"
                           r"couleurs|tallas|colores|taglie|colori|maten|kleuren)(?![^\W\d_])|"
                           r"\s+in\s*[:：]|"  # "Available in: Black, Navy": the choices listed next
                           r"\s+(?:also|auch|aussi|también|anche|também|ook|również)(?![^\W\d_])|"
                           # "품절 옵션 재입고 알림", "품절된 옵션", "売り切れのサイズ", "售罄的颜色"
                           r"\s*(?:된|한|인|の|な|的)?\s*(?:옵션|사이즈|컬러|색상|オプション|サイズ|カラー|选项|尺码|颜色|顏色)")
# The product named as the subject of a longer sentence, after an apology or a heading word
# ("Unfortunately, this item is no longer available and …", "Archivo – Este artículo de la temporada
# pasada ya no está a la venta online"): a sold-out phrase in its clause counts.
_THIS_PRODUCT = re.compile(
    r"(?<![^\W\d_])(?:this (?:item|product|article|style)|dieser artikel|dieses produkt|dieses gerät|cet article|ce produit|"
    r"este (?:artículo|producto|artigo|produto)|esta (?:prenda|peça)|questo (?:articolo|prodotto)|"
    r"dit (?:artikel|product)|deze (?:artikel|product)|ten (?:produkt|artykuł|towar)|tento (?:produkt|výrobek)|"
    r"denna (?:artikel|produkt|vara)|denne (?:vare|varen|artikkel|artikel)|tämä tuote|bu ürün|этот товар|"
    r"цей товар|ez a termék|barang ini|produk ini|"
    # da, nb, ro, hr/sr/bs, sl, lt, lv, et, sk, cs, ru, uk, vi, el, he, ar
    r"dette produkt|dette produktet|acest produs|ovaj proizvod|ovaj artikal|ta izdelek|šis produktas|ši prekė|"
    r"šī prece|šis produkts|see toode|tento tovar|toto zboží|этот продукт|цей продукт|sản phẩm này|"
    r"(?:αυτό )?το προϊόν|המוצר|מוצר זה|هذا المنتج)(?![^\W\d_])|この商品|この製品|该商品|此商品|這件商品|此產品|"
    r"สินค้านี้|이 상품|이 제품|"
    # the bare noun opening the text ("Товар продан.", "Item sold.", "Artikel verkauft")
    r"^\W*(?:item|product|artikel|produkt|produit|article|articolo|artículo|producto|produto|prodotto|towar|"
    r"товар|ürün|tuote|vara|termék|barang|produk)(?![^\W\d_])")
# A one-off item's state said of it ("Cet article est réservé.", "Barang ini sudah terjual."): words that
# alone say nothing ("sold by …", "all rights reserved"), closing the product's clause.
_TAKEN = re.compile(r"(?<![^\W\d_])(?P<out>sold|reserved|vendu|vendue|réservé|réservée|verkauft|reserviert|vendido|vendida|"
                    r"reservado|reservada|venduto|venduta|riservato|verkocht|gereserveerd|sprzedany|sprzedana|"
                    r"zarezerwowany|продан|продано|забронирован|terjual|satıldı|såld|solgt|myyty)\s*(?:[.!,;:(]|$)")
_CLAUSE = 48
# A condition before a sold-out phrase is no statement.
# ("si" only opening the text: Italian's reflexive "si" is no condition)
_CONDITIONAL = re.compile(r"(?<![^\W\d_])(?:if|when|whenever|once|should|in case|wenn|falls|sobald|quand|lorsque|dès|"
                          r"cuando|quando|zodra|indien|jeśli|jeżeli|gdy|kiedy|eğer|när|når|jakmile|amint|если|когда|"
                          r"якщо|коли)(?![^\W\d_])|^\W*si\s")


def _said_of_this_product(low: str):
    """A sold-out phrase in the clause of a sentence whose subject is the product, near its start."""
    subject = _THIS_PRODUCT.search(low, 0, _LEAD + 24)
    if subject is None:
        return None
    end = _SENTENCE_END.search(low, subject.end())
    stop = min(subject.end() + _CLAUSE, end.start() + 1 if end else len(low))
    m = _VERDICT.search(low, subject.end(), stop) or _TAKEN.search(low, subject.end(), stop)
    return m if m is not None and m.lastgroup == "out" else None


def _after_apology(low: str):
    """A sold-out phrase in the first sentence of a text an apology opens ("We're sorry, but the item you have
    selected is currently out of stock and cannot be ordered."): the apology announces it, however far in."""
    if not _APOLOGY.match(low):
        return None
    end = _SENTENCE_END.search(low)
    m = _VERDICT.search(low, 0, min(end.start() + 1 if end else len(low), 2 * _SHORT))
    return m if m is not None and m.lastgroup == "out" else None


# Back-order and pre-order offered after a sold-out phrase.
_ORDERABLE = re.compile(f"(?P<pre>{_phrases(_PRE)})|(?P<back>{_phrases(_BACK)})")
# A notify phrase that opens a text as its statement: restocked.
_RESTOCKED = frozenset(("back in stock", "wieder auf lager", "de nouveau en stock", "de retour en stock",
                        "de nuevo en stock", "weer op voorraad", "عاد إلى المخزون", "再入荷"))
_VALUE = {"out": "OutOfStock", "notify": "notify", "pre": "PreOrder", "back": "BackOrder",
          "low": "LimitedAvailability", "almost": "LimitedAvailability", "in": "InStock"}
# A short text is a statement ("The PS5 is sold out!"); in a longer one a phrase counts at its
# start (a label, or a sentence that opens with it), not deep in prose ("... back in stock").
_SHORT, _LEAD = 80, 24
_FROM_STOCK = re.compile(r"\s+(?:direct\s+)?(?:leverbaar|geleverd|verzonden|verzendklaar|beschikbaar|te bestellen)")
# "Almost" right before the sold-out words, in the shops' languages
_ALMOST_BEFORE = re.compile(r"(?:^|[\s(¡!-])(?:almost|nearly|gotovo|skoro|prawie|nästan|melkein|lähes|aproape|skoraj|"
                            r"почти|майже|szinte|majdnem|neredeyse|casi|quase|presque|fast|quasi|bijna|næsten|nesten|"
                            r"σχεδόν|téměř|takmer|gần|hampir|nyaris|hầu như|being|soon to be|will be|going to be)\s+$|"
                            r"(?:ほぼ|거의|几乎|幾乎|เกือบ)\s*$")
# A possibility or a condition said after the sold-out words (ja / zh).
_ALREADY = r"(?:already|déjà|bereits|schon|ya|già|al|já|już|redan|allerede|jo)\s+"
# a share or a count before "(already) sold", not a name's number ("de PlayStation 5 uitverkocht")
_SHARE_BEFORE = re.compile(rf"(?<![\d.,])(?!100\s*%)\d{{1,3}}\s*(?:%\s*(?:{_ALREADY})?|{_ALREADY})$")
_ALREADY_OPENS = re.compile(_ALREADY)  # "already sold" after a count: "37 already sold"
_COUNT_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}\s*$")
_TIMES_AFTER = re.compile(r"\s+(?:\d+|two|three|several|many)\s*(?:x|times|mal|fois|veces|volte|keer|gånger|ganger)"
                          r"(?![^\W\d_])")
_MAYBE_AFTER = re.compile(r"[^。！？.!?]{0,3}(?:可能性|場合|恐れ|おそれ|かもしれ|次第|の際|时|時は)")
# Sold out in every size, colour or variant: the product itself.
_EVERY_SIZE = re.compile(r"\s*(?:in|en|em|i|w|dans|bei)\s+(?:all(?:e|en)?|every|toutes les|tous les|todas las|todos los|"
                         r"todos os|todas as|tutte le|tutti i|alla|wszystkich)\s+\w+")
# The rest of a sentence that ends in a question mark; Greek writes it ";".
# ... or before it: "All sizes sold out", "Alle Größen ausverkauft", "Toutes les tailles sont épuisées"
_ALL_SIZES_BEFORE = re.compile(r"(?:^|\s)(?:all|every|alle|toutes les|todas las|todos los|tutte le|tutti i|alla|kaikki|"
                               r"wszystkie)\s+(?:the\s+)?(?:sizes?|colou?rs?|variants?|options|grössen|farben|tailles|"
                               r"couleurs|tallas|colores|taglie|colori|maten|kleuren|storlekar|rozmiary|koot)\s+"
                               r"(?:are\s+|sind\s+|sont\s+|están\s+|sono\s+|zijn\s+|är\s+|są\s+)?$")
_ASKED = re.compile(r"[^.!?。！？]{0,60}[?？]")
_ASKED_GREEK = re.compile(r"[^.!?;;]{0,60}[?;;]")
_GREEK = re.compile(r"[\u0370-\u03ff]")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|[。！？]")
_WORD = re.compile(r"\w+")


def markup_availability(value) -> str | None:
    """A markup's stock value: schema.org's names in their many spellings, else the shop's own
    words ("Ausverkauft", "Niet op voorraad") read as the page's would be; a template's bare
    boolean (``"availability": false``, "False") as its yes or no."""
    flag = value if isinstance(value, bool) else {"true": True, "false": False}.get(
        value.strip().lower()) if isinstance(value, str) else None
    if flag is not None:
        return "InStock" if flag else "OutOfStock"
    found = availability(value)
    if found or not isinstance(value, str) or len(value) > _SHORT:
        return found
    said = verdict(value)
    return "OutOfStock" if said == "notify" else said


def _negated(low: str, at: int) -> bool:
    """A word among the three before `at` turns an in-stock phrase around ("nicht mehr verfügbar"), or
    among the five of its clause where a time stands between them ("non è al momento disponibile")."""
    clause = _CLAUSE_END.split(low[max(0, at - 40):at])[-1]  # not another clause's ("No fees - in stock")
    words = _WORD.findall(clause)
    if _NEGATIONS.intersection(words[-3:]):
        return True
    return bool(_NOW_WORDS.search(clause)) and bool(_NEGATIONS.intersection(words[-5:]))


# A date: "12.03.", "12/03/2027", "2027-03-12", "12 March", "March 12", "12. März", "12 de marzo" (not a price:
# "from 12.99")
_MONTHS = (r"jan|feb|mar|maa|apr|ma[iyj]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|janv|févr|fév|avr|juin|juil|août|déc|ene|abr|ago|"
           r"dic|gen|giu|lug|set|ott|mrt|mei|sty|lut|kwi|cze|lip|sie|wrz|paź|lis|gru|led|úno|bře|dub|kvě|čer|srp|zář|říj|"
           r"pro|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|märz|mär")
_DATE = (rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\s?\d{{1,2}}\.(?:\d{{2,4}})?|\d{{1,2}}[/-]\d{{1,2}}(?:[/-]\d{{2,4}})?|"
         rf"\d{{1,2}}\.?\s*(?:of\s+|de\s+)?(?:{_MONTHS})|(?:{_MONTHS})[a-zéû]*\.?\s+\d{{1,2}}(?!\d))")
# After an in-stock phrase, a start from a date ("… from 12 March", "… à partir du 12/03", "… le 12 mars");
# before it, "ab 12.03." (de), "od 12. 3." (cs, pl).
_FROM_DATE = re.compile(rf"\s*(?:from|after|starting(?:\s+(?:on|from))?|on|ab|à partir du?|à partir de|dès le|le|"
                        rf"a partir del?|a partir de|desde el|dal|dall'|a partire dal|vanaf|per|od|с|со)\s+"
                        rf"(?:the\s+)?{_DATE}")
_DATE_BEFORE = re.compile(rf"(?<![^\W\d_])(?:ab|from|od|с|vanaf)\s+{_DATE}\s*$")
# (not a count's unit abbreviated before the phrase: "0 stk. på lager", "0 pcs. in stock")
_CLAUSE_END = re.compile(r"(?<!\bstk)(?<!\bpcs)(?<!\bszt)(?<!\bst)(?<!\bks)\.|[,;:!?|()\n]|\s[-–—]\s|[–—]")
# "at the moment", "right now", "currently" between the negation and the phrase, as whole words
_NOW_WORDS = re.compile(r"(?<![^\W\d_])(?:moment|momento|momenti|hetkellä|currently|now|presently|attualmente|ora|"
                        r"adesso|actualmente|atualmente|momentan|momentanément|derzeit|zurzeit|aktuell|actuellement|"
                        r"momenteel|obecnie|chwili|jelenleg|tillfället|øjeblikket|anda|сейчас|момент|наразі)"
                        r"(?![^\W\d_])")


@lru_cache(maxsize=32_768)  # stock labels repeat across a shop's pages; many shops crawled at once keep thousands
def verdict(text: str) -> str | None:
    """What a text says of stock ("OutOfStock", "notify", ...), or None."""
    low = text.casefold()
    if not low.isascii():
        low = low.translate(UNSEEN)  # a soft hyphen or a zero-width space inside a word ("Aus&shy;verkauft")
    if len(low) > _SHORT:
        first = _SENTENCE_END.search(low, 0, _SHORT + 1)
        if first:  # a short first sentence is a statement of its own
            low = low[:first.start()]
    if _NO_STOCK_COUNT.match(low) or low.strip(" !.") in _SOLD_BADGES or _ENDED_STATUS.match(low):
        return "OutOfStock"
    label = _STOCK_LABEL.match(low)
    if label and (_BARE_NO.fullmatch(low, label.end()) or low[label.end():].strip(" !.") in _OUT_AFTER_LABEL):
        # "Availability: No", "Lager: Nein", "Stock: Out", "Dostępność: brak"; a sold badge's word or one
        # that says "out" only after such a label ("Saatavuus: Loppu", "Stok: Habis")
        return "OutOfStock"
    m = _VERDICT.search(low, 0, _SHORT if len(low) <= _SHORT else _LEAD + 40)
    if m is None or (len(low) > _SHORT and m.start() > _LEAD):
        m = _said_of_this_product(low) or _after_apology(low)
        if m is None:
            return "LimitedAvailability" if _FEW_LEFT.match(low) else None
    if m.lastgroup == "out" and _CONDITIONAL.search(low, 0, m.start()):
        return None  # "If this item is out of stock when your order is processed, …"
    if m.group() == "uit voorraad" and _FROM_STOCK.match(low, m.end()):
        return "InStock"  # Dutch "Uit voorraad leverbaar": delivered from stock (Afrikaans "uit voorraad" is out of it)
    if (m.lastgroup == "out" and _ALMOST_BEFORE.search(low, max(0, m.start() - 16), m.start())
            and not m.group().startswith("back")):  # (not "Will be back soon": out until then)
        return "LimitedAvailability"  # "Gotovo rasprodano", "Майже розпродано": almost sold out, in any language
    if m.lastgroup == "out" and (_SHARE_BEFORE.search(low, max(0, m.start() - 16), m.start()) or (
            _ALREADY_OPENS.match(m.group()) and _COUNT_BEFORE.search(low, max(0, m.start() - 8), m.start()))):
        return None  # a deal's progress ("10% déjà vendus", "37 already sold"): some sold, not all
    if m.lastgroup == "out" and _TIMES_AFTER.match(low, m.end()):
        return None  # a bestseller's record ("sold out 3 times this year"), not its state
    if m.lastgroup == "out" and _MAYBE_AFTER.match(low, m.end()):
        return None  # Japanese and Chinese put it after: "売り切れる可能性があります", "売り切れの場合"
    if m.lastgroup in ("out", "notify") and (_ASKED_GREEK if _GREEK.search(low) else _ASKED).match(low, m.end()):
        return None  # a question ("Sold out in your size?", "Εξαντλήθηκε το μέγεθός σας;") offers a service
    every_size = _EVERY_SIZE.match(low, m.end()) is not None  # "uitverkocht in alle maten": the whole product
    if not _in_place_of_price(low[:m.start()], m.group()) and (
            _other_subject(low, m.start()) and not _ALL_SIZES_BEFORE.search(low, 0, m.start())
            or not every_size and (_FOLLOWING_SUBJECT.match(low, m.end()) or _SUBJECT_NEXT.match(low, m.end()))
            or _SERVICE_BEFORE.search(low, 0, m.start()) or _labelled_other(low[:m.start()])):
        return None
    if m.lastgroup == "notify" and _PRICE_WORD.search(low, m.end(), m.end() + 40):
        return None  # a price watch ("Notify me when the price drops"), not a back-in-stock alert
    if (m.lastgroup == "notify" and m.group() in _RESTOCKED and not low[:m.start()].strip()
            and low[m.end():].strip(" !.:-–！") in ("", "now", "today", "しました")):
        return "InStock"  # "Back in stock!" as a badge: restocked ("Back in stock soon" is not)
    if m.lastgroup == "out" and _WORD.findall(low, max(0, m.start() - 12), m.start())[-1:] in (
            ["never"], ["nie"], ["jamais"], ["nunca"], ["not"], ["nicht"]):
        return None  # "Never out of stock": a promise about a core item; "Not sold out yet!"
    if m.lastgroup == "in" and _CONDITIONAL.search(low, max(0, m.start() - 24), m.start()):
        return None  # "Ships when available", "Wenn verfügbar", "email når på lager": a condition, not the state
    if m.lastgroup == "in" and (_negated(low, m.start()) or _NONE_LEFT.match(low, m.end())
                                or _SAID_NO.fullmatch(low, m.end())):
        return "OutOfStock"  # also "In stock: No", "Verfügbar: nein", "Skladem: ne"
    if (m.lastgroup == "in" and _IN_PROSE.match(low, 0, m.start()) and not _STATE_LEAD.search(low, 0, m.start())
            and low[m.end():].strip(" .!;)")):
        return None  # a sentence that uses the word: "One of the largest plush available from …" (not "X available.")
    if m.lastgroup == "in" and (_FROM_DATE.match(low, m.end()) or _DATE_BEFORE.search(low, 0, m.start())):
        return "notify"  # in stock only from a date ("In stock from 12 March", "Ab 12.03. auf Lager")
    if m.lastgroup in ("pre", "back") and _NEGATIONS.intersection(_WORD.findall(low, max(0, m.start() - 60),
                                                                                 m.start())[-8:]):
        return None  # "Het is niet mogelijk om een pre-order te plaatsen": no pre-order is taken
    if m.lastgroup == "pre":
        then = _VERDICT.search(low, m.end(), m.end() + 16)
        if then is not None and then.lastgroup == "out":
            return "OutOfStock"  # "Pre-order sold out", "Pre-orders sold out.": none is taken either
    if m.lastgroup == "out":
        # "Out of stock - available to backorder", "Sold out. Pre-order now": it can be ordered
        later = _ORDERABLE.search(low, m.end())
        if later and not _NEGATIONS.intersection(_WORD.findall(low, m.end(), later.start())[-3:]
                                                 + _WORD.findall(low, later.end(), later.end() + 24)[:2]):
            return _VALUE[later.lastgroup]  # not "Pre-order not possible"
    return _VALUE[m.lastgroup]


def _other_subject(low: str, at: int) -> bool:
    """Something other than the product is what the state at `at` is said of ("Image not available", "Other colours
    available", "Pickup: Unavailable"), not a name set off before it by a dash or a bar ("Video Card RTX – Sold out")."""
    for m in _OTHER_SUBJECT.finditer(low, 0, at):
        if not _SET_OFF.search(low, m.end(), at):
            return True
    return False


_SET_OFF = re.compile(r"\s[-–—|]\s|\s[–—]|[–—]\s|[|(\[]")


# Screen-reader-only text is no statement a shopper sees either.
_HIDING_TOKEN = re.compile(rf"{HIDING_CLASS}|{READER_ONLY_CLASS}|"
                           r"[\w-]+(?:--|__)(?:is-)?(?:hidden|hide)")  # a BEM modifier: "error-message-wrapper--hidden"
# a size or colour picker's class (not a button's own size: Cafe24's "btnNormal sizeL")
# (nor a text's size: Amazon's UI kit's "a-size-medium", Bulma's "is-size-7", "font-size-small", the CSS
# modules' "styles_fontSize2__xNlIo")
# (the look-behinds read back from "size" once it matched, not at every position of a long class string)
_PICKER_WORDS = (r"size(?<![^\w]a-size)(?<!^a-size)(?<!font-size)(?<!text-size)(?<!fontsize)(?<!textsize)(?<!resize)"
                 r"(?<!iconsize)(?<!is-size)(?<!equal-size)(?<!full-size)(?<!fullsize)(?<!box-size)(?<!icon-size)"
                 r"(?<!image-size)(?<!img-size)(?<!button_size)(?<!button-size)(?<!btn-size)(?<!btn_size)"
                 r"(?![-_]?(?:l|m|xl|xs|lg|md|sm|small|medium|large)(?![a-z]))|swatch|variant|"
                 r"dropdown|picker|sku-?select")
# "store" that names the web shop itself, not a shop in town: WebSphere Commerce's
# "WC_Online_Store_Inventory_div", Oracle ATG's reference store's "atg_store_" before every class
_WEB_SHOP = r"(?<!online[-_])(?<!atg[-_])"
_NOT_PRODUCT_LEVEL = re.compile(_PICKER_WORDS + r"|notify|waitlist|back-?in-?stock|popup|"
                                # one variation's choice ("variation-label"), not WooCommerce's "variations_form"
                                r"variation[-_]?(?:label|value|option|item|selector|swatch|button|colou?r|tile|thumb)|"
                                # a dialog, not a link that opens one ("modal-stock-web")
                                r"(?<![a-z])modal(?:[-_]+(?:dialog|content|body|inner|wrapper|container|overlay|window|"
                                r"box))?(?![\w-])|"
                                # a store's or a pick-up's stock, an add-on's or an accessory's
                                r"(?<![a-z])" + _WEB_SHOP + r"(?:store|branch)|"
                                r"pick-?up|click-?(?:and|n)-?collect|warehouse|"
                                r"add-?on|accessor|gift-?(?:wrap|box)|warranty|insurance|"
                                # one product of a grouped product's list (Magento's "grouped-item", WooCommerce's
                                # "woocommerce-grouped-product-list"), sold each with its own quantity
                                r"grouped|"
                                # a tip shown on hovering a control in another state (Toys"R"Us's "disabled-tip": "The
                                # item is unavailable and cannot be added to your cart" beside a working button)
                                r"tooltip|(?:disabled|hover)[-_]?tip(?![a-z])|popover|cookie|"
                                # the shop's news ticker or announcement bar ("Razprodano: božična kolekcija")
                                r"ticker|announcement|(?<![a-z])top-?bar|promo-?bar|notice-?bar|"
                                # buyers' words: "everything was out of stock everywhere" in a review
                                r"review|rating|comment|testimonial|question|answer")
# Client-side templates' conditional directives (AngularJS, Alpine.js, in-page Vue, Angular, Knockout):
# the server's page holds every state's branch, and which one shows is decided in the browser.
_TEMPLATE_BRANCH = frozenset(("ng-show", "ng-hide", "ng-if", "data-ng-show", "data-ng-hide", "data-ng-if", "x-show",
                              "x-if", "v-if", "v-else", "v-else-if", "v-show", "*ngif", "ko-if"))
# a BEM element named for a stock state: "price__badge-sold-out", "product__label--unavailable"'s element part
_STATE_ELEMENT = re.compile(r"(?P<block>[a-z][\w-]*?)__[\w-]*?(?P<state>sold[-_]?out|unavailable|out[-_]of[-_]stock)")
_CLASS_NAME = re.compile(r"\.([\w-]+)")
_SIMPLE_SELECTOR = re.compile(r"^(?:[a-z][a-z0-9]*)?(?:\.[\w-]+)+$", re.I)


_SHOWS = re.compile(r"display\s*:\s*(?!none)[a-z-]+")


def hidden_rules(styles) -> dict[str, list[tuple[tuple[frozenset, ...], frozenset]]]:
    """The page's own CSS rules that hide elements, for class selectors ("div.unavailable-label",
    ".is-available .sold-out-label"): one of the element's classes -> (ancestor class sets, own
    classes). A selector that another rule shows again (a media query's "display:block" for a
    responsive "hide-until-m") is left out: the page shows it at some width. Only the rules
    around a "display" or "visibility" are read (pages carry hundreds of kilobytes of CSS), and of
    the rules that show, only those naming a class some rule hides."""
    hiding: list[tuple[frozenset, ...]] = []
    showing: list[str] = []
    for style in styles:
        css = _on_screen(style.text or "")
        for word in ("display", "visibility"):
            at = css.find(word)
            while at >= 0:
                declaration = css[at:at + 40]
                if HIDING_STYLE.match(declaration):
                    hiding.extend(_selectors(_rule_head(css, at)))
                elif _SHOWS.match(declaration):
                    showing.append(_rule_head(css, at))
                at = css.find(word, at + len(word))
    if not hiding:
        return {}
    hidden_classes = {c for classes in hiding for c in classes[-1]}
    shown: set[tuple[frozenset, ...]] = set()
    for head in showing:
        if not hidden_classes.isdisjoint(_CLASS_NAME.findall(head)):
            shown.update(_selectors(head))
    rules: dict[str, list] = {}
    for classes in hiding:
        if classes not in shown:
            rules.setdefault(min(classes[-1]), []).append((classes[:-1], classes[-1]))
    return rules


_PRINT_MEDIA = re.compile(r"@media\s+(?:only\s+)?print\b[^{]*\{", re.I)


def _on_screen(css: str) -> str:
    """The stylesheet without its "@media print" blocks: what a printout leaves out (the buy box, a
    theme's stock line) is shown on screen."""
    while (m := _PRINT_MEDIA.search(css)) is not None:
        depth, at = 1, m.end()
        while depth and at < len(css):
            nxt = min((i for i in (css.find("{", at), css.find("}", at)) if i >= 0), default=len(css))
            if nxt < len(css):
                depth += 1 if css[nxt] == "{" else -1
            at = nxt + 1
        css = css[:m.start()] + css[at:]
    return css


def _rule_head(css: str, at: int) -> str:
    """The selector text of the rule whose body holds position `at` ("" when `at` is in no rule's body)."""
    opening = css.rfind("{", 0, at)
    if opening < 0 or css.rfind("}", 0, at) > opening:
        return ""  # not inside a rule's body
    start = max(css.rfind("}", 0, opening), css.rfind("{", 0, opening), css.rfind(";", 0, opening)) + 1
    return css[start:opening]


def _selectors(head: str) -> list[tuple[frozenset, ...]]:
    """A rule's class selectors, each as the class sets of its compound parts."""
    out = []
    for selector in head.split(","):
        parts = selector.replace(">", " ").split()
        if parts and all(_SIMPLE_SELECTOR.match(p) for p in parts):
            out.append(tuple(frozenset(p.split(".")[1:]) for p in parts))
    return out


_NEVER_SHOWN = frozenset(("template", "noscript", "script", "style"))


class Visibility:
    """Whether the page shows an element (memoised per element, as ``areas.Related``)."""

    def __init__(self, styles):
        self.styles = styles
        self.rules: dict | None = None  # read from the <style> elements when first needed
        self.memo: dict = {}

    def hidden(self, el) -> bool:
        chain = []
        e = el
        state = None
        while e is not None:
            state = self.memo.get(e)
            if state is not None:
                break
            chain.append(e)
            e = e.getparent()
        for e in reversed(chain):
            state = bool(state) or self._hides(e)
            self.memo[e] = state
        return bool(state)

    def _hides(self, el) -> bool:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _NEVER_SHOWN or tag == "head":
            return True
        if tag in ("html", "body"):
            return False  # a guard against a flash of unstyled content ("<body class='flash-style'>"): scripts show it
        if hidden_attribute(el) or el.get("aria-hidden") == "true":
            return True
        if len(el.attrib) and not _TEMPLATE_BRANCH.isdisjoint(el.attrib):
            return True  # a template's branch that the browser shows or not ("<div ng-show='sku.isOutOfStock()'>")
        style = el.get("style")
        if style and HIDING_STYLE.search(style.lower()):
            return True
        cls = el.get("class")
        if not cls:
            return False
        own = frozenset(cls.split())
        if (any(_HIDING_TOKEN.fullmatch(c) for c in own) and not SHOWN_FROM_A_WIDTH.search(cls)) \
                or self._state_without_its_block(el, own):
            return True
        if self.rules is None:
            self.rules = hidden_rules(self.styles)
        for key in own & self.rules.keys():
            for context, classes in self.rules[key]:
                if classes <= own and all(self._ancestor_has(el, c) for c in context):
                    return True
        return False

    @staticmethod
    def _state_without_its_block(el, own: frozenset) -> bool:
        """A BEM element for a sold-out state ("price__badge-sold-out") inside its block that is not in that
        state (no "price--sold-out" beside "price price--large"): the theme's stylesheet shows it only then
        (Shopify's Dawn themes render the badge on every page)."""
        for c in own:
            m = _STATE_ELEMENT.fullmatch(c) if "__" in c else None
            if m is None:
                continue
            block, state = m.group("block"), m.group("state").replace("_", "-")
            for up in el.iterancestors():
                classes = (up.get("class") or "").split()
                if block in classes:
                    return not any(k.startswith(block + "--") and state in k.replace("_", "-") for k in classes)
        return False

    @staticmethod
    def _ancestor_has(el, classes: frozenset) -> bool:
        e = el.getparent()
        while e is not None:
            cls = e.get("class")
            if cls and classes <= frozenset(cls.split()):
                return True
            e = e.getparent()
        return False


def _alert_control(el) -> bool:
    """A button named for a back-in-stock alert ("<button class='back-in-stock'>Créer une alerte</button>")."""
    return (el.tag in ("button", "input") or (el.tag == "a" and _dressed_as_button(el))) and names_alert(el)


def _in_alert_area(el, stop) -> bool:
    """Inside a back-in-stock alert's area ("<div id='waitlist-container'>"), up to three levels, not above `stop`."""
    for e in islice(chain((el,), el.iterancestors()), 4):
        if e is stop:
            return False
        if names_alert(e):
            return True
    return False


def _above_alert(el):
    """The first ancestor of an alert's control outside the alert's own area ("back-in-stock-container")."""
    outer, up = el, el.getparent()
    for _ in range(3):
        if up is None:
            break
        if names_alert(up):
            outer = up
        up = up.getparent()
    return outer.getparent()


def _dressed_as_button(a) -> bool:
    """A link (or a wrapper) styled as the buy button ("<a class='btn disabled'>Out of stock</a>")."""
    cls = a.get("class") or ""
    return a.get("role") == "button" or "btn" in cls or "button" in cls


def _product_level(el, stop, levels: int = 3, title=None) -> bool:
    """Not inside a size/colour picker, a back-in-stock form or a pop-up (looking up `levels`
    ancestors, and never above `stop`); `title`: the element showing the product's title where no h1 does."""
    e = el
    for _ in range(levels + 1):
        if e is None or e is stop:
            break
        tag = e.tag if isinstance(e.tag, str) else ""
        if tag in ("option", "select", "label", "marquee") or (tag == "a" and not _dressed_as_button(e)):
            return False  # a choice, a link to another page, a scrolling news line
        key = " ".join(filter(None, (e.get("class"), e.get("id"))))
        if ((key and _NOT_PRODUCT_LEVEL.search(key.lower())) or (tag == "li" and _one_choice_of_several(e))
                or (tag == "tr" and _one_row_of_several(e))):
            # a column that holds the title is the product's, whatever it is called or laid out as
            # ("product-size-selection" around it all, the info column as the second <li> beside the photos)
            return _holds_title(e, title)
        e = e.getparent()
    # a store's stock table holds its cells deeper: "<div class='store-stock'><details><table><tr><td class='stock-no'>"
    for _ in range(_STORE_LEVELS):
        if e is None or e is stop:
            break
        key = " ".join(filter(None, (e.get("class"), e.get("id"))))
        if key and _STORE_AREA.search(key.lower()):
            return False
        e = e.getparent()
    return True


_STORE_LEVELS = 3


def _holds_title(el, title) -> bool:
    """Holds the product's title: an h1, or the element that shows the title on a page without one (Well.ca's
    "product_text_product_name")."""
    return next(el.iter("h1"), None) is not None or (title is not None and (title is el or el in title.iterancestors()))


def _in_picker(el, stop, levels: int = 4) -> bool:
    """Inside a size or colour picker: its "Notify me" is for a size ("Get notified when your size is back")."""
    for e in islice(el.iterancestors(), levels):
        if e is stop:
            break
        key = " ".join(filter(None, (e.get("class"), e.get("id"))))
        if key and _PICKER.search(key.lower()):
            return True
    return False
# (not a bare "store": Ecwid wraps the whole page in "ec-store")
_STORE_AREA = re.compile(r"(?<![a-z])" + _WEB_SHOP +
                         r"(?:stores?[-_]?(?:stock|availability|list|finder|locator|select|inventory)|in-?store|"
                         r"branch|pick-?up|click-?(?:and|n)-?collect|(?:stock|availability)[-_]?(?:by|per|in)[-_]?stores?)")


_BRACKETED_MARK = re.compile(r"\s*[(（\[][^()（）\[\]]{1,20}[)）\]]\s*$")


def _one_choice_of_several(li) -> bool:
    """A list item that names its own choice beside its state, among items of which one says no such
    state: one colour of a picker no class names so ("<li title='樱花粉'><span>樱花粉</span><i>已售罄</i>
    </li>" beside the other colours), not a spec line ("<li><b>Status:</b> Sold out</li>")."""
    parent = li.getparent()
    if parent is None or len(parent) < 2:
        return False
    own = _BRACKETED_MARK.sub("", (li.text or "")).strip()  # "<li>38 <em>Esgotado</em></li>", "抹茶味（缺货）"
    named = bool(own) and verdict(own) is None and own[-1] not in ":：" or any(
        isinstance(c.tag, str) and (t := _BRACKETED_MARK.sub("", short_text(c, 40) or "").strip())
        and verdict(t) is None and t[-1] not in ":：" for c in li)  # also "<li><a><span>白橡色（已售罄）</span></a></li>"
    return named and any(c is not li and c.tag == "li" and verdict(short_text(c, 80) or "") is None for c in parent)


_MODIFIER = re.compile(r"(?:^|\s)([\w-]+?)--[\w-]+")


def _one_state_of_several(el) -> bool:
    """One of a theme's messages for each stock state, side by side as modifiers of one block
    ("variant__countdown--in", "--low", "--out"), of which its stylesheet shows the one the wrapper's class
    picks: it says nothing of the product's own."""
    parent = el.getparent()
    if parent is None or not el.get("class"):
        return False
    m = _MODIFIER.search(el.get("class"))
    if m is None:
        return False
    block = m.group(1) + "--"
    states = set()
    for sib in parent:
        if isinstance(sib.tag, str) and block in (sib.get("class") or ""):
            said = verdict(short_text(sib, 80) or "")
            if said:
                states.add("out" if said in ("OutOfStock", "notify") else "on sale")
    return len(states) == 2


def _one_row_of_several(tr) -> bool:
    """A row of a variants' stock table ("<tr><td>White</td><td>L</td><td>Sold out</td></tr>"): values
    in two cells or more beside its state, no header cell (not a spec row, "<th>Status</th><td>…"),
    and another such row whose state is not sold out."""
    cells = [c for c in tr if c.tag in ("td", "th")]
    if len(cells) < 3 or any(c.tag == "th" for c in cells):
        return False
    return any(row.tag == "tr" and sum(1 for c in row if c.tag == "td") >= 3
               and verdict(short_text(row, 80) or "") != "OutOfStock"
               for row in (*tr.itersiblings(), *tr.itersiblings(preceding=True)))


_PICKER_TAGS = frozenset(("select", "option", "optgroup", "datalist", "label"))  # a label names a choice or a field
_PICKER = re.compile(_PICKER_WORDS + r"|variation[-_]?(?:label|selector|option)s?[-_]?container")
# A picker's caption, not one of its choices ("<fieldset><legend>Größe</legend><button>38</button>…").
_NOT_CHOICE = frozenset(("legend", "h2", "h3", "h4", "h5", "h6", "p", "small"))


# One of a button's labels, one per state, marked as the one shown ("action-btn-text1 active").
_ACTIVE_LABEL = re.compile(r"(?<![\w-])(?:is-)?(?:active|current)(?![\w-])")
_NUMBERED = re.compile(r"[-_]?\d+$")


def _inactive_label(child) -> bool:
    """A label among its numbered siblings ("action-btn-text2") where another of them is marked active: a
    state the button does not show ("Gelince Haber Ver" beside the active "Sepete Ekle")."""
    cls = (child.get("class") or "").split()
    if not cls or _ACTIVE_LABEL.search(" ".join(cls)):
        return False
    stem = _NUMBERED.sub("", cls[0])
    if stem == cls[0]:
        return False
    return any(sib is not child and isinstance(sib.tag, str) and _ACTIVE_LABEL.search(sib.get("class") or "")
               and _NUMBERED.sub("", (sib.get("class") or "").split()[0]) == stem for sib in child.getparent())


def _labels_for_both_states(button, visible: Visibility) -> bool:
    """A button holding its label for each state in elements of their own, one a buy button's words and another
    sold out's ("<span class='state-available'>Add to Bag</span><span class='state-soldout'>Sold Out</span>"):
    a template whose stylesheet shows the one its state picks."""
    buy = out = False
    for e in islice(button.iterdescendants(), _STATE_LABELS):
        if (not isinstance(e.tag, str) or len(e) or visible.hidden(e) or not (e.text and e.text.strip())
                or _inactive_label(e)):
            continue
        if areas.says_buy(e.text):
            buy = True
        elif verdict(e.text.strip()) in ("OutOfStock", "notify"):
            out = True
    return buy and out


_STATE_LABELS = 40  # elements


def _shown_text(el, visible: Visibility, limit: int = 80, aside: re.Pattern | None = None) -> str:
    """The text of `el` that the page shows (a button holds a label per state); a size or colour
    picker inside a buy form speaks of its variants ("S - Sold out"), not of the form, and
    children whose class `aside` finds are left out too."""
    parts: list[str] = []

    def walk(e) -> None:
        # the limit counts words, not a template's indentation (a spinner's svg before "Add to Cart")
        if e.text and not e.text.isspace() and (e is el or not visible.hidden(e)):
            parts.append(e.text)
        for child in e:
            if sum(map(len, parts)) > limit:
                return
            if isinstance(child.tag, str) and not (
                    child.tag in _PICKER_TAGS or _PICKER.search(child.get("class") or "")
                    or (aside is not None and aside.search((child.get("class") or "").lower()))
                    or _inactive_label(child)):
                walk(child)
            if child.tail and not child.tail.isspace() and (e is el or not visible.hidden(e)):
                parts.append(child.tail)  # a tail is its parent's text

    walk(el)
    return " ".join(" ".join(parts).split())[:limit]


def _is_enabled(button, visible) -> bool:
    # A wrapper styled as the button gives the link it holds its state ("<div class='lnk--button
    # lnk--button--disabled'><a href='#'>In winkelmandje</a></div>"); a buy form or its wrapper that a
    # class marks sold out ("product-form--sold-out"), or a disabled fieldset, switches off what it holds
    # (not the product's container: WooCommerce's "outofstock" is read only when nothing else says).
    if visible.hidden(button) or _switched_off(button, _OUT_CLASS):
        return False
    for w in islice(button.iterancestors(), 3):
        if (w.tag == "fieldset" and w.get("disabled") is not None) or (
                _switched_off(w, _OUT_CLASS) if _dressed_as_button(w)
                else _classed(w, _SOLD_OUT_CLASS) and _buy_wrapper(w)):
            return False
    return True


def _switched_off(e, marks: re.Pattern | None) -> bool:
    """Disabled by its attributes, or by a state class `marks` finds. A link or a box has no disabled
    state of its own: a framework's rendered false on it ("<a class='btn' disabled='0'>") is none."""
    disabled = e.get("disabled")
    if disabled is not None and e.tag not in _FORM_CONTROLS and disabled.strip().lower() in ("0", "false"):
        disabled = None
    return disabled is not None or e.get("aria-disabled") == "true" or (marks is not None and _classed(e, marks))


_FORM_CONTROLS = frozenset(("button", "input", "select", "textarea", "fieldset", "option", "optgroup"))


def _classed(e, marks: re.Pattern) -> bool:
    # a utility class styles a state the element may enter ("disabled:opacity-50"), not its state
    return any(":" not in t and marks.search(t) for t in (e.get("class") or "").lower().split())


def _title_badge(el) -> bool:
    """A badge beside the product's heading whose own class says sold out too ("<div class='product-mark
    sold-out'>sold out</div><h1>…"): the product's state, not a variant's note or a colour's mark."""
    parent = el.getparent()
    return _classed(el, _SOLD_OUT_CLASS) and parent is not None and any(c.tag == "h1" for c in parent)


def _words_of_the_name(owner, text: str) -> bool:
    """Stock words in the product's heading's own text that are the name's ("Sold Out: How Tech Billionaires …", a
    book; "Out of Stock (Live)", an album), not a mark set off beside it; an element inside the heading speaks for
    itself (Target's "<h1>… Deck<div>This item is not available</div></h1>")."""
    return owner.tag == "h1" and not _marked_in_title(owner, text)


def _marked_in_title(owner, text: str) -> bool:
    """A sold-out mark set off in the product's own heading, beside its name ("Wool Coat (Sold out)",
    "[SOLD OUT] Wool Coat", "【完売】…", "<h1>Wool Coat <span class='badge'>Sold out</span></h1>"): the
    shop wrote the state into the product's name; not words of a name ("Sold Out Tee")."""
    h1 = owner if owner.tag == "h1" else next((a for a in islice(owner.iterancestors(), 2) if a.tag == "h1"), None)
    if h1 is None:
        return False
    low = text.casefold()
    m = _VERDICT.search(low)
    if m is None or m.lastgroup != "out":
        return False
    before, after = low[:m.start()].rstrip(), low[m.end():].lstrip()
    if after:  # in brackets ("[SOLD OUT] Wool Coat"), not the first words of a name ("Unavailable: A Novel")
        set_off = bool(before) and before[-1] in _OPENING and after[0] in _CLOSING
    else:  # after the name ("Wool Coat – Ausverkauft"), or the whole text of its own element or line
        set_off = not before or before[-1] in _OPENING or before[-1] in _SEPARATOR
    name = " ".join(h1.text_content().split()).casefold().replace(m.group(), "", 1)
    return set_off and _LETTER_OR_DIGIT.search(name) is not None  # a name beside the mark, not all mark


_OPENING = frozenset("([【［〔「<*")
_CLOSING = frozenset(")]】］〕」>*")
_SEPARATOR = frozenset("-–—:|/")


def _in_sold_out_form(button) -> bool:
    return any(_classed(w, _SOLD_OUT_CLASS) and _buy_wrapper(w) for w in islice(button.iterancestors(), 3))


def _buy_wrapper(e) -> bool:
    return e.tag == "form" or bool(_BUY_WRAPPER.search(" ".join(filter(None, (e.get("class"), e.get("id")))).lower()))


_BUY_WRAPPER = re.compile(r"cart|basket|buy|purchase|product[-_]?form|atc")
_SOLD_OUT_CLASS = re.compile(r"unavailable|sold-?out|out-?of-?stock|no-?stock|not-?available|^oos$")
_OUT_CLASS = re.compile(r"disabled|" + _SOLD_OUT_CLASS.pattern)


_CONTROLS = frozenset(("button", "input", "a"))
_CONTAINER_WORDS = 40
# A link to other sellers' offers in place of the product's own buy button (Amazon without a featured offer):
# the page itself sells nothing now
_OTHERS_OFFERS = re.compile(r"(?:see|view|other) (?:all )?buying (?:options|choices)|alle kaufoptionen|"
                            r"options d'achat|opciones de compra|opzioni di acquisto|opções de compra|koopopties")


def _only_others_offers(says: str) -> bool:
    """A control that says "See all buying options" and shows no price: the offers are other sellers'; not a buy
    box under its heading ("Koopopties Kindle-prijs: EUR 0,99")."""
    return len(says) <= 60 and _OTHERS_OFFERS.search(says.casefold()) is not None and not _DIGIT.search(says)


_DIGIT = re.compile(r"\d")


# A control of the buy box that does something else than buy, whatever its class says ("btn-add-to-cart"
# on "Add to Wish List"): it sells nothing
_OTHER_ACTION = re.compile(r"wish ?list|favou?rite|registry|compare|save for later|merkliste|wunschliste|merkzettel|"
                           r"favoriten|vergleich|liste d'envies|favoris|comparer|favoritos|lista de deseos|comparar|"
                           r"preferiti|confronta|verlanglijst|favorieten|vergelijk|ulubion|porównaj|お気に入り|比較|"
                           r"收藏|관심상품|찜하기|find (?:it )?in (?:a )?store|check (?:nearby )?stores|check store|"
                           r"store availability|find a store|" + _OTHERS_OFFERS.pattern)


def _label(control, visible: Visibility) -> str | None:
    return (_shown_text(control, visible) or control.get("value") or control.get("aria-label")
            or control.get("title") or (control.get("alt") if control.tag == "input" else None))


def _control(el, candidates: set):
    """A buy form or a buy-box container ("add-to-cart-wrapper") speaks through the control it
    holds: the buy button among them, else a form's submit control (whose value may say "Sold
    out", or which may be disabled), else a button that says the product is sold out or offers to
    tell when it is back (a buy box whose cart button the page replaced: "Avísame cuando esté disponible")."""
    if el.tag in ("button", "input"):
        return el
    submit = stated = None
    for e in el.iter("button", "input"):
        if e is not el and e in candidates:
            return e
        # a form's submit control: a button without a type submits, one typed "button" (a format's choice) does not
        if submit is None and el.tag == "form" and (e.get("type") or ("submit" if e.tag == "button" else "")
                                                    ).lower() in ("submit", "image"):
            submit = e
        if stated is None and verdict(short_text(e, 80) or e.get("value") or "") in ("OutOfStock", "notify"):
            stated = e
    return submit if submit is not None else stated if stated is not None else el


# A text that labels itself a stock statement is as clear as a stock element ("Availability: Out
# Of Stock" in OpenCart's product list).
_STOCK_LABEL = re.compile(
    r"(?:availab\w*(?: status)?|(?:online |web )?stock(?: status| level)?|stocka|status|statut|stato|estado|état|situação|"
    r"stan|stanje|zalih\w*|stav|inventory|verfügbar\w*|liefer\w*|lager\w*|bestand|"
    r"disponib\w*|existencias|estoque|beschikbaar\w*|leverbaar\w*|voorraad|tillgäng\w*|tilgængelig\w*|saatav\w*|"
    r"dostęp\w*|dostup\w*|zásob\w*|skladem|tilgjengelig\w*|nettlager|webblager|stock online|"
    r"наличие|наличност|наявність|készlet|elérhetőség|stoc|stok(?: durumu)?|"
    r"διαθεσιμότητα|ketersediaan|tình trạng|สถานะ|موجودی|وضعیت|מלאי|זמינות|التوفر|الحالة|在庫数?|库存|庫存|재고|"
    # sl, lv, lt, et, fi, hu, hr, hi
    r"zalog\w*|razpoložljivost|pieejamība|prieinamumas|saadavus|laoseis|varasto\w*|raktár\w*|stanje zaliha|उपलब्धता|"
    # ja "在庫状況" (stock status), "販売状況" (sales status), zh "库存状态", ko "재고 상태"
    r"在庫状況|在庫状態|販売状況|库存状态|庫存狀態|재고 ?상태|재고 ?현황)\s*[:：]",
    re.I)
_OUT_AFTER_LABEL = _SOLD_BADGES | {"habis", "หมด", "slut", "kosong", "tükendi",
                                   # a cross for "none", as Japanese shops' 在庫 ○ / △ / × marks
                                   "×", "✕", "✖", "✗", "✘", "❌"}
# A sentence that says the product cannot go in the cart is as clear as a stock label.
# An apology opening the words: said to the shopper of what they look at ("Leider ausverkauft", "Sorry, sold out")
_APOLOGY = re.compile(r"\W*(?:(?:(?:we'?re |we are )?sorry|unfortunately|leider|désolée?s?|malheureusement|lo sentimos|"
                      r"lamentablemente|purtroppo|ci dispiace|helaas|niestety|bohužel|sajnos|maalesef|к сожалению|"
                      r"на жаль|beklager|tyvärr|valitettavasti|desculpe|infelizmente|ne pare rău|nažalost|žal|deja|"
                      r"diemžēl|kahjuks|λυπούμαστε|δυστυχώς|maaf|sayangnya|xin lỗi|rất tiếc|عذراً|عذرا|للأسف|מצטערים|"
                      r"לצערנו)(?![^\W\d_])|申し訳|죄송|抱歉|很抱歉|ขออภัย|ขอโทษ)")
_CANNOT_BUY = re.compile(r"can(?:not|'t| not) be (?:added|put) (?:to|in)|kann nicht in den warenkorb|"
                         r"ne peut pas être ajouté|no se puede añadir|non può essere aggiunto|kan niet worden toegevoegd")


# Texts an element shows through an attribute: a "Sold out" picture, an <input value="Out of stock">.
_SHOWN_BY_ATTRIBUTE = frozenset(("img", "input"))


def _attribute_text(el) -> str | None:
    kind = (el.get("type") or "").lower()
    if el.tag == "img" or kind == "image":
        # a stock picture without words names its state in its file ("images/out_of_stock.gif")
        return (el.get("alt") or "").strip() or _file_words(el.get("src"))
    return el.get("value") if kind in ("button", "submit") else None


def _badge_says(el) -> str | None:
    """What a badge without words says to screen readers or in its tooltip ("<span aria-label='Sold out'>",
    "<span class='stock-indicator--red' title='Nicht auf Lager'>", also around an icon's dot)."""
    said = el.get("aria-label") or el.get("title") or next(
        (said for e in islice(el.iterdescendants(), 6) if (said := e.get("aria-label") or e.get("title"))), None)
    return said if said and not any(t.strip() for t in el.itertext()) else None


def _dot_says(el) -> str | None:
    """What a stock element that shows no words says to screen readers: its coloured dot's words ("<span
    class='dot dot--red'></span><span class='sr-only'>Out of stock</span>"); not a text hidden from everyone."""
    said = " ".join(t for e in el.iterdescendants() if isinstance(e.tag, str)
                    and READER_ONLY.search(e.get("class") or "") for t in e.itertext() if t.strip())
    return said or None



def _file_words(src: str | None) -> str | None:
    name = (src or "").rsplit("/", 1)[-1].split("?", 1)[0].rsplit(".", 1)[0]
    return " ".join(_FILE_WORD.split(name)) if len(name) <= 40 else None


_FILE_WORD = re.compile(r"[-_.+\s]+|%20")


def _labelled_as_other(el) -> bool:
    """The words before a stock element in its line name a service or a store, not the product
    ("<p>Retrait en magasin : <span class='…-unavailable'>Indisponible à Fnac Montparnasse</span></p>")."""
    parent = el.getparent()
    if parent is None:
        return False
    before = [parent.text or ""]  # the line's own words, not its other elements' (a size picker's "Size")
    for sib in parent:
        if sib is el:
            break
        before.append(sib.tail or "")
    words = " ".join(before)[-_SHORT:].casefold()
    return (bool(words.strip()) and _OTHER_SUBJECT.search(words) is not None) or _cell_labelled_as_other(el)


def _cell_labelled_as_other(el) -> bool:
    """A definition or table cell (or the one element in it) whose label cell names a service or a
    store: a delivery table's "<dt>Click &amp; Collect</dt><dd><p>Not available for this item</p></dd>"."""
    cell = el if el.tag in ("dd", "td") else el.getparent()
    if cell is None or cell.tag not in ("dd", "td"):
        return False
    label = cell.getprevious()
    while label is not None and cell.tag == "dd" and label.tag == "dd":
        label = label.getprevious()  # a term's several definitions: its price, then its summary
    labels = [label] if label is not None and label.tag in ("dt", "th", "td") else []
    row = cell.getparent()
    if cell.tag == "td" and row is not None and row.tag == "tr":
        cells = [c for c in row if c.tag in ("td", "th")]
        labels.append(cells[0])  # the row's own name ("Bonifico bancario")
        head = _header_row(row)
        if head is not None and len(head) == len(cells):
            labels.append(head[cells.index(cell)])  # its column's header ("Garanzia cliente eBay")
    for lab in labels:
        if lab is cell:
            continue
        words = " ".join(lab.text_content().split()).casefold()
        if 0 < len(words) <= 40 and _OTHER_SUBJECT.search(words) is not None:
            return True
    return False


def _header_row(row) -> list | None:
    """The cells of the header row of `row`'s table (its <thead>'s row, else a first row of <th>s)."""
    body = row.getparent()
    table = body.getparent() if body is not None and body.tag in ("tbody", "thead", "tfoot") else body
    if table is None or table.tag != "table":
        return None
    for tr in table.iter("tr"):
        cells = [c for c in tr if c.tag in ("td", "th")]
        if tr is row:
            return None
        if cells and (tr.getparent().tag == "thead" or all(c.tag == "th" for c in cells)):
            return cells
        return None
    return None


def _tail_statement(el) -> str | None:
    """The text after `el` when it is a value `el` labels ("<b>Availability:</b> Out of stock"),
    with its label, or a statement of its own: a line after a <br> or an icon ("<span
    class='indicator'></span>Sold out"), a sentence after one `el` ends ("<strong>We're
    sorry.</strong> This product is no longer available"); not the rest of a sentence."""
    if not el.tail or not el.tail.strip():
        return None
    if el.tag in ("br", "del", "s", "strike") or (len(el) == 0 and not _LETTER_OR_DIGIT.search(el.text or "")):
        # after a break, an icon or a glyph ("<span>✕</span> Nicht mehr erhältlich"), or the old price
        # struck through ("<p class='price'><del>€ 189,00</del> Sold out</p>")
        return el.tail
    label = (el.text or "").strip()
    if not 0 < len(label) <= 40:
        return None
    if label[-1] in ":：":
        return f"{label} {el.tail}"
    return el.tail if label[-1] in ".!?。！" else None


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _may_be_value(text: str) -> bool:
    """A text that says more beside a stock label than alone: a stock phrase, a bare "No", a count."""
    short = text[:200]  # stripped: the key the box's own reading looks it up by, one verdict for both
    if short.isdigit() or verdict(short) is not None:
        return True
    low = short.casefold()
    return len(low) <= 12 and (_BARE_NO.fullmatch(low) is not None or low.strip(" !.") in _OUT_AFTER_LABEL)


def _labelled_by_sibling(el, value: str) -> str | None:
    """A value whose label is the element just before it, laid out without a table ("<div class='col-4'>
    Availability</div><div class='col-8'>Out of stock</div>", "<label>Stock:</label> <span>Sold out</span>",
    "<span>Availability</span><br><span>…</span>"): label and value are one statement, as a label cell's."""
    label = el.getprevious()
    for _ in range(3):  # over a line break, a comment or a separator's ":" between them
        if label is None or (isinstance(label.tag, str) and label.tag != "br"
                             and (len(label) or _LETTER_OR_DIGIT.search(label.text or ""))):
            break
        label = label.getprevious()
    if label is None or not isinstance(label.tag, str) or label.tag in _NOT_A_LABEL or len(label) > 2:
        return None  # a label is a word or two, not a block
    words = " ".join(((label.text_content() if len(label) else label.text) or "").split()).rstrip(":： -–")
    if not 0 < len(words) <= 40 or not _STOCK_LABEL.fullmatch(words + ":"):
        return None
    return f"{words}: {value.strip()}"


_NOT_A_LABEL = frozenset(("a", "button", "input", "select", "option", "img", "script", "style", "template"))


def _label_holding_value(el, own: str) -> str | None:
    """The line of a stock label whose value is the element inside it ("<p>Availability: <span>Out of
    stock</span></p>", "Stock: <b>Sold out</b>"): label and value are one statement, an indicator's
    dot between them left out ("Availability: <span>●</span> 0 pcs")."""
    label = own.strip()
    m = _STOCK_LABEL.match(label)
    if m is None or m.end() != len(label):
        return None
    line = " ".join(_DOTS.sub(" ", el.text_content()).split())
    return line if len(line) <= _SHORT else None


_DOTS = re.compile(r"[●•○◉◎■□▪▫◆◇★☆⬤]")  # (not a cross or a tick: a value of its own, "在庫：×")


def _delivery_out(text: str) -> bool:
    """The product cannot be delivered ("Currently unavailable for delivery", "Versand nicht
    möglich"): no statement of its stock while a buy button works, sold out online where none does.
    Not a faster option's ("Express delivery unavailable")."""
    low = text.casefold()[:_SHORT]
    if not _DELIVERY.search(low):
        return False
    m = _VERDICT.search(low)
    if m is None or _OPTIONAL_DELIVERY.search(low):
        return False
    if not (m.lastgroup == "out" or (m.lastgroup == "in" and _negated(low, m.start()))):
        return False
    after = _FOLLOWING_SUBJECT.match(low, m.end())
    before = _SERVICE_BEFORE.search(low, 0, m.start())
    return any(x is not None and _DELIVERY.search(x.group()) for x in (after, before))


def _delivery_dated(text: str) -> bool:
    """A delivery line that names a date or a few days and no stock ("Lieferung 17.06.2020 - 18.06.2020",
    "Delivery in 2-4 working days")."""
    low = text.casefold()[:_SHORT]
    return bool(_DELIVERY.search(low) and (_A_DATE.search(low) or _FEW_DAYS.search(low)) and not _VERDICT.search(low))


_A_DATE = re.compile(r"(?<!\d)\d{1,2}[./]\d{2}(?:[./](?:\d{4}|\d{2})?)?(?![\d/])")
_FEW_DAYS = re.compile(r"(?<!\d)\d{1,2}\s*[-–]\s*\d{1,2}\s*(?:business |working )?(?:werk|arbeits)?"
                       r"(?:tage?n?|days?|jours?|días?|dias?|giorni|dagen|dage|dager|dni|päivää)\b")


_DELIVERY = re.compile(r"deliver|shipping|versand|lieferung|livraison|envío|entrega|spedizione|consegna|verzending|"
                       r"levering")
_OPTIONAL_DELIVERY = re.compile(r"express|same[- ]?day|next[- ]?day|scheduled|international|free|saturday|sunday|"
                                r"weekend|kostenlos|gratuit|gratis|premium|priority|install")


def _cell_statement(el, value: str | None) -> str | None:
    """A table or list cell's value with the label in the cell before it, when that label names
    stock or a quantity ("Skladem: 0 ks", "Quantity available: 0"): the pair is one statement.
    The value may sit in the cell's one child ("<td><span class='status'>Deleted</span></td>")."""
    if not value or not value.strip():
        return None
    if el.tag not in ("td", "dd"):
        el = el.getparent()
        if el is None or el.tag not in ("td", "dd") or len(el) != 1 or (el.text or "").strip():
            return None
    label = el.getprevious()
    if label is None or label.tag not in ("th", "dt", "td"):
        return None
    words = (label.text_content() or "").strip().rstrip(":： ")
    if not 0 < len(words) <= 40 or not _STOCK_LABEL.match(words + ":") and not _NO_STOCK_COUNT.match(
            words.casefold() + ": 0") and not (_BARE_NO.fullmatch(value.casefold()) and verdict(words) == "InStock"):
        return None  # (a spec row "<th>In stock</th><td>No</td>" too)
    return f"{words}: {value.strip()}"


# A count of none and its unit, alone ("0 pcs", "0 szt.", "0 Stück", "0 шт.", "0 個")
_NONE_COUNTED = re.compile(r"\s*0\s*(?:pcs?\.?|pieces?|units?|items?|szt\.?|ks|stk\.?|stück|st\.?|шт\.?|db|kpl|"
                           r"un\.?|unid\.?|pz\.?|adet|個|件|개|点)?\s*")


def page_availability(stock_elems, buttons, anchors, related, visible: Visibility,
                      unread: frozenset | set = frozenset(), title=None,
                      heard: list | None = None) -> tuple[str | None, bool]:
    """(availability the page's words show or None, whether a working buy button is on it); the words of
    `unread` elements left out; `heard` collects every verdict the words gave, weak ones included.

    A stock label (an element whose class or id says stock) or a buy button that says "Sold out"
    is clear evidence; a phrase elsewhere in the buy box is weaker, and a working buy button
    outweighs a weak "unavailable" (shops leave such texts in the page for other states). A
    "notify me when it is back" offer in place of a working buy button means sold out."""
    clear: list[str] = []
    weak: list[str] = []
    promised = False
    unsaid: list = []
    templates = _state_templates(chain(stock_elems, buttons), visible)
    for el in stock_elems:
        if related(el) or visible.hidden(el) or _labelled_as_other(el) or el in templates or (unread and el in unread):
            continue
        if not _product_level(el, None, title=title):
            if _alert_control(el) and _product_level(_above_alert(el), None, title=title):
                clear.append("notify")  # the product's back-in-stock alert button, in words the vocabulary lacks
            elif _variant_stock_label(el):
                # the chosen variant's stock line ("<p class='variant-inventory'>Out of stock</p>"): the
                # product's where no other variant is bought instead (a working buy button)
                v = verdict(short_text(el, 160) or "")
                if v == "OutOfStock":
                    weak.append(v)
            continue
        shown = short_text(el, 160)
        t = shown or _badge_says(el)
        v = verdict(t) if t else None
        if v and shown and len(el):  # what it shows: a hidden "Sold out" inside an "is-available" block is not said,
            # nor a store's or a pick-up's stock inside the availability block
            t = _shown_text(el, visible, 160, _NOT_PRODUCT_LEVEL) or _dot_says(el)
            v = verdict(t) if t else None
        if not v and t:
            labelled = _cell_statement(el, t)
            v = verdict(labelled) if labelled else None
        if not v and t and _NONE_COUNTED.fullmatch(t.casefold()):
            v = "OutOfStock"  # the stock element's count alone, at none ("<p class='stock'>0 pcs</p>")
        if not v and _alert_control(el):
            v = "notify"  # the product's back-in-stock alert button, in words the vocabulary lacks
        if v == "OutOfStock":
            ordered = _ORDERED_CLASS.search((el.get("class") or "").lower())
            if ordered:  # "<p class='availability backorder'>Awaiting stock</p>"
                v = "PreOrder" if ordered.group().startswith("pre") else "BackOrder"
            elif _PROMISED.search(t.casefold()):
                promised = True  # "Out of stock. Due: 15th March. Order now to reserve ..."
        if v:
            clear.append(v)
    pickers: list = []  # the choices of each size/colour picker in the buy box
    for box in areas.buy_box(anchors, _BOX_ELEMENTS, _BOX_LEVELS):
        radios: dict[str, list] = {}
        swatches = []
        for el in box.iter():
            if not isinstance(el.tag, str) or (unread and el in unread):
                continue  # comments' text is not shown
            if ((el.get("class") or el.get("role")) and _picker_group(el)
                    and not (related(el) or visible.hidden(el))):
                choices = _choices_in(el)
                if choices is not None and _swatches(choices) and not _alert_only(_picker_choices(choices)):
                    swatches.append(choices)  # a size picker of buttons or list items
            if el.tag == "select" or (el.tag == "input" and (el.get("type") or "").lower() == "radio"):
                if not (related(el) or visible.hidden(_shown_as(el))):
                    if el.tag == "select":
                        if not _quantity(el):  # how many to buy is no variant
                            pickers.append(_real_options(el))
                    elif el.get("name"):
                        radios.setdefault(el.get("name"), []).append(el)
                continue
            if el.tag in _NEVER_SHOWN:
                own = None  # code or a template's copy: only its tail is on the page
            else:
                own = el.text if el.tag not in _SHOWN_BY_ATTRIBUTE else _attribute_text(el)
                if not (own and own.strip()) and (len(el) == 0 or el.get("role") == "img"):
                    # also a badge drawn by its icon ("<span role='img' aria-label='Agotado'><svg>")
                    own = _badge_says(el)
            texts = [(own, el)]
            said = own.strip() if own else ""
            labelled = (_cell_statement(el, own)
                        or (_label_holding_value(el, said) if len(el) and said[-1] in ":：" else None)
                        or (_labelled_by_sibling(el, said) if len(said) <= 40 and _may_be_value(said) else None)
                        ) if said else None
            if labelled:  # "<th>Skladem:</th><td>0 ks</td>", "<dt>Quantity available</dt><dd>0</dd>",
                # "<p>Availability: <span class='red'>Out of stock</span></p>"
                texts.append((labelled, el))
            tail = _tail_statement(el) if el.tail and el is not box else None
            if tail:  # "<b>Availability:</b> Out of stock", "<br>Status: Sold out"
                texts.append((tail, el.getparent()))
            for t, owner in texts:
                if not t or not t.strip():
                    continue
                t = t.strip()[:200]
                v = verdict(t)  # a statement opens the text; the rest is prose
                if v is None and len(t) <= _SHORT:
                    unsaid.append((t, owner, box))  # read for delivery only when nothing else says
                if (v and not visible.hidden(owner) and not related(owner) and not _cell_labelled_as_other(owner)
                        and not _one_state_of_several(owner) and not _words_of_the_name(owner, t)
                        and (v == "notify" and not _in_picker(owner, box) or _product_level(owner, box, title=title)
                             # said of the product itself, wherever it stands ("colour-picker__attention":
                             # "Sorry, this item is no longer available")
                             or v == "OutOfStock" and _THIS_PRODUCT.search(t.casefold(), 0, _LEAD + 24))):
                    # "Availability: Out Of Stock", "The item ... cannot be added to your cart"
                    low = t.casefold()
                    said_clearly = v == "OutOfStock" and (
                        _CANNOT_BUY.search(low) or _THIS_PRODUCT.search(low, 0, _LEAD + 24) or _APOLOGY.match(low)
                        or _NO_STOCK_COUNT.match(low) or _title_badge(owner) or _marked_in_title(owner, t))
                    # (a sentence of the back-in-stock sign-up block is its copy for the sold-out state: weak)
                    (clear if _STOCK_LABEL.match(t) or (said_clearly and not _in_alert_area(owner, box))
                     else weak).append(v)
        pickers.extend([_shown_as(r) for r in group] for group in radios.values())  # a label marks its radio's state
        # the innermost pickers: a wrapper of the colour and size pickers is no picker of its own
        pickers.extend(_picker_choices(g) for g in swatches
                       if not any(o is not g and g in o.iterancestors() for o in swatches))
    sold_out_controls = bool(pickers) and all(map(_all_choices_out, pickers))
    if sold_out_controls:
        clear.append("OutOfStock")  # every size (of every picker) disabled or marked sold out
    working = others_offers = False
    box_works = False  # a working button outside the bars kept in view on scrolling
    taken_on_order = None  # a working buy button that offers a back-order or a pre-order in its words
    awaiting_choice = False  # a buy button disabled by its attribute, as a script leaves it until a size is chosen
    candidates = set(buttons)
    for e in buttons:
        if visible.hidden(e):
            # the buy button served hidden, the button shown in its place says why ("<button
            # class='variants__btn'>Немає на складі</button><button class='… hidden'>Купити</button>")
            stand_in = _shown_instead(e, visible)
            if stand_in:
                clear.append(stand_in)
                sold_out_controls = sold_out_controls or stand_in == "OutOfStock"
            continue
        if e.tag not in _CONTROLS and _labelled_as_other(e):
            continue  # a buy box's "Retrait en magasin : <span>Indisponible</span>"
        b = _control(e, candidates)
        if b in templates:
            continue
        says = _label(b, visible)
        own = _label(e, visible) if b is not e else None
        # a container's own words count too, when they are a label's few ("<div class='atc'>Sold out</div>"),
        # not a buy form's every text (a colour's "그레이 품절" among its choices)
        texts = {says, own} if own and len(own) <= _CONTAINER_WORDS else {says}
        if names_alert(b):
            texts.add("notify me")  # a control named for a back-in-stock alert, in any language ("Buybox_notify__8XWmv")
        if _switched_off(b, _OUT_CLASS):
            # a disabled "Add to Cart" that screen readers hear as "Sold out", or whose tip says so
            texts.update(filter(None, (b.get("aria-label"), b.get("title"))))
        out = [v for v in map(verdict, filter(None, texts)) if v in ("OutOfStock", "notify")]
        if out and _labels_for_both_states(b, visible):
            out = []  # a label per state inside the button, its stylesheet showing one: the words say neither
        if not out and says and says.strip(" !.").casefold() in _OUT_AFTER_LABEL:
            out = ["OutOfStock"]  # the buy button's one word: "Habis", "Slut" (a word that says out only there)
        if not out and says and _switched_off(b, _OUT_CLASS) and _in_sold_out_form(b):
            out = ["OutOfStock"]  # a disabled buy button in a buy form the shop classed sold out ("product-form--sold-out")
        clear.extend(out)
        sold_out_controls = sold_out_controls or "OutOfStock" in out
        # A container (the buy box, a sticky bar) works only when what it shows is a buy button's words.
        if not out and any(_only_others_offers(t) for t in texts if t) and not visible.hidden(b):
            others_offers = True
        elif (not out and says and not visible.hidden(b) and _is_enabled(b, visible)
                and (b.tag in _CONTROLS or b.get("role") == "button" or areas.says_buy(says))
                and not _OTHER_ACTION.search(says.casefold())):
            working = True
            box_works = box_works or not areas.kept_in_view(b)
            offer = verdict(says)
            if offer in ("BackOrder", "PreOrder"):
                taken_on_order = offer  # "Back Order", "Pre-order now" beside "Out of stock online"
        elif not out and says and not visible.hidden(b) and _switched_off(b, None) and areas.says_buy(says):
            awaiting_choice = True
    said = clear + weak
    if heard is not None:
        heard.extend(said)
    if (not working and awaiting_choice and "notify" in said and "OutOfStock" not in said
            and any(map(_some_choices_out, pickers))):
        # "Add to bag" waits for a size, some sizes are marked sold out and others not: the waitlist
        # offered beside it is the sold-out sizes', not the product's
        return None, working
    if not working and ("notify" in said or (others_offers and not said)):
        return "OutOfStock", working
    if working and not box_works and "notify" in said:
        # the buy box offers a back-in-stock alert; the scroll bar's copy of its button, whose words
        # the page's script sets, does not sell it
        return "OutOfStock", False
    if sold_out_controls:
        # a buy button saying "Sold out", or every size sold out: another button left enabled (a
        # sticky bar's) does not sell it. A stock label beside a working button stays weaker.
        return "OutOfStock", False
    if not (working or said) and any(_delivery_out(t) and not (visible.hidden(owner) or related(owner))
                                     and _product_level(owner, box, title=title) for t, owner, box in unsaid):
        return "OutOfStock", working  # it cannot be delivered, and no button sells it
    if working and promised:
        return "BackOrder", working  # sold out, a date promised, and the button takes the order
    if box_works and not said and any(_delivery_dated(t) and not (visible.hidden(owner) or related(owner))
                                      and _product_level(owner, box, title=title) for t, owner, box in unsaid):
        # the buy box's button works and it names when the product arrives ("Lieferung 17.06.2020 - 18.06.2020",
        # "Delivery in 2-4 working days"): it can be ordered now, whatever a stale markup says
        return "InStock", working
    if taken_on_order:
        return taken_on_order, working
    if working and "OutOfStock" in clear and not _ON_SALE_WORDS.isdisjoint(clear):
        # labels for both states beside a working button: a template whose stylesheet shows one,
        # so the page says neither (markup, else the button, decides)
        return None, working
    for value in _ORDER:
        if value in clear or (value in weak and not (value == "OutOfStock" and working)):
            return value, working
    return None, working


def sold_out_button(el) -> bool:
    """A buy button in its sold-out state: disabled, its few words saying sold out ("Ausverkauft", "Notify me"),
    whatever its class (a script-built page's "add-to-bs"); not a choice's ("그레이 품절", a pressed or checked
    one, one in a size picker)."""
    if (not _switched_off(el, _OUT_CLASS) or _in_picker(el, None)
            or any(el.get(a) is not None for a in ("aria-pressed", "aria-checked", "aria-selected"))):
        return False
    said = short_text(el, _CONTAINER_WORDS)
    return bool(said) and _VERDICT.match(said.casefold()) is not None and verdict(said) in ("OutOfStock", "notify")


def said_only_by_disabled_buttons(stock_elems, buttons, anchors, related, visible: Visibility) -> bool:
    """The page's sold-out words are disabled buttons' alone ("<button disabled>Out of stock</button>"): without
    them the page says nothing of stock."""
    controls = set(buttons)
    for box in areas.buy_box(anchors, _BOX_ELEMENTS, _BOX_LEVELS):
        controls.update(box.iter("button"))
    # disabled by its attribute, as a script leaves it until a variant is chosen; not classed sold out by the shop
    disabled = [b for b in controls
                if _switched_off(b, None) and not visible.hidden(b) and not _classed(b, _SOLD_OUT_CLASS)]
    if not disabled:
        return False
    unread = {e for b in disabled for e in b.iter()}
    working = [b for b in buttons if b not in unread]
    return page_availability(stock_elems, working, anchors, related, visible, unread)[0] is None


def _variant_stock_label(el) -> bool:
    """A stock element named for the chosen variant, outside any picker: its own class or id says
    variant, it holds no choices, and nothing above it says picker, store or alert."""
    key = " ".join(filter(None, (el.get("class"), el.get("id")))).lower()
    if "variant" not in key or len(el) > 1 or el.tag in ("option", "select", "label", "li", "a", "button"):
        return False
    parent = el.getparent()
    return parent is None or _product_level(parent, None)


def _shown_instead(button, visible: Visibility) -> str | None:
    """"OutOfStock" or "notify" where a visible button beside a hidden buy button says so."""
    parent = button.getparent()
    if parent is None or button.tag not in _CONTROLS:
        return None
    for sib in parent:
        if sib is not button and sib.tag == button.tag and not visible.hidden(sib):
            said = _label(sib, visible)
            v = verdict(said) if said else None
            if v in ("OutOfStock", "notify"):
                return v
    return None


def disabled_and_nothing_to_choose(buttons, anchors, related, visible: Visibility) -> str | None:
    """"OutOfStock" where the product's buy button is served disabled, its words unchanged, and the buy
    box holds nothing to choose first (no size or colour picker a script waits on): read only when
    nothing else on the page or in its markup says (a script may also disable it while it loads)."""
    candidates = set(buttons)
    if not any(not (related(b) or visible.hidden(b)) and not _is_enabled(b, visible)
               and areas.says_buy(_label(b, visible) or "") and not _still_loading(b)
               for b in (_control(e, candidates) for e in buttons)):
        return None
    for box in areas.buy_box(anchors, _BOX_ELEMENTS, _BOX_LEVELS):
        for el in box.iter():
            if (((el.tag == "select" and not _quantity(el)) or (
                    el.tag == "input" and (el.get("type") or "").lower() == "radio")
                    or (_picker_group(el) and not _emptied(el)) or _picker_template(el))
                    and not _in_header_or_nav(el)):
                return None
    return "OutOfStock"


def _picker_template(el) -> bool:
    """A client-side template the page carries for its size picker (`<script type="x-tmpl-mustache">` holding a
    `<select>`): the choices come when a script draws it."""
    kind = (el.get("type") or "").lower()
    if el.tag != "script" or not ("tmpl" in kind or "template" in kind):
        return False
    text = el.text or ""
    return "<select" in text or "<option" in text or "radio" in text


_LOADING = re.compile(r"(?<![A-Za-z])(?:[Ll]oading|[Ss]keleton|[Ss]himmer)")  # not "lazyloading"
_LOADING_LEVELS = 8  # a label inside the button inside its form, its wrappers, then the box


def buy_box_loading(buttons) -> bool:
    """A buy button of the page waits, disabled, for a script to draw its box (``_still_loading``)."""
    return any(_switched_off(b, None) and _still_loading(b) for b in buttons if b.tag in ("button", "input"))


def _still_loading(button) -> bool:
    """The button or a box around it is named for a loading state ("loadingButtons_ZCkgq", "is-loading",
    "skeleton"), or the wrappers right around it hold a placeholder drawn until the stock comes (Target's
    "styles_ndsPlaceholder__XOx9j" beside its "Add to cart"): a script disables it until it has asked for the stock."""
    return any(_LOADING.search(e.get("class") or "") for e in chain((button,), islice(button.iterancestors(),
                                                                                       _LOADING_LEVELS))) \
        or any(_PLACEHOLDER.search(c.get("class") or "") for up in islice(button.iterancestors(), 3)
               for c in up if isinstance(c.tag, str))


_PLACEHOLDER = re.compile(r"(?:^|[\s_-]|[a-z])(?:[Pp]laceholder|[Ss]keleton)(?![a-z])")


def _emptied(picker) -> bool:
    """A picker of selects served without a choice in them: the shop offers only variants it can sell
    (Shuup's "variable-variation" selects), so there is nothing to choose."""
    selects = list(picker.iter("select"))
    return (bool(selects) and picker.find(".//input[@type='radio']") is None
            and not any(_real_options(s) for s in selects))


def _in_header_or_nav(el) -> bool:
    """In the page's header or navigation (a login menu's "dropdown-menu", a currency select): nothing to
    choose of the product."""
    return any(a.tag in ("header", "nav") for a in el.iterancestors())


def _picker_group(el) -> bool:
    """A size or colour picker's group of choices: named so by its class (not its caption, "ml-variants__label"),
    or by its role whatever its hashed class; not one choice of it."""
    if not isinstance(el.tag, str) or el.tag in _A_CHOICE:
        return False
    cls = (el.get("class") or "").lower()
    named = bool(cls) and _PICKER.search(cls) is not None and not (_PICKER_CAPTION.search(cls)
                                                                   or _PICKER_PART.search(cls))
    return named or el.get("role") in ("radiogroup", "listbox")


def _state_templates(elements, visible: Visibility) -> set:
    """Buttons for each state set side by side ("Add to bag", "Join the waitlist", "Out of Stock" in one
    toolbar, three or more), of which the page's script shows one: the sold-out and waitlist ones, beside
    a working buy button among them, say nothing of the product (its markup decides)."""
    out = set()
    for el in elements:
        if el.tag not in ("button", "input") or el in out:
            continue
        said = _label(el, visible)
        if not said or verdict(said) not in ("OutOfStock", "notify"):
            continue
        parent = el.getparent()
        controls = [c for c in parent if c.tag in ("button", "input")] if parent is not None else []
        # three or more states' buttons: a set for the script to pick from (two may be a desktop and a
        # mobile copy of the page's one state)
        if len(controls) >= 3 and any(c is not el and not visible.hidden(c) and _is_enabled(c, visible)
                                      and areas.says_buy(_label(c, visible) or "") for c in controls):
            out.add(el)
    return out


_ORDER = ("OutOfStock", "PreOrder", "BackOrder", "LimitedAvailability", "InStock")
# A stock element's class that says the product is taken on order.
_ORDERED_CLASS = re.compile(r"(?<![a-z])(?:back-?order|pre-?order)")
# A sold-out statement that names when it is due, or takes the order now.
_PROMISED = re.compile(r"(?<!\w)(?:due|expected|eta|erwartet|voraussichtlich|attendu|prévu|previst[oa]|verwacht)"
                       r"\s*(?:[:：]|on|by|in|ab|le|am|w/c|\d)|order now|reserve (?:yours|now|from)|secure yours")
_ON_SALE_WORDS = frozenset(_ORDER[1:])


# A picker's caption or its size guide, named as a part of it ("ml-variants__label"): no picker of its own
_PICKER_CAPTION = re.compile(r"(?:__|-)(?:label|title|heading|header|caption|legend|guide)(?![a-z])")
# A picker block's other parts, named as its BEM elements: its buttons, status, price ("bem-sku-selector__btn-group",
# "…__basket-controls", "…__status"), no picker of their own
_PICKER_PART = re.compile(r"__(?:btn|buttons?|basket|cart|status|price|promo|controls?|qty|quantity|actions?)(?![a-z])")
_A_CHOICE = frozenset(("button", "a", "li", "label", "option", "input", "span"))  # one choice ("zs-size"), not a picker


def _choices_in(picker):
    """The element whose children are a picker's choices: the picker, or the list that its wrappers
    hold alone ("<div class='size-picker'><ul><li><button>38</button></li>…")."""
    el = picker
    for _ in range(3):
        kids = [c for c in el if isinstance(c.tag, str)]
        if len(kids) > 1 or (kids and kids[0].tag == "li"):
            return el  # (a list of one item: the one size there is, "One Size")
        if not kids:
            return None
        el = kids[0]
    return None


def _picker_choices(picker) -> list:
    """The choices of a picker, without its caption ("<p>Seleziona la taglia</p><ul><li>35</li>…"): the
    list's items where the caption leaves the list alone."""
    choices = _own_choices(picker)
    if len(choices) == 1 and choices[0].tag in ("ul", "ol", "div") and (inner := _choices_in(choices[0])) is not None:
        return _own_choices(inner)
    return choices


def _own_choices(el) -> list:
    """The picker's children that are choices: not its caption ("<span class='sizes-label'>Masa:</span>")."""
    return [c for c in el if isinstance(c.tag, str) and c.tag not in _NOT_CHOICE
            and not _PICKER_CAPTION.search((c.get("class") or "").lower())]


def _swatches(el) -> bool:
    """A picker of buttons or list items: not a menu's dropdown in the page's header or nav, nor the
    wrapper of a <select> or radio buttons (read as such)."""
    return (el.find(".//select") is None and el.find(".//input[@type='radio']") is None
            and not _in_header_or_nav(el))


def _shown_as(control):
    """What shows a choice: a radio input hidden for styling shows as the label that holds it."""
    parent = control.getparent()
    return parent if control.tag == "input" and parent is not None and parent.tag == "label" else control


def _quantity(select) -> bool:
    """A select of how many to buy, not of a variant: named so, or counting ("1", "2", … "10")."""
    named = " ".join(filter(None, (select.get("name"), select.get("id"), select.get("class")))).lower()
    return bool(_QUANTITY.search(named)) or all((o.text or "").strip().isdigit() for o in select.iter("option"))


_QUANTITY = re.compile(r"qty|quantit|menge|anzahl|cantidad|quantidade|aantal|ilo[sś][cć]|adet|mennyis|počet|"
                       r"antal|määrä|数量|수량")


def _real_options(select) -> list:
    """A select's choices, without a placeholder ("Choose a size", value="", or without a value
    the prompt's words). An option without a value attribute has its text for value: a placeholder
    may be the only option that has one ("<option value=''>Size</option><option disabled>S - Sold out")."""
    return [o for o in select.iter("option")
            if ((value := o.get("value")) is not None and value.strip())
            or (value is None and (words := (o.text or "").strip(" -–—.")) and not CHOOSE.search(words))]


def _all_choices_out(choices) -> bool:
    """Every choice is out: the shop renders a sold-out product's picker so, whatever its buy button says."""
    return bool(choices) and all(map(_choice_out, choices))


def _some_choices_out(choices) -> bool:
    """Some choices are marked out and some are not: the page marks each size's stock, and sizes are left."""
    out = [_choice_out(c) for c in choices]
    return any(out) and not all(out)


def _choice_out(c) -> bool:
    """The choice is disabled, marked sold out by its class or a stock data attribute, or says so
    ("S - Sold out", as its text or its label for screen readers)."""
    return (any(_switched_off(e, _CHOICE_OUT_CLASS) or _stock_data_out(e) for e in islice(c.iter(), 3))
            or _choice_says_out(short_text(c, 80) or c.get("value") or "")
            or verdict(c.get("aria-label") or c.get("title") or "") in ("OutOfStock", "notify"))


def _choice_says_out(text: str) -> bool:
    # a choice's name, then its state: "S - Sold out", also "One size - Out of stock", whose name says size
    return any(verdict(t) in ("OutOfStock", "notify") for t in (text, text.rpartition(" - ")[2]) if t)


def _alert_only(choices) -> bool:
    """Every "choice" is a call for an alert, with no size before it: the picker's "Get notified when your size
    is back" button, not its sizes ("S – Notify me")."""
    def call(c) -> bool:
        m = _VERDICT.match((short_text(c, 80) or "").casefold())
        return m is not None and m.lastgroup == "notify"
    return bool(choices) and all(call(c) for c in choices)


def _stock_data_out(e) -> bool:
    """A data attribute that says the choice is out ("data-available='false'", "data-stock='0'",
    "data-soldout='true'")."""
    for k, v in e.items():
        if k.startswith("data-"):
            k = k.lower()
            if STOCK_ATTRIBUTE.match(k) or _STOCK_COUNT_ATTRIBUTE.match(k):
                if stock_flag(v) == "OutOfStock":
                    return True
            elif _SOLD_OUT_ATTRIBUTE.match(k) and stock_flag(v) == "InStock":  # "true": it is sold out
                return True
    return False


_STOCK_COUNT_ATTRIBUTE = re.compile(r"data-(?:stock|stock-?level|inventory|qty|quantity)$")
_SOLD_OUT_ATTRIBUTE = re.compile(r"data-(?:is-?)?(?:sold-?out|out-?of-?stock|oos|unavailable)$")
# A choice's class may also strike it through or mark it "oos"
# (also a choice classed for the back-in-stock alert it offers: Wiggle's "email-when-in-stock", "notify-me")
_CHOICE_OUT_CLASS = re.compile(_OUT_CLASS.pattern + r"|(?:^|[-_])oos(?:$|[-_])|crossed|strike|when-in-stock|"
                               + NOTIFY_CONTROL.pattern)




def container_stock(title) -> str | None:
    """The stock a class of the product's own container states: WooCommerce's "outofstock" /
    "instock" beside "type-product", a theme's "product--sold-out". Read when nothing the page
    shows says (a theme may show neither the stock line nor a buy button)."""
    for el in title.iterancestors():
        if el.tag in ("body", "html"):
            break
        for token in (el.get("class") or "").lower().split():
            m = _CONTAINER_STOCK.search(token)
            if m:
                return "InStock" if m.group("in") else "OutOfStock"
    return None


_CONTAINER_STOCK = re.compile(r"(?:^|--|__|^is-)(?:(?P<in>in-?stock)|out-?of-?stock|sold-?out|not-?in-?stock)$")


_BOX_ELEMENTS = 1500  # the product's own column: title, price, buy button and their notices
_BOX_LEVELS = 6  # every text of the box is read: 8 levels cost a third more and found nothing more
