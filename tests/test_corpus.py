"""The four corpus resolutions: structure read from the PDFs, and the same from their text extractions.

Expected ids and note placements were read off the PDFs: A/RES/73/6 has 25 preambular and
14 operative paragraphs, A/RES/73/7 13 and 28, A/RES/73/8 8 and 5; A/RES/73/3 adopts, in one
unnumbered paragraph, a declaration with two headings, a "We, Heads of State ..." paragraph
and 53 numbered paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from corpus_data import DOCUMENTS, TEXT_EXTRACTIONS, ids, parsed, requires_corpus
from undocs.parse import patterns

pytestmark = requires_corpus


def numbered(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{number}" for number in range(1, count + 1)]


EXPECTED_IDS = {
    "A_RES_73_3": ["title", "op1", "annex.h1", "annex.h2", "annex.pp1", *numbered("annex.op", 53)],
    "A_RES_73_6": ["title", *numbered("pp", 25), *numbered("op", 14)],
    "A_RES_73_7": ["title", *numbered("pp", 13), *numbered("op", 28)],
    "A_RES_73_8": ["title", *numbered("pp", 8), *numbered("op", 5)],
}
# Where each note's superscript marker stands in the PDF.
EXPECTED_NOTES = {
    "A_RES_73_3": {
        "1": "annex.op1",
        "2": "annex.op1",
        "3": "annex.op2",
        "4": "annex.op2",
        "5": "annex.op2",
        "6": "annex.op3",
        "7": "annex.op23",
    },
    "A_RES_73_6": {"1": "pp2", "2": "pp5", "3": "pp5", "4": "pp5", "5": "pp13", "6": "pp23"},
    "A_RES_73_7": {
        "1": "pp2",
        "2": "pp9",
        "3": "pp10",
        "4": "op1",
        "5": "op3",
        "6": "op12",
        "7": "op13",
        "8": "op13",
        "9": "op21",
    },
    "A_RES_73_8": {"1": "op1"},
}
# "the Millennium Development Goals 6 and": in text the 6 may be Goal 6; only the PDF's
# superscript says it is note 6. pdfminer also keeps "Court, 1" (a second citation of note 1).
TEXT_CANNOT_TELL = {("A_RES_73_3", "annex.op3")}
PDFMINER_MARKER_DIGITS = {"A_RES_73_3": Counter("6"), "A_RES_73_7": Counter("1")}
# Page furniture: job numbers, bar codes, page counters, separators, links.
FURNITURE = re.compile(r"\b18-1\d{4}\b|\*18\d{5}\*|\b\d{1,2}/(?:2|5|10) 18-|_{3,}|https?://")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_gives_the_printed_paragraphs(name):
    assert ids(parsed(f"{name}.pdf")) == EXPECTED_IDS[name]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_notes_stand_where_their_superscripts_are(name):
    document = parsed(f"{name}.pdf")
    assert {note.footnote_id: note.paragraph_id for note in document.footnotes} == EXPECTED_NOTES[name]
    assert all(note.text and note.marker_found for note in document.footnotes)
    assert not document.warnings


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_page_furniture_in_paragraphs(name):
    document = parsed(f"{name}.pdf")
    symbol = document.meta.symbol
    for paragraph in document.paragraphs:
        assert not FURNITURE.search(paragraph.text), (paragraph.paragraph_id, paragraph.text)
        assert not re.search(rf"{re.escape(symbol)}\b", paragraph.text), paragraph.paragraph_id


def test_the_declaration_of_73_3_is_its_annex():
    document = parsed("A_RES_73_3.pdf")
    adopts = document.paragraph("op1")
    assert (adopts.section, adopts.label, adopts.lead_phrase) == ("operative", "", "Adopts")
    assert adopts.text.endswith("on the fight against tuberculosis on 26 September 2018:")
    assert document.paragraph("annex.h2").text == (
        "United to end tuberculosis: an urgent global response to a global epidemic"
    )
    we = document.paragraph("annex.pp1")
    assert (we.section, we.lead_phrase) == ("annex", "We")
    assert we.text.endswith("of all people, and we therefore:")
    last = document.paragraph("annex.op53")
    assert (last.section, last.label) == ("annex", "53.")
    assert last.text.endswith("at a high-level meeting in 2023.")


def test_a_note_continued_on_the_next_page_is_whole():
    note = next(note for note in parsed("A_RES_73_6.pdf").footnotes if note.footnote_id == "6")
    assert note.text.startswith("Related documents include A/AC.105/1129,")
    assert note.text.endswith("A/AC.105/1180 and A/AC.105/1181.")
    assert "A/AC.105/1168" not in parsed("A_RES_73_6.pdf").paragraph("op5").text


@pytest.mark.parametrize("name", DOCUMENTS)
def test_note_symbols_are_linked_on_their_pages(name):
    """Every UN symbol a note cites has a link annotation on the page(s) where the note is printed."""
    document = parsed(f"{name}.pdf")
    links = {(link.url, link.page) for link in document.links}
    for note in document.footnotes:
        pages = range(document.page_of(note.line_start), document.page_of(note.line_end) + 1)
        for match in patterns.SYMBOL_IN_TEXT.finditer(note.text):
            symbol = match.group("symbol")
            if symbol == "S/2013/210":
                continue  # printed as the joint symbol "A/67/828-S/2013/210", linked to A/67/828
            assert any((f"https://undocs.org/{symbol}", page) in links for page in pages), (note.footnote_id, symbol)


@pytest.mark.parametrize("extraction", TEXT_EXTRACTIONS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_text_extractions_give_the_same_paragraph_ids(name, extraction):
    text = parsed(f"{name}.{extraction}.txt")
    assert ids(text) == ids(parsed(f"{name}.pdf"))
    assert [note.footnote_id for note in text.footnotes] == list(EXPECTED_NOTES[name])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pypdf_text_gives_the_same_texts(name):
    pdf = parsed(f"{name}.pdf")
    text = parsed(f"{name}.pypdf.txt")
    differ = {
        paragraph.paragraph_id
        for paragraph in pdf.paragraphs
        if squeeze(paragraph.text) != squeeze(text.paragraph(paragraph.paragraph_id).text)
    }
    assert differ == {paragraph_id for document, paragraph_id in TEXT_CANNOT_TELL if document == name}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdfminer_text_gives_the_same_words(name):
    """pdfminer moves pieces of justified lines about, so its words are compared as a whole."""
    pdf = Counter(squeeze(" ".join(paragraph.text for paragraph in parsed(f"{name}.pdf").paragraphs)))
    text = Counter(squeeze(" ".join(paragraph.text for paragraph in parsed(f"{name}.pdfminer.txt").paragraphs)))
    assert text - pdf == PDFMINER_MARKER_DIGITS.get(name, Counter())
    assert not pdf - text
