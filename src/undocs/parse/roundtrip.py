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

from undocs.errors import SourceError
from undocs.models import ParsedDocument
from undocs.parse import render
from undocs.parse.document import parse_file
from undocs.parse.resolution import parse_resolution
from undocs.read.sources import decode_lines

FORMS = ("one_per_line", "pdf_layout")
PAGE_LINES = 45  # body lines a page of the PDF-like form holds
WIDTH = 90


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
    """What kind of paragraph the first differing id is, to count failures by cause."""
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


def compare(xml: ParsedDocument, text: ParsedDocument) -> tuple[str, str]:
    """The failure kind and a detail; ``("", "")`` when ids and note placement agree."""
    xml_ids = [p.paragraph_id for p in xml.paragraphs]
    text_ids = [p.paragraph_id for p in text.paragraphs]
    if xml_ids != text_ids:
        index = next(
            (i for i, (a, b) in enumerate(zip(xml_ids, text_ids, strict=False)) if a != b),
            min(len(xml_ids), len(text_ids)),
        )
        xml_id = xml_ids[index] if index < len(xml_ids) else ""
        text_id = text_ids[index] if index < len(text_ids) else ""
        return (
            f"ids differ at {_id_kind(xml_id)}",
            f"first difference: XML {xml_id or '(end)'}, text {text_id or '(end)'}",
        )
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


def check(file: Path) -> Outcome:
    """Convert one XML, render it in both forms, parse them and compare."""
    outcome = Outcome(file.as_posix())
    try:
        parsed = parse_file(file)
    except SourceError as error:
        outcome.xml = _kind_of_error(str(error))
        return outcome
    for form in FORMS:
        try:
            text = as_document(parsed, rendered(parsed, form), f"{file.name}.{form}.txt")
        except SourceError as error:
            outcome.forms[form], outcome.details[form] = f"text error: {_kind_of_error(str(error))}", str(error)
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
