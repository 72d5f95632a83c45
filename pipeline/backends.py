"""How the model registries find their backends: every module of the registry's package
whose name ends in the registry's suffix (`*_encoder.py`, `*_detector.py`) is imported on
first use, and registers itself; so a new backend is one new file."""

from __future__ import annotations

import importlib
import pkgutil
import sys


def import_backends(package: str, suffix: str) -> None:
    """Import every module of `package` named `*<suffix>`. Backends import their heavy
    libraries inside their factories, so this stays cheap."""
    folder = sys.modules[package].__path__
    for module in pkgutil.iter_modules(folder):
        if module.name.endswith(suffix):
            importlib.import_module(f"{package}.{module.name}")
