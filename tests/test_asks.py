"""Asks, figures and themes of the two seeds: A/C.3/80/L.29 and the NKDB/FIDH statement."""

from __future__ import annotations

import csv
import io
import os
from collections import Counter, defaultdict
from pathlib import Path

import pytest

import gold_asks
from corpus_data import AKN, CORPUS, akn
from undocs import paths, vocab
from undocs.analyse import asks as asks_module
from undocs.analyse.analysis import analyse
from undocs.analyse.asks import Context, find_asks
from undocs.analyse.themes import tag_text
from undocs.models import Ask, ParsedDocument
from undocs.parse.document import parse_entry, parse_file
from undocs.parse.roundtrip import xml_files
from undocs.publish.rows import addressee_rows, figure_rows, paragraph_theme_rows, recommendation_rows
from undocs.publish.tables import analysed, units
from undocs.read.sources import load_manifest

RESOLUTION_ID = "a-c-3-80-l-29"
STATEMENT_ID = "nkdb-fidh-hrc58-dprk-upr-statement"
OP20_LETTERS = "abcdefghijklmnopqr"

Row = dict[str, object]
DPRK = Context("Democratic People’s Republic of Korea", "general_assembly")


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
    op20 = [r for r in asks if r["source_paragraph_id"] == "op20" and r["inherited"]]
    assert [r["recommendation_id"] for r in op20] == [f"op20.{letter}:state_concerned" for letter in OP20_LETTERS]
    assert {(r["action"], r["inherited"], r["embedded"]) for r in op20} == {("strongly_urges", True, False)}
    assert row(asks, "op20.a:state_concerned")["action_text"].startswith("To immediately put an end to the systematic")
    assert row(asks, "op20.r:state_concerned")["action_text"].startswith("To ensure the right to freedom of thought")
    # The chapeau hands its ask down and keeps its own row, with the action it states itself.
    chapeau = row(asks, "op20:state_concerned")
    assert (chapeau["inherited"], chapeau["addressee_text"]) == (
        False,
        "the Government of the Democratic People’s Republic of Korea",
    )
    assert chapeau["action_text"].startswith("to respect, protect and fulfil all human rights")


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
    # "Decides to continue its examination ..." is the Assembly's own act; then two requests.
    assert found["op28"] == {"general_assembly", "un_secretary_general", "special_procedure"}
    assert row(asks, "op28:general_assembly")["kind"] == "self"
    assert row(asks, "op28:un_secretary_general")["action_text"] == (
        "to submit a comprehensive report on the situation of human rights in the Democratic People’s Republic of Korea"
    )
    assert row(asks, "op28:special_procedure")["action_text"].startswith("to continue to report her findings")


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
    workers = row(asks, "op2.a.xi:state_concerned")
    assert workers["action_text"].startswith("to promote, respect and protect the human rights of workers")
    assert addressees_by_paragraph(asks)["op2.a.xi"] == {"state_concerned"}


def test_preambular_asks_keep_their_section(asks: list[Row]) -> None:
    preamble = {r["recommendation_id"]: r["action"] for r in asks if r["section"] == "preamble"}
    assert preamble == {
        "pp7:other": "urges",
        "pp11:other": "urges",
        "pp13:state_concerned": "encourages",
        "pp18:state_concerned": "urges",
        "pp20:all_states": "urges",
        "pp22:state_concerned": "strongly_demands",
        "pp24:other": "urges",
        "pp26:state_concerned": "calls_upon",
        "pp27:other": "encourages",
    }
    assert row(asks, "pp18:state_concerned")["embedded"] is False
    # "strongly demanding again that the DPRK sincerely listen": the action is a bare verb.
    assert row(asks, "pp22:state_concerned")["action_text"].startswith("sincerely listen to the voices of the victims")
    # "urging that such technical cooperation be resumed" names no one: kind other, no addressee text.
    urging = row(asks, "pp11:other")
    assert (urging["addressee_text"], urging["action_text"][:40]) == ("", "that such technical cooperation be resum")


# --- addressees read against the text ----------------------------------------------------------


def test_each_named_addressee_gets_a_row(asks: list[Row]) -> None:
    found = addressees_by_paragraph(asks)
    assert found["op11"] == {"state_concerned", "member_states"}
    assert found["op12"] == {"international_community"}
    assert found["op26"] == {"un_system_entity"}
    op24 = [(r["recommendation_id"], r["addressee_text"]) for r in asks if r["paragraph_id"] == "op24"]
    assert op24 == [
        ("op24:member_states", "all Member States"),
        ("op24:general_assembly", "the General Assembly"),
        ("op24:human_rights_council", "the Human Rights Council"),
        ("op24:un_high_commissioner_ohchr", "the Office of the United Nations High Commissioner for Human Rights"),
        ("op24:un_secretary_general", "the United Nations Secretariat"),
        ("op24:un_system_entity", "relevant specialized agencies"),
        ("op24:regional_organization", "regional intergovernmental organizations and forums"),
        ("op24:civil_society", "civil society organizations"),
        # A second row of one kind in one paragraph: its id says which.
        ("op24:civil_society-2", "foundations"),
        ("op24:business", "engaged business enterprises"),
        ("op24:other", "other stakeholders"),
    ]
    assert found["op22"] == {"un_high_commissioner_ohchr"}


def test_words_after_an_addressee_are_not_addressees(asks: list[Row]) -> None:
    found = addressees_by_paragraph(asks)
    # "all Member States that engage in dialogue with the DPRK to continue": a subset of States.
    dialogue = row(asks, "op23:specific_states")
    assert (
        dialogue["addressee_text"]
        == "all Member States that engage in dialogue with the Democratic People’s Republic of Korea"
    )
    assert dialogue["action_text"].startswith("to continue to advocate")
    # op21's list of whose recommendations to implement is the action, not addressees.
    assert found["op21"] == {"state_concerned"}
    # "Encourages the continuing endeavours of the Office ...": the actor of the endeavours is asked.
    assert [r["addressee_text"] for r in asks if r["paragraph_id"] == "op15"] == [
        "the Office of the United Nations High Commissioner for Human Rights",
        "the Office",
    ]


def test_every_row_uses_the_vocabularies(asks: list[Row]) -> None:
    codes = {r["addressee_id"] for r in addressee_rows()["addressees"]}
    # The gold standard's addressee kinds (../shared/gold/asks/README.md), no more, no fewer.
    assert codes == {
        "state_concerned",
        "all_states",
        "member_states",
        "states_parties",
        "specific_states",
        "un_secretary_general",
        "un_high_commissioner_ohchr",
        "special_procedure",
        "human_rights_council",
        "general_assembly",
        "security_council",
        "un_system_entity",
        "other_intergovernmental",
        "regional_organization",
        "civil_society",
        "business",
        "international_community",
        "other",
    }
    actions = {action["id"] for action in vocab.load("actions")["actions"]}
    assert {r["addressee_id"] for r in asks} <= codes
    assert {r["action"] for r in asks} <= actions
    assert len({r["recommendation_id"] for r in asks}) == len(asks)


def test_find_asks_reads_a_clause_with_an_aside() -> None:
    asks = find_asks("Calls upon the DPRK, as a matter of urgency, to release all detainees;", DPRK)
    assert [(a.addressee_id, a.action, a.action_text) for a in asks] == [
        ("state_concerned", "calls_upon", "to release all detainees")
    ]


# --- the statement ---------------------------------------------------------------------------------


def test_statement_ask_is_a_row(seeds: dict[str, ParsedDocument]) -> None:
    rows = recommendation_rows(analyse(seeds[STATEMENT_ID]))
    assert [(r["recommendation_id"], r["action"], r["addressee_text"], r["section"]) for r in rows] == [
        ("p7:state_concerned", "reminds", "the DPRK", "statement")
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
    # "49% of the recommendations received in the fourth UPR" names the DPRK's fourth review (the
    # State from the title); the others narrow the recommendations and name no review.
    assert [(f["review_id"], f["whole_review"]) for f in figures] == [("prk-4", True)] + [("", False)] * 3
    paragraph_ids = {paragraph.paragraph_id for paragraph in statement.paragraphs}
    assert {f["paragraph_id"] for f in figures} <= paragraph_ids


def test_a_number_without_a_response_is_not_a_figure(seeds: dict[str, ParsedDocument]) -> None:
    # pp4: "the majority of the 19 recommendations made by the commission of inquiry ... have not been implemented"
    assert figure_rows(analyse(seeds[RESOLUTION_ID])) == []


# --- themes -------------------------------------------------------------------------------------------


def test_themes_say_which_rule_tagged_them(seeds: dict[str, ParsedDocument]) -> None:
    tags = {(r["paragraph_id"], r["theme_id"]): r for r in paragraph_theme_rows(analyse(seeds[RESOLUTION_ID]))}
    assert (tags["op20.c", "torture"]["rule_id"], tags["op20.c", "torture"]["matched"]) == ("torture.terms", "torture")
    assert tags["op2.a.v", "refugees_asylum_seekers"]["rule_id"] == "refugees_asylum_seekers.terms"
    assert tags["op24", "marriage_family"]["matched"] == "separation of families"
    assert tags["op13", "impunity"]["matched"] == "accountability"
    assert tags["op20.m", "right_to_work"]["matched"] == "International Labour Organization"
    rule_ids = {rule["id"] for theme in vocab.load("themes")["themes"] for rule in theme["rules"]}
    assert {r["rule_id"] for r in tags.values()} <= rule_ids


def test_treaty_titles_do_not_tag_their_subject() -> None:
    # pp7 lists the Conventions on women, children and disabilities; it is about none of them.
    text = "Mindful that it is a Party to the Convention on the Rights of the Child and the Convention on the Rights of Persons with Disabilities"
    assert tag_text(text) == []
    assert [t.theme_id for t in tag_text("the Working Group on Arbitrary Detention and abductees")] == [
        "enforced_disappearances"
    ]


def test_statement_themes(seeds: dict[str, ParsedDocument]) -> None:
    themes: dict[str, set[object]] = defaultdict(set)
    for r in paragraph_theme_rows(analyse(seeds[STATEMENT_ID])):
        themes[str(r["paragraph_id"])].add(r["theme_id"])
    # p4: sexual coercion, domestic violence and gender-based discrimination; redress for them.
    assert themes["p4"] == {
        "equality_non_discrimination",
        "right_to_effective_remedy",
        "gender_based_violence",
        "domestic_violence",
        "discrimination_against_women",
    }
    # p5: criminalizing leaving the country, surveillance, foreign media, forcible repatriation.
    assert themes["p5"] == {
        "constitutional_legislative_framework",
        "freedom_of_movement",
        "freedom_of_expression",
        "right_to_privacy",
        "refugees_asylum_seekers",
    }
    assert themes["p3"] == {"acceptance_of_international_norms", "torture", "right_to_work"}


# --- the published package --------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["addressees", "recommendations", "figures", "themes", "paragraph_themes"])
def test_published_tables_are_what_the_sources_give(table: str, seeds: dict[str, ParsedDocument]) -> None:
    with (paths.DATA / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        published = list(csv.DictReader(handle))
    built = [
        row
        for unit in units(analysed(analyse(seeds[i])) for i in sorted(seeds))
        for row in csv.reader(io.StringIO(unit.texts.get(table, "")))
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
    assert (parties["addressee_text"], parties["kind"]) == (
        "States parties to the Rome Statute that have not yet done so",
        "ask",
    )
    # "States parties to the Rome Statute that have not yet done so to adopt ...": "to the" is no action,
    # and ", and recalls the provision ..." is a new clause, not part of what is asked.
    assert parties["action_text"].startswith("to adopt national legislation")
    assert parties["action_text"].endswith("in the exercise of its functions")
    assert addressees_by_paragraph(rows)["op18"] == {"states_parties", "all_states"}


# --- any resolution: the gold standard, and every resolution of ../shared/akn ------------------------

requires_akn = pytest.mark.skipif(
    not gold_asks.available(), reason=f"the AKN resolutions and the asks gold are not at {AKN.parent}"
)


def akn_rows(path: str) -> list[Row]:
    return recommendation_rows(analyse(akn(AKN / path)))


@requires_akn
@pytest.mark.parametrize("document", list(gold_asks.DOCUMENTS))
def test_asks_agree_with_the_gold(document: str) -> None:
    """Precision and recall of (paragraph, addressee kind) against the hand-made gold (`make gold-asks`)."""
    precision, recall, extra, missed = gold_asks.score(document)
    print(f"{document}: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.95, f"rows the gold lacks: {dict(extra)}"
    assert recall >= 0.95, f"gold rows not built: {dict(missed)}"


@requires_akn
def test_lists_pronouns_asides_and_the_bodys_own_acts() -> None:
    rows = akn_rows(gold_asks.DOCUMENTS["A_HRC_RES_55_21"])
    found = {str(r["recommendation_id"]): (r["action"], r["addressee_text"], r["kind"]) for r in rows}
    # "Strongly urges all States ... and once again urges States to comply": one row per verb.
    assert found["op6:all_states"] == ("strongly_urges", "all States", "ask")
    assert found["op6:all_states-2"] == ("urges", "States", "ask")
    # The Office's short name, and "it" standing for it.
    assert found["op12:un_high_commissioner_ohchr"] == ("requests", "the Office of the High Commissioner", "ask")
    assert found["op13:un_high_commissioner_ohchr"] == ("encourages", "it", "ask")
    # "all parties concerned, including United Nations bodies, to consider": one addressee.
    assert [key for key in found if key.startswith("op20:")] == ["op20:other"]
    # An aside between the addressee and the action: "..., through continuous dialogues, to invite".
    assert row(rows, "op25:state_concerned")["action_text"].startswith("to invite and to cooperate fully")
    assert found["op17:human_rights_council"] == ("decides", "", "self")
    nuclear = {str(r["recommendation_id"]): r for r in akn_rows(gold_asks.DOCUMENTS["A_RES_80_24"])}
    # "Calls for the immediate commencement of negotiations": an ask that names no one.
    assert (nuclear["op16:other"]["addressee_text"], nuclear["op16:other"]["action"]) == ("", "calls_for")
    assert nuclear["op1:specific_states"]["addressee_text"] == "all nuclear-weapon States"


@requires_akn
def test_the_state_concerned_is_the_one_the_title_names() -> None:
    """A/RES/78/220, on Iran: its asks are the State concerned's, as the DPRK's are in the DPRK resolutions."""
    rows = akn_rows("GA/78/A_RES_78_220-2325993E.xml")
    kinds = Counter(r["addressee_id"] for r in rows)
    assert kinds["state_concerned"] >= 40
    assert row(rows, "op10:state_concerned")["addressee_text"] == "the Government of the Islamic Republic of Iran"
    assert row(rows, "op19:state_concerned")["addressee_text"] == "the Iranian authorities"
    # "the Iranian High Council for Human Rights and other Iranian officials ..., and calls upon them"
    assert row(rows, "op8:state_concerned")["addressee_text"] == "them"


@requires_akn
def test_a_declaration_requests_in_its_own_voice() -> None:
    """The Political Declaration on HIV and AIDS annexed to A/RES/75/284: "Request the Secretary-General ..."."""
    rows = akn_rows("GA/75/75_284_E.xml")
    request = row(rows, "annex.op72:un_secretary_general")
    assert (request["action"], request["action_phrase"], request["section"]) == ("requests", "Request", "annex")


def test_wording_that_used_to_abort_the_document() -> None:
    assert [
        (a.addressee_id, a.kind, a.action_text) for a in find_asks("Decides, in that regard, to remain seized;", DPRK)
    ] == [("general_assembly", "self", "to remain seized")]
    assert [
        (a.addressee_id, a.addressee_text) for a in find_asks("Urges, in particular, the Government to act;", DPRK)
    ] == [("state_concerned", "the Government")]
    assert find_asks("Concerned that, despite the efforts of States, violations continue,", DPRK) == []


def test_a_paragraph_an_analyser_fails_on_is_a_warning(
    seeds: dict[str, ParsedDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    resolution = seeds[RESOLUTION_ID]
    real = asks_module.find_asks

    def fails_on_op12(text: str, context: Context = DPRK) -> list[Ask]:
        if text.startswith("Expresses its concern at the failure of the authorities"):
            raise AttributeError("'NoneType' object has no attribute 'end'")
        return real(text, context)

    monkeypatch.setattr(asks_module, "find_asks", fails_on_op12)
    before = list(resolution.warnings)
    analysis = analyse(resolution)
    rows = recommendation_rows(analysis)
    assert "op12" not in addressees_by_paragraph(rows) and len(rows) > 50
    assert resolution.warnings == before  # the parse is left as it was: the warning is the analysis's
    warning = next(w for w in analysis.warnings if "could not be analysed" in w)
    line = resolution.paragraph("op12").line_start
    assert warning.startswith(
        f"{resolution.meta.source_path}:{line}: asks: paragraph op12 could not be analysed (AttributeError"
    )


def test_a_row_that_breaks_its_schema_is_a_warning(
    seeds: dict[str, ParsedDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    resolution = seeds[RESOLUTION_ID]
    monkeypatch.setattr(asks_module, "_action", lambda phrase: "")  # every row would lack its required action
    result = analysed(analyse(resolution))
    assert result.unit.keys["recommendations"].rows == 0 and result.unit.keys["paragraphs"].rows == 90
    left_out = [w for w in result.warnings if "has no action; it is left out" in w]
    assert left_out and left_out[0].startswith(f"{resolution.meta.source_path}:")


@requires_akn
def test_figures_take_their_response_from_the_words_around_them() -> None:
    figures = figure_rows(analyse(akn(AKN / gold_asks.DOCUMENTS["A_HRC_RES_55_21"])))
    assert [(f["paragraph_id"], f["value"], f["total"], f["response"]) for f in figures] == [
        ("pp15", "132", "262", "accepted"),
        ("op27", "56", "", "under_consideration"),
    ]
    assert figures[0]["subject"] == "recommendations contained in the outcome of the review"


def corpus_sample() -> list[Path]:
    """Every resolution when UNDOCS_FULL_CORPUS is set (`make corpus-asks`), else every 40th."""
    files = xml_files(AKN)
    return files if os.environ.get("UNDOCS_FULL_CORPUS") else files[::40]


@requires_akn
def test_every_analyser_reads_every_paragraph_of_the_corpus_sample() -> None:
    failures, documents = [], 0
    for path in corpus_sample():
        result = analysed(analyse(parse_file(path)))
        failures += [warning for warning in result.warnings if "could not be analysed" in warning]
        documents += 1
    assert documents >= 50 and failures == []
