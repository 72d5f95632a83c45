"""`street2shop dataset ...` from the command line on a DeepFashion2-format split the test
writes: import, verify, stats and contact sheets, the three exports, DeepFashion2 evaluation
reading the imported table, and one clear line for each user mistake."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest
import yaml
from PIL import Image

from crawl_helpers import cli
from test_dataset_formats import ROWS, _write_df2


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    split = _write_df2(root / "validation")
    out = root / "pairs"
    result = cli("dataset", "import", "df2", str(split), "--split", "validation", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rows"] == ROWS
    return out


def _one_line_error(result, *words: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("street2shop: error:"), result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_verify_stats_and_exports_of_an_imported_dataset(imported, tmp_path):
    result = cli("dataset", "verify", str(imported), "--json")
    verdict = json.loads(result.stdout)
    assert result.returncode == 0 and verdict["ok"] and verdict["rows"] == ROWS, result.stdout
    assert verdict["checks"]["splits"] == "ok" and verdict["checks"]["card"] == "ok"

    result = cli("dataset", "stats", str(imported), "--json", "--sheets", str(tmp_path / "sheets"))
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["rows"] == ROWS and stats["splits"] == {"deepfashion2": {"validation": ROWS}}
    sheets = [Path(p) for p in stats["contact_sheets"] if p.endswith(".png")]
    assert sheets and all(Image.open(p).size[0] > 0 for p in sheets)
    assert "trousers" in cli("dataset", "stats", str(imported)).stdout

    coco = tmp_path / "coco"
    assert cli("dataset", "export", str(imported), "--format", "coco", "-o", str(coco)).returncode == 0
    doc = json.loads((coco / "annotations.json").read_text())
    assert len(doc["images"]) == 8 and len(doc["annotations"]) == 12
    assert all((coco / "images" / im["file_name"]).is_file() for im in doc["images"])

    shards = tmp_path / "wds"
    assert cli("dataset", "export", str(imported), "--format", "webdataset", "-o", str(shards)).returncode == 0
    names = [n for tar in sorted(shards.rglob("*.tar")) for n in tarfile.open(tar).getnames()]
    assert sum(n.endswith(".json") for n in names) == ROWS

    df2 = tmp_path / "df2"
    assert cli("dataset", "export", str(imported), "--format", "df2", "-o", str(df2)).returncode == 0
    assert len(list((df2 / "annos").glob("*.json"))) == 8


def test_deepfashion2_evaluation_reads_a_dataset_split(imported):
    split = imported / "data" / "deepfashion2" / "validation"
    result = cli("eval", "--df2-data", str(split), "--detector", "gt-boxes", "--encoder", "random-offline", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    scores = json.loads(result.stdout)
    assert 0.0 <= scores["top-1"] <= scores["top-20"] <= 1.0 and scores["top-20"] > 0


def test_user_mistakes_are_one_line(imported, tmp_path):
    store = tmp_path / "store"
    manifest = tmp_path / "m.yaml"
    manifest.write_text(yaml.safe_dump({"store": str(store), "dataset": {"splits": {"train": 0.8, "test": 0.1}}}))
    _one_line_error(cli("dataset", "build", str(manifest)), "sum to 1")
    manifest.write_text(yaml.safe_dump({"store": str(store)}))
    _one_line_error(cli("dataset", "build", str(manifest)), "no catalog")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    _one_line_error(cli("dataset", "build", str(manifest), "-o", str(tmp_path / "busy")), "notes.txt")
    _one_line_error(cli("dataset", "verify", str(tmp_path)), "no dataset card")
    _one_line_error(cli("dataset", "export", str(imported), "--format", "parquet2", "-o", str(tmp_path / "x")),
                    "df2, coco, webdataset")
    _one_line_error(cli("dataset", "publish", str(imported)), "--to")
    _one_line_error(cli("dataset", "publish", str(imported), "--repo-id", "someone/pairs",
                        env={"HF_HUB_OFFLINE": "1"}), "HF_HUB_OFFLINE")
    _one_line_error(cli("dataset", "import", "df2", str(tmp_path), "-o", str(tmp_path / "y")), str(tmp_path))
    optout = tmp_path / "bad-opt-out.txt"
    optout.write_text("sha256: not-a-hash\n")
    _one_line_error(cli("dataset", "verify", str(imported), "--opt-out", str(optout)), "line 1")
