"""The NKDB/FIDH statement: every line lands in a row, in reading order."""

from __future__ import annotations

from undocs.models import LineKind, ParsedDocument


def test_every_line_is_a_row(statement: ParsedDocument) -> None:
    rows = [(p.paragraph_id, p.section, p.line_start, p.line_end) for p in statement.paragraphs]
    assert rows == [
        ("intro", "introduction", 1, 1),
        ("h1", "heading", 2, 2),
        ("h2", "heading", 3, 3),
        ("h3", "heading", 4, 4),
        ("salutation", "salutation", 5, 5),
        *[(f"p{n}", "statement", n + 5, n + 5) for n in range(1, 8)],
        ("closing", "closing", 13, 13),
    ]
    assert set(statement.line_kinds.values()) == {LineKind.BODY}
    assert sorted(statement.line_kinds) == list(range(1, 14))


def test_texts(statement: ParsedDocument) -> None:
    assert statement.paragraph("intro").text.startswith(
        "On 25 March 2025, the Database Center for North Korean Human Rights (NKDB)"
    )
    assert statement.paragraph("h1").text == "UN Human Rights Council – 58th Session"
    assert statement.paragraph("h3").text == "Item 6: UPR outcome of the Democratic People’s Republic of Korea (DPRK)"
    assert statement.paragraph("p1").text.endswith(
        "failure to accept 49% of the recommendations received in the fourth UPR."
    )
    assert statement.paragraph("p7").text.startswith("We remind the DPRK to engage with the UPR")
    assert statement.paragraph("closing").text == "Thank you."


def test_metadata_comes_from_the_manifest(statement: ParsedDocument) -> None:
    meta = statement.meta
    assert (meta.body, meta.session, meta.agenda_item, meta.date) == ("Human Rights Council", "58", "6", "2025-03-25")
    assert meta.document_type == "statement"
