"""Per-site selectors from a manifest override the generic extraction."""

from scrapy.http import HtmlResponse

from street2shop.crawler.extract import extract_from_tree
from street2shop.crawler.selectors import apply_selectors
from street2shop.core.manifest import Selectors

PAGE = b"""<html lang="pl"><head><title>Kurtka</title></head><body>
<div class="crumbs"><a>Sklep</a> / <a>Kurtki</a></div>
<h1>Kurtka puchowa</h1><div class="maker">Marka: <b>Nordhav</b></div>
<div class="teaser">Inne: 19,99 zl</div>
<span class="cena-teraz">1 299,00 z\xc5\x82</span>
<ul class="fotki"><li><img data-big="/img/1.jpg" src="/img/1-thumb.jpg"></li><li><img data-big="/img/2.jpg" src="/img/2-t.jpg"></li></ul>
</body></html>"""


def test_selectors_replace_generic_values():
    response = HtmlResponse("https://sklep.example.pl/p/kurtka", body=PAGE, encoding="utf-8")
    record = extract_from_tree(response.selector.root, response.url)
    selectors = Selectors(price=".cena-teraz", brand=".maker b", images=".fotki img::attr(data-big)",
                          breadcrumbs=".crumbs a", is_product="h1")
    data, is_product = apply_selectors(record.to_dict(), record.is_product, response, selectors)
    assert is_product
    assert (data["price"], data["currency"]) == ("1299.00", "PLN")
    assert data["brand"] == "Nordhav"
    assert data["images"] == ["https://sklep.example.pl/img/1.jpg", "https://sklep.example.pl/img/2.jpg"]
    assert data["breadcrumbs"] == ["Sklep", "Kurtki"]
    assert {data["sources"][k] for k in ("price", "brand", "images", "breadcrumbs")} == {"selector"}


def test_is_product_selector_can_say_no():
    response = HtmlResponse("https://sklep.example.pl/c/kurtki", body=PAGE, encoding="utf-8")
    record = extract_from_tree(response.selector.root, response.url)
    _, is_product = apply_selectors(record.to_dict(), True, response, Selectors(is_product=".buy-box"))
    assert is_product is False
