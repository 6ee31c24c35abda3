"""A sample of the AKN corpus as the test (``make corpus`` runs all 2,111 files).

Forty resolutions, spread over every body and session, are converted from their XML, printed as
text in both forms and parsed again; ids and note placement must agree for at least as many as
they did when this sample was measured (the text parser's fixes may raise the numbers).
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from corpus_data import AKN, requires_akn
from undocs.parse.document import parse_file
from undocs.parse.roundtrip import FORMS, Outcome, check, spread, xml_files

SAMPLE = 40
MATCHING_AT_LEAST = {"one_per_line": 39, "pdf_layout": 39}  # measured on this sample; see README "AKN corpus"

pytestmark = requires_akn


@cache
def outcomes() -> tuple[Outcome, ...]:
    return tuple(check(file) for file in spread(xml_files(AKN), SAMPLE))


def test_the_sample_spreads_over_every_body_and_session() -> None:
    folders = Counter(outcome.file.split("/")[-3] + "/" + outcome.file.split("/")[-2] for outcome in outcomes())
    assert len(outcomes()) == SAMPLE
    assert len(folders) == 13 and max(folders.values()) <= 4  # GA 75-80 and HRC 54-60


def test_every_english_file_of_the_sample_converts() -> None:
    failed = {outcome.file: outcome.xml for outcome in outcomes() if outcome.xml}
    assert all(kind.startswith("the document is in ") for kind in failed.values()), failed


def test_text_renderings_give_the_xml_structure() -> None:
    for form in FORMS:
        matching = [outcome.file for outcome in outcomes() if outcome.forms.get(form) == ""]
        assert len(matching) >= MATCHING_AT_LEAST[form], form
    # The XML of 54/27 leaves paragraph 5's number in its text; read from the number, it prints back as 5.
    slip = next(outcome for outcome in outcomes() if outcome.file.endswith("A_HRC_RES_54_27E.xml"))
    assert slip.forms == {"one_per_line": "", "pdf_layout": ""}


def test_parts_annexes_and_lone_operative_paragraphs_read_alike() -> None:
    # 80/236 A and B: the text's part letters give a.* and b.*, as the XML does.
    parts = check(next(AKN.glob("GA/80/A_RES_80_236AB*.xml")))
    assert parts.forms == {"one_per_line": "", "pdf_layout": ""}, parts.details
    # 75/246: "A. Pension Administration" is a heading (h8, its number once, the table under it
    # with it), not an operative paragraph "opa" reading "A. A. Pension ...".
    budget = parse_file(next(AKN.glob("GA/75/75_246_E.xml")))
    heading = next(p for p in budget.paragraphs if p.paragraph_id == "h8")
    assert heading.label == "A." and heading.text.startswith("Pension Administration Action Title of post")
    assert not any(p.paragraph_id.startswith("op") and not p.paragraph_id[2:3].isdigit() for p in budget.paragraphs)
    # 75/212: "(a) Appointment ..." left in the text of an annex is annex.op7.a, not annex.pp1.
    agenda = {p.paragraph_id: p.text for p in parse_file(next(AKN.glob("GA/75/75_212_E.xml"))).paragraphs}
    assert agenda["annex.op7.a"] == "Appointment of the members of the Credentials Committee;"
    # S-32/1 tags "Adopts the political declaration ..." as preambular; printed, it is op1.
    adopted = parse_file(next(AKN.glob("GA/75/A_RES_S-32_1*.xml"))).paragraphs
    assert [p.paragraph_id for p in adopted[:2]] == ["title", "op1"] and adopted[1].text.startswith("Adopts")


def test_markers_fused_to_numbers_read_alike() -> None:
    """A marker printed against a number (``resolution 74/1673``) is read where its note must stand."""
    for name in ("GA/75/75_191_E.xml", "GA/75/75_192_E.xml", "GA/80/A_RES_80_110-2520236E.xml"):
        outcome = check(AKN / name)
        assert outcome.forms == {"one_per_line": "", "pdf_layout": ""}, (name, outcome.details)
    # 75/192: note 7 stands at "71/2057 and 72/190,8", not at "74/17 of 9 December" earlier.
    notes = {n.footnote_id: (n.paragraph_id, n.marker_offset) for n in parse_file(AKN / "GA/75/75_192_E.xml").footnotes}
    assert notes["7"][0] == "pp19"


def test_a_marker_the_xml_cuts_into_a_word_stands_after_the_word_before() -> None:
    # 77/189: "Development a<note 11>nd the Beijing": printed, note 11 follows "Development".
    parsed = parse_file(next(AKN.glob("GA/77/A_RES_77_189*.xml")))
    note = next(n for n in parsed.footnotes if n.footnote_id == "11")
    text = next(p.text for p in parsed.paragraphs if p.paragraph_id == note.paragraph_id)
    assert text[: note.marker_offset].endswith("Population and Development")
    assert text[note.marker_offset :].startswith(" and the Beijing")
