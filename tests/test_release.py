"""The workbook and the zip: typed, inert, complete, validating after unzipping, same bytes each time."""

from __future__ import annotations

import csv
import hashlib
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from export_helpers import FORMULA_LIKE, convert_crafted
from undocs import paths
from undocs.export.reader import read_descriptor
from undocs.export.release import formula_cells, release
from undocs.publish.docs import field_rows
from undocs.publish.package import validate

NAME = "un-human-rights-documents"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("release")
    release(paths.ROOT, out)
    return out


def rows_of(sheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_workbook_has_a_readme_and_one_sheet_per_resource(built: Path) -> None:
    book = load_workbook(built / f"{NAME}.xlsx")
    names = [resource["name"] for resource in read_descriptor(paths.ROOT)["resources"]]
    assert book.sheetnames == ["README", *names]
    readme = rows_of(book["README"])
    assert readme[0][0] == "UN human rights documents as data: paragraphs, footnotes and their sources"
    described = {(row[0], row[1]): row[4] for row in readme}
    for field in field_rows(read_descriptor(paths.ROOT)):
        assert described[(field["resource"], field["field"])] == field["description"]
    assert ("paragraphs", 103) in {(row[0], row[1]) for row in readme}


def test_sheets_hold_the_csv_rows_typed(built: Path) -> None:
    book = load_workbook(built / f"{NAME}.xlsx")
    paragraphs = book["paragraphs"]
    assert paragraphs.freeze_panes == "A2"
    assert paragraphs.column_dimensions["K"].width == 60  # the text column, capped
    assert paragraphs.column_dimensions["B"].width == len("paragraph_id") + 2
    rows = rows_of(paragraphs)
    with (paths.ROOT / "data" / "paragraphs.csv").open(encoding="utf-8") as handle:
        expected = list(csv.reader(handle))
    assert len(rows) == len(expected) == 104
    assert [("" if value is None else str(value)) for value in rows[2]] == expected[2]
    assert rows[3][10].startswith("Recalling all previous resolutions") and "People’s" in rows[3][10]
    documents = rows_of(book["documents"])
    assert documents[1][5] == 80 and str(documents[1][7])[:10] == "2025-11-12"
    assert book["footnotes"]["E2"].value is False  # marker_found, a boolean cell


def test_the_seed_workbook_has_no_formula_cells(built: Path) -> None:
    assert formula_cells(built / f"{NAME}.xlsx") == []


def test_formula_like_paragraphs_stay_text(tmp_path: Path) -> None:
    package = convert_crafted(tmp_path)
    release(package, tmp_path / "out")
    workbook = tmp_path / "out" / f"{NAME}.xlsx"
    assert formula_cells(workbook) == []
    sheet = load_workbook(workbook)["paragraphs"]
    cells = {row[1].value: row[10] for row in sheet.iter_rows(min_row=2)}
    assert {key: cells[key].value for key in FORMULA_LIKE} == FORMULA_LIKE
    assert all(cells[key].data_type == "s" and cells[key].quotePrefix for key in FORMULA_LIKE)
    assert "“Eritrea”" in cells["pp1"].value and "ኤርትራ" in cells["pp1"].value and "إريتريا" in cells["pp1"].value
    with zipfile.ZipFile(workbook) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet3.xml").decode()


def test_zip_validates_after_unzipping_elsewhere(built: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(built / f"{NAME}.zip") as archive:
        names = archive.namelist()
        archive.extractall(tmp_path)
    assert {
        "datapackage.json",
        "data/paragraphs.csv",
        "schemas/paragraphs.schema.json",
        "docs/data-dictionary.md",
    } <= set(names)
    assert validate(tmp_path) == []
    assert (tmp_path / "data" / "footnotes.csv").read_bytes() == (paths.ROOT / "data" / "footnotes.csv").read_bytes()


def test_release_gives_the_same_bytes_twice(built: Path, tmp_path: Path) -> None:
    release(paths.ROOT, tmp_path)
    for name in (
        f"{NAME}.xlsx",
        f"{NAME}.zip",
        "json/a-c-3-80-l-29.json",
        f"{NAME}.sqlite",
        "parquet/paragraphs.parquet",
    ):
        digests = {hashlib.sha256((folder / name).read_bytes()).hexdigest() for folder in (built, tmp_path)}
        assert len(digests) == 1, name
