"""Text helpers every stage shares: spaces squeezed, wrapped lines joined, dates read.

>>> join_lines(["including its field-", "based structure", "victim-", "and survivor-centred"])
'including its field-based structure victim- and survivor-centred'
>>> iso_date("12 November 2025")
'2025-11-12'
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

SPACES = re.compile(r"[ \t\u00a0]+")
LINE_END_HYPHEN = re.compile(r"(?<=\w)\s?-$")
SUSPENDED_HYPHEN_NEXT = re.compile(r"^(?:and|or|to)\b")  # "victim- and survivor-centred" keeps its hyphen
HEADING_WORDS = 30  # a heading is a short line: longer unpunctuated text is a table or a paragraph
# An annex's titles run long (53 words in the corpus); longer unpunctuated text there is a table's.
TABLE_WORDS = 60


def squeeze(text: str) -> str:
    """One space between words, none at the ends (pdfminer doubles spaces; PDFs use no-break ones)."""
    return SPACES.sub(" ", text).strip()


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: one space between words, a line-end hyphen kept and closed up."""
    text = ""
    for part in parts:
        part = squeeze(part)
        if not part:
            continue
        if LINE_END_HYPHEN.search(text) and not SUSPENDED_HYPHEN_NEXT.match(part):
            text = LINE_END_HYPHEN.sub("-", text) + part
        else:
            text = f"{text} {part}" if text else part
    return text


def iso_date(text: str) -> str:
    return datetime.strptime(" ".join(text.split()), "%d %B %Y").date().isoformat()


def relative(path: Path) -> str:
    """A path as users see it: relative to the current folder when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
