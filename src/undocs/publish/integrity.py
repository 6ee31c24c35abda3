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
paragraphs: primary-key: row 3: document_id, paragraph_id ('a-1', 'op1') repeats an earlier row's
paragraphs: unique-error: row 3: paragraph_key ('a-1:op1',) repeats an earlier row's
paragraphs: foreign-key: parent_key ('a-1:op0',) is not a paragraph_key in paragraphs
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from heapq import merge

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


class Hashes:
    """A set of 64-bit hashes at about 8 bytes each, where a set of ints takes 60: the older ones
    in a sorted array, the latest few in a set, merged into the array when the set fills.

    >>> hashes = Hashes(recent=2)
    >>> for value in (5, -3, 9, 5):
    ...     hashes.add(value)
    >>> 5 in hashes, 9 in hashes, 4 in hashes, list(hashes.older)
    (True, True, False, [-3, 5])
    """

    def __init__(self, recent: int = 4096) -> None:
        self.older = array("q")
        self.latest: set[int] = set()
        self.recent = recent

    def __contains__(self, value: int) -> bool:
        if value in self.latest:
            return True
        index = bisect_left(self.older, value)
        return index < len(self.older) and self.older[index] == value

    def add(self, value: int) -> None:
        if value in self:
            return
        self.latest.add(value)
        if len(self.latest) >= self.recent:
            self.older = array("q", merge(self.older, sorted(self.latest)))
            self.latest = set()


@dataclass
class _Key:
    """The values some fields of a table take (as hashes); ``kind`` says whether they may repeat.

    Hashes, not the values, so that memory grows by 8 bytes a row (``Hashes``), not by the row's
    key text. Two values of one hash (about one chance in 10^9 at a million rows) would be
    reported as a repeat; any error makes frictionless validate the whole package, and its
    verdict stands.
    """

    table: str
    fields: tuple[str, ...]
    read: Callable[[list[str]], Key]
    kind: str = ""  # "primary-key", "unique-error", or "" for a foreign key's target only
    values: Hashes = field(default_factory=Hashes)

    def add(self, value: Key) -> str:
        """Record ``value``; say what is wrong with it, if anything."""
        if set(value) == {None}:
            return f"{', '.join(self.fields)} all empty" if self.kind == "primary-key" else ""
        digest = hash(value)
        if self.kind and digest in self.values:
            return f"{', '.join(self.fields)} {value} repeats an earlier row's"
        self.values.add(digest)
        return ""


@dataclass
class _Reference:
    """A foreign key: the values its rows hold that the target did not hold yet (by hash), checked
    against the target at the end; a value the target already holds is settled and not kept."""

    table: str
    fields: tuple[str, ...]
    read: Callable[[list[str]], Key]
    target: _Key
    pending: dict[int, Key] = field(default_factory=dict)


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

    def _key(self, table: str, fields: tuple[str, ...]) -> _Key:
        if (table, fields) not in self.keys:
            self.keys[(table, fields)] = _Key(table, fields, reader(self.schemas[table], fields))
        return self.keys[(table, fields)]

    def add(self, name: str, rows: Cells) -> None:
        keys = [key for key in self.keys.values() if key.table == name]
        references = [reference for reference in self.references if reference.table == name]
        for row in rows:
            self.rows[name] += 1
            for key in keys:
                problem = key.add(key.read(row))
                if problem:
                    # Row numbers as frictionless counts them: the header is row 1.
                    self.problems.append(f"{name}: {key.kind}: row {self.rows[name] + 1}: {problem}")
            for reference in references:
                value = reference.read(row)
                if set(value) != {None} and (digest := hash(value)) not in reference.target.values:
                    reference.pending[digest] = value

    def errors(self) -> list[str]:
        found = list(self.problems)
        for reference in self.references:
            target = reference.target
            missing = [value for digest, value in reference.pending.items() if digest not in target.values]
            for value in sorted(missing, key=repr):
                found.append(
                    f"{reference.table}: foreign-key: {', '.join(reference.fields)} {value} "
                    f"is not a {', '.join(target.fields)} in {target.table}"
                )
        return found
