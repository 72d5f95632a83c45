"""Package discovery (everything else is in pyproject.toml): the code folders at the top of
the checkout are installed as `street2shop.<folder>`; `street2shop` itself is a namespace,
so nothing named `pipeline` or `dataset` lands at the top level."""

from setuptools import find_packages, setup

FOLDERS = ("core", "crawler", "pipeline", "dataset", "cli", "demo")

setup(
    package_dir={"street2shop": "."},
    packages=[f"street2shop.{p}" for p in find_packages(include=[*FOLDERS, *(f"{f}.*" for f in FOLDERS)])],
)
