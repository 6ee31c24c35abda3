"""Stage 3, segment: turn body lines into the paragraph tree with ids from the printed numbering.

The numbering rules only: the body lines come repaired of extractors' faults (labels printed
alone, stray words) by ``repair``.

Preambular paragraphs are told by their lead phrase (``vocab/lead_phrases.yaml``), operative
ones by their number in sequence, subparagraphs by ``(a)``/``(i)`` labels. A ``(i)`` that follows
``(h)`` continues the letters; one that follows anything else opens a roman sublist.

>>> from undocs.parse.clean import clean
>>> from undocs.read.sources import decode_lines
>>> text = " The General Assembly,\\n Recalling its resolutions,\\n 1. Urges:\\n (a) To act;\\n (b) To\\nreport;\\n"
>>> [(p.paragraph_id, p.label, p.text) for p in segment(clean(decode_lines(text.encode(), "x")), "x")]
[('pp1', '', 'Recalling its resolutions,'), ('op1', '1.', 'Urges:'), ('op1.a', '(a)', 'To act;'), ('op1.b', '(b)', 'To report;')]

An unnumbered line is named by how it ends (a heading, or a preambular paragraph), and a
resolution without numbers acts in its last paragraph, which ends with a full stop:

>>> def ids(text):
...     return [p.paragraph_id for p in segment(clean(decode_lines(text.encode(), "x")), "x")]
>>> ids(" The General Assembly,\\n Peacekeeping operations\\n 1. Decides.\\n 2. Asks.\\n")
['h1', 'op1', 'op2']
>>> ids(" The General Assembly,\\n Noting its report,\\n Welcoming it,\\n Appoints X Secretary-General.\\n")
['pp1', 'pp2', 'op1']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from undocs import vocab
from undocs.errors import SourceError
from undocs.models import LineKind, Paragraph, SourceLine
from undocs.parse import patterns, repair
from undocs.parse.clean import CleanText, title_lines, title_text
from undocs.text import HEADING_WORDS, TABLE_WORDS, join_lines, squeeze

ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
ANNEX_PREFIX = "annex."
ANNEX_UNIT = "annex.unit"  # an annex's unnumbered unit until it is known to be a heading or a paragraph
BODY_UNIT = "unit"  # an unnumbered line after a paragraph's end: a heading, or more of that paragraph


def roman_value(label: str) -> int | None:
    """The value of a lower-case roman numeral, or None if ``label`` is not one."""
    if not label or any(char not in ROMAN for char in label):
        return None
    total = 0
    for char, following in zip(label, label[1:] + " ", strict=False):
        value = ROMAN[char]
        total += -value if following in ROMAN and ROMAN[following] > value else value
    return total if to_roman(total) == label else None


def to_roman(value: int) -> str:
    parts = [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for number, numeral in parts:
        while value >= number:
            out += numeral
            value -= number
    return out


def label_value(label: re.Match) -> int:
    """An operative label's number: ``l.``, the letter typed for the digit, is 1.

    >>> label_value(patterns.OPERATIVE_LABEL.match("l. Decides")), label_value(patterns.OPERATIVE_LABEL.match("12. Notes"))
    (1, 12)
    """
    return 1 if label["number"] == "l" else int(label["number"])


def _opens_paragraph(text: str) -> bool:
    """A numbered paragraph's text opens with a capital, quoted or not ("“Consignor” means ..."), or
    with its first subparagraph ("1. (a) A State Party ...")."""
    return text.lstrip("“‘\"'")[:1].isupper() or bool(patterns.SUBPARAGRAPH_LABEL.match(text))


def _label_values(label: str) -> dict[str, int | None]:
    """What ``label`` counts as in each numbering style: ``c`` is letter 3 and roman 100."""
    number = int(label) if label.isdigit() else None
    return {"letter": letter_value(label), "roman": roman_value(label), "number": number}


def letter_value(label: str) -> int | None:
    """``a``=1 .. ``z``=26, ``aa``=27 (the UN doubles letters after z)."""
    if len(label) == 1 and label.isalpha():
        return ord(label) - ord("a") + 1
    if len(label) == 2 and label[0] == label[1] and label.isalpha():
        return 26 + ord(label[0]) - ord("a") + 1
    return None


@dataclass
class _Level:
    """One open list of subparagraphs: its numbering style, last value and parent id."""

    style: str
    value: int
    parent_id: str


class _Segmenter:
    def __init__(self, cleaned: CleanText, path: str) -> None:
        self.cleaned = cleaned
        self.path = path
        self.paragraphs: list[Paragraph] = []
        self.parts: list[str] = []
        self.operative = 0
        self.preambular = 0
        self.levels: list[_Level] = []
        self.top_id = ""
        self.indent_marks_start = _indent_marks_start(cleaned.body)
        # Inside an annex ids take the prefix "annex." and numbering starts again.
        self.prefix = ""
        self.resolution_operative = 0
        self.headings: dict[str, int] = {}
        self.run_number = 1  # the run of operative numbering (a new run after a heading starts again at 1.)

    def run(self) -> list[Paragraph]:
        self._title()
        lines, left = repair.body_lines(self.cleaned.body, self.indent_marks_start)
        for body_line in lines:
            text, line = body_line.text, body_line.line
            if not self._in_annex() and self._annex_starts(text):
                self._enter_annex()
            part = self._part_starts(text)
            if part:
                self._enter_part(text.strip().lower(), line)
            opened = part or (
                (self._in_annex() and self._open_annex_unit(text, line))
                or self._open(text, line, body_line.block_start)
                or self._open_body_unit(text, line, body_line.block_start)
            )
            if opened and body_line.label_line:
                self.paragraphs[-1].line_start = body_line.label_line.number  # the label's line belongs to it too
            # Stray words join the paragraph that opens after them, or go on with the current one.
            for stray in body_line.strays:
                self._continue(stray.text, stray)
            if not opened:
                self._continue(text, line)
        for stray in left:
            self._continue(stray.text, stray)
        self._close()
        if max(self.operative, self.resolution_operative) == 0 and self.paragraphs and not self._acts_at_end():
            # A resolution without its operative part has lost text; publishing half of it misleads.
            raise SourceError(
                self.path,
                "the resolution has no operative part: no paragraph numbered 1. follows the preamble",
                "check that the text is complete and its operative paragraphs are numbered 1., 2., ...; "
                "if it is a statement, say so (document_type: statement, or --type statement)",
                self.paragraphs[-1].line_end,
            )
        return self.paragraphs

    def _acts_at_end(self) -> bool:
        """A resolution without numbers whose last paragraph ends with a full stop: that paragraph
        acts ("Appoints Mr. António Guterres Secretary-General ... 2026."), its one operative
        paragraph ``op1``; a preambular paragraph ends with a comma."""
        tops = [p for p in self.paragraphs if p.depth == 1 and p.section != "title"]
        last = tops[-1] if tops else None
        if last is None or last.section != "preamble" or not last.text.rstrip().endswith("."):
            return False
        old, new = last.paragraph_id, re.sub(r"pp\d+$", "op1", last.paragraph_id)
        for paragraph in self.paragraphs[self.paragraphs.index(last) :]:
            paragraph.paragraph_id = new + paragraph.paragraph_id[len(old) :]
            paragraph.parent_id = new + paragraph.parent_id[len(old) :] if paragraph.parent_id else ""
            paragraph.section = "operative"
        last.lead_phrase = vocab.lead_phrase(last.text, "operative")
        return True

    def _title(self) -> None:
        lines = title_lines(self.cleaned.front)
        if not lines:
            return
        for line in lines:
            self.cleaned.kinds[line.number] = LineKind.BODY
        self._add("title", "", "title", "", 1, "", lines[0])
        self.parts = [title_text(self.cleaned.front)]
        self.paragraphs[-1].line_end = lines[-1].number
        self._close()

    def _open(self, text: str, line: SourceLine, block_start: bool = False) -> bool:
        """Start a new paragraph if ``text`` opens one; report whether it did.

        A block (or, where indents mark starts, an indented line) that opens with a preambular lead
        phrase starts a paragraph even when pdfminer left stray words at the end of the one before.
        """
        stripped = squeeze(text)  # pdfminer doubles spaces: "Seriously  concerned"
        # Nothing read yet, or a new part just opened (its letter closed what went before).
        first = not self.paragraphs or self.paragraphs[-1].section == "title" or not self.parts
        ended = first or self._ended()
        # A line that opens a block, or an indented line where indents mark starts, with a listed
        # lead phrase starts a preambular paragraph even when the one before lost its end.
        starts_block = text[:1].isspace() if self.indent_marks_start else block_start and not self._in_quotation()
        if starts_block and not self.operative:
            ended = ended or bool(vocab.lead_phrase(stripped, "preambular"))
        number = patterns.OPERATIVE_LABEL.match(stripped)
        if number and number["number"] == "l" and self.operative:
            number = None  # "l." stands for "1." only where paragraph 1 is due
        if number and not ended and self._expected_label(text, stripped, number):
            ended = True  # a text extraction scrambled the previous paragraph's end
        sub = patterns.SUBPARAGRAPH_LABEL.match(stripped)
        if sub and not ended and self.indent_marks_start and text[:1].isspace():
            ended = self._continues_list(sub["label"])  # "(c)" after "(b)" that lost its end
        if not ended or (self.indent_marks_start and not first and not text[:1].isspace()):
            return False
        if number:
            return self._operative(label_value(number), stripped[number.end() :], line)
        if sub:
            self._name_unit_before_list()
        if sub and self.top_id:
            return self._subparagraph(sub.group("label"), stripped[sub.end() :], line)
        if (
            self.operative == 0
            and self._in_main_text()
            and _opens_unnumbered_operative(stripped)
            and not self._just_after_heading()
        ):
            # A resolution of one paragraph prints it without a number ("Adopts the following ...:").
            self.operative = 1
            self.top_id = f"{self.prefix}op1"
            self._add(self.top_id, "", "operative", "", 1, vocab.lead_phrase(stripped, "operative"), line)
            self.parts = [stripped]
            return True
        # Without indents a quotation left open (a cited title) holds the paragraph open; where
        # indents mark starts, an indented line starts one even after a quotation mark left unclosed.
        quoted = self._in_quotation() and not self.indent_marks_start
        opens = first or (_opens_preambular(stripped, self.indent_marks_start) and not quoted)
        part_title = not self.parts and bool(self.prefix)  # the line after a part's letter: its title, perhaps
        listed = vocab.lead_phrase(stripped, "preambular")
        if opens and self.operative == 0 and self._in_main_text() and listed and not part_title:
            self._close()  # a unit before it is numbered first
            self.preambular += 1
            self.levels = []
            self.top_id = f"{self.prefix}pp{self.preambular}"
            self._add(self.top_id, "", "preamble", "", 1, listed, line)
            self.parts = [stripped]
            return True
        # A section's own preamble after a heading; in an annex only a listed lead phrase opens
        # one ("Proposed organization of work" is a title there, not a participle's clause).
        leads = listed if self._in_annex() else _leads(stripped)
        if opens and (self.operative == 0 or (leads and self._after_heading())):
            # A heading ("I", "Peacekeeping operations", "Sharing and granting access to information")
            # unless it ends as a sentence: named when it closes (see ``_close``).
            self._close()
            self.levels = []
            self.top_id = f"{self.prefix}pp{self.preambular + 1}"
            self._add(BODY_UNIT, "", "preamble", "", 1, "", line)
            self.parts = [stripped]
            return True
        return False

    def _name_unit_before_list(self) -> None:
        """An unnumbered unit before "(a)" is named now; the paragraph or heading it becomes is what the
        list is under ("A. Build economic resilience / (a) Reform ...": ``annex.h10.a``)."""
        unit = self.paragraphs[-1] if self.paragraphs else None
        if unit is None or unit.paragraph_id not in (BODY_UNIT, ANNEX_UNIT):
            return
        self._close()
        if unit is self.paragraphs[-1] and re.match(r"(?:pp|h)\d", unit.paragraph_id.rsplit(".", 1)[-1]):
            self.top_id, self.levels = unit.paragraph_id, []

    def _expected_label(self, text: str, stripped: str, number: re.Match) -> bool:
        """``8.`` opens paragraph 8 after paragraph 7 even when the text before it does not end.

        pdfminer moves stray words of a justified line after the paragraph ("...by 2030; that").
        """
        rest = stripped[number.end() :]
        value = label_value(number)
        after_unit = self.paragraphs[-1].paragraph_id in (BODY_UNIT, ANNEX_UNIT)  # a heading, "1." after it too
        expected = (value == self.operative + 1 and self.operative > 0) or (
            after_unit and value in (1, self.operative + 1)
        )
        return (
            (expected or self._quotes_numbered_text())
            and rest[:1].isupper()
            and (not self.indent_marks_start or text[:1].isspace())
        )

    def _ended(self) -> bool:
        """Whether the paragraph so far ends as a sentence (or a clause) ends; where indents mark
        starts, a heading ends at its line's end."""
        if self.indent_marks_start and self.paragraphs[-1].paragraph_id == BODY_UNIT:
            return True
        return bool(patterns.PARAGRAPH_END.search(" ".join(self.parts)))

    def _after_heading(self) -> bool:
        """Whether a heading stands between the last operative paragraph and here (a section's
        own preamble: "II / Revised estimates / Having considered ...")."""
        for paragraph in reversed(self.paragraphs):
            if paragraph.paragraph_id == BODY_UNIT:
                text = " ".join(self.parts)
                if patterns.SECTION_LABEL.match(text):
                    return True  # "B. Office of Investment Management" and the table under it
                ended = patterns.PARAGRAPH_END.search(text)
                if not ended or not self._unit_is_paragraph(paragraph):
                    return not ended
                continue  # a paragraph ("Noting ...,", "For the purposes of this Convention:")
            if _is_heading(paragraph):
                return True
            if patterns.OPERATIVE_ID.search(paragraph.paragraph_id):
                return False
        return False

    def _just_after_heading(self) -> bool:
        """Whether the paragraph before is a heading, or a unit that will be one (no closing punctuation):
        a section's title follows it, never the one unnumbered operative paragraph ("I / Request for ...")."""
        last = self.paragraphs[-1] if self.paragraphs else None
        if last is not None and last.paragraph_id in (BODY_UNIT, ANNEX_UNIT):
            return not patterns.PARAGRAPH_END.search(" ".join(self.parts))
        return last is not None and _is_heading(last)

    def _open_body_unit(self, text: str, line: SourceLine, block_start: bool) -> bool:
        """An unnumbered line that starts after a paragraph ended: a heading ("Actuarial matters", "II",
        "A") unless it ends as a sentence, when it goes on with the paragraph before (see ``_close``).

        Where the extraction indents first lines, an indented line after a heading is another heading;
        where it does not, only a line that opens a block (after a blank line) starts a unit.
        """
        stripped = squeeze(text)
        # In an annex, an indented line in lower case after a list is the sentence's end, a paragraph
        # of its own ("(b) ... liability; / as if it were a party to the transport contract.").
        wrap_up = self._in_annex() and self.indent_marks_start and stripped[:1].islower()
        if not self.paragraphs or self.paragraphs[-1].section == "title" or not (_opens_unit(stripped) or wrap_up):
            return False
        if self.indent_marks_start and not text[:1].isspace():
            return False
        if not self.indent_marks_start and not (block_start and patterns.SENTENCE_END.search(" ".join(self.parts))):
            return False  # without indents, a line after a comma is more of the same sentence
        after_heading = self.paragraphs[-1].paragraph_id == BODY_UNIT
        if (after_heading and not self.indent_marks_start) or not (after_heading or self._ended()):
            return False
        if self._in_quotation() or patterns.SUBPARAGRAPH_LABEL.match(stripped):
            return False
        self._add(BODY_UNIT, "", "heading", "", 1, "", line)
        self.parts = [stripped]
        return True

    def _in_quotation(self) -> bool:
        """Whether the paragraph so far opened a quotation it has not closed (a title being cited)."""
        text = " ".join(self.parts)
        return text.count("“") > text.count("”")

    def _section(self, section: str) -> str:
        return "annex" if self._in_annex() else section

    def _top_section(self) -> str:
        """The section of the paragraph a subparagraph is under (``s2.op4`` is operative too)."""
        if patterns.HEADING_ID.search(self.top_id):
            return self._section("heading")
        return self._section("operative" if patterns.OPERATIVE_ID.search(self.top_id) else "preamble")

    def _in_annex(self) -> bool:
        return self.prefix.startswith(ANNEX_PREFIX)

    def _in_main_text(self) -> bool:
        """Before any run of numbering starts again, in the resolution or one part of a collection."""
        return not self.prefix or bool(patterns.PART_PREFIX.fullmatch(self.prefix))

    def _part_starts(self, text: str) -> bool:
        """A line of one capital letter opens a part of a collection (80/236 A, B): ``A`` before
        anything else of the body, each next letter after that only while parts are open."""
        letter = patterns.PART_LINE.match(text)
        if not letter or self._in_annex():
            return False
        if not self.prefix:
            return letter["letter"] == "A" and all(p.section == "title" for p in self.paragraphs)
        part = patterns.PART_PREFIX.match(self.prefix)
        return bool(part) and ord(letter["letter"].lower()) == ord(part["letter"]) + 1

    def _enter_part(self, letter: str, line: SourceLine) -> None:
        """Ids of part A are ``a.pp1``, ``a.op1`` ...; each part numbers its paragraphs from 1."""
        self._close()
        self.cleaned.kinds[line.number] = LineKind.METADATA  # the letter is the part's name, not a paragraph
        self.prefix, self.run_number = f"{letter}.", 1
        self.operative = self.preambular = 0
        self.levels = []
        self.top_id = ""

    def _annex_starts(self, text: str) -> bool:
        """An ``Annex`` line, or the text a one-paragraph resolution adopts ("Adopts the following ...:")."""
        if patterns.ANNEX_LINE.match(text):
            return True
        stripped = text.strip()
        return (
            bool(self.paragraphs)
            and self.paragraphs[-1].paragraph_id == "op1"
            and self.paragraphs[-1].label == ""
            and bool(patterns.ANNEX_INTRO.search(" ".join(self.parts)))
            and not patterns.SUBPARAGRAPH_LABEL.match(stripped)
            and not patterns.OPERATIVE_LABEL.match(stripped)
        )

    def _enter_annex(self) -> None:
        self._close()
        self.prefix = ANNEX_PREFIX
        self.resolution_operative, self.operative, self.preambular = self.operative, 0, 0
        self.levels = []
        self.top_id = ""

    def _open_annex_unit(self, text: str, line: SourceLine) -> bool:
        """Headings and unnumbered paragraphs of an annex before its numbered paragraphs.

        A line that is indented, that follows the Annex line, or that opens a declaration ("We,
        Heads of State ..."), starts a unit; a unit without closing punctuation is a heading.
        """
        stripped = text.strip()
        if self.operative or patterns.OPERATIVE_LABEL.match(stripped) or patterns.SUBPARAGRAPH_LABEL.match(stripped):
            return False
        in_annex = self.paragraphs[-1].paragraph_id.startswith(ANNEX_PREFIX)
        # Where indents mark starts, "We pledge ..." at a line's start is a wrapped sentence's.
        declares = not self.indent_marks_start and vocab.lead_phrase(stripped, "declaration")
        after_annex_line = bool(patterns.ANNEX_LINE.match(" ".join(self.parts)))
        if in_annex and not (text[:1].isspace() or declares or after_annex_line):
            return False
        self._add(ANNEX_UNIT, "", "annex", "", 1, vocab.lead_phrase(stripped, "declaration"), line)
        self.parts = [stripped]
        return True

    def _operative(self, number: int, rest: str, line: SourceLine) -> bool:
        titled = _opens_paragraph(rest)
        if number == 1 and self.operative and titled and self._after_heading():
            self._restart_numbering()
        if self._numbered_item(number, rest, line):
            return True
        if number != self.operative + 1 and not self._quotes_numbered_text():
            if titled and number > 0:
                problem = "is repeated" if number <= self.operative else f"skips from {self.operative} to {number}"
                raise SourceError(
                    self.path,
                    f"operative paragraph number {number} {problem}",
                    "number the operative paragraphs 1, 2, 3 ... without gaps or repeats",
                    line.number,
                )
            return False
        self.operative = number
        self.levels = []
        self.top_id = f"{self.prefix}op{number}"
        self._add(
            self.top_id, "", self._section("operative"), f"{number}.", 1, vocab.lead_phrase(rest, "operative"), line
        )
        self.parts = [rest]
        first = patterns.SUBPARAGRAPH_LABEL.match(rest)
        if first and first["label"] in ("a", "i"):
            self._place(first["label"])  # its "(b)" goes on with the "(a)" printed in its text
        return True

    def _quotes_numbered_text(self) -> bool:
        """An annex that quotes numbered text before numbering its own ("Amend paragraph 8 to read:
        / Independent panel / 8. The Secretary-General ..."): its first number stands as printed."""
        return (
            self._in_annex()
            and self.operative == 0
            and any(
                p.paragraph_id.startswith(ANNEX_PREFIX) and patterns.LIST_INTRO.search(p.text) for p in self.paragraphs
            )
        )

    def _numbered_item(self, number: int, rest: str, line: SourceLine) -> bool:
        """A numbered item inside a numbered paragraph: of a list it introduces with a colon
        ("Approves the following provisional agenda:" / "1. Opening of the Congress.", ``op11.1``)
        or a paragraph it quotes ("new paragraph 4:" / "4. In hearing ...", ``op14.4``). A number
        that continues the paragraphs and opens with an operative verb ("12. Decides") is the next paragraph."""
        next_paragraph = number == self.operative + 1
        level = self._place(str(number))
        if level is not None and next_paragraph and vocab.lead_phrase(rest, "operative"):
            level = None
        introduced = self.paragraphs[-1].label and patterns.LIST_INTRO.search(" ".join(self.parts))
        if level is None and self.operative and not next_paragraph and introduced:
            level = _Level("number", number, self.paragraphs[-1].paragraph_id)
            self.levels.append(level)
        if level is None:
            return False
        parent = level.parent_id
        self._add(f"{parent}.{number}", parent, self._top_section(), f"{number}.", len(self.levels) + 1, "", line)
        self.parts = [rest]
        return True

    def _restart_numbering(self) -> None:
        """Numbering that starts again after a heading (sections I, II, each from 1.): ``s2.op1``, ...
        and the headings and preambular paragraphs after it ``s2.h1``, ``s2.pp1``."""
        self._close()
        base = re.sub(r"s\d+\.$", "", self.prefix)
        self.run_number += 1
        self.prefix = f"{base}s{self.run_number}."
        self.operative = self.preambular = 0

    def _next_heading(self) -> str:
        self.headings[self.prefix] = self.headings.get(self.prefix, 0) + 1
        return f"{self.prefix}h{self.headings[self.prefix]}"

    def _subparagraph(self, label: str, rest: str, line: SourceLine) -> bool:
        level = self._place(label)
        if level is None:
            return False
        parent = self.levels[-1].parent_id
        self._add(f"{parent}.{label}", parent, self._top_section(), f"({label})", len(self.levels) + 1, "", line)
        self.parts = [rest]
        return True

    def _continues_list(self, label: str) -> bool:
        values = _label_values(label)
        return any(values[level.style] == level.value + 1 for level in self.levels)

    def _place(self, label: str) -> _Level | None:
        """Find the list that ``label`` continues (innermost first) or open a new one."""
        values = _label_values(label)
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            if values[level.style] == level.value + 1:
                del self.levels[depth + 1 :]
                level.value += 1
                return level
        if values["number"] is not None:
            return None  # a numbered item opens only after the colon that introduces it
        style = "letter" if label == "a" else "roman" if label == "i" else ""
        start = 1
        if not style and not self.levels and patterns.HEADING_ID.search(self.top_id) and values["letter"]:
            style, start = "letter", values["letter"]  # letters that go on under the next heading: "(c)"
        if not style:
            return None
        parent = self.paragraphs[-1].paragraph_id if self.levels else self.top_id
        self.levels.append(_Level(style, start, parent))
        return self.levels[-1]

    def _add(
        self, paragraph_id: str, parent_id: str, section: str, label: str, depth: int, lead: str, line: SourceLine
    ) -> None:
        self._close()
        position = len(self.paragraphs) + 1
        self.paragraphs.append(
            Paragraph(paragraph_id, parent_id, section, label, position, depth, lead, "", line.number, line.number)
        )

    def _continue(self, text: str, line: SourceLine) -> None:
        if not self.paragraphs or self.paragraphs[-1].section == "title":
            self._add("pp1", "", "preamble", "", 1, "", line)
            self.preambular = 1
            self.top_id = "pp1"
        self.parts.append(text)
        paragraph = self.paragraphs[-1]
        # A stray word set apart before its paragraph's first line widens the span backwards.
        paragraph.line_start = min(paragraph.line_start, line.number)
        paragraph.line_end = max(paragraph.line_end, line.number)

    def _close(self) -> None:
        if self.paragraphs and self.parts:
            paragraph = self.paragraphs[-1]
            paragraph.text = join_lines(self.parts)
            if paragraph.section in ("preamble", "operative") and paragraph.depth == 1:
                # Read from the whole text: a line break may fall inside the phrase ("Taking note / with").
                kind = "operative" if paragraph.section == "operative" else "preambular"
                paragraph.lead_phrase = vocab.lead_phrase(paragraph.text, kind)
        if self.paragraphs and self.paragraphs[-1].paragraph_id == ANNEX_UNIT:
            self._name_annex_unit(self.paragraphs[-1])
        if self.paragraphs and self.paragraphs[-1].paragraph_id == BODY_UNIT:
            self._name_body_unit(self.paragraphs[-1])
        self.parts = []

    def _name_body_unit(self, unit: Paragraph) -> None:
        """A unit without closing punctuation is a heading when it is short, when it stands among
        operative paragraphs or when a heading stands just before it (a section's title under its
        number, however long: "II / Implementation of the 1995 Agreement ..."); so is one that
        opens with a section's number ("A. Pension Administration", with the table under it). One
        that ends as a sentence is a preambular paragraph in a preamble, an annex or under a heading
        ("Contingency fund / Recalls its resolution ...,"), elsewhere it goes on with the paragraph
        before it (a wrapped line that happened to follow a semicolon)."""
        longest = TABLE_WORDS if self._in_annex() else HEADING_WORDS
        unended = not patterns.PARAGRAPH_END.search(unit.text)
        # In a preamble only a capitalised line is a heading: asterisks ("* * *") are a paragraph there.
        titled = unit.section != "preamble" or unit.text[:1].isupper()
        short = unended and len(unit.text.split()) <= longest and titled
        title = unended and (unit.section == "heading" or self._under_heading())
        if short or title or patterns.SECTION_LABEL.match(unit.text) or patterns.DIVISION_LINE.match(unit.text):
            unit.paragraph_id, unit.section = self._next_heading(), self._section("heading")
            return
        if self._unit_is_paragraph(unit):
            self.preambular += 1
            unit.paragraph_id, unit.section = f"{self.prefix}pp{self.preambular}", self._section("preamble")
            unit.lead_phrase = vocab.lead_phrase(unit.text, "preambular")
            return
        self.paragraphs.pop()
        previous = self.paragraphs[-1]
        previous.text = join_lines([previous.text, unit.text])
        previous.line_end = max(previous.line_end, unit.line_end)

    def _unit_is_paragraph(self, unit: Paragraph) -> bool:
        """Whether the open unit, if it ends as a sentence, is a paragraph of its own rather than
        more of the paragraph before: in a preamble, in an annex, or under a heading."""
        return unit.section == "preamble" or self._in_annex() or self._under_heading()

    def _under_heading(self) -> bool:
        """Whether a heading stands just before the open unit (the last paragraph)."""
        return len(self.paragraphs) > 1 and _is_heading(self.paragraphs[-2])

    def _name_annex_unit(self, paragraph: Paragraph) -> None:
        """An annex unit is a heading (``annex.h1``, "Article 13." too) unless it ends as a sentence
        or is longer than any heading (a table's text): then it is a paragraph (``annex.pp1``)."""
        ends = patterns.PARAGRAPH_END.search(paragraph.text) and not patterns.DIVISION_LINE.match(paragraph.text)
        if ends or len(paragraph.text.split()) > TABLE_WORDS:
            self.preambular += 1
            paragraph.paragraph_id = f"{ANNEX_PREFIX}pp{self.preambular}"
        else:
            paragraph.paragraph_id = self._next_heading()


def _is_heading(paragraph: Paragraph) -> bool:
    return paragraph.section == "heading" or bool(patterns.HEADING_ID.search(paragraph.paragraph_id))


def _opens_unnumbered_operative(text: str) -> bool:
    return bool(vocab.lead_phrase(text, "operative")) and not vocab.lead_phrase(text, "preambular")


def _leads(text: str) -> bool:
    """Whether ``text`` opens with a preambular lead phrase, listed or of the participle form."""
    return bool(vocab.lead_phrase(text, "preambular") or patterns.PARTICIPLE_START.match(text))


def _opens_preambular(text: str, indent_marks_start: bool) -> bool:
    if _leads(text):
        return True
    return indent_marks_start and _opens_unit(text) and not vocab.lead_phrase(text, "operative")


def _opens_unit(text: str) -> bool:
    """A capital, a bullet ("• Achieve ..."), a decimal number ("1.1 Raise awareness ...") or
    asterisks on their own ("* * *") may start a heading or an unnumbered paragraph."""
    return (
        text[:1].isupper()
        or text[:1] in patterns.BULLETS
        or bool(patterns.DECIMAL_LABEL.match(text) or patterns.ASTERISKS_LINE.match(text))
    )


def _indent_marks_start(body: list[SourceLine]) -> bool:
    """Whether this extraction indents the first line of each paragraph (pypdf-style text does):
    its numbered lines, or in a resolution without numbers its lines with a preambular lead phrase."""
    labelled = [line.text for line in body if patterns.OPERATIVE_LABEL.match(line.text.strip())]
    if not labelled:
        labelled = [line.text for line in body if vocab.lead_phrase(line.text.strip(), "preambular")]
    return len(labelled) >= 2 and all(text[:1].isspace() for text in labelled)


def segment(cleaned: CleanText, path: str) -> list[Paragraph]:
    """The paragraphs of a cleaned resolution, in reading order, with raw text (markers still in)."""
    return _Segmenter(cleaned, path).run()
