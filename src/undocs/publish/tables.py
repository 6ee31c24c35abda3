"""Stage: tables. Shape parsed documents into rows whose columns are the schemas' fields.

Rows are plain dicts keyed by field name; ``cells`` orders columns as the schema does and
writes values in one fixed format (``true``/``false``, empty for missing), so builds repeat
byte for byte.

Documents stream through one at a time, in ``document_id`` order, and are let go once their
rows are written, so a build's memory does not grow with the corpus. Two registries add tables:

- ``PER_DOCUMENT``: functions ``(parsed: ParsedDocument) -> TableRows``; the rows one document
  contributes (its paragraphs, footnotes, ...). Called once per document.
- ``PER_PACKAGE``: factories ``() -> PackageTables`` for tables built over all documents
  (distinct resolutions, codelists). ``pick(parsed)`` takes from one document what the table
  needs (picklable: it is cached with the document's rows, see ``analyse``). Each build makes a
  fresh builder, calls ``add(picked)`` once per document in ``document_id`` order (one pass,
  shared by all builders), then ``rows()`` once; its rows are written after every document's
  rows. ``add`` must keep only what its table needs (a dict of distinct values), never the
  documents, and ``rows`` must return them in a fixed order (sorted by key). A function
  ``f(documents) -> TableRows`` that loops over the documents once becomes a builder by moving
  the loop body into ``pick`` and ``add`` and the ``return`` into ``rows``. A codelist, whose
  rows come from a vocabulary and not from the documents, is registered as
  ``partial(Codelist, rows_function)``.

A document's rows, picks and warnings together are its ``Analysed`` form, which the build
caches beside the parsed document (``batch``), so an unchanged document is not analysed again.

>>> format_value(True), format_value(None), format_value(3)
('true', '', '3')
>>> class Bodies:
...     def __init__(self) -> None:
...         self.seen: set[str] = set()
...     def pick(self, parsed: ParsedDocument) -> str:
...         return parsed.meta.body
...     def add(self, picked: str) -> None:
...         self.seen.add(picked)
...     def rows(self) -> TableRows:
...         return {"bodies": [{"body": body} for body in sorted(self.seen)]}
>>> from undocs.models import DocumentMeta
>>> builder = Bodies()
>>> builder.add(builder.pick(ParsedDocument(DocumentMeta("a", "a.txt", "", "resolution", body="Third Committee"), [], [])))
>>> builder.rows()
{'bodies': [{'body': 'Third Committee'}]}
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from operator import itemgetter
from typing import Protocol

from undocs.analyse import asks, figures, sponsorship, themes
from undocs.models import ParsedDocument
from undocs.publish import change_tables, citation_tables, metadata, upr_tables
from undocs.publish.keys import footnote_key, paragraph_key

Row = dict[str, object]
TableRows = dict[str, list[Row]]


def format_value(value: object) -> str:
    if type(value) is str:  # most cells: the fast path first
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def document_row(parsed: ParsedDocument) -> Row:
    return parsed.meta.as_row()


def paragraph_rows(parsed: ParsedDocument) -> list[Row]:
    document_id = parsed.meta.document_id
    return [
        {
            "document_id": document_id,
            "paragraph_key": paragraph_key(document_id, paragraph.paragraph_id),
            "parent_key": paragraph_key(document_id, paragraph.parent_id),
            **paragraph.__dict__,
        }
        for paragraph in parsed.paragraphs
    ]


def footnote_sort_key(footnote_id: str) -> tuple[int, str]:
    return (int(footnote_id), "") if footnote_id.isdigit() else (0, footnote_id)


def footnote_rows(parsed: ParsedDocument) -> list[Row]:
    notes = sorted(parsed.footnotes, key=lambda note: footnote_sort_key(note.footnote_id))
    document_id = parsed.meta.document_id
    return [
        {"document_id": document_id, "footnote_key": footnote_key(document_id, note.footnote_id), **note.__dict__}
        for note in notes
    ]


# Each later stage (citations, asks) adds its tables by appending a function here.
PER_DOCUMENT: list[Callable[[ParsedDocument], TableRows]] = [
    lambda parsed: {
        "documents": [document_row(parsed)],
        "paragraphs": paragraph_rows(parsed),
        "footnotes": footnote_rows(parsed),
    },
    citation_tables.document_tables,
    lambda parsed: {
        "recommendations": asks.recommendation_rows(parsed),
        "figures": figures.figure_rows(parsed),
        "paragraph_themes": themes.paragraph_theme_rows(parsed),
    },
    sponsorship.tables,
]


class PackageTables(Protocol):
    """A builder of tables over all documents, fed one document at a time (see the module doc)."""

    def pick(self, parsed: ParsedDocument) -> object: ...

    def add(self, picked: object) -> None: ...

    def rows(self) -> TableRows: ...


class Codelist:
    """A package table whose rows come from a vocabulary, whichever documents the package holds."""

    def __init__(self, make_rows: Callable[[], TableRows]) -> None:
        self.make_rows = make_rows

    def pick(self, parsed: ParsedDocument) -> None:
        """Nothing to keep: a codelist lists every entry, cited or not."""

    def add(self, picked: None) -> None:
        """Nothing to add (see ``pick``)."""

    def rows(self) -> TableRows:
        return self.make_rows()


# Tables built from all documents (distinct resolutions, codelists): a builder class each, appended likewise.
PER_PACKAGE: list[Callable[[], PackageTables]] = [
    citation_tables.Resolutions,
    citation_tables.Treaties,
    partial(Codelist, asks.addressee_rows),
    partial(Codelist, themes.theme_rows),
    upr_tables.UprTables,
    change_tables.ParagraphChanges,
]

Cells = list[list[str]]


@dataclass
class Unit:
    """The rows one document contributes to each table (or, with no ``document_id``, the package tables')."""

    document_id: str
    tables: dict[str, Cells]
    # Checks across documents (a builder's ``warnings``, if it has them) go to the build log.
    warnings: list[str] = field(default_factory=list)


@cache
def _columns(name: str) -> tuple[Row, Callable[[Row], tuple[object, ...]]]:
    """A row of the table with every field empty, and a function picking its cells in schema order."""
    fields = metadata.field_names(name)
    pick = itemgetter(*fields)
    return dict.fromkeys(fields), (lambda row: (pick(row),)) if len(fields) == 1 else pick


def cells(name: str, rows: list[Row]) -> Cells:
    """Rows as CSV cells, columns in the schema's order; a field a row lacks is empty.

    >>> cells("footnotes", [{"document_id": "a", "footnote_id": "1", "marker_found": True}])[0][:3]
    ['a', '1', '']
    """
    empty, pick = _columns(name)
    # Every cell of every row passes here: text, most of them, is kept without a call.
    return [[value if type(value) is str else format_value(value) for value in pick(empty | row)] for row in rows]


def _extend(into: dict[str, Cells], tables: TableRows) -> None:
    for table, rows in tables.items():
        into.setdefault(table, []).extend(cells(table, rows))


@dataclass
class Analysed:
    """One document's rows as cells, what each ``PER_PACKAGE`` builder picks from it, its warnings
    (the builders add some) and its source lines' kinds counted: all a build needs of it.
    """

    unit: Unit
    picked: list[object]
    warnings: list[str]
    line_kinds: dict[str, int]


def analyse(parsed: ParsedDocument) -> Analysed:
    unit = Unit(parsed.meta.document_id, {})
    for builder in PER_DOCUMENT:
        _extend(unit.tables, builder(parsed))
    picked = [factory().pick(parsed) for factory in PER_PACKAGE]
    kinds = Counter(kind.value for kind in parsed.line_kinds.values())
    return Analysed(unit, picked, list(parsed.warnings), dict(kinds))


def units(documents: Iterable[Analysed]) -> Iterator[Unit]:
    """Each document's rows as cells, in ``document_id`` order, then the package tables' rows."""
    builders = [factory() for factory in PER_PACKAGE]
    previous = ""
    for analysed in documents:
        document_id = analysed.unit.document_id
        if document_id <= previous:
            raise ValueError(f"documents must come in document_id order: {document_id!r} after {previous!r}")
        previous = document_id
        for package_builder, picked in zip(builders, analysed.picked, strict=True):
            package_builder.add(picked)
        yield analysed.unit
    unit = Unit("", {})
    for package_builder in builders:
        _extend(unit.tables, package_builder.rows())
        unit.warnings += getattr(package_builder, "warnings", [])
    yield unit


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
