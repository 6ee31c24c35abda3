"""Repair Markdown footnotes, as some extraction pipelines write them, into the printed form.

A pipeline that turns a PDF into Markdown moves each note to the end as ``[^12]: text`` and
writes its marker as ``girls[^12]``. The parser reads notes as the page prints them: a marker
is a superscript number, a note a line that starts with its number. Each line is rewritten in
place (the line count is kept, so every row still points to its source line).

>>> [line.text for line in repair([SourceLine(1, "and girls[^12] and"), SourceLine(2, "[^12]: CEDAW/C/GC/39.")])]
['and girls¹² and', '12 CEDAW/C/GC/39.']
"""

from __future__ import annotations

import re

from undocs.models import SourceLine
from undocs.parse import patterns

MARKER = re.compile(r"\[\^(?P<number>\d{1,4}|\*)\]")
NOTE = re.compile(r"^(?P<indent>\s*)\[\^(?P<number>\d{1,4}|\*)\]:\s*")


def repair(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with Markdown notes and markers in the printed form; others unchanged."""
    if not any("[^" in line.text for line in lines):
        return lines
    return [SourceLine(line.number, _printed(line.text), line.page) for line in lines]


def _printed(text: str) -> str:
    # "[^1994]: (United Nations publication" was a wrapped note's next line "1994 (United ...":
    # either way the number and text are put back as the page prints them.
    text = NOTE.sub(lambda m: f"{m['indent']}{m['number']} ", text)
    return MARKER.sub(lambda m: patterns.superscript(m["number"]), text)
