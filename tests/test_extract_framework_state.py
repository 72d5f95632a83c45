"""Reading framework page state (Nuxt 2's JavaScript state, Nuxt 3's devalue payload): values, and
damaged input failing as ValueError, which the extractor skips, keeping the rest of the page."""
from __future__ import annotations

import random

import pytest

from street2shop.crawler.extract.framework_state import is_devalue, read_js_state, revive

NUXT2 = ('(function(a,b,c,d,e){e.cart=void 0;return {data:[{product:{id:8841,name:"Stepp\\u00e9 \\ud83d\\ude00",'
         "dt:new Date(\"2024-01-02\"),o:Object.create(null),'k':'it\\'s',holes:[1,,2],w:e.foo,"
         'price:{value:-1.5e2,currency:b},available:c,flags:[!0,!1,void 0,undefined]}}],error:a}}'
         '(null,"EUR",false,true,{}));')


def test_a_function_wrapped_state_binds_its_parameters_to_the_calls_arguments():
    product = read_js_state(NUXT2, 0)["data"][0]["product"]
    assert product == {"id": 8841, "name": "Steppé 😀", "dt": "2024-01-02", "o": None, "k": "it's",
                       "holes": [1, None, 2], "w": None, "price": {"value": -150.0, "currency": "EUR"},
                       "available": False, "flags": [True, False, None, None]}
    assert read_js_state('window.x = {a:1, "b":[{c:\'d\'}]}', 10) == {"a": 1, "b": [{"c": "d"}]}


def test_damaged_javascript_state_fails_as_value_error():
    rnd = random.Random(7)
    damaged = [NUXT2[:i] for i in range(len(NUXT2))] + ["[" * 100_000, "{a:1 b:2}", "(function(a){return 1}(2))"]
    for _ in range(2000):
        chars = list(NUXT2)
        for _ in range(3):
            chars[rnd.randrange(len(chars))] = rnd.choice("{}[](),:\"'!\\a0.")
        damaged.append("".join(chars))
    for text in damaged:
        try:
            read_js_state(text, 0)
        except ValueError:
            pass


def test_a_devalue_payload_revives_shared_cyclic_and_typed_entries():
    payload = [["ShallowReactive", 1], {"a": 2, "b": 2, "self": 1, "when": 3, "tags": 4, "gone": -1, "bad": 99},
               {"x": 5}, ["Date", "2024-01-02T00:00:00.000Z"], ["Set", 5, 6], 1, "two"]
    assert is_devalue(payload)
    root = revive(payload)
    assert root["a"] is root["b"] and root["self"] is root and root["a"] == {"x": 1}
    assert (root["when"], root["tags"], root["gone"], root["bad"]) == ("2024-01-02T00:00:00.000Z", [1, "two"], None, None)


@pytest.mark.parametrize("data", [[], [1, 2], [{"a": "b"}, 1], [["Product", 1], 2], {"a": 1}, [[0], 1]])
def test_json_that_is_no_devalue_payload_stays_as_it_is(data):
    assert not is_devalue(data)


def test_a_devalue_payload_nested_too_deeply_fails_as_value_error():
    with pytest.raises(ValueError):
        revive([[i + 1] for i in range(100_000)] + [1])
