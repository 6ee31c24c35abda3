"""frictionless's check of each row on its own: every cell read by the reader frictionless builds
for its field (type, format and constraints: required, pattern, enum, minimum, ...), and the
number of cells of the row.

These are the cell readers ``frictionless validate`` runs on every cell; here they read the CSV
text of one document's rows as the build writes it, without opening files or building the
package's key lookups (the checks across rows are ``integrity``'s). A problem found here makes
the build run ``frictionless validate`` on the whole staged package, whose report is the one
shown.

>>> check = CellCheck([{"name": "t", "schema": {"fields": [
...     {"name": "id", "type": "string", "constraints": {"required": True}},
...     {"name": "n", "type": "integer", "constraints": {"minimum": 1}}]}}])
>>> check.problems("t", "a,1\\nb,\\n"), check.problems("t", "a,0\\n,2\\nc,x\\nd\\n")
(0, 4)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from undocs.publish.metadata import without_keys

CellReader = Callable[[object], tuple[object, dict | None]]


class CellCheck:
    """The cell readers of every table's fields, built once from the resources' schemas."""

    def __init__(self, resources: list[dict]) -> None:
        from frictionless import Schema  # imported here: it is slow to import and only needed now

        plain = without_keys({"resources": resources})["resources"]  # unique is a check across rows
        self.readers: dict[str, list[CellReader]] = {
            resource["name"]: [
                field.create_cell_reader() for field in Schema.from_descriptor(resource["schema"]).fields
            ]
            for resource in plain
        }

    def problems(self, name: str, text: str) -> int:
        """How many of the rows in ``text`` (CSV, no header) have a cell frictionless rejects, or
        too many or too few cells."""
        readers = self.readers[name]
        count = 0
        for row in csv.reader(io.StringIO(text)):
            if len(row) != len(readers) or any(reader(cell)[1] for reader, cell in zip(readers, row, strict=True)):
                count += 1
        return count


def descriptor_problems(descriptor: dict) -> bool:
    """Whether frictionless finds the descriptor itself invalid (a field type it does not know, ...)."""
    from frictionless import FrictionlessException, Package

    try:
        return any(True for _ in Package.metadata_validate(descriptor))
    except FrictionlessException:
        return True
