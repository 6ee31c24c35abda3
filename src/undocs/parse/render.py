"""Print a resolution back as text: the PDF-extracted layout or one paragraph per line.

The property tests print the seed in other layouts (other line widths, page breaks with
headers and footnote blocks elsewhere) and check that the parser reads the same paragraphs
back; the benchmark and ``make corpus`` print the Akoma Ntoso resolutions of ../shared/akn the same way
(``from_document``, then ``pdf_layout``).

>>> printed = Printed(["Title"], "The General Assembly,", [("", "Recalling it,1"), ("1.", "Decides.")], [("1", "A/1.")])
>>> print(one_per_line(printed))
Title
 The General Assembly,
 Recalling it,1
 1. Decides.
__________
 1  A/1.
>>> print(pdf_layout(printed, width=12, breaks={2}, symbol="A/1/L.1").replace("\\f", "<FF>"))
Title
 The General Assembly,
 Recalling
it,1
<FF> A/1/L.1
2/2 00-00000
 1. Decides.
__________
 1  A/1.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from undocs.models import ParsedDocument, SourceLine
from undocs.parse.clean import clean
from undocs.parse.patterns import PART_PREFIX
from undocs.parse.segment import segment
from undocs.text import join_lines

SEPARATOR = "_" * 10


@dataclass
class Printed:
    """What a resolution prints: front matter, chapeau, (label, text with markers) and notes."""

    front: list[str]
    chapeau: str
    paragraphs: list[tuple[str, str]]
    notes: list[tuple[str, str]]


def read(lines: list[SourceLine], symbol: str = "") -> Printed:
    """The printed content of a resolution text, note markers still in the paragraph texts."""
    cleaned = clean(lines, symbol)
    paragraphs = [(p.label, p.text) for p in segment(cleaned, "") if p.section != "title"]
    notes = [(note.number, join_lines(note.lines)) for note in cleaned.notes]
    front = [line.text for line in cleaned.front if line.text.strip()]
    chapeau = cleaned.chapeau.text.strip() if cleaned.chapeau else "The General Assembly,"
    return Printed(front, chapeau, paragraphs, notes)


def _opening(label: str, text: str) -> str:
    return f" {label} {text}" if label else f" {text}"


def _note_lines(notes: list[tuple[str, str]]) -> list[str]:
    return [SEPARATOR, *(f" {number}  {text}" for number, text in notes)]


def one_per_line(printed: Printed) -> str:
    """Clean text: each paragraph on one line, all notes at the end under one separator."""
    lines = [*printed.front, f" {printed.chapeau}"]
    lines += [_opening(label, text) for label, text in printed.paragraphs]
    return "\n".join(lines + _note_lines(printed.notes))


def pdf_layout(printed: Printed, width: int, breaks: set[int], symbol: str, blank_lines: bool = False) -> str:
    """PDF-extracted text: lines wrapped at ``width``, first lines indented, and after body line
    ``i`` in ``breaks`` a page foot (a share of the notes) and a page head (symbol, page number)."""
    body: list[str] = []
    for label, text in printed.paragraphs:
        body += textwrap.wrap(_opening(label, text), width, break_long_words=False, break_on_hyphens=False)
    cuts = sorted(b for b in breaks if 0 < b < len(body))
    pages = len(cuts) + 1
    lines = [*printed.front, f" {printed.chapeau}"]
    start, notes_done = 0, 0
    for page, cut in enumerate([*cuts, len(body)], start=1):
        lines += body[start:cut]
        share = len(printed.notes) * page // pages  # the notes printed so far, in order
        if share > notes_done or page == pages:
            lines += _note_lines(printed.notes[notes_done:share])
        notes_done, start = share, cut
        if page < pages:
            lines += [f"\f {symbol}", f"{page + 1}/{pages} 00-00000"]
    if blank_lines:
        lines = [part for line in lines for part in (line, "")]
    return "\n".join(lines)


def with_markers(text: str, markers: list[tuple[int, str]]) -> str:
    """Put note numbers back where they stood: ``[(12, "3")]`` prints ``3`` after character 12.

    >>> with_markers("Recalling it, and this.", [(13, "1"), (22, "2")])
    'Recalling it,1 and this2.'
    """
    for offset, number in sorted(markers, reverse=True):
        text = f"{text[:offset]}{number}{text[offset:]}"
    return text


def from_document(parsed: ParsedDocument, chapeau: str = "") -> Printed:
    """What a parsed resolution prints (from its XML, say), ready to be laid out as text again.

    Headings (an annex's ``Annex`` line among them) print as lines of their own, and so does the
    letter of each part of a collection (``A`` before ``a.pp1``).
    """
    markers: dict[str, list[tuple[int, str]]] = {}
    for note in parsed.footnotes:
        if note.marker_offset is not None:
            markers.setdefault(note.paragraph_id, []).append((note.marker_offset, note.footnote_id))
    paragraphs: list[tuple[str, str]] = []
    title, part = "", ""
    for paragraph in parsed.paragraphs:
        if paragraph.section == "title":
            title = paragraph.text
            continue
        letter = PART_PREFIX.match(paragraph.paragraph_id)
        if letter and letter["letter"] != part:
            part = letter["letter"]
            paragraphs.append(("", part.upper()))  # a part of a collection opens with its letter
        paragraphs.append((paragraph.label, with_markers(paragraph.text, markers.get(paragraph.paragraph_id, []))))
    front = [line for line in (parsed.meta.symbol, title or parsed.meta.title) if line]
    body = parsed.meta.body or "General Assembly"
    notes = [(note.footnote_id, note.text) for note in parsed.footnotes]
    return Printed(front, chapeau or f"The {body},", paragraphs, notes)
