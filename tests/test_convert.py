"""`undocs convert` on documents that are not in the manifest: real UN resolutions from the corpus."""

from __future__ import annotations

import csv
import logging
from collections import Counter
from pathlib import Path

import pytest

from undocs.cli import main
from undocs.parse.document import parse_file


def sections(path: Path) -> Counter:
    parsed = parse_file(path)
    return Counter(f"{p.section}{'+sub' if p.depth > 1 else ''}" for p in parsed.paragraphs)


@pytest.mark.parametrize(
    ("name", "symbol", "preambular", "operative", "notes"),
    [
        ("A_RES_73_8", "A/RES/73/8", 8, 5, 1),
        ("A_RES_73_6", "A/RES/73/6", 25, 14, 6),
        ("A_RES_73_7", "A/RES/73/7", 13, 28, 9),
    ],
)
def test_corpus_resolutions_convert_with_the_right_structure(
    corpus: Path, name, symbol, preambular, operative, notes
) -> None:
    parsed = parse_file(corpus / f"{name}.pypdf.txt")
    assert parsed.meta.symbol == symbol
    assert parsed.meta.document_type == "resolution"
    assert [p.paragraph_id for p in parsed.paragraphs if p.section == "preamble"] == [
        f"pp{n}" for n in range(1, preambular + 1)
    ]
    assert [p.paragraph_id for p in parsed.paragraphs if p.section == "operative"] == [
        f"op{n}" for n in range(1, operative + 1)
    ]
    assert [note.footnote_id for note in parsed.footnotes] == [str(n) for n in range(1, notes + 1)]
    assert all("A/RES/73/" not in p.text and "18-1" not in p.text for p in parsed.paragraphs)


def test_metadata_is_read_from_the_text(corpus: Path) -> None:
    meta = parse_file(corpus / "A_RES_73_8.pypdf.txt").meta
    assert meta.document_id == "a-res-73-8"
    assert (
        meta.title
        == "Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba"
    )
    assert (meta.body, meta.session, meta.date) == ("General Assembly", "73", "2018-11-01")
    assert meta.url == "https://docs.un.org/en/A/RES/73/8"


def test_footnote_marker_fused_to_a_year_range_in_a_corpus_text(corpus: Path) -> None:
    parsed = parse_file(corpus / "A_RES_73_6.pypdf.txt")
    notes = {note.footnote_id: note.paragraph_id for note in parsed.footnotes}
    assert notes["3"] == notes["2"] == "pp5"  # "2030 Agenda for Sustainable Development,2 ... 2015–20303 and"
    assert "Disaster Risk Reduction 2015–2030 and of the commitments" in parsed.paragraph("pp5").text


def test_convert_writes_a_valid_package(corpus: Path, tmp_path: Path) -> None:
    files = [str(corpus / "A_RES_73_8.pypdf.txt"), str(corpus / "A_RES_73_7.pypdf.txt")]
    assert main(["-q", "convert", *files, "--out", str(tmp_path)]) == 0
    assert main(["validate", str(tmp_path)]) == 0
    with (tmp_path / "data" / "documents.csv").open(encoding="utf-8") as handle:
        assert [row["symbol"] for row in csv.DictReader(handle)] == ["A/RES/73/7", "A/RES/73/8"]


def test_clean_one_paragraph_per_line_text(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "Situation of human rights in Eritrea",
            "The Human Rights Council,",
            "Recalling its resolution 56/2 of 10 July 2024,1",
            "Deeply concerned at continued reports of arbitrary detention,",
            "1. Urges the Government of Eritrea:",
            "(a) To release all prisoners;",
            "(b) To cooperate with the Special Rapporteur;",
            "2. Decides to remain seized of the matter.",
            "__________________",
            "1 See A/HRC/RES/56/2.",
        ]
    )
    source = tmp_path / "eritrea.txt"
    source.write_text(text, encoding="utf-8")
    parsed = parse_file(source)
    assert [p.paragraph_id for p in parsed.paragraphs] == ["title", "pp1", "pp2", "op1", "op1.a", "op1.b", "op2"]
    assert parsed.paragraph("pp1").text == "Recalling its resolution 56/2 of 10 July 2024,"
    assert [(n.footnote_id, n.paragraph_id, n.text) for n in parsed.footnotes] == [("1", "pp1", "See A/HRC/RES/56/2.")]
    assert parsed.meta.body == "Human Rights Council"


SEEDS = Path(__file__).resolve().parents[1] / "data" / "sources"


def test_verbose_prints_a_line_per_document_and_nothing_animated_off_a_terminal(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.INFO, logger="undocs")
    sources = sorted(SEEDS.glob("*.txt"))
    assert main(["-v", "convert", *map(str, sources), "--out", str(tmp_path / "v")]) == 0
    lines = [record.getMessage() for record in caplog.records if record.getMessage().startswith("[")]
    assert lines == [
        "[1/2] a-c-3-80-l-29-dprk-human-rights-draft-resolution: 90 paragraphs, 37 footnotes",
        "[2/2] nkdb-fidh-hrc58-dprk-upr-outcome-statement: 13 paragraphs, 0 footnotes",
    ]
    caplog.clear()
    assert main(["convert", *map(str, sources), "--out", str(tmp_path / "quiet")]) == 0
    messages = [record.getMessage() for record in caplog.records]
    assert not any(message.startswith("[") for message in messages) and "documents: 2" in messages
