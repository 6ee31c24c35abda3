"""UPR Working Group reports and addenda: recommendations, recommending States, responses, checks.

The real reports (``../shared/upr``) are extracted once, converted as text into one package in a
temporary folder, and checked against what the documents state and OHCHR's thematic lists.
"""

from __future__ import annotations

import csv
import importlib.util
import logging
import sys
from collections import Counter
from pathlib import Path

import pytest

from undocs import vocab
from undocs.analyse.upr import action_category, expand_numbers, lead_response, split_recommendation, upr_document
from undocs.cli import main
from undocs.parse.document import parse_file
from undocs.parse.report import parse_report
from undocs.read import pdf
from undocs.read.sources import decode_lines
from undocs.read.states import iso3
from upr_data import REVIEWS, THEMATIC_LISTS, UPR, requires_upr

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def test_one_number_holds_several_texts_each_with_its_states() -> None:
    text = (
        "Ensure the compliance of its National Ombudsman with the Paris Principles (Egypt); continue with the "
        "efforts (Peru); take more effective measures (Azerbaijan);"
    )
    assert split_recommendation(text) == [
        ("Ensure the compliance of its National Ombudsman with the Paris Principles", ["Egypt"]),
        ("continue with the efforts", ["Peru"]),
        ("take more effective measures", ["Azerbaijan"]),
    ]


def test_states_with_their_own_parentheses_stay_whole() -> None:
    assert split_recommendation("Ratify ICRMW (Senegal, Venezuela (Bolivarian Republic of), Peru);") == [
        ("Ratify ICRMW", ["Senegal", "Venezuela (Bolivarian Republic of)", "Peru"])
    ]
    assert split_recommendation("Ratify it (France) (Lithuania);") == [("Ratify it", ["France", "Lithuania"])]
    assert split_recommendation("Accede to the Rome Statute (ICC) (Tunisia).") == [
        ("Accede to the Rome Statute (ICC)", ["Tunisia"])
    ]


@pytest.mark.parametrize(
    ("printed", "numbers"),
    [
        ("122.30-33", ["122.30", "122.31", "122.32", "122.33"]),
        ("122.14– 15", ["122.14", "122.15"]),
        ("122.1, 3, 5", ["122.1", "122.3", "122.5"]),
        ("140.35. 140.36", ["140.35", "140.36"]),
        ("1–3, 150 – 152", ["1", "2", "3", "150", "151", "152"]),
    ],
)
def test_lists_and_ranges_in_every_printed_form(printed: str, numbers: list[str]) -> None:
    assert expand_numbers(printed) == numbers


def test_lead_in_paragraphs_state_positions() -> None:
    assert (
        lead_response(
            "The recommendations listed below have been examined by Slovenia and enjoy the support of Slovenia:"
        )
        == "supported"
    )
    assert (
        lead_response(
            "The following recommendations will be examined by Slovenia, which will provide responses in due time, but no later than the forty-third session"
        )
        == "pending"
    )
    assert (
        lead_response("The following recommendations did not enjoy the support of the State and would thus be noted:")
        == "noted"
    )


def test_states_by_their_un_names() -> None:
    assert [iso3(name) for name in ("Türkiye", "Turkey", "Republic of Korea", "Holy See", "CAT")] == [
        "TUR",
        "TUR",
        "KOR",
        "VAT",
        "",
    ]


def test_every_state_of_the_vocabulary_has_its_own_code() -> None:
    """The States asks name (vocab/states.yaml, two spellings of Côte d'Ivoire) resolve: 195 codes."""
    codes = {entry["name"]: iso3(entry["name"]) for entry in vocab.load("states")["states"]}
    assert [name for name, code in codes.items() if not code] == []
    assert len(set(codes.values())) == 195


def test_action_category_from_the_first_verb() -> None:
    assert action_category("Share with others the country's experiences") == ("share", 1)
    assert action_category("Further fulfil the obligations") == ("fulfil", 4)
    assert action_category("Enact a unified law on child rights") == ("enact", 5)


ADDENDUM = """ United Nations A/HRC/1/1/Add.1
 Human Rights Council
 Report of the Working Group on the Universal Periodic Review*
Ruritania
 Addendum
 * Not edited.
1. The Working Group's report contains 4 recommendations.
2. The Government accepts the recommendations 9.1, 3 and notes recommendation 9.2. It supports in part recommendation 9.4.
 9.2
 The Government does not plan to do so.
"""


def test_an_addendum_gives_positions_explanations_and_totals() -> None:
    from undocs.models import DocumentMeta, ParsedDocument

    parsed = parse_report(decode_lines(ADDENDUM.encode(), "a.txt"), "a.txt")
    meta = DocumentMeta("a", "a.txt", "", "report", title=parsed.facts["title"], symbol=parsed.facts["symbol"])
    document = upr_document(ParsedDocument(meta, parsed.paragraphs, parsed.footnotes))
    assert (document.report_symbol, document.state) == ("A/HRC/1/1", "Ruritania")
    assert [(p.number, p.response) for p in document.positions] == [
        ("9.1", "supported"),
        ("9.3", "supported"),
        ("9.2", "noted"),
        ("9.4", "supported_in_part"),
    ]
    assert [(e.numbers, e.text) for e in document.explanations] == [(["9.2"], "The Government does not plan to do so.")]
    assert document.totals == {"received": 4}


# --- the real reports --------------------------------------------------------------------------------
# Two statements giving figures about reviews the package holds: the DPRK's second (its State from
# the title) and Slovenia's third (its State from the sentence), one share wrong (182/215 = 84.7%).
STATEMENTS = {
    "prk-statement.txt": """UN Human Rights Council – 27th Session
18 September 2014
Item 6: UPR outcome of the Democratic People’s Republic of Korea
Mister President,
The Government did not accept 83 of the 268 recommendations of its second UPR.
It failed to accept 31% of the recommendations it received in its second cycle.
It also failed to accept 12 recommendations on torture made in the second cycle.
""",
    "svn-statement.txt": """Mister President,
Slovenia did not accept 33 of the 215 recommendations it received in its third UPR.
Slovenia accepted 90% of the recommendations received in the third cycle.
""",
}


@pytest.fixture(scope="module")
def upr_package(tmp_path_factory) -> tuple[Path, list[str]]:
    """The five reports and addenda, extracted once and converted as text into one package."""
    folder = tmp_path_factory.mktemp("upr")
    texts = []
    for names in REVIEWS.values():
        for name in names:
            text = folder / Path(name).with_suffix(".txt").name
            text.write_text(pdf.extract_text(UPR / name), encoding="utf-8")
            texts.append(str(text))
    for name, statement in STATEMENTS.items():
        (folder / name).write_text(statement, encoding="utf-8")
        texts.append(str(folder / name))
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())
    logging.getLogger("undocs").addHandler(handler)
    try:
        assert main(["convert", *texts, "--out", str(folder / "package")]) == 0
    finally:
        logging.getLogger("undocs").removeHandler(handler)
    return folder, records


def _table(package: Path, name: str) -> list[dict[str, str]]:
    with (package / "data" / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@requires_upr
def test_counts_agree_with_what_the_addenda_state(upr_package) -> None:
    folder, log = upr_package
    reviews = {row["review_id"]: row for row in _table(folder / "package", "upr_reviews")}
    slovenia2, slovenia3 = reviews["svn-2"], reviews["svn-3"]
    assert (slovenia2["cycle"], slovenia2["session"], slovenia2["state_code"]) == ("2", "20", "SVN")
    assert [slovenia2[f"stated_{n}"] for n in ("received", "supported", "noted")] == ["163", "142", "21"]
    assert [slovenia2[f"computed_{n}"] for n in ("received", "supported", "noted", "pending")] == [
        "163",
        "142",
        "21",
        "0",
    ]
    assert [slovenia3[f"stated_{n}"] for n in ("received", "supported", "noted")] == ["215", "182", "33"]
    assert [slovenia3[f"computed_{n}"] for n in ("received", "supported", "noted", "pending")] == [
        "215",
        "182",
        "33",
        "0",
    ]
    assert not [
        line for line in log if "recommendation" in line and "figure" not in line and line.startswith("warning")
    ]


@requires_upr
def test_a_statements_figures_are_checked_against_the_review_the_package_holds(upr_package) -> None:
    folder, log = upr_package
    figures = {
        f"{row['document_id']}:{row['figure_id']}": (
            row["review_id"],
            row["whole_review"],
            row["value"],
            row["computed_value"],
        )
        for row in _table(folder / "package", "figures")
    }
    assert figures == {
        "prk-statement:p1:1": ("prk-2", "true", "83", "83"),  # 83 noted of 268 (185 still pending)
        "prk-statement:p2:1": ("prk-2", "true", "31", "31.0"),  # 83 / 268 = 30.97%
        "prk-statement:p3:1": ("prk-2", "false", "12", ""),  # a part of the review: not computed
        "svn-statement:p1:1": ("svn-3", "true", "33", "33"),
        "svn-statement:p2:1": ("svn-3", "true", "90", "84.7"),  # 182 supported of 215
    }
    wrong = [line for line in log if line.startswith("warning") and "figure" in line]
    assert wrong == [
        "warning: "
        + str(folder / "svn-statement.txt")
        + ":3: figure svn-statement:p2:1 states 90% accepted of svn-3; upr_recommendations give 84.7 (182 of 215 received)"
    ]


@requires_upr
def test_dprk_second_review_gives_268_recommendations_as_the_report_states_them(upr_package) -> None:
    folder, _ = upr_package
    rows = [row for row in _table(folder / "package", "upr_recommendations") if row["review_id"] == "prk-2"]
    numbers = [row["recommendation_number"] for row in rows]
    assert numbers == [f"124.{n}" for n in range(1, 186)] + [f"125.{n}" for n in range(1, 84)]
    assert Counter(row["response"] for row in rows) == {"pending": 185, "noted": 83}
    assert {row["response_paragraph"] for row in rows} == {"a-hrc-27-10:p124", "a-hrc-27-10:p125"}
    bolivia = next(row for row in rows if row["recommendation_number"] == "124.2")
    states = [
        s
        for s in _table(folder / "package", "upr_recommending_states")
        if s["recommendation_key"] == bolivia["recommendation_key"]
    ]
    assert [(s["state"], s["state_code"]) for s in states] == [("Bolivia (Plurinational State of)", "BOL")]


def script(name: str):
    """A module of scripts/, imported by its path."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


@requires_upr
@pytest.mark.parametrize(("review_id", "listed"), [("svn-2", 163), ("svn-3", 215)])
def test_slovenia_matches_ohchr_thematic_list(upr_package, review_id: str, listed: int) -> None:
    folder, _ = upr_package
    result = script("upr_compare").compare(folder / "package", review_id, UPR / THEMATIC_LISTS[review_id])
    assert (result.listed, result.found) == (listed, listed)
    assert result.same_position == listed
    assert result.same_state_codes == listed
    assert result.same_states >= 0.98 * listed


@requires_upr
@pytest.mark.parametrize(("review_id", "precision", "recall"), [("svn-3", 0.68, 0.53), ("svn-2", 0.78, 0.60)])
def test_upr_themes_against_ohchr_thematic_lists(upr_package, review_id: str, precision: float, recall: float) -> None:
    # Per recommendation, the Index themes OHCHR's list gives against paragraph_themes (cycle 2 held out).
    folder, _ = upr_package
    result = script("themes_upr").compare(folder / "package", review_id, UPR / THEMATIC_LISTS[review_id])
    assert not result.unmapped  # every theme the list gives is one of the codelist's
    assert result.precision >= precision and result.recall >= recall


@requires_upr
def test_a_number_holding_several_texts_gives_one_row_each(upr_package) -> None:
    folder, _ = upr_package
    rows = {row["recommendation_key"]: row for row in _table(folder / "package", "upr_recommendations")}
    assert [rows[f"a-hrc-28-15:115.38.{n}"]["sub_index"] for n in (1, 2, 3)] == ["1", "2", "3"]
    explained = rows["a-hrc-43-15:122.15"]
    assert explained["response"] == "supported"
    assert explained["explanation"].startswith("Slovenia considers these recommendations implemented.")
    assert explained["explanation_key"] == "a-hrc-43-15-add-1:r122.14"


@requires_upr
def test_pdf_and_text_of_an_addendum_give_the_same_rows(upr_package) -> None:
    folder, _ = upr_package
    from_pdf = upr_document(parse_file(UPR / REVIEWS["svn-3"][1]))
    from_text = upr_document(parse_file(folder / "A_HRC_43_15_Add.1.txt"))
    assert from_pdf == from_text
    assert len(from_pdf.positions) == 157


@requires_upr
def test_other_upr_documents_convert(tmp_path: Path) -> None:
    files = [UPR / "slovenia/cycle3/A_HRC_DEC_43_112.pdf", UPR / "slovenia/cycle3/A_HRC_WG.6_34_SVN_3.pdf"]
    assert main(["-q", "convert", *map(str, files), "--out", str(tmp_path)]) == 0
    documents = {row["document_id"]: row for row in _table(tmp_path, "documents")}
    assert documents["a-hrc-wg-6-34-svn-3"]["document_type"] == "report"
    paragraphs = [row for row in _table(tmp_path, "paragraphs") if row["document_id"] == "a-hrc-wg-6-34-svn-3"]
    assert [row["paragraph_id"] for row in paragraphs if row["section"] == "body" and row["depth"] == "1"][:3] == [
        "p1",
        "p2",
        "p3",
    ]
