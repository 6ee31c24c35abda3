"""Read a published package back: its descriptor and every table, values typed by its schema.

The exports (JSON, Excel) are made from the published CSVs through this one reader, so they
work for any package folder (this repository's, or one written by ``undocs convert``) and for
every resource the descriptor lists, whatever tables are added later.

>>> cast("3", {"type": "integer"}), cast("false", {"type": "boolean"}), cast("", {"type": "string"})
(3, False, None)
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from undocs.errors import SourceError

DESCRIPTOR = "datapackage.json"
Row = dict[str, object]
# Table Schema's default true values; the build writes only "true" and "false".
TRUE_VALUES = {"true", "True", "TRUE", "1"}


def cast(value: str, field: dict) -> object:
    """A CSV cell as the value its field's type says; empty cells (the missing value) are None."""
    if value == "":
        return None
    kind = field.get("type", "string")
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return value in TRUE_VALUES
    return value


def read_descriptor(folder: Path) -> dict:
    """The package's descriptor; a missing or broken one is bad input, named with its line."""
    path = folder / DESCRIPTOR
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise SourceError(
            str(path), f"not valid JSON ({error.msg})", "rebuild the package with `undocs build`", error.lineno
        ) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise SourceError(
            str(path), "not a data package descriptor (no resources list)", "rebuild it with `undocs build`"
        )
    return descriptor


def read_table(folder: Path, resource: dict) -> list[Row]:
    fields = resource["schema"]["fields"]
    with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
        return [{field["name"]: cast(row[field["name"]], field) for field in fields} for row in csv.DictReader(handle)]


def read_package(folder: Path) -> tuple[dict, dict[str, list[Row]]]:
    """The descriptor and each resource's typed rows, in the descriptor's order."""
    descriptor = read_descriptor(folder)
    for resource in descriptor["resources"]:
        if not (folder / resource["path"]).is_file():
            raise SourceError(
                str(folder / DESCRIPTOR),
                f"resource {resource['name']!r} names a file the package does not have ({resource['path']})",
                "rebuild the package with `undocs build`, or remove the resource from the descriptor",
            )
    return descriptor, {resource["name"]: read_table(folder, resource) for resource in descriptor["resources"]}
