"""Stage: tables. Shape parsed documents into rows whose columns are the schemas' fields.

Rows are plain dicts keyed by field name; ``write_csv`` orders columns as the schema does and
writes values in one fixed format (``true``/``false``, empty for missing), so builds repeat
byte for byte.

>>> format_value(True), format_value(None), format_value(3)
('true', '', '3')
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

from undocs import asks, citation_tables, figures, metadata, themes
from undocs.keys import footnote_key, paragraph_key
from undocs.models import ParsedDocument

Row = dict[str, object]
TableRows = dict[str, list[Row]]


def format_value(value: object) -> str:
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
]


# Tables built from all documents at once (distinct resolutions, codelists), appended likewise.
PER_PACKAGE: list[Callable[[list[ParsedDocument]], TableRows]] = [
    citation_tables.package_tables,
    asks.addressee_rows,
    themes.theme_rows,
]


def rows_for(documents: Iterable[ParsedDocument]) -> TableRows:
    """All tables' rows for these documents, documents in id order."""
    ordered = sorted(documents, key=lambda document: document.meta.document_id)
    tables: TableRows = {resource["name"]: [] for resource in metadata.resources()}
    for parsed in ordered:
        for builder in PER_DOCUMENT:
            for name, rows in builder(parsed).items():
                tables[name].extend(rows)
    for package_builder in PER_PACKAGE:
        for name, rows in package_builder(ordered).items():
            tables[name].extend(rows)
    return tables


def write_csv(path: Path, name: str, rows: list[Row]) -> None:
    """Write one table as UTF-8 CSV, header and column order from its schema."""
    fields = metadata.field_names(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(fields)
        for row in rows:
            writer.writerow([format_value(row.get(field)) for field in fields])
