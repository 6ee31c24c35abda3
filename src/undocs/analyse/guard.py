"""One bad sentence never costs the whole document: an analyser's failure on a paragraph, or a
row that breaks its own table's schema, becomes a warning with the file and line, and the rest
of the document is analysed and published.

>>> from undocs.models import DocumentMeta
>>> parsed = ParsedDocument(DocumentMeta("d", "d.txt", "", "resolution"), [Paragraph("op1", "", "operative", "1.", 1, 1, "", "Urges", 7, 8)], [])
>>> [found for _, found in each_paragraph(parsed, "asks", lambda paragraph: 1 / 0)]
[]
>>> parsed.warnings
['d.txt:7: asks: paragraph op1 could not be analysed (ZeroDivisionError: division by zero); its asks are left out']
>>> complete_rows(parsed, "figures", [{"document_id": "d", "figure_id": "op1:1", "paragraph_id": "op1", "value": ""}])
[]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from typing import TypeVar

from undocs import paths
from undocs.models import Paragraph, ParsedDocument

Found = TypeVar("Found")


def _warn(parsed: ParsedDocument, line: int | None, message: str) -> None:
    warning = f"{parsed.meta.source_path}:{line or 1}: {message}"
    if warning not in parsed.warnings:  # the tables may be built more than once per parse
        parsed.warnings.append(warning)


def each_paragraph(
    parsed: ParsedDocument, stage: str, analyse: Callable[[Paragraph], Found]
) -> Iterator[tuple[Paragraph, Found]]:
    """``analyse`` of each paragraph; a paragraph it fails on is left out with a warning."""
    for paragraph in parsed.paragraphs:
        try:
            found = analyse(paragraph)
        except Exception as error:
            _warn(
                parsed,
                paragraph.line_start,
                f"{stage}: paragraph {paragraph.paragraph_id} could not be analysed "
                f"({type(error).__name__}: {error}); its {stage} are left out",
            )
            continue
        yield paragraph, found


@cache
def _required(table: str) -> tuple[str, ...]:
    schema = json.loads((paths.SCHEMAS / f"{table}.schema.json").read_text(encoding="utf-8"))
    return tuple(field["name"] for field in schema["fields"] if field.get("constraints", {}).get("required"))


def complete_rows(parsed: ParsedDocument, table: str, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """The rows whose required fields are all filled; each other row is a warning, not a failed build."""
    lines = {paragraph.paragraph_id: paragraph.line_start for paragraph in parsed.paragraphs}
    kept = []
    for row in rows:
        empty = [name for name in _required(table) if row.get(name) in (None, "")]
        if empty:
            _warn(
                parsed,
                lines.get(str(row.get("paragraph_id", ""))),
                f"{table}: a row of paragraph {row.get('paragraph_id', '?')} has no {', '.join(empty)}; it is left out",
            )
            continue
        kept.append(row)
    return kept
