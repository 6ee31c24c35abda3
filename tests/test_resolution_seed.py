"""The seed draft resolution A/C.3/80/L.29: structure, ids, texts and footnote links."""

from __future__ import annotations

import re
from collections import Counter

from undocs.models import ParsedDocument

ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def ids(parsed: ParsedDocument, section: str) -> list[str]:
    return [p.paragraph_id for p in parsed.paragraphs if p.section == section and p.depth == 1]


def test_section_counts(resolution: ParsedDocument) -> None:
    counts = Counter((p.section, p.depth > 1) for p in resolution.paragraphs)
    assert counts[("preamble", False)] == 28
    assert counts[("operative", False)] == 28
    assert counts[("operative", True)] == 33
    assert counts[("title", False)] == 1
    assert len(resolution.paragraphs) == 90


def test_ids_follow_the_printed_numbering(resolution: ParsedDocument) -> None:
    assert ids(resolution, "preamble") == [f"pp{n}" for n in range(1, 29)]
    assert ids(resolution, "operative") == [f"op{n}" for n in range(1, 29)]
    subparagraphs = [p.paragraph_id for p in resolution.paragraphs if p.depth > 1]
    expected = [
        "op2.a",
        *[f"op2.a.{r}" for r in ROMANS],
        "op2.b",
        "op2.c",
        *[f"op20.{c}" for c in "abcdefghijklmnopqr"],
    ]
    assert subparagraphs == expected


def test_letter_i_after_h_is_a_letter_and_roman_i_opens_a_sublist(resolution: ParsedDocument) -> None:
    letter = resolution.paragraph("op20.i")
    assert (letter.parent_id, letter.label, letter.depth) == ("op20", "(i)", 2)
    assert letter.text.startswith("To extend its full cooperation to the Special Rapporteur")
    roman = resolution.paragraph("op2.a.i")
    assert (roman.parent_id, roman.label, roman.depth) == ("op2.a", "(i)", 3)
    assert roman.text.startswith("Torture and other cruel, inhuman or degrading treatment")
    assert resolution.paragraph("op2.a.vi").label == "(vi)"
    assert resolution.paragraph("op2.b").parent_id == "op2"


def test_labels_and_positions(resolution: ParsedDocument) -> None:
    assert resolution.paragraph("op2").label == "2."
    assert resolution.paragraph("pp1").label == ""
    positions = [p.position for p in resolution.paragraphs]
    assert positions == list(range(1, 91))
    assert resolution.paragraph("op1").position == 30  # title, 28 preambular, then op1


def test_lead_phrases_from_the_vocabulary(resolution: ParsedDocument) -> None:
    assert resolution.paragraph("pp1").lead_phrase == "Reaffirming"
    assert resolution.paragraph("pp8").lead_phrase == "Taking note with appreciation of"
    assert resolution.paragraph("pp3").lead_phrase == "Deeply concerned at"
    assert resolution.paragraph("op20").lead_phrase == "Strongly urges"
    assert resolution.paragraph("op2").lead_phrase == "Expresses its very serious concern about"
    assert resolution.paragraph("op17").lead_phrase == "Also calls upon"
    assert resolution.paragraph("op1").lead_phrase == "Condemns in the strongest terms"


def test_fused_markers_are_removed_from_the_text(resolution: ParsedDocument) -> None:
    op8 = resolution.paragraph("op8").text
    assert "40/20 of 22 March 2019 and 46/17" in op8
    assert "55/21 of 4 April 2024 and 58/17" in op8
    assert "Sustainable Development Goals and in line" in resolution.paragraph("pp21").text
    assert resolution.paragraph("op6").text.endswith("Democratic People’s Republic of Korea;")
    assert "3 April 2025, and mindful" in resolution.paragraph("pp2").text
    assert "the 1967 Protocol thereto in relation to refugees" in resolution.paragraph("op2.a.v").text


def test_paragraph_that_runs_across_a_page_break_is_joined(resolution: ParsedDocument) -> None:
    pp25 = resolution.paragraph("pp25")
    assert (
        "announcement of the Democratic People’s Republic of Korea in January 2024 that it would no longer pursue"
        in pp25.text
    )
    assert pp25.text.endswith("reunification with the Republic of Korea,")
    pp4 = resolution.paragraph("pp4")  # runs from page 1 to page 2 around the first footnote block
    assert "Democratic People’s Republic of Korea, and reiterating also" in pp4.text
    assert (pp4.line_start, pp4.line_end) == (34, 57)


def test_real_hyphens_are_kept_and_wrapped_lines_joined(resolution: ParsedDocument) -> None:
    assert "including its field-based structure in Seoul, to allow" in resolution.paragraph("op8").text
    assert "more people-to-people contact;" in resolution.paragraph("op27").text
    assert "victim- and survivor-centred approach" in resolution.paragraph("op15").text
    assert all("  " not in p.text and "\n" not in p.text for p in resolution.paragraphs)


def test_no_furniture_in_paragraph_text(resolution: ParsedDocument) -> None:
    furniture = re.compile(r"A/C\.3/80/L\.29|25-17755|\d+/14\b|https?://|_{3,}|Treaty Series|Ibid\.|Second reissue")
    leaks = [
        (p.paragraph_id, furniture.search(p.text).group()) for p in resolution.paragraphs if furniture.search(p.text)
    ]
    assert leaks == []


def test_footnotes_are_numbered_and_linked_to_their_paragraphs(resolution: ParsedDocument) -> None:
    notes = {note.footnote_id: note for note in resolution.footnotes}
    assert sorted(notes, key=lambda n: (n != "*", int(n) if n.isdigit() else 0)) == ["*", *map(str, range(1, 37))]
    where = {number: notes[number].paragraph_id for number in notes}
    assert where["*"] == "title"
    assert where["1"] == "pp2"
    assert where["2"] == where["3"] == "pp4"
    assert [where[str(n)] for n in range(6, 11)] == ["pp7"] * 5
    assert where["13"] == "pp21"
    assert where["14"] == "pp23"
    assert [where[str(n)] for n in (15, 16, 17)] == ["op1"] * 3
    assert [where[str(n)] for n in range(18, 22)] == ["op2.a.v"] * 4
    assert where["22"] == "op2.a.xi"
    assert [where[str(n)] for n in range(23, 27)] == ["op2.c"] * 4
    assert where["27"] == "op6"
    assert where["28"] == "op7"
    assert [where[str(n)] for n in range(29, 35)] == ["op8"] * 6
    assert where["35"] == "op20.b"
    assert where["36"] == "op20.h"


def test_footnote_texts(resolution: ParsedDocument) -> None:
    notes = {note.footnote_id: note for note in resolution.footnotes}
    assert notes["*"].text == "Second reissue for technical reasons (12 November 2025)."
    assert (
        notes["1"].text
        == "See Official Records of the General Assembly, Eightieth Session, Supplement No. 53 (A/80/53), chap. V, sect. A."
    )
    assert notes["8"].text == "United Nations, Treaty Series, vol. 1577, No. 27531."
    assert notes["22"].text.endswith(
        "available at www.ohchr.org/en/documents/country-reports/forced-labour-democratic-peoples-republic-korea."
    )
    assert notes["31"].text == "Ibid., Seventy-fourth Session, Supplement No. 53 (A/74/53), chap. IV, sect. A."
    assert (notes["1"].line_start, notes["1"].line_end) == (42, 44)


def test_missing_note_text_keeps_its_row_and_warns(resolution: ParsedDocument) -> None:
    note = next(note for note in resolution.footnotes if note.footnote_id == "36")
    assert (note.text, note.paragraph_id, note.line_start) == ("", "op20.h", None)
    assert any("note 36" in warning and "missing" in warning for warning in resolution.warnings)


def test_links_are_kept_apart_with_their_pages(resolution: ParsedDocument) -> None:
    assert len(resolution.links) == 45
    first = resolution.links[0]
    assert (first.url, first.line) == ("https://docs.un.org/en/A/RES/79/181", 46)
    pages = {resolution.page_of(link.line) for link in resolution.links if link.url.endswith("S/RES/2321(2016)")}
    assert pages == {resolution.page_of(resolution.paragraph("pp16").line_end)}


def test_every_line_of_the_source_is_classified_once(resolution: ParsedDocument) -> None:
    assert sorted(resolution.line_kinds) == list(range(1, 1358))
    counts = Counter(kind.value for kind in resolution.line_kinds.values())
    assert counts == {
        "blank": 660,
        "body": 597,
        "footnote": 42,
        "link": 45,
        "footnote_separator": 10,
        "page_header": 2,
        "metadata": 1,
    }
