"""A dataset writer killed at any point leaves the previous dataset whole and readable; the
next run clears what the killed one left and finishes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from crawl_helpers import cli
from street2shop.dataset.layout import recover_dir
from test_dataset_formats import _item, _picture


def _big_df2(root: Path, images: int) -> Path:
    (root / "image").mkdir(parents=True)
    (root / "annos").mkdir()
    for n in range(images):
        stem = f"{n + 1:06d}"
        (root / "image" / f"{stem}.jpg").write_bytes(_picture(size=(400, 500), seed=n % 30))
        doc = {"source": "user" if n % 2 else "shop", "pair_id": n // 2 + 1, "item1": _item(1, 1, (10, 12, 60, 90))}
        (root / "annos" / f"{stem}.json").write_text(json.dumps(doc))
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_killed_import_leaves_the_previous_dataset_whole(tmp_path):
    small = _big_df2(tmp_path / "small", 4)
    out = tmp_path / "pairs"
    assert cli("dataset", "import", "df2", str(small), "-o", str(out)).returncode == 0
    before = _files(out)
    big = _big_df2(tmp_path / "big", 600)
    proc = subprocess.Popen([sys.executable, "-m", "street2shop.cli", "dataset", "import", "df2", str(big),
                             "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".pairs.building-*/data/*/*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert list(tmp_path.glob(".pairs.building-*")), "killed while writing"
    assert _files(out) == before
    assert cli("dataset", "verify", str(out)).returncode == 0
    result = cli("dataset", "import", "df2", str(big), "-o", str(out))
    assert result.returncode == 0 and json.loads(result.stdout)["rows"] == 300  # a user and a shop image a pair
    assert not list(tmp_path.glob(".pairs.*")) and cli("dataset", "verify", str(out)).returncode == 0


def test_a_dataset_moved_aside_and_not_replaced_is_put_back(tmp_path):
    old = tmp_path / ".pairs.old"
    (old / "data").mkdir(parents=True)
    (old / "README.md").write_text("---\n{}\n---\n")
    recover_dir(tmp_path / "pairs")
    assert (tmp_path / "pairs" / "README.md").exists() and not old.exists()

