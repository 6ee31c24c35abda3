"""Stage: integrity. The checks that span rows, in one streaming pass over the whole package.

Frictionless checks each row on its own (types, constraints, cell counts) and, across rows,
primary keys, ``unique`` fields and foreign keys. The per-row checks of a document's rows do
not depend on any other row, so a build runs them (with frictionless) only on rows it has not
validated before; the checks across rows are redone here on every build, over every row, with
frictionless's rules: key cells are compared as typed values, a primary key may not be all
empty nor repeat, a ``unique`` field may not repeat a non-empty value, and a foreign key whose
cells are all empty is skipped, otherwise its values must be a key of the referenced resource.
Each document's key values are hashed where its rows are made (``table_keys``, in a worker) and
cached with them, so a rebuild compares arrays of hashes and reads no key cell again.

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
from functools import cache
from hashlib import blake2b

import numpy as np

from undocs.models import Cells, TableKeys
from undocs.publish import metadata

Key = tuple[object, ...]


KEY_TYPES = ("string", "integer")  # the types a key field may have (metadata.check_coherence says so)


def _integer(text: str) -> object:
    """An integer cell's value as frictionless compares it. A cell that is no integer fails
    frictionless's own cell check, which has the whole package validated by frictionless."""
    try:
        return int(text)
    except ValueError:
        return text


def reader(schema: dict, fields: tuple[str, ...]) -> Callable[[list[str]], Key]:
    """A function from a row's cells to the key ``fields`` make, as frictionless compares it
    (``None`` for a missing value, an integer field's cell as its number).

    >>> reader({"fields": [{"name": "a"}, {"name": "b", "type": "integer"}]}, ("b", "a"))(["x", "07"])
    (7, 'x')
    """
    specs = {spec["name"]: (index, spec) for index, spec in enumerate(schema["fields"])}
    missing = schema.get("missingValues", [""])
    positions = [specs[name][0] for name in fields]
    integers = {specs[name][0] for name in fields if specs[name][1].get("type", "string") == "integer"}
    if missing != [""] or integers:
        casts = [(index, _integer if index in integers else str) for index in positions]
        return lambda row: tuple(None if row[index] in missing else cast(row[index]) for index, cast in casts)
    # Text fields where only "" is missing: the cell is the value. One and two fields are spelled
    # out because this runs for every key of every row.
    if len(positions) == 1:
        (first,) = positions
        return lambda row: (row[first] or None,)
    if len(positions) == 2:
        first, second = positions
        return lambda row: (row[first] or None, row[second] or None)
    return lambda row: tuple(row[index] or None for index in positions)


def stable_hash(value: Key) -> int:
    """A key's 64-bit hash, the same in every process (``hash`` of a text is not), so that a
    document's key hashes are made once, in the worker that reads it, and cached with its rows.

    >>> stable_hash(("a-1", "op1")) == stable_hash(("a-1", "op1")) != stable_hash(("a-1", None))
    True
    """
    return int.from_bytes(blake2b(repr(value).encode(), digest_size=8).digest(), "little", signed=True)


@cache
def key_fields() -> dict[str, dict[tuple[str, ...], Callable[[list[str]], Key]]]:
    """Per table, every set of fields the checks across rows read, with its reader: the primary
    key, ``unique`` fields, foreign keys, and the fields other tables' foreign keys refer to."""
    schemas = {r["name"]: metadata.table_schema(r["name"]) for r in metadata.resources()}
    found: dict[str, set[tuple[str, ...]]] = {name: set() for name in schemas}
    for name, schema in schemas.items():
        found[name] |= {tuple(schema["primaryKey"])} if schema.get("primaryKey") else set()
        found[name] |= {(s["name"],) for s in schema["fields"] if s.get("constraints", {}).get("unique")}
        for foreign in schema.get("foreignKeys", []):
            found[name].add(tuple(foreign["fields"]))
            found[foreign["reference"]["resource"] or name].add(tuple(foreign["reference"]["fields"]))
    return {name: {fields: reader(schemas[name], fields) for fields in sorted(found[name])} for name in schemas}


def table_keys(name: str, rows: Cells) -> TableKeys:
    """The key hashes of some rows of table ``name``.

    >>> keys = table_keys("paragraphs", [[""] * len(metadata.field_names("paragraphs"))])
    >>> keys.rows, keys.hashes[("paragraph_key",)], keys.empty[("paragraph_key",)]
    (1, b'', (0,))
    """
    hashes, empty = {}, {}
    made: dict[Key, int] = {}  # a value many rows share (the document's id) is hashed once
    for fields, read in key_fields()[name].items():
        values = list(map(read, rows))
        filled = [
            made[value] if value in made else made.setdefault(value, stable_hash(value))
            for value in values
            if value.count(None) != len(value)
        ]
        hashes[fields] = array("q", filled).tobytes()
        if len(filled) != len(values):
            empty[fields] = tuple(i for i, value in enumerate(values) if value.count(None) == len(value))
    return TableKeys(len(rows), hashes, empty)


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
    kind: str = ""  # "primary-key", "unique-error", or "" for a foreign key's target only
    values: Hashes = field(default_factory=Hashes)


@dataclass
class _Reference:
    """A foreign key: the hashes of the values its rows hold, checked against the target at the end."""

    table: str
    fields: tuple[str, ...]
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
                self.references.append(_Reference(name, fields, target))
        self.keys_of = {name: [key for key in self.keys.values() if key.table == name] for name in self.schemas}
        self.references_of = {name: [r for r in self.references if r.table == name] for name in self.schemas}

    def _key(self, table: str, fields: tuple[str, ...]) -> _Key:
        if (table, fields) not in self.keys:
            self.keys[(table, fields)] = _Key(table, fields)
        return self.keys[(table, fields)]

    def add(self, name: str, rows: Cells) -> None:
        self.add_keys(name, table_keys(name, rows))

    def add_keys(self, name: str, keys: TableKeys) -> None:
        """Rows of table ``name`` by their key hashes (``table_keys``, made where the rows are)."""
        first = self.rows[name] + 2  # the row number of the first row as frictionless counts: the header is row 1
        self.rows[name] += keys.rows
        for key in self.keys_of[name]:
            key.values.frombytes(keys.hashes[key.fields])
            if key.kind == "primary-key":
                self.problems += [
                    f"{name}: primary-key: row {first + offset}: {', '.join(key.fields)} all empty"
                    for offset in keys.empty.get(key.fields, ())
                ]
        for reference in self.references_of[name]:
            reference.values.frombytes(keys.hashes[reference.fields])  # a foreign key all empty is not checked

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
