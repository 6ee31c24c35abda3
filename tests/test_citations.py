"""Citations, treaties and links of the seed A/C.3/80/L.29 and the NKDB statement, value by value."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_data import CORPUS
from undocs.analyse import citation_patterns as grammar
from undocs.analyse.analysis import analyse
from undocs.analyse.citations import Context, document_citations, find, normalise_symbol, resolve_notes
from undocs.analyse.reconcile import reconcile
from undocs.analyse.treaties import treaty_references
from undocs.parse.document import parse_entry, parse_file
from undocs.publish.rows import Resolutions, Treaties, document_tables
from undocs.read.sources import load_manifest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def documents():
    entries = load_manifest(ROOT / "data" / "sources" / "sources.yaml")
    return {entry.document_id: parse_entry(entry, ROOT) for entry in entries}


@pytest.fixture(scope="module")
def seed(documents):
    return documents["a-c-3-80-l-29"]


@pytest.fixture(scope="module")
def resolutions(documents):
    builder = Resolutions()
    for document_id in sorted(documents):
        builder.add(builder.pick(analyse(documents[document_id])))
    return {row["symbol"]: row for row in builder.rows()["resolutions"]}


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("A/RES/79/181", "A/RES/79/181"),
        ("resolution 2200 A (XXI), annex", "A/RES/2200(XXI)"),
        ("S/RES/2397(2017)", "S/RES/2397(2017)"),
        ("S/RES/2397 (2017)", "S/RES/2397(2017)"),
        ("A/HRC/RES/58/17", "A/HRC/RES/58/17"),
        ("A/HRC/34/66/Add.1.", "A/HRC/34/66/Add.1"),
        ("CRPD/C/PRK/RQ/1.", "CRPD/C/PRK/RQ/1"),
        ("Supplement No. 53 (A/80/53), chap. V", "A/80/53"),
        ("draft resolution A/C.3/80/L.29", "A/C.3/80/L.29"),
        ("Security Council resolution 2397 (2017)", "S/RES/2397(2017)"),
        ("Council resolution 58/17", "A/HRC/RES/58/17"),
        ("Assembly resolution 79/181", "A/RES/79/181"),
    ],
)
def test_grammar_forms(text, symbol):
    assert [citation.symbol for citation in find(text, Context("GA"))] == [symbol]


def test_kinds_of_symbols():
    found = find("Supplement No. 53 (A/80/53); A/C.3/80/L.29; A/HRC/25/63; A/RES/79/181", Context("GA"))
    assert [(c.symbol, c.kind) for c in found] == [
        ("A/80/53", "official_records"),
        ("A/C.3/80/L.29", "draft"),
        ("A/HRC/25/63", "document"),
        ("A/RES/79/181", "resolution"),
    ]
    assert normalise_symbol("a/hrc/res/58/17") == "A/HRC/RES/58/17"


def test_not_symbols():
    # A web address, a date and a fraction are not symbols.
    assert find("www.ohchr.org/en/A/80/53 on 12/11 or 1/2", Context("GA"))[0].kind == "web"
    assert not grammar.SYMBOL.search("page 5/14")


SEED_RESOLUTIONS = {
    "A/RES/79/181": ("GA", "79/181", "2024-12-17"),
    "A/RES/2200(XXI)": ("GA", "2200 A (XXI)", ""),
    "A/RES/70/1": ("GA", "70/1", ""),
    "A/RES/70/175": ("GA", "70/175", ""),
    "A/HRC/RES/58/17": ("HRC", "58/17", "2025-04-03"),
    "A/HRC/RES/22/13": ("HRC", "22/13", "2013-03-21"),
    "A/HRC/RES/31/18": ("HRC", "31/18", "2016-03-23"),
    "A/HRC/RES/34/24": ("HRC", "34/24", "2017-03-24"),
    "A/HRC/RES/40/20": ("HRC", "40/20", "2019-03-22"),
    "A/HRC/RES/46/17": ("HRC", "46/17", "2021-03-23"),
    "A/HRC/RES/52/28": ("HRC", "52/28", "2023-04-04"),
    "A/HRC/RES/55/21": ("HRC", "55/21", "2024-04-04"),
    "S/RES/2321(2016)": ("SC", "2321 (2016)", "2016-11-30"),
    "S/RES/2371(2017)": ("SC", "2371 (2017)", "2017-08-05"),
    "S/RES/2375(2017)": ("SC", "2375 (2017)", "2017-09-11"),
    "S/RES/2397(2017)": ("SC", "2397 (2017)", "2017-12-22"),
}


def test_every_resolution_of_the_seed_with_its_body_and_date(resolutions):
    got = {symbol: (row["body"], row["number"], row["adopted_on"]) for symbol, row in resolutions.items()}
    assert got == SEED_RESOLUTIONS
    assert resolutions["S/RES/2397(2017)"]["url"] == "https://docs.un.org/en/S/RES/2397(2017)"
    assert resolutions["A/HRC/RES/58/17"]["times_cited"] == 3  # pp2, op8, op9


SEED_DOCUMENTS = {
    "A/80/53": "official_records",
    "A/68/53": "official_records",
    "A/71/53": "official_records",
    "A/72/53": "official_records",
    "A/74/53": "official_records",
    "A/76/53": "official_records",
    "A/78/53": "official_records",
    "A/79/53": "official_records",
    "A/HRC/25/63": "document",
    "A/HRC/60/58": "document",
    "A/80/149": "document",
    "A/80/312": "document",
    "CRPD/C/PRK/RQ/1": "document",
    "CRPD/C/PRK/Q/1": "document",
    "A/HRC/34/66/Add.1": "document",
    "A/HRC/13/13": "document",
    "A/HRC/27/10": "document",
    "A/HRC/42/10": "document",
    "A/HRC/58/11": "document",
    "A/HRC/58/65": "document",
    "A/HRC/58/61": "document",
}


def test_every_other_symbol_of_the_seed(seed):
    rows = document_tables(analyse(seed))["references"]
    others = {row["symbol"]: row["kind"] for row in rows if row["kind"] not in {"resolution", "web"}}
    assert others == SEED_DOCUMENTS
    assert {(row["footnote_id"], row["symbol"]) for row in rows if row["symbol"] == "A/HRC/34/66/Add.1"} == {
        ("16", "A/HRC/34/66/Add.1"),
        ("28", "A/HRC/34/66/Add.1"),
    }


def test_running_text_bodies_from_context(seed):
    by_place = {(c.paragraph_id, c.footnote_id, c.symbol) for c in document_citations(seed)}
    # "Council resolutions 52/28 ..., 55/21 ... and 58/17" after "Human Rights Council resolutions"
    assert {("op8", "", f"A/HRC/RES/{n}") for n in ("34/24", "40/20", "46/17", "52/28", "55/21", "58/17")} <= by_place
    # "resolutions 52/28 and 55/21" with no body named: the body they had earlier in the text
    assert {("op10", "", "A/HRC/RES/52/28"), ("op10", "", "A/HRC/RES/55/21")} <= by_place
    # "paragraph 17 of resolution 2375 (2017)": a Security Council number
    assert ("op2.a.xi", "", "S/RES/2375(2017)") in by_place
    # "resolution 79/181" with no body named, and note 35 "Resolution 70/175, annex": the Assembly's own
    assert {("pp6", "", "A/RES/79/181"), ("op20.b", "35", "A/RES/70/175")} <= by_place


IBID = {
    "7": "6",
    "9": "8",
    "10": "9",
    "19": "18",
    "20": "19",
    "21": "20",
    "31": "30",
    "32": "31",
    "33": "32",
    "34": "33",
}


def test_every_ibid_resolved(seed):
    resolved = {note.footnote.footnote_id: note for note in resolve_notes(seed.footnotes)}
    assert {number: note.ibid_of for number, note in resolved.items() if note.ibid_of} == IBID
    assert resolved["7"].text == "See resolution 2200 A (XXI), annex."
    assert resolved["9"].text == "United Nations, Treaty Series, vol. 1249, No. 20378."
    assert resolved["21"].text == "United Nations, Treaty Series, vol. 2237, No. 39574."
    assert resolved["31"].text.startswith("Official Records of the General Assembly, Seventy-fourth Session")
    rows = {row["footnote_id"]: row for row in document_tables(analyse(seed))["references"] if row["footnote_id"]}
    assert (rows["7"]["symbol"], rows["7"]["as_written"], rows["7"]["ibid_of"]) == ("A/RES/2200(XXI)", "Ibid.", "6")
    assert (rows["34"]["symbol"], rows["34"]["ibid_of"], rows["34"]["signal"]) == ("A/79/53", "33", "")
    assert (rows["1"]["signal"], rows["2"]["signal"]) == ("See", "")


SEED_TREATY_NOTES = {
    "6": ("iccpr", "adopting_resolution"),
    "7": ("icescr", "adopting_resolution"),
    "8": ("crc", "treaty_series"),
    "9": ("cedaw", "treaty_series"),
    "10": ("crpd", "treaty_series"),
    "14": ("geneva-convention-iii", "treaty_series"),
    "18": ("refugee-convention", "treaty_series"),
    "19": ("refugee-protocol", "treaty_series"),
    "20": ("cat", "treaty_series"),
    "21": ("trafficking-protocol", "treaty_series"),
    "36": ("vccr", "name_at_marker"),
}


def test_every_treaty_note_linked(seed):
    findings = treaty_references(seed, document_citations(seed))
    references, warnings = findings.references, findings.warnings
    notes = {r.footnote_id: (r.treaty_id, r.linked_by) for r in references if r.footnote_id}
    assert notes == SEED_TREATY_NOTES
    assert warnings == []


def test_treaties_with_their_treaty_series_reference():
    treaties = {row["treaty_id"]: row for row in Treaties().rows()["treaties"]}
    cited = {treaty_id for treaty_id, _ in SEED_TREATY_NOTES.values()}
    got = {treaty_id: (treaties[treaty_id]["unts_volume"], treaties[treaty_id]["unts_number"]) for treaty_id in cited}
    assert got == {
        "iccpr": ("999", "14668"),
        "icescr": ("993", "14531"),
        "crc": ("1577", "27531"),
        "cedaw": ("1249", "20378"),
        "crpd": ("2515", "44910"),
        "geneva-convention-iii": ("75", "972"),
        "refugee-convention": ("189", "2545"),
        "refugee-protocol": ("606", "8791"),
        "cat": ("1465", "24841"),
        "trafficking-protocol": ("2237", "39574"),
        "vccr": ("596", "8638"),
    }
    assert treaties["iccpr"]["adopting_resolution"] == treaties["icescr"]["adopting_resolution"] == "A/RES/2200(XXI)"


def test_party_statements(seed):
    references = treaty_references(seed, document_citations(seed)).references
    party = {(r.paragraph_id, r.footnote_id, r.treaty_id): r.party_statement for r in references if r.party_statement}
    stated = "the Democratic People’s Republic of Korea is a Party to"
    assert {key: value for key, value in party.items() if key[0] == "pp7" and not key[1]} == {
        ("pp7", "", treaty): stated for treaty in ("iccpr", "icescr", "crc", "cedaw", "crpd")
    }
    assert party[("op20.h", "", "vccr")] == "to which the Democratic People’s Republic of Korea is a Party"
    # Naming the Covenants elsewhere states nothing about being a party.
    assert not any(key[0] == "op20.b" for key in party)


def test_statement_names_torture_convention_and_ilo(documents):
    statement = documents["nkdb-fidh-hrc58-dprk-upr-statement"]
    references = treaty_references(statement, document_citations(statement)).references
    assert [(r.paragraph_id, r.treaty_id, r.as_written) for r in references] == [
        ("p3", "cat", "Convention against Torture"),
        ("p3", "ilo-conventions", "ILO conventions"),
    ]


def test_links_reconciled(seed):
    checked, links = reconcile(seed, document_citations(seed))
    assert len(links) == 45
    assert all(link.matched for link in links)
    unlinked = sorted((c.citation.paragraph_id, c.citation.footnote_id, c.citation.symbol) for c in checked
                      if c.link_confirmed is False)  # fmt: skip
    assert unlinked == [
        ("op10", "", "A/HRC/RES/52/28"),
        ("op10", "", "A/HRC/RES/55/21"),
        ("op20.b", "35", "A/RES/70/175"),
        ("op8", "32", "A/76/53"),
        ("op8", "33", "A/78/53"),
        ("op8", "34", "A/79/53"),
    ]
    before = list(seed.warnings)
    first, second = analyse(seed).warnings, analyse(seed).warnings
    assert first == second and seed.warnings == before  # analysing twice repeats no warning, changes nothing
    assert len([w for w in first if "no link" in w]) == 6


def test_a_link_without_citation_is_reported(seed):
    from dataclasses import replace

    from undocs.analyse.reconcile import mismatches
    from undocs.models import Link

    extra = replace(seed, links=[*seed.links, Link("https://docs.un.org/en/A/RES/1/1", 926, 1)], warnings=[])
    checked, links = reconcile(extra, document_citations(extra))
    assert [link.link.url for link in links if not link.matched] == ["https://docs.un.org/en/A/RES/1/1"]
    assert mismatches(checked, links)[0].startswith("line 926: link https://docs.un.org/en/A/RES/1/1")


def test_statement_has_no_links_to_check(documents):
    rows = document_tables(analyse(documents["nkdb-fidh-hrc58-dprk-upr-statement"]))
    assert rows["references"] == [] and rows["links"] == []


def test_corpus_resolution():
    source = CORPUS / "A_RES_73_8.pypdf.txt"
    if not source.is_file():
        pytest.skip(f"{source} is absent (the shared corpus sits beside the repository)")
    parsed = parse_file(source)
    citations = document_citations(parsed)
    assert citations, "a General Assembly resolution cites earlier resolutions"
    assert all(c.symbol.startswith(("A/", "S/", "E/")) or c.kind == "web" for c in citations)
    assert all(" " not in c.symbol for c in citations)
