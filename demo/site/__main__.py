"""``python -m street2shop.demo.site --products N --port P [--blog] [--real-size]``: serve the demo shop
(and with --blog the show-fashion blog at /blog/) until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from .blog import MIN_POSTS, build_blog
from .shop import MIN_PRODUCTS, build_shop
from .server import serve


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m street2shop.demo.site", description=__doc__)
    ap.add_argument("--products", type=int, default=48, help=f"number of products (>= {MIN_PRODUCTS}, default 48)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    ap.add_argument("--blog", action="store_true", help="also serve the show-fashion blog at /blog/")
    ap.add_argument("--posts", type=int, default=12, help=f"blog posts with --blog (>= {MIN_POSTS}, default 12)")
    ap.add_argument("--real-size", action="store_true",
                    help="product pages of a real shop's size (page_weight.py), for benchmarks")
    args = ap.parse_args(argv)
    shop = build_shop(args.products, seed=args.seed)
    shop.real_size = args.real_size
    blog = build_blog(shop, args.posts, seed=args.seed) if args.blog else None
    # Explicit handlers: a process started in the background (cron, CI, `&`) may have
    # inherited SIGINT as ignored or default, and must still stop cleanly on it or SIGTERM;
    # set before the address is printed, since a caller may stop it as soon as it reads that.
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    server = serve(shop, host=args.host, port=args.port, blog=blog)
    print(server.base_url, flush=True)
    try:
        stop.wait()
    finally:
        server.stop()
        print(f"stopped after {len(server.request_log)} requests", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
