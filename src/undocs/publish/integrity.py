"""Stage: integrity. The checks that span rows, in one streaming pass over the whole package.

Frictionless checks each row on its own (types, constraints, cell counts) and, across rows,
primary keys, ``unique`` fields and foreign keys. The per-row checks of a document's rows do
not depend on any other row, so a build runs them (with frictionless) only on rows it has not
validated before; the checks across rows are redone here on every build, over every row, with
frictionless's rules: key cells are compared as typed values, a primary key may not be all
empty nor repeat, a ``unique`` field may not repeat a non-empty value, and a foreign key whose
cells are all empty is skipped, otherwise its values must be a key of the referenced resource.

>>> index = KeyIndex(metadata.resources())
>>> document = dict.fromkeys(metadata.field_names("documents"), "")
>>> index.add("documents", [list({**document, "document_id": "a-1"}.values())])
>>> paragraph = dict.fromkeys(metadata.field_names("paragraphs"), "")
>>> paragraph |= {"document_id": "a-1", "paragraph_id": "op1", "paragraph_key": "a-1:op1", "parent_key": "a-1:op0"}
>>> index.add("paragraphs", [list(paragraph.values())] * 2)
>>> for error in index.errors():
...     print(error)
paragraphs: primary-key: document_id, paragraph_id: an earlier row's value again in 1 rows
paragraphs: unique-error: paragraph_key: an earlier row's value again in 1 rows
paragraphs: foreign-key: parent_key: in 2 rows, not a paragraph_key in paragraphs
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from undocs.models import Cells
from undocs.publish import metadata

Key = tuple[object, ...]


def _caster(spec: dict, missing: list[str]) -> Callable[[str], object]:
    """Text to the value frictionless compares: ``None`` for a missing value, else the typed value."""
    if spec.get("type", "string") == "string":
        return lambda text: None if text in missing else text
    from frictionless import Field  # only non-text key fields need frictionless's casting

    value = Field.from_descriptor(spec).create_value_reader()  # made once: it runs for every key cell
    return lambda text: None if text in missing else value(text)


def reader(schema: dict, fields: tuple[str, ...]) -> Callable[[list[str]], Key]:
    """A function from a row's cells to the key ``fields`` make, as frictionless compares it.

    >>> reader({"fields": [{"name": "a"}, {"name": "b"}]}, ("b", "a"))(["x", ""])
    (None, 'x')
    """
    specs = {spec["name"]: (index, spec) for index, spec in enumerate(schema["fields"])}
    missing = schema.get("missingValues", [""])
    positions = [specs[name][0] for name in fields]
    if missing != [""] or any(specs[name][1].get("type", "string") != "string" for name in fields):
        casts = [(specs[name][0], _caster(specs[name][1], missing)) for name in fields]
        return lambda row: tuple(cast(row[index]) for index, cast in casts)
    # Text fields where only "" is missing: the cell is the value. One and two fields are spelled
    # out because this runs for every key of every row.
    if len(positions) == 1:
        (first,) = positions
        return lambda row: (row[first] or None,)
    if len(positions) == 2:
        first, second = positions
        return lambda row: (row[first] or None, row[second] or None)
    return lambda row: tuple(row[index] or None for index in positions)


class Hashes(array):
    """The 64-bit hashes of some values, 8 bytes each, appended as rows come and compared at the end.

    >>> hashes = Hashes()
    >>> for value in (5, -3, 9, 5):
    ...     hashes.append(value)
    >>> hashes.repeats(), hashes.missing(hashes.sorted()), hashes.missing(np.array([-3, 5]))
    (1, 0, 1)
    """

    def __new__(cls) -> Hashes:
        return super().__new__(cls, "q")

    def sorted(self) -> np.ndarray:
        return np.sort(np.frombuffer(self, dtype=np.int64))

    def repeats(self) -> int:
        """How many values repeat an earlier one."""
        ordered = self.sorted()
        return int(np.count_nonzero(ordered[1:] == ordered[:-1]))

    def missing(self, target: np.ndarray) -> int:
        """How many values are not in ``target`` (sorted)."""
        values = np.frombuffer(self, dtype=np.int64)
        if not len(target):
            return len(values)
        places = np.minimum(np.searchsorted(target, values), len(target) - 1)
        return int(np.count_nonzero(target[places] != values))


@dataclass
class _Key:
    """The values some fields of a table take (as hashes); ``kind`` says whether they may repeat.

    Hashes, not the values, so that memory grows by 8 bytes a row, not by the row's key text, and
    compared once at the end, in arrays. Two values of one hash (about one chance in 10^9 at a
    million rows) would be reported as a repeat; any error makes frictionless validate the whole
    package, and its verdict and messages stand.
    """

    table: str
    fields: tuple[str, ...]
    read: Callable[[list[str]], Key]
    kind: str = ""  # "primary-key", "unique-error", or "" for a foreign key's target only
    values: Hashes = field(default_factory=Hashes)


@dataclass
class _Reference:
    """A foreign key: the hashes of the values its rows hold, checked against the target at the end."""

    table: str
    fields: tuple[str, ...]
    read: Callable[[list[str]], Key]
    target: _Key
    values: Hashes = field(default_factory=Hashes)


class KeyIndex:
    """Primary keys, unique fields and foreign keys of every table, fed rows as they are written."""

    def __init__(self, resources: list[dict]) -> None:
        self.schemas = {r["name"]: metadata.table_schema(r["name"]) for r in resources}
        self.rows = dict.fromkeys(self.schemas, 0)
        self.keys: dict[tuple[str, tuple[str, ...]], _Key] = {}
        self.references: list[_Reference] = []
        self.problems: list[str] = []
        for name, schema in self.schemas.items():
            if schema.get("primaryKey"):
                self._key(name, tuple(schema["primaryKey"])).kind = "primary-key"
            for spec in schema["fields"]:
                if spec.get("constraints", {}).get("unique"):
                    key = self._key(name, (spec["name"],))
                    key.kind = key.kind or "unique-error"
            for foreign in schema.get("foreignKeys", []):
                reference = foreign["reference"]
                target = self._key(reference["resource"] or name, tuple(reference["fields"]))
                fields = tuple(foreign["fields"])
                self.references.append(_Reference(name, fields, reader(schema, fields), target))
        self.keys_of = {name: [key for key in self.keys.values() if key.table == name] for name in self.schemas}
        self.references_of = {name: [r for r in self.references if r.table == name] for name in self.schemas}

    def _key(self, table: str, fields: tuple[str, ...]) -> _Key:
        if (table, fields) not in self.keys:
            self.keys[(table, fields)] = _Key(table, fields, reader(self.schemas[table], fields))
        return self.keys[(table, fields)]

    def add(self, name: str, rows: Cells) -> None:
        first = self.rows[name] + 2  # the row number of rows[0] as frictionless counts: the header is row 1
        self.rows[name] += len(rows)
        for key in self.keys_of[name]:
            values = list(map(key.read, rows))
            hashes = [hash(value) for value in values if value.count(None) != len(value)]
            key.values.extend(hashes)
            if key.kind == "primary-key" and len(hashes) != len(values):
                self.problems += [
                    f"{name}: primary-key: row {first + offset}: {', '.join(key.fields)} all empty"
                    for offset, value in enumerate(values)
                    if value.count(None) == len(value)
                ]
        for reference in self.references_of[name]:
            # A foreign key all empty is not checked.
            reference.values.extend([hash(v) for v in map(reference.read, rows) if v.count(None) != len(v)])

    def errors(self) -> list[str]:
        found = list(self.problems)
        for key in self.keys.values():
            if key.kind and (count := key.values.repeats()):
                found.append(
                    f"{key.table}: {key.kind}: {', '.join(key.fields)}: an earlier row's value again in {count} rows"
                )
        targets: dict[int, np.ndarray] = {}
        for reference in self.references:
            target = reference.target
            values = targets.setdefault(id(target), target.values.sorted())
            if count := reference.values.missing(values):
                found.append(
                    f"{reference.table}: foreign-key: {', '.join(reference.fields)}: in {count} rows, "
                    f"not a {', '.join(target.fields)} in {target.table}"
                )
        return found
