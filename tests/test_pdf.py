"""PDF sources: the text laid out from the PDF, the documents row, the links, convert and the manifest."""

from __future__ import annotations

import csv
import hashlib
import shutil

import pytest

from corpus_data import CORPUS, UPR, parsed, requires_corpus, requires_upr
from undocs.cli import main
from undocs.errors import SourceError
from undocs.parse.document import parse_entry, parse_file
from undocs.read import pdf
from undocs.read.sources import load_manifest

pytestmark = requires_corpus


@pytest.fixture(scope="module")
def text_73_6() -> str:
    return pdf.extract_text(CORPUS / "A_RES_73_6.pdf")


def test_superscript_markers_become_superscript_digits(text_73_6):
    lines = text_73_6.splitlines()
    assert "Development,² of the Sendai Framework for Disaster Risk Reduction 2015–2030³ and" in lines
    assert "of the commitments by States parties to the Paris Agreement⁴ requires stronger" in lines


def test_notes_follow_a_separator_and_paragraphs_start_indented(text_73_6):
    lines = text_73_6.splitlines()
    notes = lines.index(" 2  Resolution 70/1.")
    assert lines[notes - 1] == pdf.SEPARATOR
    assert " Convinced that the fulfilment of the 2030 Agenda for Sustainable" in lines
    assert "planet," in lines  # a continuation line is not indented


def test_running_headers_and_footers_are_dropped(text_73_6):
    pages = text_73_6.split("\f")
    assert len(pages) == 5
    assert pages[1].startswith("to shape the global governance of outer space activities")
    assert "18-17962" not in text_73_6
    assert pages[0].startswith("United Nations A/RES/73/6")  # the first page's header is the front matter


def test_link_annotations_follow_their_page(text_73_6):
    page = text_73_6.split("\f")[1].splitlines()
    assert page[-3:] == [
        "https://undocs.org/A/RES/70/1",
        "https://undocs.org/A/RES/69/283",
        "https://undocs.org/FCCC/CP/2015/10/Add.1",
    ]


def test_links_of_a_pdf_feed_the_document_links():
    links = parsed("A_RES_73_8.pdf").links
    assert len(links) == 39
    assert (links[0].url, links[0].page) == ("https://undocs.org/A/73/L.3", 1)
    assert (links[-1].url, links[-1].page) == ("https://undocs.org/A/73/85", 2)


def test_documents_row_records_the_pdf_and_its_extractor():
    meta = parsed("A_RES_73_8.pdf").meta
    assert (meta.source_format, meta.extractor) == ("pdf", pdf.extractor())
    assert meta.extractor.startswith("pypdfium2 ")
    assert meta.source_sha256 == hashlib.sha256((CORPUS / "A_RES_73_8.pdf").read_bytes()).hexdigest()
    assert (meta.symbol, meta.date, meta.session) == ("A/RES/73/8", "2018-11-01", "73")
    assert parsed("A_RES_73_8.pypdf.txt").meta.source_format == "text"


def test_line_spans_count_the_lines_undocs_extract_prints(capsys):
    assert main(["extract", str(CORPUS / "A_RES_73_7.pdf")]) == 0
    lines = capsys.readouterr().out.split("\n")
    paragraph = parsed("A_RES_73_7.pdf").paragraph("op17")
    assert lines[paragraph.line_start - 1].strip().startswith("17. Recalls that, by virtue of article 12")


def test_convert_a_pdf_into_a_valid_package(tmp_path):
    assert main(["-q", "convert", str(CORPUS / "A_RES_73_8.pdf"), "--out", str(tmp_path)]) == 0
    with (tmp_path / "data" / "documents.csv").open(encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["document_id"], row["source_format"], row["extractor"]) == ("a-res-73-8", "pdf", pdf.extractor())
    assert main(["validate", str(tmp_path)]) == 0


def test_a_manifest_entry_may_be_a_pdf(tmp_path):
    sources = tmp_path / "data" / "sources"
    sources.mkdir(parents=True)
    shutil.copy(CORPUS / "A_RES_73_8.pdf", sources / "a-res-73-8.pdf")
    sha = hashlib.sha256((sources / "a-res-73-8.pdf").read_bytes()).hexdigest()
    (sources / "sources.yaml").write_text(
        "sources:\n  - document_id: a-res-73-8\n    file: a-res-73-8.pdf\n"
        f"    sha256: {sha}\n    title: Embargo against Cuba\n    document_type: resolution\n"
        "    body: General Assembly\n    date: '2018-11-01'\n    language: en\n    publisher: United Nations\n"
        "    source_format: pdf\n",
        encoding="utf-8",
    )
    (entry,) = load_manifest(sources / "sources.yaml")
    document = parse_entry(entry, tmp_path)
    assert (document.meta.source_format, document.meta.source_path) == ("pdf", "data/sources/a-res-73-8.pdf")
    assert [paragraph.paragraph_id for paragraph in document.paragraphs] == [
        paragraph.paragraph_id for paragraph in parsed("A_RES_73_8.pdf").paragraphs
    ]


def test_a_file_that_is_not_a_pdf_is_refused(tmp_path):
    fake = tmp_path / "resolution.pdf"
    fake.write_text("The General Assembly,\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not a readable PDF"):
        parse_file(fake)


@pytest.fixture(scope="module")
def upr_lines() -> dict[str, list[str]]:
    """A sample of the UPR reports (each a different producer's PDF), as extracted lines."""
    names = ("dprk/A_HRC_27_10", "slovenia/cycle1/A_HRC_14_15", "slovenia/cycle1/A_HRC_DEC_14_105",
             "slovenia/cycle2/A_HRC_WG.6_20_SVN_1")  # fmt: skip
    return {name.rsplit("/", 1)[1]: pdf.extract_text(UPR / f"{name}.pdf").splitlines() for name in names}


@requires_upr
def test_upr_reports_keep_spaces_markers_and_headings(upr_lines):
    # a comma in another font glued to the superscript before it
    assert (
        "4. Several changes were introduced in the amended Criminal Code¹, which entered"
        in upr_lines["A_HRC_WG.6_20_SVN_1"]
    )
    # the PDF's space is kept though the "f" overhangs it and pdfium drops it
    assert (
        "to be respected. Australia urged that the process of judicial reform to address the backlog of"
        in upr_lines["A_HRC_14_15"]
    )
    # fonts set at size 1 and scaled by the text matrix: the heading's size still tells it apart
    assert " Fourteenth session" in upr_lines["A_HRC_DEC_14_105"]
    # a bullet in a font without a Unicode map (pdfplumber wrote "(cid:129)")
    assert "• Mr. Kim Yong Ho, Counsellor, Democratic People’s Republic of Korea Mission in" in upr_lines["A_HRC_27_10"]
