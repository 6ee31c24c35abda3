"""Comparisons written out: ``undocs compare``'s folder, and the release's redline pages.

``write_comparison`` takes two parsed documents (text, PDF or XML) and writes ``changes.csv``
(the columns of the package's ``paragraph_changes``), its Table Schema ``changes.schema.json``
and the redline page ``comparison.html``. ``write_redlines`` writes one page for each document
of a published package that names a ``previous`` version, from the package's own paragraphs.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from undocs.compare.align import align
from undocs.compare.redline import Version, redline, summary
from undocs.models import DocumentMeta, Paragraph, ParsedDocument
from undocs.publish import metadata, tables
from undocs.publish.change_tables import change_rows

CHANGES = "paragraph_changes"
PARAGRAPH_FIELDS = [field.name for field in fields(Paragraph)]


def version(meta: DocumentMeta | dict) -> Version:
    get = meta.get if isinstance(meta, dict) else meta.__dict__.get
    return Version(get("symbol") or get("document_id"), get("title") or "")


def write_comparison(old: ParsedDocument, new: ParsedDocument, out: Path) -> dict[str, int]:
    """Write the comparison of two documents into ``out``; returns the changes counted by kind."""
    changes = align(old.paragraphs, new.paragraphs)
    rows = change_rows(new.meta.document_id, old.meta.document_id, changes)
    out.mkdir(parents=True, exist_ok=True)
    (out / "changes.csv").write_text(
        tables.header(CHANGES) + tables.csv_text(tables.cells(CHANGES, rows)), encoding="utf-8"
    )
    # Standalone: the foreign keys name the package's other tables, which this folder does not have.
    schema = {key: value for key, value in metadata.table_schema(CHANGES).items() if key != "foreignKeys"}
    (out / "changes.schema.json").write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    page = redline(version(old.meta), version(new.meta), old.paragraphs, new.paragraphs, changes)
    (out / "comparison.html").write_text(page, encoding="utf-8")
    return summary(changes)


def _paragraphs(rows: list[dict], document_id: str) -> list[Paragraph]:
    return [
        Paragraph(**{name: row[name] if row[name] is not None else "" for name in PARAGRAPH_FIELDS})
        for row in rows
        if row["document_id"] == document_id
    ]


def write_redlines(typed: dict[str, list[dict]], out: Path) -> list[Path]:
    """``out/redline/<document_id>.html`` for each document with a previous version."""
    documents = {row["document_id"]: row for row in typed["documents"]}
    written = []
    for document_id, document in sorted(documents.items()):
        if not document.get("previous"):
            continue
        previous = documents[document["previous"]]
        old, new = (
            _paragraphs(typed["paragraphs"], previous["document_id"]),
            _paragraphs(typed["paragraphs"], document_id),
        )
        path = out / "redline" / f"{document_id}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redline(version(previous), version(document), old, new, align(old, new)), encoding="utf-8")
        written.append(path)
    return written
