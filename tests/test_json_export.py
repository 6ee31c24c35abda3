"""The nested JSON per document: its shape on the seed, its schema, and that the schema is generated."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from undocs import paths
from undocs.export.json_export import document_json_schema, nested_documents
from undocs.export.reader import read_package
from undocs.export.release import JSON_SCHEMA, validate_documents

RESOLUTION_ID = "a-c-3-80-l-29"
STATEMENT_ID = "nkdb-fidh-hrc58-dprk-upr-statement"


@pytest.fixture(scope="module")
def package() -> tuple[dict, dict]:
    return read_package(paths.ROOT)


@pytest.fixture(scope="module")
def documents(package: tuple[dict, dict]) -> dict[str, dict]:
    return nested_documents(*package)


def walk(paragraphs: list[dict]):
    for paragraph in paragraphs:
        yield paragraph
        yield from walk(paragraph["subparagraphs"])


def find(paragraphs: list[dict], paragraph_id: str) -> dict:
    return next(p for p in walk(paragraphs) if p["paragraph_id"] == paragraph_id)


def test_one_record_per_document_with_typed_metadata(documents: dict[str, dict]) -> None:
    assert list(documents) == [RESOLUTION_ID, STATEMENT_ID]
    meta = documents[RESOLUTION_ID]["document"]
    assert (meta["symbol"], meta["session"], meta["date"], meta["agenda_item"]) == (
        "A/C.3/80/L.29",
        80,
        "2025-11-12",
        None,
    )


def test_subparagraphs_nest_under_their_parent(documents: dict[str, dict]) -> None:
    paragraphs = documents[RESOLUTION_ID]["paragraphs"]
    assert [p["paragraph_id"] for p in paragraphs[:3]] == ["title", "pp1", "pp2"]
    op2 = find(paragraphs, "op2")
    assert [p["paragraph_id"] for p in op2["subparagraphs"]] == ["op2.a", "op2.b", "op2.c"]
    assert [p["label"] for p in op2["subparagraphs"][0]["subparagraphs"][:2]] == ["(i)", "(ii)"]
    assert sum(1 for _ in walk(paragraphs)) == 90
    assert "document_id" not in op2 and "parent_key" not in op2


def test_footnotes_inline_under_the_paragraph_of_their_marker(documents: dict[str, dict]) -> None:
    paragraphs = documents[RESOLUTION_ID]["paragraphs"]
    assert sum(len(p["footnotes"]) for p in walk(paragraphs)) == 37
    assert find(paragraphs, "pp4")["footnotes"][0] == {
        "footnote_id": "2",
        "text": "A/HRC/25/63.",
        "marker_found": True,
        "cited_again_in": None,
        "line_start": 131,
        "line_end": 131,
        "footnote_key": "a-c-3-80-l-29:2",
    }
    missing = find(paragraphs, "op20.h")["footnotes"]
    assert [(n["footnote_id"], n["text"], n["line_start"]) for n in missing] == [("36", None, None)]
    assert find(paragraphs, "title")["footnotes"][0]["footnote_id"] == "*"
    assert all(p["footnotes"] == [] for p in walk(documents[STATEMENT_ID]["paragraphs"]))


def test_every_document_validates_against_the_committed_schema(documents: dict[str, dict]) -> None:
    schema = json.loads((paths.ROOT / JSON_SCHEMA).read_text(encoding="utf-8"))
    validate_documents(documents, schema)


def test_the_schema_rejects_what_it_should(documents: dict[str, dict], package: tuple[dict, dict]) -> None:
    validator = jsonschema.Draft202012Validator(
        document_json_schema(package[0]), format_checker=jsonschema.FormatChecker()
    )
    broken = json.loads(json.dumps(documents[RESOLUTION_ID]))
    find(broken["paragraphs"], "op2.a.vi")["depth"] = "two"
    broken["document"]["date"] = "12 November 2025"
    messages = sorted(error.message for error in validator.iter_errors(broken))
    assert messages == ["'12 November 2025' is not a 'date'", "'two' is not of type 'integer'"]


def test_committed_schema_is_the_generated_one(package: tuple[dict, dict]) -> None:
    committed = json.loads((paths.ROOT / JSON_SCHEMA).read_text(encoding="utf-8"))
    assert committed == document_json_schema(package[0]), "run 'make build' and commit schemas/"


def test_new_tables_that_point_to_paragraphs_are_inlined(package: tuple[dict, dict]) -> None:
    descriptor, tables = json.loads(json.dumps(package[0])), dict(package[1])
    footnotes = next(r for r in descriptor["resources"] if r["name"] == "footnotes")
    descriptor["resources"].append({**footnotes, "name": "themes"})
    tables["themes"] = [{**tables["footnotes"][1], "text": "detention"}]
    documents = nested_documents(descriptor, tables)
    assert find(documents[RESOLUTION_ID]["paragraphs"], "pp2")["themes"][0]["text"] == "detention"
    validate_documents(documents, document_json_schema(descriptor))


def test_release_writes_one_file_per_document(tmp_path: Path) -> None:
    from undocs.export.release import release

    release(paths.ROOT, tmp_path)
    written = sorted(path.name for path in (tmp_path / "json").iterdir())
    assert written == [f"{RESOLUTION_ID}.json", f"{STATEMENT_ID}.json"]
    text = (tmp_path / "json" / f"{RESOLUTION_ID}.json").read_text(encoding="utf-8")
    assert "Democratic People’s Republic of Korea" in text  # not escaped as \u2019
