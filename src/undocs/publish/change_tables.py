"""Stage: tables. ``paragraph_changes``: each document whose manifest names a ``previous`` version,
aligned with it paragraph by paragraph (see ``undocs.compare``).

>>> from undocs.models import DiffPiece, ParagraphChange
>>> pieces = (DiffPiece("equal", "Urges", "Urges"), DiffPiece("replace", " all", " the"), DiffPiece("equal", " States", " States"))
>>> row = change_rows("new", "old", [ParagraphChange("modified", ("op1",), ("op2",), 0.67, (pieces,))])[0]
>>> row["paragraph_key"], row["previous_paragraph_key"], row["words_added"], row["diff"]
('new:op2', 'old:op1', 1, 'Urges [-all-] {+the+} States')
"""

from __future__ import annotations

from collections.abc import Sequence

from undocs.compare import diff
from undocs.compare.align import align, pairs
from undocs.models import Analysis, Paragraph, ParagraphChange
from undocs.publish.rows import paragraph_key

Row = dict[str, object]
# Kinds whose words changed: the diff says how (the others' text is the same, or all new or all gone).
REWORDED = {"modified", "moved", "split", "merged"}


def change_rows(document_id: str, previous_id: str, changes: Sequence[ParagraphChange]) -> list[Row]:
    rows = []
    for change in changes:
        for paragraph_id, previous_paragraph_id, pieces in pairs(change):
            added, removed = diff.counts(pieces)
            rows.append(
                {
                    "document_id": document_id,
                    "previous_document_id": previous_id,
                    "change_id": f"{previous_paragraph_id or '-'}>{paragraph_id or '-'}",
                    "paragraph_id": paragraph_id,
                    "previous_paragraph_id": previous_paragraph_id,
                    "paragraph_key": paragraph_key(document_id, paragraph_id),
                    "previous_paragraph_key": paragraph_key(previous_id, previous_paragraph_id),
                    "change": change.change,
                    "similarity": f"{change.similarity:.4f}",
                    "words_added": added,
                    "words_removed": removed,
                    "diff": diff.inline(pieces) if change.change in REWORDED and (added or removed) else "",
                }
            )
    return rows


class ParagraphChanges:
    """The ``PER_PACKAGE`` builder: keeps the paragraphs of the documents a pair compares (the
    manifest says which: ``ParsedDocument.compared``; documents come in id order, so the earlier
    version may come last), aligns each pair at the end. Other documents leave nothing here.
    """

    def __init__(self) -> None:
        self.paragraphs: dict[str, list[Paragraph]] = {}
        self.previous: dict[str, str] = {}

    def pick(self, analysis: Analysis) -> tuple[str, str, list[Paragraph]]:
        parsed = analysis.parsed
        return parsed.meta.document_id, parsed.meta.previous, parsed.paragraphs if parsed.compared else []

    def add(self, picked: tuple[str, str, list[Paragraph]]) -> None:
        document_id, previous, paragraphs = picked
        if paragraphs:
            self.paragraphs[document_id] = paragraphs
        if previous:
            self.previous[document_id] = previous

    def rows(self) -> dict[str, list[Row]]:
        rows = []
        for document_id, previous in sorted(self.previous.items()):
            changes = align(self.paragraphs[previous], self.paragraphs[document_id])
            rows += change_rows(document_id, previous, changes)
        return {"paragraph_changes": rows}
