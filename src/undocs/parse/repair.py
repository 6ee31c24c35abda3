"""Repairs for text extractors' faults, apart from the numbering rules (``segment``) that read the result.

pdfminer prints a paragraph's label on a line of its own (``1.`` then the text) and sets a few
words of a justified line apart, alone between blank lines ("the", "that", "Convinced"). Each
body line comes out as a ``BodyLine``: its text with a label printed alone before it joined in
front, and the stray words set apart before it, which belong to the paragraph that this line
opens or goes on with.

>>> from undocs.models import SourceLine
>>> body = [SourceLine(1, " 1."), SourceLine(2, "Decides to act;"), SourceLine(4, "the"), SourceLine(6, " 2. Requests it.")]
>>> lines, left = body_lines(body, indent_marks_start=False)
>>> [(line.text, line.label_line and line.label_line.number, [s.text for s in line.strays]) for line in lines]
[(' 1. Decides to act;', 1, []), (' 2. Requests it.', None, ['the'])]
"""

from __future__ import annotations

from dataclasses import dataclass

from undocs import vocab
from undocs.models import SourceLine
from undocs.parse import patterns

STRAY_WORDS = 3  # pdfminer's stray pieces of a justified line are a word or three


@dataclass(frozen=True)
class BodyLine:
    """A body line as the numbering rules read it, the extractor's faults repaired."""

    line: SourceLine
    text: str
    block_start: bool  # a blank line (or nothing) stands before it
    label_line: SourceLine | None = None  # a label printed alone on the line before, now in ``text``
    strays: tuple[SourceLine, ...] = ()  # stray words set apart before it


def body_lines(body: list[SourceLine], indent_marks_start: bool) -> tuple[list[BodyLine], list[SourceLine]]:
    """The repaired lines, and the stray words left after the last one (they go on with the last paragraph).

    Where indents mark where paragraphs start (``indent_marks_start``) no line is taken for stray words.
    """
    out: list[BodyLine] = []
    pending: SourceLine | None = None
    strays: list[SourceLine] = []
    for index, line in enumerate(body):
        if patterns.LABEL_ONLY_LINE.match(line.text):
            pending = line
            continue
        block_start = index == 0 or body[index - 1].number < line.number - 1
        if not (indent_marks_start or pending) and _is_stray(body, index, block_start):
            strays.append(line)
            continue
        text = f" {pending.text.strip()} {line.text.strip()}" if pending else line.text
        out.append(BodyLine(line, text, block_start, pending, tuple(strays)))
        pending, strays = None, []
    return out, strays


def _is_stray(body: list[SourceLine], index: int, block_start: bool) -> bool:
    """A few words alone between blank lines, not closing a sentence: pdfminer's pieces of a line."""
    line = body[index]
    block_end = index + 1 == len(body) or body[index + 1].number > line.number + 1
    words = line.text.split()
    return (
        block_start
        and block_end
        and len(words) <= STRAY_WORDS
        and not patterns.PARAGRAPH_END.search(line.text)
        and not vocab.lead_phrase(line.text.strip(), "preambular")
        and not patterns.OPERATIVE_LABEL.match(line.text)
        and not patterns.SUBPARAGRAPH_LABEL.match(line.text)
    )
