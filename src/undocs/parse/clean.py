"""Stage 2, clean: give every line of a resolution text a kind and set the body apart.

Page furniture (running headers, page and job numbers, bar codes), the footnote blocks under a
``____`` separator and each page's list of links are taken out of the body; every line is
classified exactly once so the build can prove nothing was lost.

>>> from undocs.read.sources import decode_lines
>>> text = "Title\\n The General Assembly,\\n Recalling its resolution 1/1,1\\n_____\\n 1  A/1/1.\\nhttps://x.org/a\\n"
>>> cleaned = clean(decode_lines(text.encode(), "x.txt"))
>>> [line.text for line in cleaned.body], [note.lines for note in cleaned.notes], [link.url for link in cleaned.links]
([' Recalling its resolution 1/1,1'], [['A/1/1.']], ['https://x.org/a'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from undocs.models import LineKind, Link, SourceLine
from undocs.parse import patterns
from undocs.text import squeeze

# Abbreviations that end with a period inside a note without ending it ("vol. 1577, No.").
UNFINISHED_ENDINGS = ("No.", "vol.", "para.", "paras.", "chap.", "sect.", "p.", "pp.", "art.")


@dataclass
class RawNote:
    """A footnote as its block prints it: number, text (lines joined) and line span."""

    number: str
    lines: list[str]
    line_start: int
    line_end: int


@dataclass
class CleanText:
    """A resolution text sorted into front matter, body lines, notes and links."""

    front: list[SourceLine] = field(default_factory=list)
    chapeau: SourceLine | None = None
    body: list[SourceLine] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    closing: list[SourceLine] = field(default_factory=list)
    kinds: dict[int, LineKind] = field(default_factory=dict)
    # The printed page of each line: a form feed or, in text without them, the return to the
    # body after a page's notes and links, starts a new page.
    pages: dict[int, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def note_is_finished(text: str) -> bool:
    """A note ends with a full stop that is not an abbreviation's."""
    text = text.rstrip()
    return text.endswith(".") and not text.endswith(UNFINISHED_ENDINGS)


def title_text(front: list[SourceLine]) -> str:
    """The title printed in the front matter: the ``73/8. Title`` lines, or the last unlabelled run."""
    lines = [line.text for line in title_lines(front)]
    text = " ".join(squeeze(line) for line in lines).strip()
    match = patterns.RESOLUTION_TITLE.match(text)
    return (match.group("title") if match else text).rstrip("*").strip()


def title_lines(front: list[SourceLine]) -> list[SourceLine]:
    """The front-matter lines that print the title (after the last recognised metadata line)."""
    start = 0
    for index, line in enumerate(front):
        if patterns.RESOLUTION_TITLE.match(line.text):
            start = index
            break
        if is_front_metadata(line.text):
            start = index + 1
    return [line for line in front[start:] if line.text.strip()]


def is_front_metadata(text: str) -> bool:
    """Front-matter lines that describe the document rather than print its title."""
    stripped = text.strip()
    return bool(
        patterns.SYMBOL_LINE.match(text)
        or patterns.PAGE_NUMBER_LINE.match(text)
        or patterns.DATE_LINE.match(text)
        or patterns.SESSION_LINE.match(text)
        or stripped
        in {
            "General Assembly",
            "United Nations",
            "Distr.: General",
            "Distr.: Limited",
            "Security Council",
            "Human Rights Council",
        }
        or stripped.startswith(
            ("Agenda item", "Resolution adopted by", "[without reference", "[on the report", "on ", "Original:")
        )
    )


def clean(lines: list[SourceLine], symbol: str = "") -> CleanText:
    """Classify every line of a resolution text and collect the body lines in reading order."""
    result = CleanText()
    chapeau_index = next((i for i, line in enumerate(lines) if patterns.CHAPEAU_LINE.match(line.text)), None)
    start = 0
    if chapeau_index is not None:
        result.front = lines[:chapeau_index]
        result.chapeau = lines[chapeau_index]
        for line in result.front:
            result.kinds[line.number] = _front_kind(line.text)
        result.kinds[result.chapeau.number] = LineKind.METADATA
        start = chapeau_index + 1
    _Classifier(result, symbol, title_text(result.front)).run(lines[start:])
    return result


def _front_kind(text: str) -> LineKind:
    if not text.strip():
        return LineKind.BLANK
    if patterns.PAGE_NUMBER_LINE.match(text):
        return LineKind.HEADER
    return LineKind.METADATA


class _Classifier:
    """The state machine that walks the lines after the chapeau: body, notes, links, furniture."""

    def __init__(self, result: CleanText, symbol: str, title: str) -> None:
        self.result = result
        self.symbol = symbol
        # Compared with lines case and all: a running title is printed as the title is, a sentence
        # quoting the title mid-way is not.
        self.title = squeeze(title)
        self.in_notes = False
        self.in_header = False
        self.running_title = ""  # the part of the running title printed so far on this page
        self.after_plenary = False
        self.note: RawNote | None = None
        self.last_note = 0
        self.form_feed_page = 0
        self.page = 1
        self.at_page_foot = False

    def run(self, lines: list[SourceLine]) -> None:
        for line in lines:
            if line.page != self.form_feed_page:
                if self.form_feed_page:
                    self.page += 1
                self.form_feed_page = line.page
                self.at_page_foot = False
                self._end_notes()
                # pypdf prints the running title before the symbol at a page's top.
                self.in_header = True
                self.running_title = ""
            kind = self._classify(line)
            if kind in (LineKind.LINK, LineKind.SEPARATOR, LineKind.FOOTNOTE):
                self.at_page_foot = True
            elif kind is LineKind.BODY and self.at_page_foot:
                self.page += 1  # the body resumes on the next page
                self.at_page_foot = False
            self.result.kinds[line.number] = kind
            self.result.pages[line.number] = self.page

    def _classify(self, line: SourceLine) -> LineKind:
        text = line.text
        if not text.strip():
            return LineKind.BLANK
        link = patterns.LINK_LINE.match(text)
        if link:
            self._end_notes()
            self.result.links.append(Link(link.group("url"), line.number, line.page))
            return LineKind.LINK
        if patterns.SEPARATOR_LINE.match(text):
            self._end_notes()
            self.in_notes = True
            return LineKind.SEPARATOR
        if self._is_furniture(text):
            return LineKind.HEADER
        self.in_header = False
        if self.in_notes and self._add_to_notes(line):
            return LineKind.FOOTNOTE
        self._end_notes()
        if self._opens_unseparated_note(line.text):
            self.in_notes = True  # the notes of a page whose extraction dropped the separator
            self._add_to_notes(line)
            return LineKind.FOOTNOTE
        if patterns.PLENARY_MEETING.match(text) or (self.after_plenary and patterns.DATE_LINE.match(text)):
            self.after_plenary = True
            self.result.closing.append(line)
            return LineKind.METADATA
        self.result.body.append(line)
        return LineKind.BODY

    def _opens_unseparated_note(self, text: str) -> bool:
        """The next note's first line with no separator above it: its number follows the last
        note's, its text opens as a note does, and the body above carries its marker."""
        start = patterns.NOTE_START.match(text)
        if not start or not start["number"].isdigit() or int(start["number"]) != self.last_note + 1:
            return False
        marker = patterns.marker_of(start["number"])
        return bool(patterns.NOTE_TEXT_OPENING.match(start["text"])) and any(
            marker.search(body.text) for body in self.result.body
        )

    def _is_furniture(self, text: str) -> bool:
        if patterns.PAGE_NUMBER_LINE.match(text):
            return True
        symbol = patterns.SYMBOL_LINE.match(text)
        if symbol and (not self.symbol or symbol.group("symbol") == self.symbol):
            self._take_back_title_start("")
            self.in_header = True
            self.running_title = ""
            return True
        # A running title printed under the symbol at the top of a page, or beside it ("on the
        # fight against tuberculosis A/RES/73/3"): it starts the title (or continues it), so body
        # text that merely quotes part of the title stays body text.
        title = patterns.SYMBOL_AT_EDGE.sub("", text)
        running = f"{self.running_title} {squeeze(title)}".strip()
        if self.in_header and len(title.strip()) > 8 and self.title.startswith(running):
            self.running_title = running
            return True
        # Text without page breaks (one paragraph per line) prints the running head wherever the
        # page turned: the title beside the symbol, in either order, perhaps over two lines.
        part = squeeze(title)
        # The whole title, alone: no paragraph is only that, but the text a resolution annexes or
        # adopts may print it as its own title, under its Annex line or the words that introduce
        # it, and so may a section under its number ("I / Support account for peacekeeping operations").
        if part == self.title and len(part) > 8 and not self._after_title_opener():
            return True
        if title != text and len(part) > 8 and self.title.endswith(part):
            self._take_back_title_start(part)
            self.in_header = True
            self.running_title = part if self.title.startswith(part) else ""
            return True
        return False

    def _after_title_opener(self) -> bool:
        last = self.result.body[-1].text if self.result.body else ""
        return bool(
            patterns.ANNEX_LINE.match(last)
            or patterns.ANNEX_INTRO.search(last)
            or patterns.SECTION_NUMBER_LINE.match(last)
        )

    def _take_back_title_start(self, end: str) -> None:
        """The body lines (one or two) just before a running head's symbol that print the title,
        or its start, are furniture too."""
        for count in (1, 2):
            before = self.result.body[-count:]
            if len(before) == count and self.title == " ".join([*(squeeze(line.text) for line in before), end]).strip():
                del self.result.body[-count:]
                for line in before:
                    self.result.kinds[line.number] = LineKind.HEADER
                return

    def _add_to_notes(self, line: SourceLine) -> bool:
        start = patterns.NOTE_START.match(line.text)
        if start and self._is_next_note(start.group("number")):
            number = start.group("number")
            self.note = RawNote(number, [start.group("text")], line.number, line.number)
            self.result.notes.append(self.note)
            if number.isdigit():
                self.last_note = int(number)
            return True
        if self.note is None and self.result.notes and not note_is_finished(" ".join(self.result.notes[-1].lines)):
            self.note = self.result.notes[-1]  # a note runs on under the next page's separator
        if self.note and not note_is_finished(" ".join(self.note.lines)):
            self.note.lines.append(line.text.strip())
            self.note.line_end = line.number
            return True
        return False

    def _is_next_note(self, number: str) -> bool:
        if not number.isdigit():
            return True
        value = int(number)
        if value == self.last_note + 1:
            return True
        if self.note is None and value > self.last_note:
            self.result.warnings.append(
                f"notes {self.last_note + 1}..{value - 1} are missing from the footnote blocks (the next block starts with note {value})"
            )
            return True
        return False

    def _end_notes(self) -> None:
        self.in_notes = False
        self.note = None
