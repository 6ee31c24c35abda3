"""Property tests: the seed resolution printed in other layouts parses to the same rows.

Layouts: lines re-wrapped at another width, page breaks (with a running header and a block of
footnotes) at random places, blank lines between lines as pdfminer prints them, and the clean
one-paragraph-per-line form. Paragraph ids, parents, labels, texts and every note's paragraph
must not change; only line numbers may.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from undocs import paths
from undocs.models import ParsedDocument
from undocs.parse import render
from undocs.parse.resolution import ParsedText, parse_resolution
from undocs.read.sources import decode_lines, read_lines

SYMBOL = "A/C.3/80/L.29"


def rows(parsed: ParsedDocument | ParsedText) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    paragraphs = [(p.paragraph_id, p.parent_id, p.section, p.label, p.lead_phrase, p.text) for p in parsed.paragraphs]
    notes = [(note.footnote_id, note.paragraph_id, note.text) for note in parsed.footnotes]
    return paragraphs, notes


def parse_text(text: str) -> ParsedText:
    return parse_resolution(decode_lines(text.encode("utf-8"), "printed.txt"), "printed.txt", SYMBOL)


@pytest.fixture(scope="module")
def printed(resolution: ParsedDocument) -> render.Printed:
    return render.read(read_lines(paths.ROOT / Path(resolution.meta.source_path)), SYMBOL)


def test_printed_content_of_the_seed(printed: render.Printed) -> None:
    assert len(printed.paragraphs) == 89  # all but the title
    assert printed.paragraphs[28] == ("1.", printed.paragraphs[28][1])
    assert printed.paragraphs[28][1].startswith("Condemns in the strongest terms the long-standing")
    assert [number for number, _ in printed.notes][:3] == ["*", "1", "2"]
    assert len(printed.notes) == 36  # note 36's text is missing from the source


def test_one_paragraph_per_line_gives_the_same_rows(resolution: ParsedDocument, printed: render.Printed) -> None:
    assert rows(parse_text(render.one_per_line(printed))) == rows(resolution)


def test_switching_layouts_round_trips(printed: render.Printed) -> None:
    clean_form = render.one_per_line(printed)
    pdf_form = render.pdf_layout(printed, 78, {40, 200, 410}, SYMBOL, blank_lines=True)
    assert render.read(decode_lines(clean_form.encode(), "c.txt"), SYMBOL) == printed
    assert render.read(decode_lines(pdf_form.encode(), "p.txt"), SYMBOL) == printed


@settings(max_examples=30, deadline=None)
@given(
    width=st.integers(min_value=30, max_value=200),
    breaks=st.sets(st.integers(min_value=1, max_value=1200), max_size=25),
    blank_lines=st.booleans(),
)
def test_rewrapped_with_page_breaks_gives_the_same_rows(
    resolution: ParsedDocument, printed: render.Printed, width: int, breaks: set[int], blank_lines: bool
) -> None:
    text = render.pdf_layout(printed, width, breaks, SYMBOL, blank_lines)
    assert rows(parse_text(text)) == rows(resolution)
