"""The packages depend one way: core <- crawler <- pipeline <- dataset, with demo and the CLI
on top (docs/architecture.md draws the layers). A module may import its own package and the
ones below it, never one above: read off every import statement of the product's code."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["core", "crawler", "pipeline", "dataset", "demo", "cli"]


def _imports(path: Path) -> set[str]:
    """The street2shop packages a module imports (relative imports stay in its package)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        out |= {name.split(".")[1] for name in names if name.startswith("street2shop.") and name.count(".") >= 1}
    return out


def test_no_package_imports_one_above_it():
    upward = []
    for rank, package in enumerate(LAYERS):
        for path in sorted((ROOT / package).rglob("*.py")):
            for target in _imports(path):
                assert target in LAYERS, f"{path.relative_to(ROOT)} imports an unknown package street2shop.{target}"
                if LAYERS.index(target) > rank:
                    upward.append(f"{path.relative_to(ROOT)} -> street2shop.{target}")
    assert upward == [], "imports that go up a layer:\n" + "\n".join(upward)


def test_the_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from street2shop.cli.app import main\n    import street2shop.demo.run_demo\n")
    assert _imports(module) == {"cli", "demo"}
