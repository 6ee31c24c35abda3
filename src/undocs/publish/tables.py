"""Stage: tables. The table registries, and rows written as cells in the schemas' column order.

Rows are plain dicts keyed by field name (shaped in ``rows``); ``cells`` orders columns as the
schema does and writes values in one fixed format (``true``/``false``, empty for missing), so
builds repeat byte for byte. A row must carry exactly its table's fields: one the schema lacks,
or one it has and the row does not, is an error (``RowShapeError``), never dropped or left empty.

Documents stream through one at a time, in ``document_id`` order, and are let go once their
rows are written, so a build's memory does not grow with the corpus. Two registries add tables:

- ``PER_DOCUMENT``: functions ``(analysis: Analysis) -> TableRows``; the rows one document
  contributes (its paragraphs, footnotes, ...). Called once per document, in the worker pool.
- ``PER_PACKAGE``: factories ``() -> PackageTables`` for tables built over all documents
  (distinct resolutions, codelists). ``pick(analysis)`` takes from one document what the table
  needs (picklable: it is cached with the document's rows, see ``analysed``). Each build makes a
  fresh builder, calls ``add(picked)`` once per document in ``document_id`` order (one pass,
  shared by all builders), then ``rows()`` once; its rows are written after every document's
  rows. ``add`` must keep only what its table needs (a dict of distinct values), never the
  documents, and ``rows`` must return them in a fixed order (sorted by key). A codelist, whose
  rows come from a vocabulary and not from the documents, is registered as
  ``partial(Codelist, rows_function)``.

>>> format_value(True), format_value(None), format_value(3)
('true', '', '3')
>>> cells("addressees", [{"addressee_id": "dprk", "label": "DPRK"}])
Traceback (most recent call last):
...
undocs.publish.tables.RowShapeError: addressees: a row without the field(s) phrases: ['addressee_id', 'label']
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from operator import itemgetter
from typing import Protocol

from undocs.models import Analysed, Analysis, Cells, Unit
from undocs.publish import change_tables, metadata, rows, upr_tables
from undocs.publish.integrity import table_keys
from undocs.publish.rows import Row, TableRows


class RowShapeError(ValueError):
    """A row whose fields are not its table's: a defect of the code that shaped it."""


def format_value(value: object) -> str:
    if type(value) is str:  # most cells: the fast path first
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# Each later stage adds its per-document tables by appending a function here.
PER_DOCUMENT: list[Callable[[Analysis], TableRows]] = [rows.document_tables]


class PackageTables(Protocol):
    """A builder of tables over all documents, fed one document at a time (see the module doc)."""

    def pick(self, analysis: Analysis) -> object: ...

    def add(self, picked: object) -> None: ...

    def rows(self) -> TableRows: ...


class Codelist:
    """A package table whose rows come from a vocabulary, whichever documents the package holds."""

    def __init__(self, make_rows: Callable[[], TableRows]) -> None:
        self.make_rows = make_rows

    def pick(self, analysis: Analysis) -> None:
        """Nothing to keep: a codelist lists every entry, cited or not."""

    def add(self, picked: None) -> None:
        """Nothing to add (see ``pick``)."""

    def rows(self) -> TableRows:
        return self.make_rows()


# Tables built from all documents (distinct resolutions, codelists): a builder class each, appended likewise.
PER_PACKAGE: list[Callable[[], PackageTables]] = [
    rows.Resolutions,
    rows.Treaties,
    partial(Codelist, rows.addressee_rows),
    partial(Codelist, rows.theme_rows),
    upr_tables.UprTables,
    change_tables.ParagraphChanges,
]


@cache
def _columns(name: str) -> tuple[frozenset[str], Callable[[Row], tuple[object, ...]]]:
    """The table's fields, and a function picking a row's cells in schema order."""
    fields = metadata.field_names(name)
    pick = itemgetter(*fields)
    return frozenset(fields), (lambda row: (pick(row),)) if len(fields) == 1 else pick


def _misshapen(name: str, fields: frozenset[str], row: Row) -> RowShapeError:
    extra, missing = sorted(row.keys() - fields), sorted(fields - row.keys())
    problems = [f"field(s) the schema lacks: {extra}"] if extra else []
    problems += [f"without the field(s) {', '.join(missing)}"] if missing else []
    return RowShapeError(f"{name}: a row {' and '.join(problems)}: {sorted(row)}")


def cells(name: str, rows: list[Row]) -> Cells:
    """Rows as CSV cells, columns in the schema's order; each row must have exactly the schema's fields.

    >>> cells("addressees", [{"addressee_id": "dprk", "label": "DPRK", "phrases": None}])
    [['dprk', 'DPRK', '']]
    """
    fields, pick = _columns(name)
    for row in rows:
        if row.keys() != fields:
            raise _misshapen(name, fields, row)
    # Every cell of every row passes here: text, most of them, is kept without a call.
    return [[value if type(value) is str else format_value(value) for value in pick(row)] for row in rows]


def _extend(into: dict[str, Cells], tables: TableRows) -> None:
    for table, table_rows in tables.items():
        into.setdefault(table, []).extend(cells(table, table_rows))


def _unit(document_id: str, tables: dict[str, Cells], warnings: list[str] | None = None) -> Unit:
    """Rows as a unit: their CSV text and key hashes, made where the rows are made (in a worker,
    for a document's), so the cache keeps text, not cells, and a rebuild reads it back fast."""
    texts = {name: csv_text(table_cells) for name, table_cells in tables.items()}
    keys = {name: table_keys(name, table_cells) for name, table_cells in tables.items()}
    return Unit(document_id, texts, keys, content_digest(texts), warnings or [])


def content_digest(texts: dict[str, str]) -> str:
    """The sha256 of some named texts (a unit's CSV rows per table, or the descriptor), with each
    name and length, so that no two sets of texts give the same bytes to hash."""
    digest = hashlib.sha256()
    for name, text in sorted(texts.items()):
        encoded = text.encode()
        digest.update(f"{name}\0{len(encoded)}\0".encode() + encoded)
    return digest.hexdigest()


def analysed(analysis: Analysis) -> Analysed:
    """A document's rows as a unit (CSV text and key hashes), with all else a build needs of it (see ``models.Analysed``)."""
    parsed = analysis.parsed
    warnings = list(analysis.warnings)
    tables: dict[str, Cells] = {}
    for builder in PER_DOCUMENT:
        for table, table_rows in builder(analysis).items():
            kept, left_out = rows.complete(parsed, table, table_rows)
            _extend(tables, {table: kept})
            warnings += left_out
    unit = _unit(parsed.meta.document_id, tables)
    picked = [factory().pick(analysis) for factory in PER_PACKAGE]
    warnings += [warning for pick in picked for warning in getattr(pick, "warnings", [])]
    kinds = Counter(kind.value for kind in parsed.line_kinds.values())
    return Analysed(
        unit, picked, warnings, dict(kinds), parsed.meta.title, parsed.meta.url,
        len(parsed.paragraphs), len(parsed.footnotes),
    )  # fmt: skip


def units(documents: Iterable[Analysed]) -> Iterator[Unit]:
    """Each document's unit, in ``document_id`` order, then the package tables' rows."""
    builders = [factory() for factory in PER_PACKAGE]
    previous = ""
    for document in documents:
        document_id = document.unit.document_id
        if document_id <= previous:
            raise ValueError(f"documents must come in document_id order: {document_id!r} after {previous!r}")
        previous = document_id
        for package_builder, picked in zip(builders, document.picked, strict=True):
            package_builder.add(picked)
        yield document.unit
    tables: dict[str, Cells] = {}
    warnings: list[str] = []
    for package_builder in builders:
        _extend(tables, package_builder.rows())
        warnings += getattr(package_builder, "warnings", [])
    yield _unit("", tables, warnings)


def csv_text(rows: Cells) -> str:
    """Rows as UTF-8 CSV text, one fixed dialect (the descriptor's)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def header(name: str) -> str:
    return csv_text([metadata.field_names(name)])


SHIPPED = (tuple(PER_DOCUMENT), tuple(PER_PACKAGE))


def as_shipped() -> bool:
    """Whether the registries are the code's own: only then may cached rows stand for the builders' output."""
    return (tuple(PER_DOCUMENT), tuple(PER_PACKAGE)) == SHIPPED
