"""AKN XML as an input: the seven DPRK resolutions of ../shared/akn, exactly, and the reader's rules."""

from __future__ import annotations

import csv
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from corpus_data import AKN, requires_akn
from undocs.cli import main
from undocs.models import ParsedDocument
from undocs.parse.document import parse_entry, parse_file
from undocs.read.sources import load_manifest, sha256_of

# file, session metadata, (preambular, operative, subparagraphs, sub-subparagraphs), last subparagraph,
# notes (count, first, last), agenda item, date, committee report, meeting, sponsors (original, additional)
DPRK = {
    "76/177": ("GA/76/A_RES_76_177-2119213E.xml", "76", (28, 26, 21, 13), "op18.r", (27, "1", "27"), "74 (c)",
               "2021-12-16", "A/76/462/Add.3, para. 34", "53rd plenary meeting", (35, 25)),
    "77/226": ("GA/77/A_RES_77_226-2228992E.xml", "77", (28, 26, 21, 13), "op18.r", (28, "1", "28"), "68 (c)",
               "2022-12-15", "A/77/463/Add.3, para. 29", "54th plenary meeting", (46, 17)),
    "78/218": ("GA/78/A_RES_78_218-2325997E.xml", "78", (29, 26, 22, 13), "op18.s", (31, "1", "31"), "71 (c)",
               "2023-12-19", "A/78/481/Add.3, para. 33", "50th plenary meeting", (40, 22)),
    "79/181": ("GA/79/A_RES_79_181-2424223E.xml", "79", (31, 28, 21, 13), "op19.r", (35, "1", "35"), "71 (c)",
               "2024-12-17", "A/79/458/Add.3, para. 30", "53rd plenary meeting", (46, 15)),
    "80/220": ("GA/80/A_RES_80_220-2520980E.xml", "80", (28, 28, 21, 12), "op20.r", (36, "1", "36"), "71 (c)",
               "2025-12-18", "A/80/545, para. 5", "69th plenary meeting", (41, 20)),
    "55/21": ("HRC/55/A_HRC_RES_55_21E.xml", None, (25, 37, 21, 0), "op2.m", (9, "2", "10"), "4",
              "2024-04-04", "", "", (0, 0)),
    "58/17": ("HRC/58/A_HRC_RES_58_17E.xml", None, (27, 36, 22, 0), "op2.m", (12, "2", "13"), "4",
              "2025-04-03", "", "", (0, 0)),
}  # fmt: skip


@cache
def dprk(number: str) -> ParsedDocument:
    file, session = DPRK[number][:2]
    return parse_file(AKN / file, metadata=str(AKN / "GA" / "metadata" / f"{session}.jsonl") if session else None)


pytestmark = requires_akn


@pytest.mark.parametrize("number", DPRK)
def test_dprk_ids_follow_the_xml_numbering(number: str) -> None:
    parsed = dprk(number)
    preambular, operative, subparagraphs, deeper = DPRK[number][2]
    ids = [p.paragraph_id for p in parsed.paragraphs]
    depths = Counter((p.section, p.depth) for p in parsed.paragraphs)
    assert ids[0] == "title"
    assert [i for i in ids if i.startswith("pp")] == [f"pp{n}" for n in range(1, preambular + 1)]
    assert [p.paragraph_id for p in parsed.paragraphs if p.depth == 1 and p.section == "operative"] == [
        f"op{n}" for n in range(1, operative + 1)
    ]
    assert (depths[("operative", 2)], depths[("operative", 3)]) == (subparagraphs, deeper)
    assert [i for i in ids if i.count(".") == 1][-1] == DPRK[number][3]
    assert all(p.parent_id == p.paragraph_id.rsplit(".", 1)[0] for p in parsed.paragraphs if p.depth > 1)


@pytest.mark.parametrize("number", DPRK)
def test_dprk_notes_stand_where_their_markers_stand(number: str) -> None:
    parsed = dprk(number)
    count, first, last = DPRK[number][4]
    notes = [note.footnote_id for note in parsed.footnotes]
    assert (len(notes), notes[0], notes[-1]) == (count, first, last)
    assert notes == [str(n) for n in range(int(first), int(last) + 1)]
    for note in parsed.footnotes:
        paragraph = parsed.paragraph(note.paragraph_id)
        assert 0 < note.marker_offset <= len(paragraph.text)
        assert paragraph.line_start <= note.line_start <= paragraph.line_end  # notes are inline in the XML


@pytest.mark.parametrize("number", DPRK)
def test_dprk_metadata_from_the_xml_and_the_session_file(number: str) -> None:
    meta = dprk(number).meta
    agenda, date, originating, meeting = DPRK[number][5:9]
    body = "General Assembly" if meta.symbol.startswith("A/RES/") else "Human Rights Council"
    assert meta.symbol == ("A/RES/" if body == "General Assembly" else "A/HRC/RES/") + number
    assert meta.title == "Situation of human rights in the Democratic People’s Republic of Korea"
    assert (meta.body, meta.session, meta.agenda_item, meta.date) == (body, number.split("/")[0], agenda, date)
    assert (meta.source_format, meta.language, meta.document_type) == ("xml", "en", "resolution")
    assert (meta.originating_document, meta.adoption_meeting) == (originating, meeting)
    assert meta.committee == ("Third Committee" if originating else "")


@pytest.mark.parametrize("number", DPRK)
def test_dprk_sponsors_resolve_to_iso_codes(number: str) -> None:
    parsed = dprk(number)
    roles = Counter(sponsor.role for sponsor in parsed.sponsors)
    assert (roles["original"], roles["additional"]) == DPRK[number][9]
    assert all(len(sponsor.iso3) == 3 for sponsor in parsed.sponsors)
    assert parsed.votes == []  # all seven were adopted without a vote
    if parsed.sponsors:
        codes = {sponsor.iso3 for sponsor in parsed.sponsors}
        assert {"JPN", "AUS", "NLD"} <= codes and "PRK" not in codes


def test_the_adopted_text_has_the_seed_drafts_structure(resolution: ParsedDocument) -> None:
    """A/RES/80/220 is the adopted A/C.3/80/L.29: read from XML, it has the draft's ids exactly."""
    adopted = dprk("80/220")
    assert [p.paragraph_id for p in adopted.paragraphs] == [p.paragraph_id for p in resolution.paragraphs]
    assert [p.label for p in adopted.paragraphs] == [p.label for p in resolution.paragraphs]
    assert adopted.paragraph("op20.i").text.startswith(resolution.paragraph("op20.i").text[:30])


def test_a_recorded_vote_gives_one_row_per_state() -> None:
    parsed = parse_file(
        next((AKN / "GA" / "80").glob("A_RES_80_4-*.xml")), metadata=str(AKN / "GA" / "metadata" / "80.jsonl")
    )
    votes = Counter(vote.vote for vote in parsed.votes)
    assert parsed.meta.voting_type == "adoptedRecordedVote"
    assert (votes["yes"], votes["no"]) == (165, 7)
    assert next(vote for vote in parsed.votes if vote.state == "UNITED STATES").vote == "no"
    assert next(vote for vote in parsed.votes if vote.state == "NETHERLANDS (KINGDOM OF THE)").iso3 == "NLD"
    assert [sponsor.iso3 for sponsor in parsed.sponsors] == ["CUB"]


def test_convert_writes_sponsors_and_votes_tables(tmp_path: Path) -> None:
    file = AKN / DPRK["80/220"][0]
    assert (
        main(["-q", "convert", str(file), "--metadata", str(AKN / "GA/metadata/80.jsonl"), "--out", str(tmp_path)]) == 0
    )
    sponsors = (tmp_path / "data" / "sponsors.csv").read_text(encoding="utf-8").splitlines()
    assert sponsors[:2] == ["document_id,position,role,state,iso3", "a-res-80-220,1,original,AUSTRALIA,AUS"]
    assert len(sponsors) == 62
    documents = (tmp_path / "data" / "documents.csv").read_text(encoding="utf-8")
    assert ',xml,,"A/80/545, para. 5",Third Committee,69th plenary meeting,adoptedWithoutVote' in documents


@pytest.mark.parametrize(
    ("file", "language", "code", "pp1"),
    [
        ("HRC/57/A_HRC_RES_57_18F.xml", "French", "fr", "Guidé par les buts et principes"),
        ("HRC/57/A_HRC_RES_57_18S.xml", "Spanish", "es", "Guiado por los propósitos"),
        ("HRC/57/A_HRC_RES_57_18R.xml", "Russian", "ru", "руководствуясь целями"),
    ],
)
def test_other_languages_convert_from_their_structure(
    file: str, language: str, code: str, pp1: str, tmp_path: Path, caplog
) -> None:
    """The XML's elements give paragraphs and notes in any language: the structure is published,
    the English-reading analysers (asks, figures, themes) leave the document out, and say so."""
    assert main(["convert", str(AKN / file), "--out", str(tmp_path)]) == 0
    assert f"line 1: the document is in {language}: its paragraphs, notes and metadata are read" in caplog.text
    with (tmp_path / "data" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        document = next(csv.DictReader(handle))
    # A language version is a document of its own, beside the English one in a package.
    assert (document["document_id"], document["language"]) == (f"a-hrc-res-57-18-{code}", code)
    assert document["url"] == f"https://docs.un.org/{code}/A/HRC/RES/57/18"
    with (tmp_path / "data" / "paragraphs.csv").open(encoding="utf-8", newline="") as handle:
        paragraphs = {row["paragraph_id"]: row["text"] for row in csv.DictReader(handle)}
    assert paragraphs["pp1"].lower().startswith(pp1.lower())
    english = parse_file(AKN / "HRC/57/A_HRC_RES_57_18E.xml")
    assert list(paragraphs) == [paragraph.paragraph_id for paragraph in english.paragraphs]
    for table in ("recommendations", "figures", "paragraph_themes"):
        path = tmp_path / "data" / f"{table}.csv"
        assert not path.exists() or len(path.read_text(encoding="utf-8").splitlines()) == 1


def test_a_manifest_entry_reads_xml_with_its_session_metadata(tmp_path: Path) -> None:
    sources = tmp_path / "data" / "sources"
    sources.mkdir(parents=True)
    xml = sources / "a-res-80-4.xml"
    xml.write_bytes(next((AKN / "GA" / "80").glob("A_RES_80_4-*.xml")).read_bytes())
    (sources / "80.jsonl").write_bytes((AKN / "GA" / "metadata" / "80.jsonl").read_bytes())
    (sources / "sources.yaml").write_text(
        "sources:\n  - document_id: a-res-80-4\n    file: a-res-80-4.xml\n"
        f"    sha256: {sha256_of(xml)}\n    session_metadata: 80.jsonl\n    title: Embargo against Cuba\n"
        "    document_type: resolution\n    body: General Assembly\n    date: '2025-10-29'\n    language: en\n"
        "    publisher: United Nations\n",
        encoding="utf-8",
    )
    parsed = parse_entry(load_manifest(sources / "sources.yaml")[0], tmp_path)
    assert (parsed.meta.title, parsed.meta.source_format, parsed.meta.committee) == (
        "Embargo against Cuba",  # the manifest's word wins
        "xml",
        "Without reference to a Main Committee",
    )
    assert (len(parsed.sponsors), len(parsed.votes)) == (1, 165 + 7 + 12)  # the counts the record gives
    assert parsed.paragraphs[1].paragraph_id == "pp1" and parsed.paragraphs[-1].paragraph_id.startswith("op")
