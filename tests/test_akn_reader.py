"""The AKN reader's rules on small made-up files: safety, markup slips, languages of text input."""

from __future__ import annotations

from pathlib import Path

import pytest

from undocs.analyse.asks import find_asks
from undocs.cli import main
from undocs.errors import SourceError
from undocs.read.akn import read_akn_bytes

HEAD = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">'
TAIL = b"</statement></akomaNtoso>"


def akn(body: bytes) -> bytes:
    return HEAD + b"<preamble><formula><p>The General Assembly,</p></formula>" + body + TAIL


def test_entities_are_not_expanded() -> None:
    hostile = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + akn(
        b"<container><p>Recalling &x;,</p></container></preamble><mainBody><paragraph><num>1.</num>"
        b"<content><p>Decides.</p></content></paragraph></mainBody>"
    )
    read = read_akn_bytes(hostile, "x.xml")
    assert "root:" not in read.paragraphs[0].text


def test_malformed_xml_is_bad_input_with_its_line() -> None:
    with pytest.raises(SourceError, match="not well-formed") as error:
        read_akn_bytes(b"<akomaNtoso>\n<statement>\n</akomaNtoso>", "x.xml")
    assert error.value.line == 3


def test_markup_slips_keep_the_printed_numbering() -> None:
    """An empty ``1.`` followed by its text unnumbered, and a ``5`` left in the text, as the UN's files have."""
    read = read_akn_bytes(
        akn(
            b"</preamble><mainBody>"
            b"<paragraph><num>1.</num><content><p></p></content></paragraph>"
            b"<paragraph><content><p>Urges all States,<authorialNote marker='1'><p>A/1.</p></authorialNote> now;</p>"
            b"</content></paragraph>"
            b"<paragraph><content><p>2 Decides to act.</p></content></paragraph></mainBody>"
        ),
        "x.xml",
    )
    assert [(p.paragraph_id, p.label, p.text) for p in read.paragraphs] == [
        ("op1", "1.", "Urges all States, now;"),
        ("op2", "2.", "Decides to act."),
    ]
    assert [(note.paragraph_id, note.marker_offset) for note in read.footnotes] == [("op1", 17)]


def test_a_french_text_is_refused_naming_its_language(tmp_path: Path, caplog) -> None:
    text = tmp_path / "fr.txt"
    text.write_text(
        " L'Assemblée générale,\n Rappelant que tous les États ont l'obligation de respecter les droits de l'homme,\n"
        " 1. Décide de rester saisie de la question et des droits de la personne dans le pays.\n",
        encoding="utf-8",
    )
    assert main(["convert", str(text), "--out", str(tmp_path / "out")]) == 2
    assert "fr.txt:1: the document is in French" in caplog.text


def test_unnested_subparagraphs_and_an_adopted_text() -> None:
    """Points the XML writes as ``<paragraph><num>(a)``; "Adopts the following ...:" opens the annex."""
    read = read_akn_bytes(
        akn(
            b"</preamble><mainBody>"
            b"<paragraph><content><p>Urges all countries:</p></content></paragraph>"
            b"<paragraph><num>(a)</num><content><p>To act;</p></content></paragraph>"
            b"<paragraph><num>(i)</num><content><p>Now;</p></content></paragraph>"
            b"<paragraph><num>(b)</num><content><p>To report;</p></content></paragraph></mainBody>"
        ),
        "x.xml",
    )
    assert [(p.paragraph_id, p.parent_id, p.depth) for p in read.paragraphs] == [
        ("op1", "", 1),
        ("op1.a", "op1", 2),
        ("op1.a.i", "op1.a", 3),
        ("op1.b", "op1", 2),
    ]
    adopted = read_akn_bytes(
        akn(
            b"</preamble><mainBody>"
            b"<paragraph><content><p>Adopts the following Pact:</p></content></paragraph>"
            b"<paragraph class='H1'><content><p>The Pact</p></content></paragraph>"
            b"<paragraph><num>1.</num><content><p>We, the Heads of State, agree.</p></content></paragraph></mainBody>"
        ),
        "x.xml",
    )
    assert [(p.paragraph_id, p.section) for p in adopted.paragraphs] == [
        ("op1", "operative"),
        ("annex.h1", "annex"),
        ("annex.op1", "annex"),
    ]


def test_numbering_that_starts_again_in_a_section_is_a_new_run() -> None:
    read = read_akn_bytes(
        akn(
            b"</preamble><mainBody><paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>"
            b"<section><subheading>I</subheading><paragraph><num>1.</num><list><intro><p>Requests:</p></intro>"
            b"<point><num>(a)</num><content><p>A report.</p></content></point></list></paragraph></section>"
            b"</mainBody>"
        ),
        "x.xml",
    )
    # The section's heading stays in the run before, as in bare markup and in print: a new run
    # starts at the number that starts again.
    assert [(p.paragraph_id, p.parent_id) for p in read.paragraphs] == [
        ("op1", ""),
        ("h1", ""),
        ("s2.op1", ""),
        ("s2.op1.a", "s2.op1"),
    ]


def test_a_verb_that_ends_its_paragraph_asks_no_one() -> None:
    """Ordinary resolutions end a paragraph on an asking verb ("... as the Council requests."): no crash."""
    asks = find_asks("Urges States to act, as the Council requests.")
    assert [(ask.addressee_id, ask.action_text) for ask in asks] == [("all_states", "to act, as the Council requests")]
    assert find_asks("Takes note of what it decides") == []
