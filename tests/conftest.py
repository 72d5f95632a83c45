"""Settings every test shares. Helpers for crawls and the CLI are in crawl_helpers.py; the
hostile sites of the fault tests in faults/sites.py."""

import os

# No model or dataset hub is reachable here: the hub paths must fail cleanly and fast.
os.environ["HF_HUB_OFFLINE"] = "1"
