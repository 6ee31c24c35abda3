"""Streaming builds: keys checked across all rows agree with frictionless, and what frictionless
passed once is not validated again while a changed row still is."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from package_helpers import refingerprint
from undocs import paths, pipeline
from undocs.cli import main
from undocs.publish import metadata, package, tables
from undocs.publish import rows as shaped
from undocs.publish.integrity import KeyIndex


def copy_package(folder: Path) -> Path:
    (folder / "data").mkdir(parents=True)
    for resource in metadata.resources():
        shutil.copy2(paths.ROOT / resource["path"], folder / resource["path"])
    shutil.copy2(paths.ROOT / "datapackage.json", folder / "datapackage.json")
    return folder


def edit_rows(folder: Path, name: str, change) -> None:
    path = folder / "data" / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1:] = change(rows[1:])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    refingerprint(folder)


def key_errors(folder: Path) -> set[tuple[str, str]]:
    index = KeyIndex(metadata.resources())
    for resource in metadata.resources():
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            index.add(resource["name"], list(csv.reader(handle))[1:])
    return {(error.split(": ")[0], error.split(": ")[1]) for error in index.errors()}


def frictionless_errors(folder: Path) -> set[tuple[str, str]]:
    return {(line.split(": ")[0], line.split(": ")[1]) for line in package.validate(folder)}


def unknown_parent(rows):
    rows[5][4] = "a-c-3-80-l-29:op99"
    return rows


def repeated_paragraph(rows):
    return [*rows, rows[3]]


def footnote_of_a_missing_paragraph(rows):
    rows[1][2] = "op99"
    return rows


BREAKS = {
    "a parent_key that is no paragraph": ("paragraphs", unknown_parent, {("paragraphs", "foreign-key")}),
    "a paragraph twice": (
        "paragraphs",
        repeated_paragraph,
        {("paragraphs", "primary-key"), ("paragraphs", "unique-error")},
    ),
    "a footnote in no paragraph": ("footnotes", footnote_of_a_missing_paragraph, {("footnotes", "foreign-key")}),
    "a paragraph of no document": (
        "documents",
        lambda rows: rows[1:],
        {
            (table, "foreign-key")
            for table in (
                "paragraphs",
                "footnotes",
                "references",
                "treaty_references",
                "links",
                "recommendations",
                "paragraph_themes",
            )
        },
    ),
}


def test_the_published_package_has_no_key_errors() -> None:
    assert key_errors(paths.ROOT) == set()


@pytest.mark.parametrize("case", BREAKS)
def test_key_checks_find_what_frictionless_finds(case: str, tmp_path: Path) -> None:
    name, change, expected = BREAKS[case]
    folder = copy_package(tmp_path)
    edit_rows(folder, name, change)
    assert key_errors(folder) == expected
    assert frictionless_errors(folder) == expected


def test_a_rebuild_validates_only_what_changed(repo_copy: Path, monkeypatch) -> None:
    assert main(["-q", "build", "--root", str(repo_copy)]) == 0
    validated = sorted(path.name for path in (repo_copy / "build" / "cache" / "validated").iterdir())
    assert len(validated) == 4  # two documents, the package tables, the descriptor

    fresh: list[list[str]] = []
    check = package.check

    def recording(folder: Path, staged: package.Staged) -> list[str]:
        fresh.append(list(staged.fresh))
        return check(folder, staged)

    monkeypatch.setattr(package, "check", recording)
    assert main(["-q", "build", "--root", str(repo_copy)]) == 0
    assert fresh == [[]]  # nothing for frictionless: every unit's rows passed in the first build


def test_an_unchanged_document_is_read_back_not_analysed_again(repo_copy: Path, monkeypatch, caplog) -> None:
    assert main(["build", "--root", str(repo_copy)]) == 0
    first = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    published = {path.name: path.read_bytes() for path in (repo_copy / "data").glob("*.csv")}
    caplog.clear()

    def document(parse, item):
        raise AssertionError(f"{item} was analysed again")

    monkeypatch.setattr(pipeline, "document", document)
    assert main(["build", "--root", str(repo_copy)]) == 0
    again = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert again == first and any("note 35: A/RES/70/175 is cited but no link" in w for w in again)
    assert {path.name: path.read_bytes() for path in (repo_copy / "data").glob("*.csv")} == published


def test_a_changed_row_is_validated_again(repo_copy: Path, monkeypatch) -> None:
    assert main(["-q", "build", "--root", str(repo_copy)]) == 0
    before = (repo_copy / "data" / "paragraphs.csv").read_bytes()

    def bad_section(analysis):
        row = shaped.paragraph_rows(analysis.parsed)[0]
        key = f"{analysis.parsed.meta.document_id}:extra"
        return {"paragraphs": [{**row, "paragraph_id": "extra", "paragraph_key": key, "section": "appendix"}]}

    monkeypatch.setattr(tables, "PER_DOCUMENT", [*tables.PER_DOCUMENT, bad_section])
    assert main(["-q", "build", "--root", str(repo_copy)]) == 1
    assert (repo_copy / "data" / "paragraphs.csv").read_bytes() == before
