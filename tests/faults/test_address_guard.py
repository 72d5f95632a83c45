"""The address guard, where a failing guard cannot hurt: each scenario runs in a network
namespace with only loopback (faults/isolated.py), its servers play every outside host and
the metadata service, and a request to an address the crawler must not reach shows up as
a hit there instead of leaving the machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from .isolated import run_isolated
from .scenarios import FORBIDDEN, PUBLIC, PUBLIC_2

pytestmark = pytest.mark.slow  # end to end: real servers, real crawls


def _forbidden_hits(result: dict) -> dict:
    return {addr: paths for addr, paths in result["hits"].items() if addr in FORBIDDEN}


def test_plain_crawl_never_reaches_private_or_metadata_addresses(tmp_path):
    result = run_isolated("plain_http", str(tmp_path))
    assert result["returncode"] == 0, result["stderr"]
    assert _forbidden_hits(result) == {}, "a request reached an address the crawler must refuse"
    # the public pages were crawled, the rebinding name through its first (public) answer only
    assert set(result["hits"]) <= {PUBLIC, PUBLIC_2}
    assert any(u.endswith("/p/ok") for u in result["listings"])
    assert any(u.endswith("/p/rebind") for u in result["listings"])
    assert not [u for u in result["listings"] if "meta-data" in u or "inside" in u or "shared" in u]
    # 3 links to names or literals inside, 3 redirects there (the IPv4-mapped one is offsite)
    assert result["errors"].get("private_address", 0) >= 6, result["errors"]
    assert result["errors"].get("dns") == 1, "an unresolvable name is counted as `dns`, not a class name"


@pytest.mark.browser
def test_rendered_pages_never_reach_private_or_metadata_addresses(tmp_path):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Chromium at /usr/bin/chromium (apt-get install chromium)")
    result = run_isolated("browser", str(tmp_path))
    assert result["returncode"] == 0, result["stderr"]
    assert _forbidden_hits(result) == {}, "the browser reached an address the crawler must refuse"
    assert "/js/page" in result["hits"].get(PUBLIC, [])
    assert "/data.json" in result["hits"].get(PUBLIC_2, []), "the rebinding name's first answer was used"
    assert not [u for u in result["listings"] if "169.254" in u], result["listings"]
    assert result["errors"].get("private_address") == 1, result["errors"]  # the redirected navigation


def test_bulk_ingest_follows_no_redirect_to_a_private_address(tmp_path):
    result = run_isolated("ingest_redirects", str(tmp_path))
    assert result["returncode"] == 0, result["stderr"]
    assert _forbidden_hits(result) == {}, "ingest followed a redirect to an address it must refuse"
    assert "ok 1, private_address 2" in result["stdout"], result["stdout"]
