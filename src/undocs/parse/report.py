"""The report parser: UN reports whose paragraphs are numbered 1., 2., ... without a chapeau
(UPR Working Group reports and their addenda, national reports, compilations, summaries).

The cover (symbol, session, agenda item, title, its ``*`` note) is the front matter; then each
unit opens at a printed label, and the lines up to the next label are its text:

- ``Contents`` and its dot-leader lines: one ``contents`` row;
- a heading (``I. Summary ...``, ``A. Presentation ...``, or a short line after a finished
  sentence that does not end one): ``h1``, ``h2``, ... in order, section ``heading``;
- a numbered paragraph ``115.``: ``p115`` (section ``body``), its ``(a)`` items ``p115.a``;
- a recommendation ``115.38`` under paragraph 115: ``p115.38`` (section ``recommendation``);
- an addendum's response, printed against the recommendations it answers (``Rec. 18``,
  ``Recs. 6–13``, or ``122.14– 15`` on a line of its own): ``r18``, ``r6``, ``r122.14``
  (its first recommendation; section ``response``);
- a bullet, or a paragraph after a heading that has no label: ``h3.u1``, ``h3.u2`` (the
  unnumbered units after the last labelled one).

A label opens a unit only in sequence (paragraph ``n + 1``, recommendation ``115.(m + 1)``),
so numbers of the running text that happen to start a line stay text.

>>> from undocs.read.sources import decode_lines
>>> text = (" Human Rights Council\\n Report of the Working Group\\nSlovenia\\n I. Conclusions\\n"
...         " 1. The following recommendations enjoy support:\\n 1.1 Ratify the Convention\\n (Chile);\\n")
>>> parsed = parse_report(decode_lines(text.encode(), "r.txt"), "r.txt")
>>> [(p.paragraph_id, p.section, p.text) for p in parsed.paragraphs][1:]
[('h1', 'heading', 'I. Conclusions'), ('p1', 'body', 'The following recommendations enjoy support:'), ('p1.1', 'recommendation', 'Ratify the Convention (Chile);')]
"""

from __future__ import annotations

from undocs.models import Footnote, LineKind, Paragraph, SourceLine
from undocs.parse import patterns
from undocs.parse import report_patterns as rp
from undocs.parse.clean import RawNote, clean, is_front_metadata
from undocs.parse.footnotes import attach
from undocs.parse.resolution import ParsedText, front_facts
from undocs.text import join_lines, squeeze

# A plain heading is a short line; a body line (about 90 characters) is not one.
HEADING_MAX_LENGTH = 75


def _is_furniture(line: SourceLine) -> bool:
    return bool(rp.LONE_PAGE_NUMBER.match(line.text) or rp.JOB_NUMBER.match(line.text) or rp.BAR_CODE.match(line.text))


def _opens_unit(line: SourceLine) -> bool:
    text = line.text
    return bool(
        rp.CONTENTS.match(text)
        or rp.HEADING_LABEL.match(text)
        or (rp.PARAGRAPH_LABEL.match(text) and rp.PARAGRAPH_LABEL.match(text).group("number") == "1")
    )


def split_cover(body: list[SourceLine]) -> tuple[list[SourceLine], list[SourceLine]]:
    """The cover (the first page's lines before the first unit) and the lines after it."""
    for index, line in enumerate(body):
        if line.page != body[0].page or _opens_unit(line):
            return body[:index], body[index:]
    return body, []


def _cover_title(cover: list[SourceLine]) -> list[SourceLine]:
    """The title's lines: after the last metadata line (an agenda item's own title is metadata)."""
    start = 0
    for index, line in enumerate(cover):
        if is_front_metadata(line.text) or rp.DATE_RANGE.match(line.text):
            start = index + 1
            if rp.AGENDA_ITEM.match(line.text) and index + 1 < len(cover):
                start = index + 2
    return [line for line in cover[start:] if line.text.strip()]


class _Units:
    """The state machine that opens a unit at each label in sequence and adds the other lines to it."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.parts: list[list[str]] = []
        self.number = 0  # the last numbered paragraph
        self.recommendation = 0  # the last recommendation under it
        self.headings = 0
        self.anchor = ""  # the last labelled unit, which unnumbered units are counted under
        self.unnumbered = 0
        self.in_contents = False
        self.seen: set[str] = set()

    def run(self, lines: list[SourceLine]) -> list[Paragraph]:
        for index, line in enumerate(lines):
            following = [later.text for later in lines[index + 1 : index + 3]]
            if not self._open(line, following):
                self._continue(line)
        return self._finish()

    # --- opening units --------------------------------------------------------------------
    def _open(self, line: SourceLine, following: list[str]) -> bool:
        text = line.text
        if rp.CONTENTS.match(text):
            self.in_contents = True
            return self._add("contents", "", "contents", "", 1, line, squeeze(text))
        if self.in_contents:
            if (
                rp.DOT_LEADER.search(text)
                or rp.CONTENTS_HEADER.match(text)
                or any(map(rp.DOT_LEADER.search, following))
            ):
                return False
            self.in_contents = False
        return (
            self._numbered(line)
            or self._recommendation(line)
            or self._response(line)
            or self._subparagraph(line)
            or self._heading(line)
            or self._bullet(line)
        )

    def _numbered(self, line: SourceLine) -> bool:
        match = rp.PARAGRAPH_LABEL.match(line.text)
        if not match or int(match.group("number")) != self.number + 1:
            return False
        self.number += 1
        self.recommendation = 0
        self._anchor(f"p{self.number}")
        return self._add(f"p{self.number}", "", "body", f"{self.number}.", 1, line, match.group("text"))

    def _recommendation(self, line: SourceLine) -> bool:
        match = rp.RECOMMENDATION_LABEL.match(line.text)
        if not match or int(match.group("paragraph")) != self.number:
            return False
        if int(match.group("number")) != self.recommendation + 1:
            return False
        self.recommendation += 1
        label = f"{self.number}.{self.recommendation}"
        return self._add(f"p{label}", f"p{self.number}", "recommendation", label, 2, line, match.group("text"))

    def _response(self, line: SourceLine) -> bool:
        match = rp.RESPONSE_LABEL.match(line.text) or rp.LONE_REFS.match(line.text)
        if not match or not self.number:
            return False
        refs = squeeze(match.group("refs"))
        first = refs.replace("–", "-").split("-")[0].strip()
        paragraph_id = self._unique(f"r{first}")
        text = match.groupdict().get("text") or ""
        self._anchor(paragraph_id)
        return self._add(paragraph_id, f"p{self.number}", "response", refs, 2, line, text)

    def _subparagraph(self, line: SourceLine) -> bool:
        match = rp.SUBPARAGRAPH_LABEL.match(line.text)
        current = self.paragraphs[-1] if self.paragraphs else None
        in_paragraph = current is not None and current.section == "body" and current.paragraph_id.startswith("p")
        if not match or not in_paragraph or not self._ended():
            return False
        label = match.group("label")
        return self._add(
            self._unique(f"p{self.number}.{label}"),
            f"p{self.number}",
            "body",
            f"({label})",
            2,
            line,
            match.group("text"),
        )

    def _heading(self, line: SourceLine) -> bool:
        text = squeeze(line.text)
        labelled = rp.HEADING_LABEL.match(line.text)
        plain = (
            len(text) <= HEADING_MAX_LENGTH
            and text[:1].isupper()
            and not rp.ENDS_CLAUSE.search(text)
            and self._ended()
            and not rp.ENDS_WITH_FUNCTION_WORD.search(text)
        )
        if not (labelled or plain):
            return False
        self.headings += 1
        self._anchor(f"h{self.headings}")
        return self._add(f"h{self.headings}", "", "heading", "", 1, line, text)

    def _bullet(self, line: SourceLine) -> bool:
        match = rp.BULLET.match(line.text)
        after_heading = self.paragraphs and self.paragraphs[-1].section == "heading"
        if not match and not (after_heading and line.text.strip()[:1].isupper()):
            return False
        parent = self.anchor if self.anchor.startswith("p") else ""
        self.unnumbered += 1
        paragraph_id = f"{self.anchor or 'front'}.u{self.unnumbered}"
        return self._add(
            paragraph_id, parent, "body", "", 2 if parent else 1, line, match.group("text") if match else line.text
        )

    # --- helpers ---------------------------------------------------------------------------
    def _ended(self) -> bool:
        """Whether the unit so far ends a sentence (or is a heading or the contents)."""
        if not self.paragraphs:
            return True
        if self.paragraphs[-1].section in {"heading", "contents"}:
            return True
        return bool(rp.ENDS_SENTENCE.search(self.parts[-1][-1]))

    def _anchor(self, paragraph_id: str) -> None:
        self.anchor = paragraph_id
        self.unnumbered = 0

    def _unique(self, paragraph_id: str) -> str:
        candidate, count = paragraph_id, 1
        while candidate in self.seen:
            count += 1
            candidate = f"{paragraph_id}.n{count}"
        return candidate

    def _add(
        self, paragraph_id: str, parent_id: str, section: str, label: str, depth: int, line: SourceLine, text: str
    ) -> bool:
        self.seen.add(paragraph_id)
        self.paragraphs.append(
            Paragraph(
                paragraph_id,
                parent_id,
                section,
                label,
                len(self.paragraphs) + 2,
                depth,
                "",
                "",
                line.number,
                line.number,
            )
        )
        self.parts.append([text])
        return True

    def _continue(self, line: SourceLine) -> None:
        if not self.paragraphs:  # text before any label: an unnumbered unit of its own
            self.unnumbered += 1
            self._add(f"front.u{self.unnumbered}", "", "body", "", 1, line, line.text)
            return
        self.parts[-1].append(line.text)
        self.paragraphs[-1].line_end = line.number

    def _finish(self) -> list[Paragraph]:
        for paragraph, parts in zip(self.paragraphs, self.parts, strict=True):
            paragraph.text = join_lines(parts).replace(
                "∗", "*"
            )  # the asterisk operator some PDFs print for a note's star
        return self.paragraphs


def _cover_notes(cover: list[SourceLine], kinds: dict[int, LineKind]) -> tuple[list[RawNote], list[SourceLine]]:
    """The cover's ``*`` notes (a note runs on to the cover's end) and its other lines."""
    notes: list[RawNote] = []
    front: list[SourceLine] = []
    for line in cover:
        star = rp.STAR_NOTE.match(line.text)
        if star:
            notes.append(RawNote(star.group("number"), [star.group("text")], line.number, line.number))
        elif notes and line.text.strip():
            notes[-1].lines.append(line.text)
            notes[-1].line_end = line.number
        else:
            front.append(line)
            kinds[line.number] = LineKind.METADATA
            continue
        kinds[line.number] = LineKind.FOOTNOTE
    return notes, front


def parse_report(lines: list[SourceLine], path: str) -> ParsedText:
    """Parse a report's text (extracted from its PDF, or clean text)."""
    cleaned = clean(lines)
    body = []
    for line in cleaned.body:
        if _is_furniture(line):
            cleaned.kinds[line.number] = LineKind.HEADER
        else:
            body.append(line)
    cover, rest = split_cover(body)
    notes, front = _cover_notes(cover, cleaned.kinds)
    title = _cover_title(front)
    paragraphs: list[Paragraph] = []
    if title:
        text = squeeze(" ".join(line.text for line in title).replace("*", ""))
        paragraphs.append(Paragraph("title", "", "title", "", 1, 1, "", text, title[0].number, title[-1].number))
        for line in cover:
            if title[0].number <= line.number <= title[-1].number and cleaned.kinds[line.number] is LineKind.METADATA:
                cleaned.kinds[line.number] = LineKind.BODY
    paragraphs += _Units().run(rest)
    attached = attach(paragraphs, cleaned.notes)
    paragraphs = attached.paragraphs
    # The cover's notes belong to the title, whose star the title text does not keep.
    footnotes = attached.footnotes
    footnotes[:0] = [
        Footnote(
            note.number, paragraphs[0].paragraph_id, join_lines(note.lines), note.line_start, note.line_end, bool(title)
        )
        for note in notes
    ]
    facts = front_facts(front, None)
    symbol = next((match for line in lines[:5] if (match := patterns.SYMBOL_LINE.match(line.text))), None)
    if symbol:
        facts["symbol"] = symbol.group("symbol")
    facts["title"] = paragraphs[0].text if title else facts.get("title", "")
    for line in front:
        if patterns.DATE_LINE.match(line.text) and "date" not in facts:
            facts["date"] = patterns.DATE_LINE.match(line.text).group("date")
        if line.text.strip() == "Human Rights Council":
            facts["body"] = "Human Rights Council"
    warnings = cleaned.warnings + attached.warnings
    return ParsedText(paragraphs, footnotes, cleaned.links, cleaned.kinds, warnings, facts, cleaned.pages)
