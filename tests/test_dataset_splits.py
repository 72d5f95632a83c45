"""The parts of `dataset build` that decide what a dataset holds: which garment box a mention
takes, how rows are split without leaks, and the opt-out list."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from street2shop.dataset.garments import choose_box, mention_category
from street2shop.dataset.optout_list import OptOutError, OptOutList, read_file
from street2shop.dataset.splits import plan
from street2shop.pipeline.detectors.base import Detection

RATIOS = {"train": 0.8, "validation": 0.1, "test": 0.1}


def _det(box, probs: dict[int, float], score=0.9) -> Detection:
    p = np.full(13, 0.001, np.float32)
    for c, v in probs.items():
        p[c - 1] = v
    p /= p.sum()
    return Detection(box=box, score=score, category=int(np.argmax(p)) + 1, probs=p)


def test_a_mention_takes_the_surest_garment_of_its_category():
    trousers = _det((10, 100, 60, 200), {8: 0.7, 7: 0.2})
    found_twice = _det((12, 104, 60, 196), {8: 0.65, 7: 0.2})
    shorts_maybe_trousers = _det((70, 100, 120, 160), {7: 0.55, 8: 0.4})
    tiny = _det((150, 10, 160, 20), {8: 0.99})
    top = _det((10, 10, 80, 90), {1: 0.9})
    chosen = choose_box([top, found_twice, trousers, tiny], 8, (200, 240), min_side=32)
    assert chosen.box == (10, 100, 60, 200) and chosen.category == 8 and not chosen.ambiguous
    assert not chosen.whole_image, "a garment found twice (overlapping boxes) is not ambiguous; a tiny box is no crop"
    assert choose_box([top, shorts_maybe_trousers, trousers], 8, (200, 240)).ambiguous
    skirt = choose_box([top, trousers], 9, (200, 240))
    assert skirt.whole_image and skirt.box == (0, 0, 200, 240) and skirt.category is None
    assert mention_category("Maya's green pleated skirt", 8) == 9 and mention_category("the look", 8) == 8


def _rows(n_products: int, per_product: int):
    product_keys, street_keys, strata = [], [], []
    for p in range(n_products):
        for k in range(per_product):
            product_keys.append([f"product:{p}"])
            street_keys.append([f"photo:{p}-{k}"])
            strata.append(f"cat{p % 5}")
    return product_keys, street_keys, strata


def test_splits_keep_products_whole_follow_the_ratios_and_the_seed():
    product_keys, street_keys, strata = _rows(400, 2)
    split, group = plan(product_keys, street_keys, strata, RATIOS, seed=7)
    by_product: dict[str, set] = {}
    for keys, s in zip(product_keys, split):
        by_product.setdefault(keys[0], set()).add(s)
    assert all(len(s) == 1 for s in by_product.values())
    counts = Counter(split)
    assert None not in counts and abs(counts["train"] / 800 - 0.8) < 0.02 and abs(counts["test"] / 800 - 0.1) < 0.02
    for stratum in {f"cat{c}" for c in range(5)}:
        rows = [s for s, t in zip(split, strata) if t == stratum]
        assert abs(rows.count("test") / len(rows) - 0.1) < 0.03, stratum
    assert plan(product_keys, street_keys, strata, RATIOS, seed=7) == (split, group)
    assert plan(product_keys, street_keys, strata, RATIOS, seed=8)[0] != split


def test_a_photo_shared_by_many_products_never_lands_in_two_splits():
    product_keys, street_keys, strata = _rows(200, 1)
    for n in range(0, 200, 2):  # each photo shows two products; a chain of products worn again joins them all
        street_keys[n] = street_keys[n + 1] = [f"photo:{n}"]
        if n:
            street_keys[n].append(f"photo:{n - 1}")
    split, _ = plan(product_keys, street_keys, strata, RATIOS, seed=0)
    where: dict[str, set] = {}
    for keys, s in zip(street_keys, split):
        for key in keys:
            if s is not None:
                where.setdefault(key, set()).add(s)
    assert all(len(s) == 1 for s in where.values()), "a photo in two splits"
    kept = [s for s in split if s is not None]
    assert set(kept) == set(RATIOS) and len(kept) >= 150, Counter(split)


def test_opt_out_lists(tmp_path):
    path = tmp_path / "opt-out.txt"
    path.write_text("# owners who asked\ndomain: Shop.Example.com\nurl: /private/[0-9]+#frag\n"
                    f"sha256: {'ab' * 32}\n")
    optout = read_file(path)
    assert optout.url("https://img.shop.example.com/a.jpg") and not optout.url("https://notshop.example.com/")
    assert optout.url("https://blog.example.org/private/12#frag") and optout.image("AB" * 32)
    assert not optout.image("cd" * 32, "https://ok.example.org/x.jpg") and len(optout) == 3
    path.write_text("colour: red\n")
    with pytest.raises(OptOutError, match="line 1"):
        read_file(path)
    assert not OptOutList().url(None)
