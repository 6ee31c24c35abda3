"""Where ``undocs convert --out DIR`` may write: never over files it did not write, nor into a project.

A folder is taken as a package undocs wrote when it holds only a descriptor listing undocs'
resources, their CSVs under ``data/``, and undocs' own staging or journal folders. Such a
package is replaced only when it holds no document the new one would drop; anything else
needs ``--force``. A project (a folder with ``data/sources/sources.yaml``) is never written
into: its package is published by ``undocs build`` only.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from undocs import paths
from undocs.errors import SourceError
from undocs.publish import metadata, publishing
from undocs.text import relative

FORCE = "give --out a new or empty folder, or add --force to write there anyway"


def _foreign(out: Path) -> list[str]:
    """What in ``out`` undocs would not have written there (empty when ``out`` is one of its packages)."""
    resources = metadata.resources()
    ours = {Path(resource["path"]) for resource in resources} | {Path(publishing.DESCRIPTOR)}
    ours |= {path.parent for path in ours}
    found = [
        path.relative_to(out)
        for path in out.rglob("*")
        if not any(
            part.startswith((publishing.STAGING_PREFIX, publishing.JOURNAL)) for part in path.relative_to(out).parts
        )
    ]
    foreign = [str(path) for path in sorted(found) if path not in ours]
    if not foreign and (out / publishing.DESCRIPTOR).is_file():
        try:
            listed = [
                resource.get("name") for resource in json.loads((out / publishing.DESCRIPTOR).read_text())["resources"]
            ]
        except (ValueError, KeyError, TypeError, AttributeError):
            return [f"{publishing.DESCRIPTOR} (not written by undocs)"]
        if listed != [resource["name"] for resource in resources]:
            return [f"{publishing.DESCRIPTOR} (another package's)"]
    return foreign


def check_out(out: Path, force: bool) -> None:
    """Refuse ``out`` before anything is parsed or written, unless it is new, empty or undocs' own."""
    if paths.is_project(out):
        raise SourceError(
            relative(out),
            "is an undocs project (it has data/sources/sources.yaml): convert never writes into its published package",
            "give --out another folder; to add documents to this package, use `undocs add FILE` and `undocs build` there",
        )
    if out.exists() and not out.is_dir():
        raise SourceError(relative(out), "is a file, not a folder", "give --out a folder")
    if not force and out.is_dir() and (foreign := _foreign(out)):
        raise SourceError(
            relative(out),
            f"holds files undocs did not write ({', '.join(foreign[:3])}{', ...' if len(foreign) > 3 else ''})",
            FORCE,
        )


def check_kept(out: Path, document_ids: list[str], force: bool) -> None:
    """Refuse to replace a package of ``out`` that holds documents the new one does not."""
    documents = out / "data" / "documents.csv"
    if force or not documents.is_file():
        return
    with documents.open(encoding="utf-8", newline="") as handle:
        held = sorted({row.get("document_id", "") for row in csv.DictReader(handle)} - set(document_ids))
    if held:
        raise SourceError(
            relative(out),
            f"holds a package of other documents ({', '.join(held[:5])}) that this conversion would drop",
            "convert all the files in one command, or make a package with `undocs init` and `undocs add`, "
            "or add --force to replace it",
        )
