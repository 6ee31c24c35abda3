"""Asks, figures and themes of the two seeds: A/C.3/80/L.29 and the NKDB/FIDH statement."""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest

from corpus_data import CORPUS
from undocs import paths, vocab
from undocs.analyse.analysis import analyse
from undocs.analyse.asks import find_asks
from undocs.analyse.themes import tag_text
from undocs.models import ParsedDocument
from undocs.parse.document import parse_entry, parse_file
from undocs.publish.rows import addressee_rows, figure_rows, paragraph_theme_rows, recommendation_rows
from undocs.publish.tables import analysed, units
from undocs.read.sources import load_manifest

RESOLUTION_ID = "a-c-3-80-l-29"
STATEMENT_ID = "nkdb-fidh-hrc58-dprk-upr-statement"
OP20_LETTERS = "abcdefghijklmnopqr"

Row = dict[str, object]


@pytest.fixture(scope="module")
def seeds() -> dict[str, ParsedDocument]:
    return {entry.document_id: parse_entry(entry, paths.ROOT) for entry in load_manifest()}


@pytest.fixture(scope="module")
def asks(seeds: dict[str, ParsedDocument]) -> list[Row]:
    return recommendation_rows(analyse(seeds[RESOLUTION_ID]))


def addressees_by_paragraph(rows: list[Row]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        found[str(row["paragraph_id"])].add(str(row["addressee_id"]))
    return found


def row(rows: list[Row], recommendation_id: str) -> Row:
    return next(r for r in rows if r["recommendation_id"] == recommendation_id)


# --- the issue's done-when -------------------------------------------------------------------


def test_paragraph_20_gives_18_rows_to_the_dprk_inherited_from_its_chapeau(asks: list[Row]) -> None:
    op20 = [r for r in asks if r["source_paragraph_id"] == "op20"]
    assert [r["recommendation_id"] for r in op20] == [f"op20.{letter}:dprk" for letter in OP20_LETTERS]
    assert {(r["action"], r["inherited"], r["embedded"]) for r in op20} == {("strongly_urges", True, False)}
    assert row(asks, "op20.a:dprk")["action_text"].startswith("To immediately put an end to the systematic")
    assert row(asks, "op20.r:dprk")["action_text"].startswith("To ensure the right to freedom of thought")
    # The chapeau hands its ask down and has no row of its own.
    assert not [r for r in asks if r["paragraph_id"] == "op20"]


def test_paragraphs_13_and_16_to_19_and_28_address_whom_the_issue_says(asks: list[Row]) -> None:
    found = addressees_by_paragraph(asks)
    assert {paragraph: found[paragraph] for paragraph in ("op16", "op17", "op18", "op19")} == {
        paragraph: {"member_states"} for paragraph in ("op16", "op17", "op18", "op19")
    }
    assert [row(asks, f"op{n}:member_states")["action_phrase"] for n in (16, 17, 18, 19)] == [
        "Calls upon",
        "Also calls upon",
        "Further calls upon",
        "Calls upon",
    ]
    assert found["op13"] == {"security_council"}
    assert row(asks, "op13:security_council")["action"] == "encourages"
    assert found["op28"] == {"secretary_general", "special_rapporteur"}
    assert row(asks, "op28:secretary_general")["action_text"] == (
        "to submit a comprehensive report on the situation of human rights in the Democratic People’s Republic of Korea"
    )
    assert row(asks, "op28:special_rapporteur")["action_text"].startswith("to continue to report her findings")


def test_embedded_asks_are_rows(asks: list[Row]) -> None:
    refoulement = row(asks, "op2.a.v:member_states")
    assert (refoulement["action"], refoulement["addressee_text"], refoulement["embedded"]) == (
        "strongly_urges",
        "all Member States",
        True,
    )
    assert refoulement["action_text"].startswith("to respect the fundamental principle of non-refoulement")
    # The first ask's text stops where the second begins.
    assert refoulement["action_text"].endswith("with the Government of the Democratic People’s Republic of Korea")
    parties = row(asks, "op2.a.v:states_parties")
    assert (parties["action"], parties["action_phrase"]) == ("urges", "once again urges")
    assert parties["action_text"].startswith("to comply with their obligations under the 1951 Convention")
    workers = row(asks, "op2.a.xi:dprk")
    assert workers["action_text"].startswith("to promote, respect and protect the human rights of workers")
    assert addressees_by_paragraph(asks)["op2.a.xi"] == {"dprk"}


def test_preambular_asks_keep_their_section(asks: list[Row]) -> None:
    preamble = {r["recommendation_id"]: r["action"] for r in asks if r["section"] == "preamble"}
    assert preamble == {
        "pp13:dprk": "encourages",
        "pp18:dprk": "urges",
        "pp20:all_states": "urges",
        "pp22:dprk": "strongly_demands",
        "pp26:dprk": "calls_upon",
    }
    assert row(asks, "pp18:dprk")["embedded"] is False
    # "strongly demanding again that the DPRK sincerely listen": the action is a bare verb.
    assert row(asks, "pp22:dprk")["action_text"].startswith("sincerely listen to the voices of the victims")


# --- addressees read against the text ----------------------------------------------------------


def test_each_named_addressee_gets_a_row(asks: list[Row]) -> None:
    found = addressees_by_paragraph(asks)
    assert found["op11"] == {"dprk", "member_states"}
    assert found["op12"] == {"international_community"}
    assert found["op26"] == {"un_system"}
    assert found["op24"] == {
        "member_states",
        "general_assembly",
        "human_rights_council",
        "ohchr",
        "un_system",
        "regional_organizations",
        "civil_society",
        "business",
        "other_stakeholders",
    }
    # Two names of one addressee in one ask make one row that keeps both names.
    assert (
        row(asks, "op24:un_system")["addressee_text"] == "the United Nations Secretariat; relevant specialized agencies"
    )
    assert found["op22"] == {"ohchr"}


def test_words_after_an_addressee_are_not_addressees(asks: list[Row]) -> None:
    found = addressees_by_paragraph(asks)
    # "all Member States that engage in dialogue with the Democratic People's Republic of Korea to continue"
    assert found["op23"] == {"member_states"}
    assert row(asks, "op23:member_states")["action_text"].startswith("to continue to advocate")
    # op21's list of whose recommendations to implement is the action, not addressees.
    assert found["op21"] == {"dprk"}
    # "Encourages the continuing endeavours of the Office": praise, no one asked; "Decides to continue": no one.
    assert "op15" not in found
    assert found["op28"].isdisjoint({"general_assembly"})
    # "urging that such technical cooperation be resumed" names no addressee.
    assert "pp11" not in found and "pp24" not in found


def test_every_row_uses_the_vocabularies(asks: list[Row]) -> None:
    codes = {r["addressee_id"] for r in addressee_rows()["addressees"]}
    assert {
        "dprk",
        "member_states",
        "states_parties",
        "security_council",
        "secretary_general",
        "ohchr",
        "special_rapporteur",
        "un_system",
        "international_community",
        "other_stakeholders",
    } <= codes
    actions = {action["id"] for action in vocab.load("actions")["actions"]}
    assert {r["addressee_id"] for r in asks} <= codes
    assert {r["action"] for r in asks} <= actions
    assert len({r["recommendation_id"] for r in asks}) == len(asks)


def test_find_asks_reads_a_clause_with_an_aside() -> None:
    asks = find_asks("Calls upon the DPRK, as a matter of urgency, to release all detainees;")
    assert [(a.addressee_id, a.action, a.action_text) for a in asks] == [
        ("dprk", "calls_upon", "to release all detainees")
    ]


# --- the statement ---------------------------------------------------------------------------------


def test_statement_ask_is_a_row(seeds: dict[str, ParsedDocument]) -> None:
    rows = recommendation_rows(analyse(seeds[STATEMENT_ID]))
    assert [(r["recommendation_id"], r["action"], r["addressee_text"], r["section"]) for r in rows] == [
        ("p7:dprk", "reminds", "the DPRK", "statement")
    ]
    assert rows[0]["action_text"].startswith("to engage with the UPR under the principle")


def test_statement_figures(seeds: dict[str, ParsedDocument]) -> None:
    statement = seeds[STATEMENT_ID]
    figures = figure_rows(analyse(statement))
    assert [(f["paragraph_id"], f["value"], f["unit"], f["response"]) for f in figures] == [
        ("p1", "49", "percent", "not_accepted"),
        ("p2", "43", "recommendations", "not_accepted"),
        ("p3", "13", "recommendations", "not_accepted"),
        ("p4", "21", "recommendations", "not_accepted"),
    ]
    assert [f["subject"] for f in figures] == [
        "recommendations received in the fourth UPR",
        "recommendations concerning torture, politically motivated imprisonment, and systemic labor exploitation",
        "recommendations to ratify the Convention against Torture and ILO conventions",
        "recommendations on gender-based discrimination and violence",
    ]
    assert figures[2]["phrase"].startswith("did not accept any of the 13")
    paragraph_ids = {paragraph.paragraph_id for paragraph in statement.paragraphs}
    assert {f["paragraph_id"] for f in figures} <= paragraph_ids


def test_a_number_without_a_response_is_not_a_figure(seeds: dict[str, ParsedDocument]) -> None:
    # pp4: "the majority of the 19 recommendations made by the commission of inquiry ... have not been implemented"
    assert figure_rows(analyse(seeds[RESOLUTION_ID])) == []


# --- themes -------------------------------------------------------------------------------------------


def test_themes_say_which_rule_tagged_them(seeds: dict[str, ParsedDocument]) -> None:
    tags = {(r["paragraph_id"], r["theme_id"]): r for r in paragraph_theme_rows(analyse(seeds[RESOLUTION_ID]))}
    assert (tags["op20.c", "torture"]["rule_id"], tags["op20.c", "torture"]["matched"]) == ("torture.terms", "torture")
    assert tags["op2.a.v", "movement_refoulement"]["rule_id"] == "movement_refoulement.refugees"
    assert tags["op24", "separated_families"]["matched"] == "separation of families"
    assert tags["op13", "accountability"]["matched"] == "accountability"
    assert tags["op20.m", "forced_labour_workers"]["matched"] == "International Labour Organization"
    rule_ids = {rule["id"] for theme in vocab.load("themes")["themes"] for rule in theme["rules"]}
    assert {r["rule_id"] for r in tags.values()} <= rule_ids


def test_treaty_titles_do_not_tag_their_subject() -> None:
    # pp7 lists the Conventions on women, children and disabilities; it is about none of them.
    text = "Mindful that it is a Party to the Convention on the Rights of the Child and the Convention on the Rights of Persons with Disabilities"
    assert tag_text(text) == []
    assert [t.theme_id for t in tag_text("the Working Group on Arbitrary Detention and abductees")] == [
        "disappearance_abduction"
    ]


def test_statement_themes(seeds: dict[str, ParsedDocument]) -> None:
    themes: dict[str, set[object]] = defaultdict(set)
    for r in paragraph_theme_rows(analyse(seeds[STATEMENT_ID])):
        themes[str(r["paragraph_id"])].add(r["theme_id"])
    assert themes["p4"] == {"women_girls", "accountability"}
    assert themes["p5"] == {"movement_refoulement", "expression_religion"}
    assert themes["p3"] == {"torture", "forced_labour_workers"}


# --- the published package --------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["addressees", "recommendations", "figures", "themes", "paragraph_themes"])
def test_published_tables_are_what_the_sources_give(table: str, seeds: dict[str, ParsedDocument]) -> None:
    with (paths.DATA / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        published = list(csv.DictReader(handle))
    built = [
        row for unit in units(analysed(analyse(seeds[i])) for i in sorted(seeds)) for row in unit.tables.get(table, [])
    ]
    assert len(published) == len(built) > 0
    column = next(i for i, name in enumerate(published[0]) if name.endswith("_id") and name != "document_id")
    key = list(published[0])[column]
    assert [r[key] for r in published] == [row[column] for row in built]


# --- a real resolution other than the seed ------------------------------------------------------------


def test_asks_of_the_rome_statute_resolution() -> None:
    """A/RES/73/7 (the International Criminal Court): qualified addressees and a clause after the ask."""
    source = CORPUS / "A_RES_73_7.pdfminer.txt"
    if not source.is_file():
        pytest.skip(f"the real UN resolutions are not here: {source} is absent (it sits beside the repo)")
    rows = recommendation_rows(analyse(parse_file(source)))
    parties = row(rows, "op9:states_parties")
    assert parties["addressee_text"] == "States parties"
    # "States parties to the Rome Statute that have not yet done so to adopt ...": "to the" is no action,
    # and ", and recalls the provision ..." is a new clause, not part of what is asked.
    assert parties["action_text"].startswith("to adopt national legislation")
    assert parties["action_text"].endswith("in the exercise of its functions")
    assert addressees_by_paragraph(rows)["op18"] == {"states_parties", "all_states"}
