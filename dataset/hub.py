"""Pushing a published dataset folder to the Hugging Face hub.

The folder is uploaded as it is (`HfApi.upload_folder`), not re-encoded through
`Dataset.push_to_hub`: the hub then holds the very bytes `dataset verify` checked, and the
card with its cleaning report and provenance, rather than a re-sharded copy with a generated card.
"""

from __future__ import annotations

from pathlib import Path


class HubError(Exception):
    """The hub could not be reached or refused the upload; one line saying what to do."""


def push(folder: Path, repo_id: str, *, private: bool = False) -> str:
    try:
        from huggingface_hub import HfApi  # noqa: PLC0415  (only publishing needs it)
        from huggingface_hub.errors import HfHubHTTPError, OfflineModeIsEnabled  # noqa: PLC0415
    except ImportError:
        raise HubError("pushing to the hub needs huggingface_hub: pip install huggingface_hub") from None
    api = HfApi()
    try:
        api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
        info = api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="dataset",
                                 commit_message="street2shop dataset publish", ignore_patterns=[".*"])
    except OfflineModeIsEnabled:
        raise HubError(f"cannot push to {repo_id}: HF_HUB_OFFLINE is set; unset it (and log in with "
                       "`hf auth login`) to publish to the hub, or publish to a folder with --to") from None
    except (HfHubHTTPError, OSError, ValueError) as exc:
        raise HubError(f"cannot push to {repo_id}: {exc}".splitlines()[0]) from None
    return getattr(info, "commit_url", None) or f"https://huggingface.co/datasets/{repo_id}"
