"""Completeness audit: every line of a source is claimed exactly once, or the build stops.

Each line must have a kind (``ParsedDocument.line_kinds``); a paragraph-text line must lie in
exactly one paragraph's line span and a footnote-text line in exactly one note's span. A line
that nothing claims is text the package would silently lose; a line two rows claim would be
published twice.

>>> from undocs.models import DocumentMeta, LineKind, Paragraph, ParsedDocument
>>> meta = DocumentMeta("d", "d.txt", "0" * 64, "statement")
>>> parsed = ParsedDocument(meta, [Paragraph("p1", "", "statement", "", 1, 1, "", "Hi.", 1, 1)], [])
>>> parsed.line_kinds = {1: LineKind.BODY, 2: LineKind.BLANK}
>>> problems(parsed, 3)
[(3, 'no stage claimed this line')]
>>> parsed.line_kinds[3] = LineKind.BODY
>>> problems(parsed, 3)
[(3, 'this paragraph-text line lies in no paragraph')]
"""

from __future__ import annotations

from undocs.errors import SourceError
from undocs.models import LineKind, ParsedDocument


def _owners(spans: list[tuple[int | None, int | None]], line_count: int) -> list[int]:
    """How many spans cover each line (index 0 is line 1)."""
    owners = [0] * (line_count + 2)
    for start, end in spans:
        if start is None or end is None:
            continue  # a note whose text is missing from the source claims no line
        owners[start] += 1
        owners[end + 1] -= 1
    running, counts = 0, []
    for delta in owners[1 : line_count + 1]:
        running += delta
        counts.append(running)
    return counts


def problems(parsed: ParsedDocument, line_count: int) -> list[tuple[int, str]]:
    """Lines that are unclaimed or claimed twice, with what is wrong, in line order."""
    paragraphs = _owners([(p.line_start, p.line_end) for p in parsed.paragraphs], line_count)
    notes = _owners([(n.line_start, n.line_end) for n in parsed.footnotes], line_count)
    found: list[tuple[int, str]] = []
    for number in range(1, line_count + 1):
        kind = parsed.line_kinds.get(number)
        if kind is None:
            found.append((number, "no stage claimed this line"))
        elif kind is LineKind.BODY and paragraphs[number - 1] != 1:
            found.append((number, _claims("paragraph-text", "paragraph", paragraphs[number - 1])))
        elif kind is LineKind.FOOTNOTE and notes[number - 1] != 1:
            found.append((number, _claims("footnote-text", "note", notes[number - 1])))
    found += [
        (number, "a line past the end of the file has a kind") for number in parsed.line_kinds if number > line_count
    ]
    return found


def _claims(kind: str, owner: str, count: int) -> str:
    return f"this {kind} line lies in no {owner}" if count == 0 else f"this {kind} line lies in {count} {owner}s"


def check(parsed: ParsedDocument, line_count: int, path: str) -> None:
    """Stop the build at the first line that is unclaimed or claimed twice."""
    found = problems(parsed, line_count)
    if found:
        line, problem = found[0]
        raise SourceError(
            path,
            f"completeness audit: {problem} ({len(found)} such lines in this file)",
            "the parser lost or doubled text here: correct the layout of this line or report it with the file",
            line,
        )
