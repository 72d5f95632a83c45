"""`street2shop demo` end to end, as `make demo` runs it: crawl, catalog, default detector,
matching the blog's street images and a video, the accuracy table and the report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crawl_helpers import cli

pytestmark = pytest.mark.slow


def test_demo_matches_the_blogs_street_images_better_than_its_baselines(tmp_path):
    store = tmp_path / "demo-store"
    result = cli("demo", "--store", str(store), "--products", "32", timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    recall = re.search(r"box recall at IoU 0.5 ([\d.]+) \(whole frame ([\d.]+)\)", out)
    assert recall and float(recall[1]) >= 0.6 and float(recall[2]) == 0.0, out[-3000:]

    def row(label: str) -> list[float]:
        line = next(line for line in out.splitlines() if label in line)
        return [float(v) for v in re.findall(r"\b[01]\.\d{3}\b", line)]

    trained, whole, random_encoder = (row("default-offline encoder, default detector"),
                                      row("default-offline encoder, whole frame"),
                                      row("random encoder, default detector"))
    chance = row("chance (1 of")
    assert trained[0] > max(whole[0], random_encoder[0], chance[0]), "top-1 beats every baseline"
    assert trained[1] >= max(whole[1], random_encoder[1], chance[1]) and trained[1] >= 0.8, "top-10"
    results = store / "matches" / "results"
    inputs = [json.loads(line) for line in (results / "inputs.jsonl").read_text().splitlines()]
    assert inputs[-1]["kind"] == "video" and inputs[-1]["status"] == "ok"
    assert all(r["status"] == "ok" for r in inputs)
    assert (results / "timeline.csv").exists() and (results / "report.html").stat().st_size > 5000
    assert f"report: {results / 'report.html'}" in out
