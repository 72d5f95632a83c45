"""Where the models run: the device a detector or an encoder is put on."""

from __future__ import annotations

import torch


def pick_device(device: str | torch.device | None = None) -> torch.device:
    """`device` as given, or CUDA when there is one and the CPU otherwise (None or "auto")."""
    if device is None or device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)
