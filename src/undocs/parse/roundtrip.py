"""The AKN corpus as the test of the text parser: an XML's structure against its text renderings.

A resolution read from its XML is printed as text in two forms (one paragraph per line, and
wrapped with page breaks as a PDF extraction gives it), each form is parsed, and its paragraph
ids and note placement are compared with the XML's. ``scripts/corpus.py`` runs every file;
the tests run a sample.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from undocs import vocab
from undocs.errors import SourceError
from undocs.models import Paragraph, ParsedDocument
from undocs.parse import patterns, render
from undocs.parse.document import parse_file
from undocs.parse.resolution import parse_resolution
from undocs.read.language import SUPPORTED, name
from undocs.read.sources import decode_lines

FORMS = ("one_per_line", "pdf_layout")
PAGE_LINES = 45  # body lines a page of the PDF-like form holds
WIDTH = 90
RUN_PREFIX = re.compile(r"(?:^|(?<=\.))s\d+\.")  # "s2." of a numbering that starts again
NUMBERING_FAULTS = ("the numbering", "a paragraph number")
# The XML's faults, as the AKN reader's ids and labels show them.
PLACE_NUMBERED = re.compile(r"\.\d+$")  # "op11.a.1": an unlabelled item numbered by its place
DECIMAL_NUMBER = re.compile(r"\d+\.\d+\.?")  # "1.1"
UNDER_NO_NUMBER = re.compile(r"(?:^|\.)op\.")  # "s19.op.p1"
CLAUSE_END = re.compile(r"[.;:,]$")
PRINTED_TWICE = re.compile(r"\.r\d+$")  # "a.op1.a.r1": the reader's id for a number given twice
TOP_OPERATIVE = re.compile(r"(?P<run>.*?)op(?P<number>[^.]+)")


@dataclass
class Outcome:
    """One file's result: the XML's own, and each text form's failure kind ("" when it matches)."""

    file: str
    xml: str = ""  # "" converted; else why not
    forms: dict[str, str] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)


def rendered(parsed: ParsedDocument, form: str) -> str:
    printed = render.from_document(parsed)
    if form == "one_per_line":
        return render.one_per_line(printed)
    breaks = set(range(PAGE_LINES, 10 * len(printed.paragraphs) + PAGE_LINES, PAGE_LINES))
    return render.pdf_layout(printed, WIDTH, breaks, parsed.meta.symbol or "A/0/0")


def _kind_of_error(message: str) -> str:
    """An error message without its numbers, so that like errors count together."""
    return re.sub(r"\d+", "N", message.split(". Fix:")[0].split(": ", 1)[-1])[:90]


def _id_kind(xml_id: str) -> str:
    """What kind of paragraph the first differing id is, to count failures by cause.

    >>> _id_kind("s2.op4.a"), _id_kind("a.pp3"), _id_kind("annex.h2")
    ('operative subparagraph', 'parts (A, B)', 'annex')
    """
    xml_id = RUN_PREFIX.sub("", xml_id)  # a numbering that starts again is the same kind of paragraph
    if xml_id.startswith("annex"):
        return "annex"
    if re.match(r"^[a-z]\.", xml_id):
        return "parts (A, B)"
    if re.match(r"^h\d", xml_id):
        return "heading"
    if xml_id.startswith("pp"):
        return "preambular" + (" subparagraph" if "." in xml_id else "")
    if xml_id.startswith("op"):
        return "operative" + (" subparagraph" if "." in xml_id else "")
    return xml_id or "missing"


def xml_faults(xml: ParsedDocument) -> dict[int, str]:
    """Where the XML's own structure is at fault, by paragraph index: what no printed text shows
    that way, so that a text parser reading the print sensibly cannot agree.

    >>> from undocs.models import DocumentMeta, Paragraph
    >>> rows = [("h1", "Having received the report"), ("op1", "Decides."), ("op3", "Asks."), ("s2.op1", "Notes.")]
    >>> paragraphs = [Paragraph(i, "", "heading" * (i == "h1"), "", 0, 1, "", text, 1, 1) for i, text in rows]
    >>> for index, fault in xml_faults(ParsedDocument(DocumentMeta("x", "", "", ""), paragraphs, [])).items():
    ...     print(index, fault)
    0 a heading opens with a preambular lead phrase (its closing punctuation lost)
    2 the numbering skips a number
    3 the numbering starts again with no heading before it (a heading run into a paragraph)
    """
    labels = {(p.parent_id, p.label) for p in xml.paragraphs}
    faults = {i: fault for i, p in enumerate(xml.paragraphs) if (fault := _paragraph_fault(p, labels))}
    faults = _numbering_faults(xml.paragraphs, faults) | faults
    annex = next((i for i, p in enumerate(xml.paragraphs) if p.paragraph_id.startswith("annex.")), 0)
    if annex and xml.paragraphs[annex - 1].label and not patterns.ANNEX_LINE.match(xml.paragraphs[annex].text):
        # After numbered paragraphs the print opens an annex with its "Annex" line; this XML has none.
        faults[annex] = "an annex that starts without its Annex line"
    return dict(sorted(faults.items()))


def _paragraph_fault(paragraph: Paragraph, labels: set[tuple[str, str]]) -> str:
    """What is wrong with one paragraph as the XML gives it, or ''."""
    paragraph_id, label, text = paragraph.paragraph_id, paragraph.label, paragraph.text
    heading = paragraph.section == "heading" or bool(patterns.HEADING_ID.search(paragraph_id))
    if paragraph.section == "heading" and vocab.lead_phrase(text, "preambular"):
        return "a heading opens with a preambular lead phrase (its closing punctuation lost)"
    if paragraph.depth > 1 and not label and PLACE_NUMBERED.search(paragraph_id):
        return "an item the print gives no label, numbered by its place (op11.a.1)"
    if DECIMAL_NUMBER.fullmatch(label):
        return "a decimal number (1.1) read as a whole one (op11)"
    if UNDER_NO_NUMBER.search(paragraph_id):
        return "an unnumbered paragraph put under no numbered one (op.p1)"
    if heading and CLAUSE_END.search(text) and len(text.split()) > 3:
        return "a heading that ends as a clause does (a styled lead-in, or run together with its paragraph)"
    if _misses_the_letter_before(paragraph, labels):
        return "a list that lacks the item before this one (it starts at (b))"
    if PRINTED_TWICE.search(paragraph_id):
        return "a paragraph number printed twice"
    return ""


def _numbering_faults(paragraphs: list[Paragraph], faults: dict[int, str]) -> dict[int, str]:
    """Operative numbers that are no numbers, skip, or start again with no heading before them."""
    found: dict[int, str] = {}
    last: dict[str, int] = {}  # the last operative number of each run of numbering
    heading_since = False  # a heading since the last operative paragraph
    for index, paragraph in enumerate(paragraphs):
        operative = TOP_OPERATIVE.fullmatch(paragraph.paragraph_id)
        if operative and index not in faults:
            number, previous = operative["number"], last.get(operative["run"], 0)
            if not number.isdigit():
                found[index] = "a paragraph number that is not a number"
            elif int(number) != previous + 1:
                found[index] = "the numbering skips a number"
            elif number == "1" and RUN_PREFIX.search(operative["run"]) and not heading_since:
                found[index] = "the numbering starts again with no heading before it (a heading run into a paragraph)"
            last[operative["run"]] = int(number) if number.isdigit() else previous
        heading = paragraph.section == "heading" or bool(patterns.HEADING_ID.search(paragraph.paragraph_id))
        heading_since = heading or (heading_since and not operative)
    return found


def _misses_the_letter_before(paragraph: Paragraph, labels: set[tuple[str, str]]) -> bool:
    """A lettered subparagraph, "(b)" say, whose list under the same paragraph has no "(a)"; letters
    that are roman numerals too ("(c)", "(i)") and lists under a heading (letters that go on from
    the heading before) are left aside."""
    letter = re.fullmatch(r"\((?P<letter>[b-z])\)", paragraph.label)
    if not letter or letter["letter"] in "ivxlc" or patterns.HEADING_ID.search(paragraph.parent_id):
        return False
    return (paragraph.parent_id, f"({chr(ord(letter['letter']) - 1)})") not in labels


def _first_difference(first: list[str], second: list[str]) -> int:
    return next(
        (i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), min(len(first), len(second))
    )


def compare(xml: ParsedDocument, text: ParsedDocument) -> tuple[str, str]:
    """The failure kind and a detail; ``("", "")`` when ids and note placement agree. Where the
    XML's own structure explains the first difference, the kind says so (``XML: ...``)."""
    xml_ids = [p.paragraph_id for p in xml.paragraphs]
    text_ids = [p.paragraph_id for p in text.paragraphs]
    if xml_ids != text_ids:
        index = _first_difference(xml_ids, text_ids)
        xml_id = xml_ids[index] if index < len(xml_ids) else ""
        text_id = text_ids[index] if index < len(text_ids) else ""
        detail = f"first difference: XML {xml_id or '(end)'}, text {text_id or '(end)'}"
        fault = xml_faults(xml).get(index)
        if fault:
            return f"XML: {fault}", detail
        return f"ids differ at {_id_kind(xml_id)}", detail
    xml_notes = {(n.footnote_id, n.paragraph_id) for n in xml.footnotes}
    text_notes = {(n.footnote_id, n.paragraph_id) for n in text.footnotes if n.marker_found}
    if xml_notes != text_notes:
        missing = sorted(xml_notes - text_notes)[:3]
        extra = sorted(text_notes - xml_notes)[:3]
        return "notes in another paragraph or lost", f"XML only {missing}, text only {extra}"
    xml_offsets = {n.footnote_id: n.marker_offset for n in xml.footnotes}
    moved = [n.footnote_id for n in text.footnotes if n.marker_offset != xml_offsets.get(n.footnote_id)]
    if moved:
        return "note marker elsewhere in its paragraph", f"notes {moved[:5]}"
    return "", ""


def as_document(parsed: ParsedDocument, text: str, path: str) -> ParsedDocument:
    read = parse_resolution(decode_lines(text.encode("utf-8"), path), path, parsed.meta.symbol)
    return ParsedDocument(parsed.meta, read.paragraphs, read.footnotes)


def _error_kind(xml: ParsedDocument, message: str) -> str:
    """A text parser's error as a failure kind: the XML's own fault when its numbering already
    skips, repeats or starts again where the print shows no reason to (the text prints those numbers)."""
    numbering = [fault for fault in xml_faults(xml).values() if fault.startswith(NUMBERING_FAULTS)]
    if numbering and "operative paragraph number" in message:
        return f"XML: {numbering[0]}"
    return f"text error: {_kind_of_error(message)}"


def check(file: Path) -> Outcome:
    """Convert one XML, render it in both forms, parse them and compare."""
    outcome = Outcome(file.as_posix())
    try:
        parsed = parse_file(file)
    except SourceError as error:
        outcome.xml = _kind_of_error(str(error))
        return outcome
    if parsed.meta.language not in SUPPORTED:
        reason = f"not compared: the text parser reads English only, the XML is in {name(parsed.meta.language)}"
        outcome.forms = dict.fromkeys(FORMS, reason)
        return outcome
    for form in FORMS:
        try:
            text = as_document(parsed, rendered(parsed, form), f"{file.name}.{form}.txt")
        except SourceError as error:
            outcome.forms[form], outcome.details[form] = _error_kind(parsed, str(error)), str(error)
            continue
        outcome.forms[form], outcome.details[form] = compare(parsed, text)
    return outcome


def xml_files(akn: Path) -> list[Path]:
    """Every resolution of the AKN corpus (``GA/80/*.xml``, ``HRC/58/*.xml``), in a fixed order."""
    return sorted(akn.glob("*/[0-9]*/*.xml"))


def spread(files: list[Path], count: int) -> list[Path]:
    """``count`` files taken evenly from each body and session folder in turn: a fixed sample.

    >>> [f.as_posix() for f in spread([Path("GA/75/a"), Path("GA/75/b"), Path("HRC/54/c")], 2)]
    ['GA/75/a', 'HRC/54/c']
    """
    folders: dict[Path, list[Path]] = {}
    for file in files:
        folders.setdefault(file.parent, []).append(file)
    chosen: list[Path] = []
    step = 0
    while len(chosen) < min(count, len(files)):
        for folder in sorted(folders):
            members = folders[folder]
            # Every folder is walked from far-apart places first: 0, 1/2, 1/4, 3/4, ...
            index = (step * 7919) % len(members) if len(members) > step else None
            if index is not None and members[index] not in chosen and len(chosen) < count:
                chosen.append(members[index])
        step += 1
    return chosen
