"""Crawl jobs: one complete pass over a source, and what an interrupted one already wrote.

A *job* is one complete pass over a source; a *run* is one process working on it. Job
state lives in the store (state/<source>/job.json). A run that ends without the spider
finishing (killed, Ctrl-C, crash, a store that cannot be written) leaves the job
"running"; the next run resumes it: URLs whose listings or posts that job already wrote
are not fetched again, and the writer never writes them twice.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

import pyarrow as pa
import pyarrow.compute as pc

from street2shop.core.manifest import Source
from street2shop.core.store import Store

#: Spider close reasons after which the job counts as complete.
COMPLETE_REASONS = {"finished", "closespider_pagecount", "closespider_itemcount"}


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def job_state_path(source: str) -> str:
    return f"state/{source}/job.json"


@dataclass
class Job:
    """The job a run works on for one source, and what an interrupted run of it already wrote."""

    job_id: str
    resumed: bool
    #: URLs (requested and final) whose listing or post the job wrote: not fetched again
    done_urls: frozenset[str] = frozenset()
    #: URLs the job recorded in the pages table: not recorded twice
    done_pages: frozenset[str] = frozenset()


def begin_job(store: Store, source: Source, run_id: str) -> Job:
    """The job this run works on: the unfinished one (resumed) or a new one."""
    state = store.read_json(job_state_path(source.name))
    if state and state.get("status") == "running":
        job_id = state["job_id"]
        of_job = (pc.field("job_id") == job_id) & (pc.field("source") == source.name)
        done: frozenset[str] = frozenset()
        for table in ("listings", "posts"):
            rows = store.read_table(table, columns=["url", "final_url"], filter=of_job)
            done |= frozenset(rows.column("url").to_pylist()) | frozenset(rows.column("final_url").to_pylist())
        done |= frozenset(store.read_table("link_checks", columns=["url"], filter=of_job).column("url").to_pylist())
        pages = store.read_table("pages", columns=["url", "kind"], filter=of_job)
        # Product and post pages are done with their rows; pages that lead elsewhere are
        # fetched again to follow them (their rows are not written twice).
        leaves = pc.is_in(pages.column("kind"), pa.array(["product", "post"]))
        done |= frozenset(pages.filter(leaves).column("url").to_pylist())
        state["runs"] = [*state.get("runs", []), run_id]
        store.write_json(job_state_path(source.name), state)
        return Job(job_id, True, done, frozenset(pages.column("url").to_pylist()))
    job_id = f"job-{run_id}"
    store.write_json(job_state_path(source.name), {
        "job_id": job_id, "status": "running", "source": source.name,
        "started_at": datetime.now(timezone.utc).isoformat(), "runs": [run_id],
    })
    return Job(job_id, False)


def is_due(store: Store, source: Source, now: datetime | None = None) -> bool:
    """Due: never crawled, an interrupted job to resume, its recrawl interval has passed, or
    (a blog) listings its posts link to are due a re-check."""
    state = store.read_json(job_state_path(source.name))
    if not state or state.get("status") == "running" or not state.get("finished_at"):
        return True
    now = now or datetime.now(timezone.utc)
    if now - datetime.fromisoformat(state["finished_at"]) >= source.recrawl_every:
        return True
    return source.kind == "blog" and bool(links_due(store, source, now))


#: Link statuses worth checking again: the listing was there (a dead link stays dead).
RECHECKED = ("ok", "sold_out")


def links_due(store: Store, source: Source, now: datetime | None = None) -> dict[str, str]:
    """The listings a blog's posts link to that are due a re-check (not seen, through a post or
    a re-check, for `recheck_links_every`): resolved URL -> the link's last known status."""
    of_source = pc.field("source") == source.name
    posts = store.read_table("posts", columns=["url", "run_id", "fetched_at"], filter=of_source)
    read_at = {(u, r): t for u, r, t in zip(*(posts.column(c).to_pylist() for c in ("url", "run_id", "fetched_at")))}
    items = store.read_table("post_items", columns=["post_url", "run_id", "resolved_url", "link_status"],
                             filter=of_source & pc.field("resolved_url").is_valid())
    last: dict[str, tuple[datetime, str]] = {}
    for post, run, url, status in zip(*(items.column(c).to_pylist() for c in items.column_names)):
        when = read_at.get((post, run))
        if when is not None and (url not in last or when > last[url][0]):
            last[url] = (when, status)
    checks = store.read_table("link_checks", columns=["url", "checked_at", "link_status"], filter=of_source)
    for url, when, status in zip(*(checks.column(c).to_pylist() for c in checks.column_names)):
        if url not in last or when > last[url][0]:
            last[url] = (when, status)
    now = now or datetime.now(timezone.utc)
    return {url: status for url, (when, status) in last.items()
            if status in RECHECKED and now - when >= source.recheck_links_every}


def end_job(store: Store, source: Source, job_id: str, reason: str, *, complete: bool) -> None:
    """Record how a run of the job ended; `complete`: every page of the pass is written."""
    state = store.read_json(job_state_path(source.name)) or {}
    if state.get("job_id") != job_id:
        return
    state["last_finish_reason"] = reason
    if complete:
        state["status"] = "finished"
        state["finished_at"] = datetime.now(timezone.utc).isoformat()
    store.write_json(job_state_path(source.name), state)
