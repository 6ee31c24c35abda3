"""Read a resolution from the UN's Akoma Ntoso XML (AKN4UN) into the records the text parser gives.

Ids come from the XML's own numbering: ``<num>1.</num>`` is ``op1``, a ``<point>`` numbered
``(a)`` under it ``op1.a``, ``(i)`` under that ``op1.a.i``; preambular ``<container>`` elements
are ``pp1``.. in order (they carry no number), headings ``h1``.., the text an ``<attachment>``
holds ``annex.*``, and the parts of a collection (resolutions A and B) ``a.*`` and ``b.*``.
Each ``<authorialNote>`` is a note of the paragraph it stands in, at the place of its marker.
Line spans are the XML file's own lines (lxml's ``sourceline``).

>>> xml = b'''<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
... <preface><p><docNumber>1/2.</docNumber><docTitle>Peace</docTitle></p></preface>
... <preamble><formula><p>The General Assembly,</p></formula>
... <container><p><span>Recalling</span> its resolution 1/1,<authorialNote marker="1"><p>A/RES/1/1.</p></authorialNote></p></container>
... </preamble><mainBody><paragraph><num>1.</num><list><intro><p>Decides:</p></intro>
... <point><num>(a)</num><content><p>To act;</p></content></point></list></paragraph></mainBody>
... </statement></akomaNtoso>'''
>>> read = read_akn_bytes(xml, "x.xml")
>>> [(p.paragraph_id, p.label, p.text, p.line_start) for p in read.paragraphs]
[('title', '', 'Peace', 2), ('pp1', '', 'Recalling its resolution 1/1,', 4), ('op1', '1.', 'Decides:', 5), ('op1.a', '(a)', 'To act;', 6)]
>>> [(f.footnote_id, f.paragraph_id, f.text, f.marker_offset) for f in read.footnotes]
[('1', 'pp1', 'A/RES/1/1.', 29)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from lxml import etree

from undocs import vocab
from undocs.errors import SourceError
from undocs.models import Footnote, LineKind, Paragraph
from undocs.text import HEADING_WORDS, TABLE_WORDS, squeeze

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"akn": AKN}
NOTE_MARK = "\x00"  # stands where a note's marker stood while the text is normalised
HEADING_TAGS = {"heading", "subheading", "crossHeading"}
UNNUMBERED = "unnumbered"  # the id an unnumbered paragraph has until it is placed
SUBPARAGRAPH_NUM = re.compile(r"^\(\w{1,6}\)$")
CAPITAL_SECTION_NUM = re.compile(r"^(?:[A-Z]|[IVXL]{1,6})\.$")  # "A.", "II.": never a subparagraph's label
SECTION_NUM = re.compile(r"^(?:[A-Z]|[IVXL]{1,6})\.?$")  # a section's number: A., B., I, II.
ROMAN = re.compile(r"[ivxl]+")
BIDI_MARKS = re.compile("[\u200e\u200f]")  # invisible direction marks Word leaves after numbers
# "self- determination", "Secretary- General": a compound's hyphen the XML kept from a printed line
# break, with its space ("pre- and post-natal" keeps its space: a word is left out after the hyphen).
STRAY_HYPHEN_SPACE = re.compile(r"(?<=\w)- (?!(?:and|or|to|nor)\b)(?=[a-zA-Z])")
LEADING_LABEL = re.compile(r"^\((?P<number>[a-z]{1,2}|[ivxlc]{1,7})\)\s+")  # "(a) To act": a label left in the text
LEADING_NUMBER = re.compile(r"^(?P<number>\d{1,3})\.?\s+(?=[A-Z])")
FORMULA_BODY = re.compile(r"^The\s+|,$")
AGENDA_ITEM = re.compile(r"^Agenda item\s+", re.IGNORECASE)
HEADING_CLASS = re.compile(r"^H\d")  # Word styles the UN gives unnumbered headings (H1, H23)
LEAD_KIND = {"preamble": "preambular", "operative": "operative"}
# Three-letter codes of AKN's FRBRlanguage, as ISO 639-1.
LANGUAGES = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh", "chi": "zh"}

# No entity expansion, no DTD, no network: a hostile file cannot read files or call out.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass
class AknText:
    """What the XML gives: paragraphs, notes, each line's kind, metadata facts and warnings."""

    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    kinds: dict[int, LineKind]
    facts: dict[str, str]
    warnings: list[str] = field(default_factory=list)
    line_count: int = 0


def local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _last_line(element: etree._Element) -> int:
    """The line where ``element``'s text ends: its first line plus the line breaks inside it."""
    return element.sourceline + "".join(element.itertext()).count("\n")


def _marked_text(element: etree._Element, notes: list[etree._Element]) -> str:
    """The element's words with each note cut out and a mark where its marker stood."""
    parts = [element.text or ""]
    for child in element:  # comments too: their tails are text
        name = local(child)
        if name == "authorialNote":
            notes.append(child)
            parts.append(NOTE_MARK)
        elif name == "eol":
            parts.append(" ")
        elif name and name != "num":
            parts.append(_marked_text(child, notes))
        parts.append(child.tail or "")
    return "".join(parts)


def _cut_marks(raw: str) -> tuple[str, list[int]]:
    """Normalise spaces, then cut the note marks out; return the text and where each mark stood.

    >>> _cut_marks("  Recalling\\n  it,\\x00 and  this \\x00."), _cut_marks("self- determination, pre- and post-")[0]
    (('Recalling it, and this.', [13, 22]), 'self-determination, pre- and post-')
    """
    pieces = STRAY_HYPHEN_SPACE.sub("-", squeeze(" ".join(BIDI_MARKS.sub(" ", raw).split()))).split(NOTE_MARK)
    text, offsets = pieces[0], []
    for piece in pieces[1:]:
        text = text.rstrip()  # the space before a marker goes: "this ²." is "this."
        offsets.append(_marker_place(text, piece))
        text += _spaced(text, piece)
    return text.strip(), offsets


def _marker_place(before: str, after: str) -> int:
    """Where a marker stands: the end of ``before``; where the XML cut a word (``world”, t²he``), the
    end of the word before the cut one, as the printed resolution shows it (``world”,² the``).

    >>> _marker_place("world”, t", "he Programme"), _marker_place("Agreement", "and")
    (7, 9)
    """
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    if len(word) == 1 and word.isalpha() and after[:1].isalpha():
        return len(before[:-1].rstrip())
    return len(before)


def _spaced(before: str, after: str) -> str:
    """``after`` with the space a print shows between a marker and the next word, where the XML
    put it before the marker or left it out (``1994, ²in which``, ``Agreement²and``).

    A single letter before the marker is left alone: there the XML cut a word (``t²he``).

    >>> _spaced("of 1994,", "in which"), _spaced("Agreement", "and its"), _spaced("Reduction, t", "he")
    (' in which', ' and its', 'he')
    """
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    if after[:1].isalpha() and (len(word) > 1 or not word[-1:].isalpha()) and word:
        return f" {after}"
    return after


def _number(num: etree._Element | None) -> str:
    """``1.`` -> ``1``, ``(a)`` -> ``a``, ``(iv)`` -> ``iv``: the label as an id part."""
    return re.sub(r"[^a-z0-9]", "", squeeze("".join(num.itertext())).lower()) if num is not None else ""


class _Reader:
    """Walks the XML in reading order and numbers what it finds."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.paragraphs: list[Paragraph] = []
        self.footnotes: list[Footnote] = []
        self.spans: list[tuple[int, int]] = []
        self.ids: set[str] = set()
        self.warnings: list[str] = []
        self.prefix = ""
        self.counts: dict[str, int] = {}
        self.operative_seen = False
        self.block = 1  # the run of operative numbering (a new run when numbers start again)

    # -- ids -------------------------------------------------------------------------
    def _next(self, kind: str) -> str:
        key = f"{self.prefix}{kind}"
        self.counts[key] = self.counts.get(key, 0) + 1
        return f"{key}{self.counts[key]}"

    def _section(self, section: str) -> str:
        return "annex" if "annex" in self.prefix else section

    # -- paragraphs ------------------------------------------------------------------
    def add(
        self,
        paragraph_id: str,
        parent_id: str,
        section: str,
        label: str,
        depth: int,
        blocks: list[etree._Element],
    ) -> str:
        """One paragraph from the text-bearing elements ``blocks`` (its ``<p>`` or ``<intro>``); its id."""
        if paragraph_id in self.ids:
            repeat = f"{paragraph_id}.r{sum(i.startswith(f'{paragraph_id}.r') for i in self.ids) + 1}"
            self.warnings.append(
                f"line {blocks[0].sourceline}: the number {label or paragraph_id} is printed twice; "
                f"the second is {repeat}"
            )
            paragraph_id = repeat
        self.ids.add(paragraph_id)
        notes: list[etree._Element] = []
        text, offsets = _cut_marks(" ".join(_marked_text(block, notes) for block in blocks))
        if not text:  # a heading printed as its number only: <num>XIII</num>
            text = squeeze(" ".join(" ".join(block.itertext()) for block in blocks))
        first = blocks[0].sourceline
        last = max(_last_line(block) for block in blocks)
        lead = vocab.lead_phrase(text, LEAD_KIND[section]) if depth == 1 and section in LEAD_KIND else ""
        position = len(self.paragraphs) + 1
        self.paragraphs.append(
            Paragraph(paragraph_id, parent_id, section, label, position, depth, lead, text, first, last)
        )
        self.spans.append((first, last))
        for note, offset in zip(notes, offsets, strict=True):
            self._note(note, paragraph_id, offset)
        return paragraph_id

    def _note(self, note: etree._Element, paragraph_id: str, offset: int) -> None:
        marker = (note.get("marker") or "").strip()
        text = squeeze(" ".join(_marked_text(note, []).split()))
        self.footnotes.append(Footnote(marker, paragraph_id, text, note.sourceline, _last_line(note), True, offset))

    def heading(self, element: etree._Element, label: str = "") -> None:
        if not label and "annex" in self.prefix and _plain_text(element).endswith((",", ";", ":")):
            # "We commit to taking the following actions:" styled as a heading: in print, an
            # annex's unnumbered lead-in, a paragraph as the text parser reads it.
            self.add(self._next("pp"), "", "annex", "", 1, [element])
            return
        paragraph_id = self.add(
            self._next("h"), "", "annex" if "annex" in self.prefix else "heading", label, 1, [element]
        )
        added = self.paragraphs[-1]
        if label and added.text.startswith(f"{label} "):  # <num>A.</num><heading>A. Pension ...: the number once
            added.text = added.text[len(label) + 1 :]
            self._shift_notes(paragraph_id, -len(label) - 1)

    def preambular(self, element: etree._Element) -> None:
        """A ``<container>`` (or a bare ``<p>``) of the preamble; a ``<blockList>`` inside has items."""
        block_list = element if local(element) == "blockList" else element.find("akn:blockList", NS)
        if block_list is None:
            if (
                "annex" not in self.prefix
                and _is_heading(element, HEADING_WORDS)
                and _plain_text(element)[:1].isupper()
                and not vocab.lead_phrase(_plain_text(element), "preambular")
            ):
                # A short titled line without closing punctuation ("* * *" aside); one opening with
                # a lead phrase ("Welcoming also ...") is a paragraph that lost its comma.
                self.heading(element)
                return
            blocks = [p for p in element.iter(f"{{{AKN}}}p") if not _inside_note(p, element)] or [element]
            self.add(self._next("pp"), "", self._section("preamble"), "", 1, _outermost(blocks))
            return
        intro = block_list.find("akn:listIntroduction", NS)
        heads = [intro] if intro is not None else element.findall("akn:p", NS)
        tops = [p for p in self.paragraphs if p.depth == 1 and p.section != "title"]
        if heads:
            paragraph_id = self._next("pp")
            self.add(paragraph_id, "", self._section("preamble"), "", 1, heads)
        elif tops:
            paragraph_id = tops[-1].paragraph_id  # a list set apart from the paragraph that introduces it
        else:
            for item in block_list.findall("akn:item", NS):
                self.add(self._next("pp"), "", self._section("preamble"), "", 1, [item])
            return
        for item in block_list.findall("akn:item", NS):
            self._point(item, paragraph_id, 2, self._section("preamble"))

    def numbered(self, element: etree._Element) -> None:
        """A ``<paragraph>``: ``op`` + its number; unnumbered, a preambular or lone operative paragraph."""
        num = element.find("akn:num", NS)
        number = _number(num)
        if num is not None and SECTION_NUM.match(squeeze("".join(num.itertext()))):
            self.heading(element, squeeze("".join(num.itertext())))  # "A.", "II.": a section's number
            return
        if HEADING_CLASS.match(element.get("class", "")) and not (
            (num is not None and num.text) or ""
        ).strip().endswith("."):
            self.heading(element)  # a heading style, numbered I, A or not at all
            return
        if number and SUBPARAGRAPH_NUM.match(squeeze("".join(num.itertext()))) and self.paragraphs:
            self._loose_point(element, number, squeeze("".join(num.itertext())))
            return
        if number == "l" and not self.operative_seen:
            number = "1"  # "l.", the letter typed for the digit one, numbering the first paragraph
        if number.isdigit() and (parent := self._introduced_by(int(number))):
            label = squeeze("".join(num.itertext()))
            self._body(element, f"{parent.paragraph_id}.{number}", parent.paragraph_id, parent.section, label, 2)
            return
        if number:
            if f"{self.prefix}op{number}" in self.ids:
                self._restart_numbering()
            paragraph_id = f"{self.prefix}op{number}"
            label = squeeze("".join(num.itertext()))
            section = "operative"
            self.operative_seen = True
        elif HEADING_CLASS.match(element.get("class", "")):
            self.heading(element)
            return
        elif not self.operative_seen and _adopts_following(element):
            # "Adopts the following Pact ...:": the resolution's one paragraph; what follows is the text it adopts.
            self._body(element, f"{self.prefix}op1", "", "operative", "", 1)
            self.operative_seen, self.prefix = True, f"{self.prefix}annex."
            return
        elif not self.operative_seen and "annex" not in self.prefix and _numbered_after(element):
            self.preambular(element)  # a preambular paragraph the XML tags as a paragraph
            return
        elif (label_in_text := LEADING_LABEL.match(_plain_text(element))) and self.operative_seen:
            self._labelled_in_text(element, label_in_text)
            return
        elif "annex" in self.prefix and _is_heading(element):
            self.heading(element)  # an annex's short unnumbered line that is no sentence: its title, a heading
            return
        elif "annex" in self.prefix and not (_plain_text(element)[:1].islower() and self.paragraphs[-1].depth > 1):
            # "with the intent that ...; and" after a list's last item goes on with that item.
            paragraph_id, label, section = self._next("pp"), "", "annex"
        elif self.operative_seen and _is_bold_line(element):
            self.heading(element)  # "II" / "Strategic heritage plan" in bold: a section's number and title
            return
        elif self.operative_seen:
            self._continuation(element)
            return
        else:
            paragraph_id, label, section = f"{self.prefix}op1", "", "operative"
            self.operative_seen = True
        self._body(element, paragraph_id, "", self._section(section), label, 1)

    def _introduced_by(self, number: int) -> Paragraph | None:
        """The numbered paragraph whose list or quoted text item ``number`` is, as the text parser
        reads it: "... the following objectives:" / "1. Close all digital divides" (``op7.1``), or
        "... new paragraph 4:" / "4. In hearing ..." (``op14.4``); then 2., 3. ... go on under it."""
        tops = [p for p in self.paragraphs if p.depth == 1 and p.paragraph_id.startswith(f"{self.prefix}op")]
        if not tops or not self.paragraphs[-1].label:
            return None
        top, last = tops[-1], self.paragraphs[-1]
        if last is top:
            introduces = top.text.endswith(":") and number != len(tops) + 1
            return top if introduces else None
        goes_on = last.parent_id == top.paragraph_id and last.label == f"{number - 1}."
        return top if goes_on else None

    def _restart_numbering(self) -> None:
        """Numbering that starts again (sections I, II, each from 1.): ``s2.op1``, ``s3.op1``, ..."""
        base = re.sub(r"s\d+\.$", "", self.prefix)
        self.block += 1
        self.prefix = f"{base}s{self.block}."

    def _loose_point(self, element: etree._Element, number: str, label: str) -> None:
        """A ``<paragraph>`` numbered ``(a)`` or ``(i)``: a subparagraph the XML did not nest.

        A letter that follows the last letter goes beside it; ``(i)`` after ``(h)`` is a letter too;
        another roman numeral goes under the last letter.
        """
        top = next(p for p in reversed(self.paragraphs) if p.depth == 1)
        letters = [p for p in self.paragraphs if p.parent_id == top.paragraph_id]
        last_letter = letters[-1].paragraph_id.rsplit(".", 1)[-1] if letters else ""
        follows = len(number) == len(last_letter) == 1 and ord(number) == ord(last_letter) + 1
        parent = letters[-1] if letters and ROMAN.fullmatch(number) and not follows else top
        self._body(
            element, f"{parent.paragraph_id}.{number}", parent.paragraph_id, parent.section, label, parent.depth + 1
        )

    def _labelled_in_text(self, element: etree._Element, label: re.Match) -> None:
        """An unnumbered paragraph whose text opens "(a) ...": the subparagraph that label numbers."""
        before = len(self.paragraphs)
        self._loose_point(element, label["number"], f"({label['number']})")
        added = self.paragraphs[before]
        added.text = added.text[label.end() :]
        self._shift_notes(added.paragraph_id, -label.end())

    def _continuation(self, element: etree._Element) -> None:
        """An unnumbered paragraph after numbered ones: a number the markup left in the text
        (``5 Encourages``) opens that paragraph; otherwise its words go on with the paragraph before
        (as a line without a label does in print), or, when it has subparagraphs of its own, it is
        ``p1``.. under the last numbered paragraph; under a heading it is a preambular paragraph."""
        before = len(self.paragraphs)
        self._body(element, UNNUMBERED, "", "operative", "", 1)
        added = self.paragraphs[before]
        number = LEADING_NUMBER.match(added.text)
        tops = [p for p in self.paragraphs[:before] if p.depth == 1 and p.paragraph_id.startswith(f"{self.prefix}op")]
        if number and int(number["number"]) == len(tops) + 1:
            added.label, added.text = f"{len(tops) + 1}.", added.text[number.end() :]
            self._shift_notes(UNNUMBERED, -number.end())
            added.lead_phrase = vocab.lead_phrase(added.text, "operative")
            self._rename(before, f"{self.prefix}op{len(tops) + 1}")
        elif (
            len(self.paragraphs) == before + 1
            and self.paragraphs[before - 1].section == "heading"
            and any(vocab.lead_phrase(added.text, kind) for kind in ("preambular", "operative"))
        ):
            # A clause under a heading ("Contingency fund / Recalls its resolution ..."): the section's
            # own preambular paragraph, as the text parser reads it, not more of the heading (a
            # table under its heading, "A. Pension Administration / Action Title of post ...", is).
            added.section, added.lead_phrase = "preamble", vocab.lead_phrase(added.text, "preambular")
            self._rename(before, self._next("pp"))
        elif len(self.paragraphs) > before + 1 or not tops:
            top = tops[-1].paragraph_id if tops else f"{self.prefix}op"
            self._rename(
                before,
                f"{top}.p{sum(i.startswith(f'{top}.p') and i.count('.') == top.count('.') + 1 for i in self.ids) + 1}",
            )
        else:
            previous = self.paragraphs[before - 1]
            joined = f"{previous.text} " if previous.text else ""
            self._shift_notes(UNNUMBERED, len(joined))
            self._rename(before, previous.paragraph_id)
            previous.text, previous.line_end = f"{joined}{added.text}", added.line_end
            if previous.depth == 1 and previous.section in LEAD_KIND:
                previous.lead_phrase = vocab.lead_phrase(previous.text, LEAD_KIND[previous.section])
            del self.paragraphs[before:]
            self.spans[before - 1 :] = [(previous.line_start, previous.line_end)]

    def _shift_notes(self, paragraph_id: str, by: int) -> None:
        for note in self.footnotes:
            if note.paragraph_id == paragraph_id and note.marker_offset is not None:
                note.marker_offset = max(0, note.marker_offset + by)

    def _rename(self, start: int, new: str, old: str = UNNUMBERED) -> None:
        """Give the paragraphs from ``start`` on (an unnumbered one and its subparagraphs) their id."""

        def renamed(paragraph_id: str) -> str:
            return (
                new + paragraph_id[len(old) :]
                if paragraph_id.split(".")[: old.count(".") + 1] == old.split(".")
                else paragraph_id
            )

        for paragraph in self.paragraphs[start:]:
            self.ids.discard(paragraph.paragraph_id)
            paragraph.paragraph_id, paragraph.parent_id = renamed(paragraph.paragraph_id), renamed(paragraph.parent_id)
            self.ids.add(paragraph.paragraph_id)
        for note in self.footnotes:
            note.paragraph_id = renamed(note.paragraph_id)

    def _body(self, element, paragraph_id: str, parent_id: str, section: str, label: str, depth: int) -> None:
        list_ = element.find("akn:list", NS)
        if list_ is None:
            list_ = element.find("akn:content/akn:list", NS)
        if list_ is None:
            content = element.find("akn:content", NS)
            holder = content if content is not None else element
            blocks = [p for p in holder.iter(f"{{{AKN}}}p") if not _inside_note(p, holder)] or [holder]
            self.add(paragraph_id, parent_id, section, label, depth, _outermost(blocks))
            return
        intro = list_.find("akn:intro", NS)
        paragraph_id = self.add(paragraph_id, parent_id, section, label, depth, [intro if intro is not None else list_])
        self._list(list_, paragraph_id, depth + 1, section)

    def _list(self, list_: etree._Element, parent_id: str, depth: int, section: str) -> None:
        children = _children(list_)
        for index, child in enumerate(children):
            name = local(child)
            if name == "point":
                self._point(child, parent_id, depth, section)
            elif name == "sublist" and _goes_on_lettering(children, index):
                self._list(child, parent_id, depth, section)  # (h), [(i)], (j): the list's own item
            elif name == "sublist":
                last = self.paragraphs[-1].paragraph_id  # a sublist belongs to the point before it
                self._list(child, last, depth + 1, section)

    def _point(self, point: etree._Element, parent_id: str, depth: int, section: str) -> None:
        num = point.find("akn:num", NS)
        number = _number(num) or str(sum(p.parent_id == parent_id for p in self.paragraphs) + 1)
        label = squeeze("".join(num.itertext())) if num is not None else ""
        if CAPITAL_SECTION_NUM.match(label):
            self.heading(point, label)  # "A. Pension Administration" in a list: a section, as printed
            return
        self._body(point, f"{parent_id}.{number}", parent_id, section, label, min(depth, 6))

    # -- the document ----------------------------------------------------------------
    def part(self, element: etree._Element) -> None:
        """The preamble, main body and annexes of one resolution (or one part of a collection)."""
        for child in _children(element):
            name = local(child)
            if name == "preamble":
                for item in _children(child):
                    if local(item) in {"container", "p", "blockList"}:
                        self.preambular(item)
            elif name == "mainBody":
                self.main_body(child)
            elif name == "attachments":
                self._lone_operative()
                self.attachments(child)

    def _lone_operative(self) -> None:
        """A resolution without numbered paragraphs whose last preambular paragraph acts ("Adopts the
        declaration ...", "Endorses ..."): the UN prints it as the one operative paragraph, ``op1``.
        Some XML tags it as a preambular ``<container>``."""
        last_pp = f"{self.prefix}pp{self.counts.get(f'{self.prefix}pp', 0)}"
        start = next((i for i, p in enumerate(self.paragraphs) if p.paragraph_id == last_pp), None)
        if self.operative_seen or start is None or any(p.depth == 1 for p in self.paragraphs[start + 1 :]):
            return
        last = self.paragraphs[start]
        if vocab.lead_phrase(last.text, "preambular") or not vocab.lead_phrase(last.text, "operative"):
            return
        self.counts[f"{self.prefix}pp"] -= 1
        for paragraph in self.paragraphs[start:]:
            paragraph.section = "operative"
        last.lead_phrase = vocab.lead_phrase(last.text, "operative")
        self._rename(start, f"{self.prefix}op1", last_pp)
        self.operative_seen = True

    def main_body(self, body: etree._Element) -> None:
        for child in _children(body):
            name = local(child)
            if name == "paragraph":
                self.numbered(child)
            elif name == "crossHeading" and child.get("refersTo") == "#preamble":
                self.preambular(child)  # a section's own preambular paragraph
            elif name in HEADING_TAGS:
                self.heading(child)
            elif name in {"section", "part", "chapter", "division", "hcontainer"}:
                # Its headings stay in the run before, as where the markup is bare (and in print):
                # the new run (``s2.``) starts at the number that starts again.
                self.main_body(child)
            elif name == "p" and not _plain_text(child):
                self.heading(child)  # <p><num>I</num></p>: a section's number
            elif name in {"container", "p", "blockList"}:
                if "annex" in self.prefix and _is_heading(child):
                    self.heading(child)
                elif "annex" in self.prefix:
                    self.add(self._next("pp"), "", "annex", "", 1, [child])
                elif self.operative_seen:
                    self._continuation(child)
                else:
                    self.preambular(child)

    def attachments(self, attachments: etree._Element) -> None:
        for doc in attachments.iter(f"{{{AKN}}}doc"):
            outer = self.prefix
            self.prefix = "annex."  # Annex I, Annex II: one annex run, each "Annex II" line a heading in it
            operative_seen, self.operative_seen = self.operative_seen, True
            for title in doc.iterfind("akn:preface//akn:docTitle", NS):
                self.heading(title)
            self.part(doc)
            self.prefix, self.operative_seen = outer, operative_seen


def _inside_note(p: etree._Element, top: etree._Element) -> bool:
    parent = p.getparent()
    while parent is not None and parent is not top:
        if local(parent) == "authorialNote":
            return True
        parent = parent.getparent()
    return False


def _outermost(blocks: list[etree._Element]) -> list[etree._Element]:
    """Drop a ``<p>`` nested inside another listed one (its words are read with the outer one)."""
    kept = set(blocks)
    return [block for block in blocks if not any(ancestor in kept for ancestor in block.iterancestors())]


def _plain_text(element: etree._Element) -> str:
    return _cut_marks(_marked_text(element, []))[0]


def _is_heading(element: etree._Element, longest: int = TABLE_WORDS) -> bool:
    """An unnumbered block that does not end as a sentence or clause: a heading, as the text parser
    reads it, up to ``longest`` words (an annex's long unpunctuated text is a table's)."""
    text = _plain_text(element)
    return (
        bool(text)
        and not text[0].islower()  # "with the intent that ...; and": a clause going on after a list
        and not text.endswith((",", ";", ":", "."))
        and len(text.split()) <= longest
    )


def _letters(elements: list[etree._Element]) -> list[str]:
    return [_number(element.find("akn:num", NS)) for element in elements if local(element) == "point"]


def _goes_on_lettering(children: list[etree._Element], index: int) -> bool:
    """Whether the sublist ``children[index]`` only continues its list's lettering: ``(i)`` between
    ``(h)`` and ``(j)`` (or ``(ii)`` between ``(hh)`` and ``(jj)``) is the letter the XML nested as
    if it were a roman numeral."""
    before, inner, after = (
        _letters(children[:index]),
        _letters(_children(children[index])),
        _letters(children[index + 1 :]),
    )
    run = before[-1:] + inner + after[:1]
    return bool(before and inner) and all(
        len(set(letter)) == 1 and following == chr(ord(letter[0]) + 1) * len(letter)
        for letter, following in pairwise(run)
    )


def _is_bold_line(element: etree._Element) -> bool:
    """A short unpunctuated block set wholly in bold: a heading the markup left as a plain paragraph."""
    bold = "".join("".join(span.itertext()) for span in element.iterfind(".//akn:span[@class='bold']", NS))
    return _is_heading(element, HEADING_WORDS) and squeeze(bold) == _plain_text(element)


def _adopts_following(element: etree._Element) -> bool:
    """An operative paragraph that ends introducing the text it adopts: "Adopts the following ...:"."""
    text = _plain_text(element)
    return bool(vocab.lead_phrase(text, "operative")) and "the following" in text and text.endswith(":")


def _numbered_after(element: etree._Element) -> bool:
    """Whether a numbered ``<paragraph>`` follows ``element`` anywhere later in its statement."""
    parent = element.getparent()
    while parent is not None and local(parent) not in {"statement", "doc", "component"}:
        parent = parent.getparent()
    if parent is None:
        return False
    seen = False
    for paragraph in parent.iter(f"{{{AKN}}}paragraph"):
        num = paragraph.find("akn:num", NS)
        if paragraph is element:
            seen = True
        elif seen and num is not None and not SUBPARAGRAPH_NUM.match(squeeze("".join(num.itertext()))):
            return True
    return False


def _text(root: etree._Element, xpath: str) -> str:
    found = root.xpath(xpath, namespaces=NS)
    if not found:
        return ""
    value = found[0]
    return squeeze(" ".join(value.split() if isinstance(value, str) else "".join(value.itertext()).split()))


def facts(root: etree._Element) -> dict[str, str]:
    """Symbol, title, body, session, agenda item, date and language from the cover page and FRBR."""
    found = {
        "symbol": _text(root, "(//akn:coverPage//akn:docNumber)[1]"),
        "title": _text(root, "(//akn:preface//akn:docTitle)[1]"),
        # The formula names the adopting body ("The Human Rights Council,"); the cover page's
        # issuing body of an A/HRC/ document is the General Assembly.
        "body": FORMULA_BODY.sub("", _text(root, "(//akn:preamble/akn:formula)[1]"))
        or _text(root, "(//akn:coverPage//akn:docAuthority[@refersTo='#issuingBody'])[1]"),
        "session": _text(root, "(//akn:coverPage//akn:session/@value)[1]"),
        "agenda_item": _text(root, "(//akn:coverPage//akn:inline[@name='agenda item']/@title)[1]")
        or AGENDA_ITEM.sub("", _text(root, "(//akn:coverPage//akn:inline[@name='agenda item'])[1]")),
        "date": _text(root, "(//akn:FRBRWork/akn:FRBRdate[@name='adoption']/@date)[1]"),
        "language": _text(root, "(//akn:FRBRExpression/akn:FRBRlanguage/@language)[1]"),
    }
    found["language"] = LANGUAGES.get(found["language"], found["language"])
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", found["date"]) or found["date"].startswith("0001"):
        found["date"] = ""
    if not found["session"].isdigit():
        found["session"] = ""
    return {key: value for key, value in found.items() if value}


def statements(root: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Each resolution in the file with its part prefix: ``""`` alone; ``a.``, ``b.`` in a collection."""
    components = root.findall("akn:components/akn:component", NS)
    parts = [statement for component in components for statement in _children(component)]
    if not parts:
        document = _children(root)[0] if _children(root) else root
        yield "", document
        return
    for index, statement in enumerate(parts):
        yield f"{_part_letter(statement, index)}.", statement


def _part_letter(statement: etree._Element, index: int) -> str:
    """``80/236 A`` -> ``a``; without a letter, the part's place (``a`` for the first)."""
    number = _text(statement, "(./akn:preface//akn:docNumber)[1]")
    letter = re.search(r"\b([A-Z])\.?$", number)
    return letter.group(1).lower() if letter else "abcdefghijklmnopqrstuvwxyz"[index % 26]


def parse_tree(raw: bytes, path: str) -> etree._Element:
    try:
        return etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as error:
        raise SourceError(
            path, f"the XML is not well-formed ({error.msg})", "give the AKN file as the UN publishes it", error.lineno
        ) from None


def read_akn_bytes(raw: bytes, path: str) -> AknText:
    """Paragraphs, notes, line kinds and facts of an AKN4UN resolution."""
    root = parse_tree(raw, path)
    if local(root) != "akomaNtoso":
        raise SourceError(path, f"the XML is not Akoma Ntoso (its root is <{local(root)}>)", "give an AKN4UN file", 1)
    reader = _Reader(path)
    top = _children(root)[0] if _children(root) else root
    title = top.find("akn:preface//akn:docTitle", NS)
    if title is not None:
        reader.add("title", "", "title", "", 1, [title])
    for prefix, statement in statements(root):
        reader.prefix, reader.operative_seen, reader.block = prefix, False, 1
        if prefix:
            for heading in statement.iterfind("akn:preface//akn:docTitle", NS):
                reader.heading(heading)
        reader.part(statement)
    if local(top) == "documentCollection":
        reader.prefix = ""
        reader.part(top)  # a collection's own annexes
    line_count = raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
    kinds = _kinds(reader, line_count)
    return AknText(reader.paragraphs, reader.footnotes, kinds, facts(root), reader.warnings, line_count)


def _kinds(reader: _Reader, line_count: int) -> dict[int, LineKind]:
    """Lines in a paragraph are body, lines only in a note footnote text; the rest is markup."""
    kinds = dict.fromkeys(range(1, line_count + 1), LineKind.METADATA)
    for note in reader.footnotes:
        for line in range(note.line_start, note.line_end + 1):
            kinds[line] = LineKind.FOOTNOTE
    for start, end in reader.spans:
        for line in range(start, end + 1):
            kinds[line] = LineKind.BODY
    return kinds


def read_akn(file: Path, path: str) -> AknText:
    return read_akn_bytes(file.read_bytes(), path)
