"""The one command line, `street2shop <verb>` (the verbs are in cli/app.py)."""

from street2shop.cli.app import app, main

__all__ = ["app", "main"]
