"""Dataset formats: DeepFashion2 in and out (annotations and bytes unchanged by a round trip),
COCO that agrees with df2_to_coco, crawl rows as a valid DeepFashion2 split, the Street2Shop
import, and bad input named in one clear error. Small images drawn with Pillow; no network."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from street2shop.dataset.coco import export_coco
from street2shop.dataset.deepfashion2 import export_df2, import_df2
from street2shop.dataset.formats_common import DatasetFormatError, empty_row
from street2shop.dataset.layout import DatasetWriter, card_metadata, iter_rows, read_card
from street2shop.dataset.street2shop_format import CATEGORY_MAP, import_street2shop
from street2shop.pipeline.detectors.categories import CATEGORIES
from street2shop.pipeline.detectors.df2 import df2_to_coco
from street2shop.pipeline.df2_run import read_split


def _picture(size=(96, 128), colour=(200, 40, 40), fmt="JPEG", seed=0) -> bytes:
    im = Image.new("RGB", size, (230, 230, 230))
    draw = ImageDraw.Draw(im)
    draw.rectangle([10 + seed, 12, 60 + seed, 90], fill=colour)
    draw.ellipse([seed, 70, 40 + seed, 110], fill=(40, 40, 200))
    out = io.BytesIO()
    im.save(out, fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    return out.getvalue()


def _item(cid: int, style: int, box, **extra) -> dict:
    x1, y1, x2, y2 = box
    item = {"category_id": cid, "category_name": CATEGORIES[cid], "style": style, "bounding_box": list(box),
            "segmentation": [[x1, y1, x2, y1, x2, y2, x1, y2]], "landmarks": [x1, y1, 2, x2, y2, 1],
            "scale": 2, "occlusion": 1, "zoom_in": 1, "viewpoint": 2}
    item.update(extra)
    return item


# stem -> (source, pair_id, items, image format); pairs 1 and 2 have user and shop images, pair 3 one shop image
DF2 = {
    "000001": ("user", 1, [_item(1, 1, (10, 12, 60, 90)), _item(8, 2, (5, 60, 50, 120), occlusion=2),
                           _item(9, 0, (10.5, 20.25, 60.75, 33.3))], "JPEG"),
    "000002": ("user", 1, [_item(1, 1, (12, 10, 62, 88))], "JPEG"),
    "000003": ("shop", 1, [_item(1, 1, (0, 0, 90, 100)), _item(8, 2, (20, 50, 70, 125), zoom_in=3)], "JPEG"),
    "000004": ("shop", 1, [_item(8, 2, (3, 4, 80, 126))], "JPEG"),
    "000005": ("user", 2, [_item(10, 1, (8, 8, 88, 120)), _item(7, 0, (30, 70, 70, 110), viewpoint=3)], "JPEG"),
    "000006": ("shop", 2, [_item(10, 1, (1, 2, 95, 127))], "JPEG"),
    "000007": ("shop", 2, [_item(2, 0, (5, 5, 50, 60))], "JPEG"),  # a shop image nobody matches
    "000008": ("shop", 3, [_item(11, 1, (4, 4, 90, 120))], "PNG"),  # style 1 but no user image of pair 3
}
ROWS = 5 + 3 + 1  # pair 1: 2 + 2 combinations and item3; pair 2: 1 and two style 0; pair 3: one alone


def _write_df2(root: Path) -> Path:
    (root / "image").mkdir(parents=True)
    (root / "annos").mkdir()
    for n, (stem, (source, pair_id, items, fmt)) in enumerate(DF2.items()):
        ext = "png" if fmt == "PNG" else "jpg"
        (root / "image" / f"{stem}.{ext}").write_bytes(_picture(colour=(40 * n, 120, 200 - 20 * n), fmt=fmt, seed=n))
        doc = {"source": source, "pair_id": pair_id, **{f"item{k}": it for k, it in enumerate(items, 1)}}
        (root / "annos" / f"{stem}.json").write_text(json.dumps(doc))
    return root


@pytest.fixture(scope="module")
def df2(tmp_path_factory) -> Path:
    return _write_df2(tmp_path_factory.mktemp("df2") / "validation")


@pytest.fixture(scope="module")
def imported(df2, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("ds") / "df2-pairs"
    return out, import_df2(df2, out, split="validation", rows_per_shard=4)


def _annos(folder: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text()) for p in sorted((folder / "annos").glob("*.json"))}


def test_import_rows_pairs_and_card(df2, imported):
    out, summary = imported
    assert summary["rows"] == ROWS and summary["paired_rows"] == 5 and summary["unpaired_rows"] == 4
    assert (summary["images"], summary["user_images"], summary["shop_images"], summary["items"]) == (8, 3, 5, 12)
    rows = list(iter_rows(out))
    assert len(rows) == ROWS and len({r["pair_id"] for r in rows}) == ROWS
    assert {(r["config"], r["split"], r["origin"]) for r in rows} == {("deepfashion2", "validation", "deepfashion2")}
    pairs = {(r["street_image_id"], r["street_item"], r["shop_image_id"], r["shop_item"]) for r in rows}
    assert pairs == {("000001", 1, "000003", 1), ("000002", 1, "000003", 1), ("000001", 2, "000003", 2),
                     ("000001", 2, "000004", 1), ("000001", 3, None, None), ("000005", 1, "000006", 1),
                     ("000005", 2, None, None), (None, None, "000007", 1), (None, None, "000008", 1)}
    by = {(r["street_image_id"], r["street_item"], r["shop_image_id"]): r for r in rows}
    paired = by[("000001", 2, "000004")]
    assert paired["product_id"] == "df2-1-2" and paired["source_pair_id"] == 1
    assert (paired["category"], paired["category_name"]) == (8, "trousers")
    assert paired["street_box"] == [5, 60, 50, 120] and paired["shop_box"] == [3, 4, 80, 126]
    assert json.loads(paired["street_extra"])["occlusion"] == 2 and "landmarks" in json.loads(paired["shop_extra"])
    assert (paired["street_width"], paired["street_height"]) == (96, 128)
    assert paired["street_image"]["path"] == "000001.jpg"
    assert paired["street_image"]["bytes"] == (df2 / "image" / "000001.jpg").read_bytes()  # as in the file
    assert by[("000001", 3, None)]["product_id"] == "df2-1-0-000001-3"
    alone = by[(None, None, "000007")]
    assert alone["street_image"] is None and alone["street_box"] is None and alone["shop_style"] == 0
    assert len(list((out / "data" / "deepfashion2").glob("validation-*-of-00003.parquet"))) == 3
    card = read_card(out)
    assert card["license"] == "other" and card["street2shop"]["origin"] == "deepfashion2"
    assert card["street2shop"]["rows"] == ROWS and card["configs"][0]["config_name"] == "deepfashion2"


def test_df2_round_trip_gives_the_same_annotations_and_bytes(df2, imported, tmp_path):
    out = tmp_path / "back"
    summary = export_df2(imported[0], out)
    assert (summary["images"], summary["items"], summary["pairs"]) == (8, 12, 3)
    assert _annos(out) == _annos(df2)  # every field: source, pair_id, items, styles, extras, boxes as written
    assert sorted(p.name for p in (out / "image").iterdir()) == sorted(p.name for p in (df2 / "image").iterdir())
    for p in (df2 / "image").iterdir():
        assert (out / "image" / p.name).read_bytes() == p.read_bytes()
    assert _annos(out)["000001"]["item3"]["bounding_box"] == [10.5, 20.25, 60.75, 33.3]
    assert not list(tmp_path.glob(".back*"))  # built aside, nothing left behind


def test_coco_export_agrees_with_df2_to_coco(df2, imported, tmp_path):
    summary = export_coco(imported[0], tmp_path / "coco", split="validation")
    ours = json.loads((tmp_path / "coco" / "annotations.json").read_text())
    theirs = df2_to_coco(df2)
    assert ours["images"] == theirs["images"] and ours["annotations"] == theirs["annotations"]
    assert ours["categories"] == theirs["categories"] and len(ours["categories"]) == 13
    assert summary["annotations"] == 12 and len(ours["images"]) == 8
    ann = next(a for a in ours["annotations"] if a["image_id"] == 4)
    assert (ann["bbox"], ann["category_id"], ann["style"], ann["pair_id"], ann["source"], ann["iscrowd"]) == \
        ([3.0, 4.0, 77.0, 122.0], 8, 2, 1, "shop", 0)
    files = {p.name: p.read_bytes() for p in (tmp_path / "coco" / "images").iterdir()}
    assert set(files) == {im["file_name"] for im in ours["images"]}
    assert files["000008.png"] == (df2 / "image" / "000008.png").read_bytes()


def test_load_dataset_reads_the_import(imported, tmp_path):
    datasets = pytest.importorskip("datasets")
    ds = datasets.load_dataset(str(imported[0]), cache_dir=str(tmp_path / "cache"))
    assert list(ds) == ["validation"] and ds["validation"].num_rows == ROWS
    rows = list(ds["validation"])
    street = [r["street_image"] for r in rows if r["street_image"] is not None]
    assert len(street) == 7 and all(isinstance(im, Image.Image) and im.size == (96, 128) for im in street)


def _crawl_row(street: bytes | None, box, shop: bytes | None, shop_box, category, item=None) -> dict:
    def side(prefix, data, b):
        if data is None:
            return {}
        sha = hashlib.sha256(data).hexdigest()
        im = Image.open(io.BytesIO(data))
        return {f"{prefix}_image": {"bytes": data, "path": f"{sha}.jpg"}, f"{prefix}_image_id": sha,
                f"{prefix}_box": b, f"{prefix}_category": category, f"{prefix}_width": im.width,
                f"{prefix}_height": im.height}
    ids = [hashlib.sha256(d or b"").hexdigest()[:8] for d in (street, shop)]
    return empty_row(pair_id=f"{ids[0]}-{ids[1]}-{box}", config="exact", split="train", product_id="p",
                     category=category, category_name=CATEGORIES.get(category), origin="crawl", flags=[],
                     street_item=item, street_whole_image=False, shop_other_images=[],
                     **side("street", street, box), **side("shop", shop, shop_box))


def test_crawl_rows_export_to_a_valid_df2_split(tmp_path):
    a, b = _picture(seed=1), _picture(seed=7, colour=(10, 200, 10))
    s1, s2, s3 = _picture(seed=3, colour=(9, 9, 9)), _picture(seed=5, fmt="GIF"), _picture(seed=9, fmt="PNG")
    rows = [_crawl_row(a, [10, 12, 60, 90], s1, [5, 5, 80, 100], 1),
            _crawl_row(a, [5, 60, 50, 120], s2, None, 8),  # whole shop image: the box is filled from its size
            _crawl_row(b, [8, 8, 70, 100], s1, [5, 5, 80, 100], 1),  # s1 again, for another street image
            _crawl_row(b, [1, 1, 20, 20], s3, [0, 0, 10, 10], None)]  # no category: DF2 cannot hold it
    ds = tmp_path / "crawl"
    with DatasetWriter(ds) as w:
        w.write("exact", "train", rows)
        w.finish(card_metadata(w.sizes(), licence="cc-by-4.0", pretty_name="t"), "")
    summary = export_df2(ds, tmp_path / "df2")
    out = tmp_path / "df2"
    assert (summary["images"], summary["user_images"], summary["shop_images"], summary["pairs"]) == (5, 2, 3, 2)
    assert summary["skipped_items_without_category"] == 2 and summary["converted_to_png"] == 1
    coco = df2_to_coco(out)
    assert len(coco["images"]) == 5 and len(coco["annotations"]) == 6
    split = read_split(out)
    assert len(split.query_gt) == 3 and len(split.gallery_gt) == 3
    shop_keys = {(g.pair_id, g.style, g.cls) for g in split.gallery_gt}
    assert all((q.pair_id, q.style, q.cls) in shop_keys for q in split.query_gt)  # every garment finds its shop item
    annos = _annos(out)
    files = {p.stem: p for p in (out / "image").iterdir()}
    by_bytes = {}
    for stem, p in files.items():
        by_bytes.setdefault(p.read_bytes(), []).append(stem)
    assert len(by_bytes[s1]) == 2  # one shop image under two pair_ids: written twice
    assert {annos[s]["pair_id"] for s in by_bytes[s1]} == {annos[by_bytes[a][0]]["pair_id"],
                                                           annos[by_bytes[b][0]]["pair_id"]}
    user_a = annos[by_bytes[a][0]]
    assert [user_a["item1"]["style"], user_a["item2"]["style"]] == [1, 2] and user_a["source"] == "user"
    gif_stem = next(s for s, p in files.items() if p.suffix == ".png")
    trousers = next(it for k, it in user_a.items() if k.startswith("item") and it["category_id"] == 8)
    assert annos[gif_stem]["item1"]["bounding_box"] == [0, 0, 96, 128]
    assert annos[gif_stem]["item1"]["style"] == trousers["style"] and annos[gif_stem]["pair_id"] == user_a["pair_id"]
    assert export_df2(ds, tmp_path / "df2") == summary  # the same rows give the same folder; a re-export replaces it
    assert _annos(out) == annos


def _write_s2s(root: Path) -> Path:
    (root / "meta" / "json").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "photos.txt").write_text("".join(f"{n:09d},http://example.invalid/{n}.jpg\n" for n in range(1, 8)))
    meta = root / "meta" / "json"
    meta.joinpath("retrieval_skirts.json").write_text(json.dumps([{"photo": 3, "product": 10},
                                                                   {"photo": 4, "product": 10}]))
    meta.joinpath("retrieval_tops.json").write_text(json.dumps([{"photo": 5, "product": 20},
                                                                 {"photo": 6, "product": 30}]))
    box = {"left": 5, "top": 6, "width": 20, "height": 30}
    meta.joinpath("train_pairs_skirts.json").write_text(json.dumps([{"photo": 1, "product": 10, "bbox": box}]))
    meta.joinpath("test_pairs_tops.json").write_text(json.dumps([{"photo": 2, "product": 20, "bbox": box},
                                                                  {"photo": 7, "product": 20, "bbox": box}]))
    for n in range(1, 7):  # photo 7 is missing; names with and without leading zeros
        name = f"{n:09d}.jpg" if n % 2 else f"{n}.png"
        (root / "images" / name).write_bytes(_picture(seed=n, fmt="JPEG" if n % 2 else "PNG"))
    return root


def test_street2shop_import(tmp_path):
    root = _write_s2s(tmp_path / "s2s")
    summary = import_street2shop(root, tmp_path / "out", images_dir=root / "images")
    assert summary["splits"] == {"train": 1, "test": 1, "retrieval": 1}
    assert summary["missing_photos"] == 1 and summary["pairs_without_street_photo"] == 1
    rows = {r["split"]: r for r in iter_rows(tmp_path / "out")}
    train = rows["train"]
    assert train["street_box"] == [5, 6, 25, 36] and train["street_image_id"] == "1"
    assert (train["category"], train["category_name"], train["street_category"]) == (9, "skirt", 9)
    assert train["product_id"] == "s2s-10" and train["shop_image_id"] == "3"
    assert train["shop_box"] == [0, 0, 96, 128] and len(train["shop_other_images"]) == 1
    assert train["shop_other_images"][0]["bytes"] == (root / "images" / "4.png").read_bytes()
    assert train["street_image"]["bytes"] == (root / "images" / "000000001.jpg").read_bytes()
    assert train["street_url"] == "http://example.invalid/1.jpg" and train["origin"] == "street2shop"
    assert json.loads(train["street_extra"]) == {"street2shop_category": "skirts"}
    test = rows["test"]
    assert test["category"] is None and test["flags"] == ["category_unknown"]
    assert json.loads(test["shop_extra"]) == {"street2shop_category": "tops"}
    gallery = rows["retrieval"]
    assert gallery["street_image"] is None and gallery["product_id"] == "s2s-30" and gallery["shop_image_id"] == "6"
    assert CATEGORY_MAP == {"skirts": 9, "pants": 8, "leggings": 8}
    assert read_card(tmp_path / "out")["street2shop"]["missing_photos"] == 1


def _broken_copy(df2: Path, tmp_path: Path, name: str) -> Path:
    return Path(shutil.copytree(df2, tmp_path / name))


def test_bad_input_names_the_file(df2, tmp_path):
    bad = _broken_copy(df2, tmp_path, "not-json")
    (bad / "annos" / "000002.json").write_text("{not json")
    with pytest.raises(DatasetFormatError, match="000002.json"):
        import_df2(bad, tmp_path / "o1")

    bad = _broken_copy(df2, tmp_path, "three")
    doc = json.loads((bad / "annos" / "000004.json").read_text())
    doc["item1"]["bounding_box"] = [1, 2, 3]
    (bad / "annos" / "000004.json").write_text(json.dumps(doc))
    with pytest.raises(DatasetFormatError, match="000004.json.*bounding_box"):
        import_df2(bad, tmp_path / "o2")

    (tmp_path / "plain").mkdir()
    with pytest.raises(DatasetFormatError, match="plain.*not a DeepFashion2 split"):
        import_df2(tmp_path / "plain", tmp_path / "o3")

    for name, damage in (("truncated", lambda data: data[: len(data) // 2]), ("garbage", lambda data: b"x" * 500)):
        bad = _broken_copy(df2, tmp_path, name)
        path = bad / "image" / "000006.jpg"
        path.write_bytes(damage(path.read_bytes()))
        with pytest.raises(DatasetFormatError, match=f"{name}/image/000006.jpg"):
            import_df2(bad, tmp_path / f"o-{name}")
    assert not [p for p in tmp_path.iterdir() if p.name.lstrip(".").startswith("o")]  # a failed import leaves nothing

    root = _write_s2s(tmp_path / "s2s")
    (root / "meta" / "json" / "train_pairs_skirts.json").write_text(json.dumps([{"photo": 1, "product": 10,
                                                                                  "bbox": [1, 2, 3]}]))
    with pytest.raises(DatasetFormatError, match="train_pairs_skirts.json entry 0: bbox"):
        import_street2shop(root, tmp_path / "o4", images_dir=root / "images")


def test_outputs_never_replace_a_foreign_folder(imported, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    for export in (export_df2, export_coco):
        with pytest.raises(DatasetFormatError, match="mine: holds other files"):
            export(imported[0], tmp_path / "mine")
    with pytest.raises(DatasetFormatError, match="holds other files"):
        import_df2(tmp_path, tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    with pytest.raises(DatasetFormatError, match="no split config=\\* split=test"):
        export_df2(imported[0], tmp_path / "x", split="test")
