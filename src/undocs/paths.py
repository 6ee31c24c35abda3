"""Where undocs finds its own metadata (inside the installed package) and a project's files.

The Table Schemas and vocabularies ship inside the Python package and are read through
``importlib.resources``, so an installed undocs finds them wherever it lives; the repository's
``schemas/`` folder is the published copy that every build writes from them.

A project is a folder holding a manifest at ``data/sources/sources.yaml``: the one a command
works on is the current folder or the nearest parent holding one (or ``--root``), never the
place undocs is installed.

>>> (SCHEMAS / "package.json").is_file()
True
>>> find_root(ROOT / "src" / "undocs") == ROOT
True
"""

import os
from importlib import resources
from pathlib import Path

PACKAGE = Path(str(resources.files("undocs")))
SCHEMAS = PACKAGE / "schemas"
VOCAB = PACKAGE / "vocab"
PUBLISHED_SCHEMAS = Path("schemas")  # the published copy, relative to a project's root
MANIFEST_IN_PROJECT = Path("data") / "sources" / "sources.yaml"  # relative to a project's root
# The development checkout, for its tests and scripts only: commands find their project with find_root.
ROOT = PACKAGE.parents[1]
DATA = ROOT / "data"
SOURCES = DATA / "sources"
MANIFEST = ROOT / MANIFEST_IN_PROJECT


def is_project(folder: Path) -> bool:
    return (folder / MANIFEST_IN_PROJECT).is_file()


def find_root(start: Path) -> Path | None:
    """The nearest folder from ``start`` up that holds a manifest, or None."""
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if is_project(folder)), None)


def write_atomic(path: Path, text: str) -> None:
    """Write a text file whole or not at all: aside, then renamed over the old one."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
