"""Citations, links and treaties of documents the seed never showed: the four corpus PDFs and the
UN's XML of the DPRK resolutions (the forms: undocs.org links, notes over two pages, drafts named
in the front matter, treaties outside the curated list, "is a party to" in lower case).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from corpus_data import CORPUS, DOCUMENTS, parsed, requires_corpus
from undocs.analyse.analysis import analyse
from undocs.analyse.citations import Context, document_citations, find
from undocs.analyse.reconcile import reconcile
from undocs.analyse.treaties import names_in, treaty_references
from undocs.publish.rows import Treaties

AKN = CORPUS.parent / "akn"


@requires_corpus
def test_every_link_of_the_corpus_pdfs_matches_the_citation_on_its_page() -> None:
    unmatched = {}
    for name in DOCUMENTS:
        document = parsed(f"{name}.pdf")
        _, links = reconcile(document, document_citations(document))
        assert len(links) > 0
        unmatched[name] = [(link.page, link.key) for link in links if not link.matched]
    # 73/7 op1 prints "the report of the International Criminal Court for 2017/18": the PDF links
    # that period to E/RES/2017/18, which the text does not cite.
    assert unmatched == {"A_RES_73_3": [], "A_RES_73_6": [], "A_RES_73_7": [(2, "E/RES/2017/18")], "A_RES_73_8": []}


@requires_corpus
def test_a_note_running_onto_the_next_page_is_confirmed_by_that_page_s_links() -> None:
    document = parsed("A_RES_73_6.pdf")
    checked, _ = reconcile(document, document_citations(document))
    # Note 6 lists nineteen reports of the Committee on the Peaceful Uses of Outer Space.
    reports = [c for c in checked if c.citation.symbol.startswith("A/AC.105/11") and c.citation.footnote_id == "6"]
    assert len(reports) == 19 and all(c.link_confirmed for c in reports)
    assert {c.citation.symbol for c in reports if c.pages == {3, 4}} >= {"A/AC.105/1168", "A/AC.105/1181"}


@requires_corpus
def test_treaties_outside_the_curated_list_get_a_row_from_their_note() -> None:
    builder = Treaties()
    for name in DOCUMENTS:
        builder.add(builder.pick(analyse(parsed(f"{name}.pdf"))))
    rows = {row["treaty_id"]: row for row in builder.rows()["treaties"] if not row["curated"]}
    assert {key: (row["title"], row["unts_volume"], row["unts_number"]) for key, row in rows.items()} == {
        "unts-2187-38544": ("Rome Statute of the International Criminal Court", "2187", "38544"),
        "unts-2271-40446": (
            "Agreement on the Privileges and Immunities of the International Criminal Court",
            "2271",
            "40446",
        ),
        "unts-610-8843": (
            "Treaty on Principles Governing the Activities of States in the Exploration and Use of Outer Space,"
            " including the Moon and Other Celestial Bodies",
            "610",
            "8843",
        ),
    }
    document = parsed("A_RES_73_7.pdf")
    references = treaty_references(document, document_citations(document)).references
    assert ("pp2", "unts-2187-38544", "treaty_series") in {
        (r.paragraph_id, r.treaty_id, r.linked_by) for r in references
    }


def xml_paragraph(pattern: str, words: str) -> str:
    """The one paragraph of the resolution's XML (``GA/79/A_RES_79_181-*.xml``) holding ``words``,
    as its running text: the words of its notes left out, spaces squeezed."""
    (xml,) = AKN.glob(pattern)
    namespace = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    root = ElementTree.parse(xml).getroot()
    for parent in root.iter():
        for note in parent.findall("akn:authorialNote", namespace):
            note.clear()
    texts = [" ".join("".join(p.itertext()).split()) for p in root.iterfind(".//akn:p", namespace)]
    (text,) = [text for text in texts if words in text]
    return text


@requires_corpus
def test_listed_resolutions_share_the_date_after_them_and_symbols_keep_their_range() -> None:
    for pattern, words in (
        ("GA/76/A_RES_76_170-*.xml", "resolutions 5/1 and 5/2 of 18 June 2007"),
        ("HRC/54/A_HRC_RES_54_11E.xml", "5/1, on institution-building of the Council, and 5/2, on the Code"),
    ):
        text = xml_paragraph(pattern, words)
        found = {c.number: c.adopted_on for c in find(text, Context("HRC")) if c.kind == "resolution"}
        assert found["5/1"] == found["5/2"] == "2007-06-18", pattern
    xml = (AKN / "HRC/55/A_HRC_RES_55_21E.xml").read_text(encoding="utf-8")
    assert "CEDAW/C/PRK/CO/2-4" in {c.symbol for c in find(xml, Context("HRC"))}


@requires_corpus
def test_party_statement_in_lower_case() -> None:
    mindful = xml_paragraph("GA/79/A_RES_79_181-*.xml", "is a party to the International Covenant")
    statements = {m.treaty_id: m.party_statement for m in names_in(mindful)}
    assert statements == {"iccpr": "the Democratic People’s Republic of Korea is a party to"}


@requires_corpus
def test_a_note_cited_again_cites_its_sources_in_each_paragraph() -> None:
    """73/6 prints note 2 (resolution 70/1) in pp5, and its marker again in op1 and op4."""
    document = parsed("A_RES_73_6.pdf")
    again = {note.footnote_id: note.cited_again_in for note in document.footnotes if note.cited_again_in}
    assert again == {"1": ("pp22",), "2": ("op1", "op4")}
    agenda = [c.paragraph_id for c in document_citations(document) if c.symbol == "A/RES/70/1" and c.footnote_id == "2"]
    assert agenda == ["pp5", "op1", "op4"]
