"""Stage: integrity. The checks that span rows, in one streaming pass over the whole package.

Frictionless checks each row on its own (types, constraints, cell counts) and, across rows,
primary keys, ``unique`` fields and foreign keys. The per-row checks of a document's rows do
not depend on any other row, so a build runs them (with frictionless) only on rows it has not
validated before; the checks across rows are redone here on every build, over every row, with
frictionless's rules: key cells are compared as typed values, a primary key may not be all
empty nor repeat, a ``unique`` field may not repeat a non-empty value, and a foreign key whose
cells are all empty is skipped, otherwise its values must be a key of the referenced resource.

>>> from undocs.tables import cells
>>> index = KeyIndex(metadata.resources())
>>> index.add("documents", cells("documents", [{"document_id": "a-1"}]))
>>> paragraph = {"document_id": "a-1", "paragraph_id": "op1", "paragraph_key": "a-1:op1", "parent_key": "a-1:op0"}
>>> index.add("paragraphs", cells("paragraphs", [paragraph, paragraph]))
>>> for error in index.errors():
...     print(error)
paragraphs: primary-key: row 3: document_id, paragraph_id ('a-1', 'op1') repeats an earlier row's
paragraphs: unique-error: row 3: paragraph_key ('a-1:op1',) repeats an earlier row's
paragraphs: foreign-key: parent_key ('a-1:op0',) is not a paragraph_key in paragraphs
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from undocs import metadata
from undocs.tables import Cells

Key = tuple[object, ...]


def _caster(spec: dict, missing: list[str]) -> Callable[[str], object]:
    """Text to the value frictionless compares: ``None`` for a missing value, else the typed value."""
    if spec.get("type", "string") == "string":
        return lambda text: None if text in missing else text
    from frictionless import Field  # only non-text key fields need frictionless's casting

    typed = Field.from_descriptor(spec)
    return lambda text: None if text in missing else typed.read_cell(text)[0]


@dataclass
class _Table:
    """One table's columns: position and caster by field name."""

    schema: dict
    position: dict[str, int] = field(default_factory=dict)
    cast: dict[str, Callable[[str], object]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        missing = self.schema.get("missingValues", [""])
        for index, spec in enumerate(self.schema["fields"]):
            self.position[spec["name"]] = index
            self.cast[spec["name"]] = _caster(spec, missing)

    def key(self, row: list[str], fields: tuple[str, ...]) -> Key:
        return tuple(self.cast[name](row[self.position[name]]) for name in fields)


@dataclass
class _Key:
    """The values some fields of a table take; ``kind`` says whether they may repeat."""

    table: str
    fields: tuple[str, ...]
    kind: str = ""  # "primary-key", "unique-error", or "" for a foreign key's target only
    values: set[Key] = field(default_factory=set)

    def add(self, value: Key) -> str:
        """Record ``value``; say what is wrong with it, if anything."""
        if set(value) == {None}:
            return f"{', '.join(self.fields)} all empty" if self.kind == "primary-key" else ""
        if self.kind and value in self.values:
            return f"{', '.join(self.fields)} {value} repeats an earlier row's"
        self.values.add(value)
        return ""


@dataclass
class _Reference:
    """A foreign key: the distinct values its rows hold, checked against the target at the end."""

    table: str
    fields: tuple[str, ...]
    target: _Key
    values: set[Key] = field(default_factory=set)


class KeyIndex:
    """Primary keys, unique fields and foreign keys of every table, fed rows as they are written."""

    def __init__(self, resources: list[dict]) -> None:
        self.tables = {r["name"]: _Table(metadata.table_schema(r["name"])) for r in resources}
        self.rows = dict.fromkeys(self.tables, 0)
        self.keys: dict[tuple[str, tuple[str, ...]], _Key] = {}
        self.references: list[_Reference] = []
        self.problems: list[str] = []
        for name, table in self.tables.items():
            if table.schema.get("primaryKey"):
                self._key(name, tuple(table.schema["primaryKey"])).kind = "primary-key"
            for spec in table.schema["fields"]:
                if spec.get("constraints", {}).get("unique"):
                    key = self._key(name, (spec["name"],))
                    key.kind = key.kind or "unique-error"
            for foreign in table.schema.get("foreignKeys", []):
                reference = foreign["reference"]
                target = self._key(reference["resource"] or name, tuple(reference["fields"]))
                self.references.append(_Reference(name, tuple(foreign["fields"]), target))

    def _key(self, table: str, fields: tuple[str, ...]) -> _Key:
        return self.keys.setdefault((table, fields), _Key(table, fields))

    def add(self, name: str, rows: Cells) -> None:
        table = self.tables[name]
        keys = [key for key in self.keys.values() if key.table == name]
        references = [reference for reference in self.references if reference.table == name]
        for row in rows:
            self.rows[name] += 1
            for key in keys:
                problem = key.add(table.key(row, key.fields))
                if problem:
                    # Row numbers as frictionless counts them: the header is row 1.
                    self.problems.append(f"{name}: {key.kind}: row {self.rows[name] + 1}: {problem}")
            for reference in references:
                value = table.key(row, reference.fields)
                if set(value) != {None}:
                    reference.values.add(value)

    def errors(self) -> list[str]:
        found = list(self.problems)
        for reference in self.references:
            target = reference.target
            for value in sorted(reference.values - target.values, key=repr):
                found.append(
                    f"{reference.table}: foreign-key: {', '.join(reference.fields)} {value} "
                    f"is not a {', '.join(target.fields)} in {target.table}"
                )
        return found
