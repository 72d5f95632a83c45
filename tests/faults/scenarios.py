"""Scenarios that run inside an isolated network namespace (faults/isolated.py): each boots
the namespace, serves hostile pages as any host, runs a real crawl, and returns what the
servers saw and what the store holds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from faults.isolated import boot
from faults.sites import Site, product_page

#: Stand-ins for the outside: public addresses (delivered to loopback inside the namespace).
PUBLIC = "93.184.216.34"
PUBLIC_2 = "93.184.216.35"
#: Where a crawler must never go.
FORBIDDEN = ("169.254.169.254", "127.0.0.1", "100.100.100.200", "10.0.0.7")


def _crawl(workdir: Path, source: dict) -> dict:
    manifest = workdir / "manifest.yaml"
    source = {"politeness": {"delay": 0, "concurrency_per_domain": 8, "autothrottle_target": 8, "retries": 0},
              **source}
    manifest.write_text(yaml.safe_dump({"store": str(workdir / "store"), "sources": [source]}))
    proc = subprocess.run([sys.executable, "-m", "street2shop.cli", "crawl", str(manifest), "-q"],
                          capture_output=True, text=True, timeout=240)
    from street2shop.core.store import Store

    store = Store(workdir / "store")
    runs = sorted((workdir / "store" / "runs").glob("*.json"))
    summary = json.loads(runs[-1].read_text())["sources"][0] if runs else {}
    return {"returncode": proc.returncode, "stderr": proc.stderr[-3000:],
            "listings": sorted(r["final_url"] for r in store.read_table("listings").to_pylist()),
            "errors": summary.get("errors", {})}


def _hits(site: Site) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for hit in site.hits:
        out.setdefault(hit.host, []).append(hit.path)
    return out


def plain_http(workdir: str) -> dict:
    """Redirects and links to private and metadata addresses, a name that rebinds to the
    metadata address after its first look-up, and one that resolves inside: a plain (not
    rendered) crawl."""
    dns = boot({"shop.test": [PUBLIC], "rebind.test": [PUBLIC_2, "169.254.169.254"], "inside.test": ["10.0.0.7"],
                "shared.test": ["100.100.100.200"]})
    with Site(host="0.0.0.0") as site:
        port = site.port
        targets = {
            "/p/redir-meta": f"http://169.254.169.254:{port}/latest/meta-data/",
            "/p/redir-loopback": f"http://127.0.0.1:{port}/admin",
            "/p/redir-shared": f"http://100.100.100.200:{port}/latest/meta-data/",
            "/p/redir-v4mapped": f"http://[::ffff:169.254.169.254]:{port}/latest/",
        }
        for path, location in targets.items():
            site.redirect(path, location)
        links = [f"http://shop.test:{port}{p}" for p in [*targets, "/p/ok"]]
        links += [f"http://rebind.test:{port}/p/rebind", f"http://inside.test:{port}/p/inside",
                  f"http://shared.test:{port}/p/shared", f"http://10.0.0.7:{port}/p/literal",
                  f"http://missing.test:{port}/p/missing"]  # a name that does not resolve
        site.page("/", "<html><body><h1>All products</h1>" + "".join(
            f'<a href="{u}">Product {i}</a>' for i, u in enumerate(links)) + "</body></html>")
        site.route_prefix("/", lambda hit: (200, {"Content-Type": "text/html"},
                                            product_page(f"Page {hit.path}", "10.00", []).encode()))
        result = _crawl(Path(workdir), {
            "name": "shop", "kind": "shop", "listings": [f"http://shop.test:{port}/"], "images": False,
            "allowed_domains": ["shop.test", "rebind.test", "inside.test", "shared.test", "missing.test", *FORBIDDEN]})
        result["hits"] = _hits(site)
    result["dns_asked"] = dns.asked
    return result


def browser(workdir: str) -> dict:
    """Rendered pages: a navigation that redirects to the metadata address, and a page whose
    script calls a name that rebinds to it, a shared-space address and loopback."""
    boot({"shop.test": [PUBLIC], "rebind.test": [PUBLIC_2, "169.254.169.254"]})
    with Site(host="0.0.0.0") as site:
        port = site.port
        site.redirect("/js/go", f"http://169.254.169.254:{port}/latest/meta-data/")
        calls = [f"http://rebind.test:{port}/data.json", f"http://100.100.100.200:{port}/latest/",
                 f"http://127.0.0.1:{port}/admin.json"]
        script = "".join(f"fetch({json.dumps(u)}).catch(() => null);" for u in calls)
        site.page("/js/page", product_page("Rendered Coat", "30.00", [], body=f"<script>{script}</script>"))
        site.route_prefix("/", lambda hit: (200, {"Content-Type": "application/json",
                                                  "Access-Control-Allow-Origin": "*"}, b'{"secret": "token"}'))
        result = _crawl(Path(workdir), {
            "name": "shop", "kind": "shop", "javascript": True, "images": False,
            "products": [f"http://shop.test:{port}/js/go", f"http://shop.test:{port}/js/page"],
            "allowed_domains": ["shop.test", "169.254.169.254"]})
        result["hits"] = _hits(site)
    return result



def ingest_redirects(workdir: str) -> dict:
    """Bulk ingest of image URLs on a public host that redirect to the metadata address and
    to loopback, next to one good image."""
    boot({"cdn.test": [PUBLIC]})
    from faults.sites import jpeg

    with Site(host="0.0.0.0") as site:
        port = site.port
        site.page("/good.jpg", jpeg(1), content_type="image/jpeg")
        site.redirect("/to-meta.jpg", f"http://169.254.169.254:{port}/latest/meta-data/iam.jpg")
        site.redirect("/to-loopback.jpg", f"http://127.0.0.1:{port}/admin.jpg")
        site.route_prefix("/", lambda hit: (200, {"Content-Type": "image/jpeg"}, jpeg(2)))
        urls = Path(workdir) / "urls.txt"
        urls.write_text("\n".join(f"http://cdn.test:{port}{p}" for p in ("/good.jpg", "/to-meta.jpg", "/to-loopback.jpg")))
        manifest = Path(workdir) / "manifest.yaml"
        manifest.write_text(yaml.safe_dump({"store": str(Path(workdir) / "store"), "sources": [
            {"name": "s", "kind": "shop", "products": ["http://cdn.test/"]}]}))
        proc = subprocess.run([sys.executable, "-m", "street2shop.cli", "ingest", str(manifest), str(urls), "-q",
                               "--delay", "0"], capture_output=True, text=True, timeout=240)
        return {"returncode": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr[-3000:],
                "hits": _hits(site)}
