"""The package as R and LibreOffice read it: the real tools, skipped (or failed in CI) when absent."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from export_helpers import FORMULA_LIKE, convert_crafted, require_tool
from undocs import paths
from undocs.export.release import release

CHECK_R = paths.ROOT / "scripts" / "check_r.R"
# LibreOffice's CSV filter options: comma, double quote, UTF-8 (76), start at line 1.
CSV_IN = "CSV:44,34,76,1"
# The same for export, every sheet to its own file (the last token, -1).
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def run_r(descriptor: Path) -> subprocess.CompletedProcess:
    rscript = require_tool("Rscript")
    return subprocess.run([rscript, str(CHECK_R), str(descriptor)], capture_output=True, text=True, check=False)


def test_r_reads_every_resource_with_schema_types() -> None:
    result = run_r(paths.ROOT / "datapackage.json")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "documents: 2 rows, 20 columns (cccccicDcccccccccccc), key document_id",
        "paragraphs: 103 rows, 13 columns (ccccccciiccii), key document_id+paragraph_id",
        "footnotes: 37 rows, 9 columns (cccclciic), key document_id+footnote_id",
    ]


def test_r_check_fails_on_a_duplicate_key_and_a_dangling_reference(tmp_path: Path) -> None:
    for name in ("data", "schemas"):
        shutil.copytree(paths.ROOT / name, tmp_path / name)
    shutil.copy2(paths.ROOT / "datapackage.json", tmp_path)
    with (tmp_path / "data" / "footnotes.csv").open("a", encoding="utf-8") as handle:
        handle.write("a-c-3-80-l-29,2,op99,A/HRC/25/63.,true,131,131,a-c-3-80-l-29:2\n")
    result = run_r(tmp_path / "datapackage.json")
    assert result.returncode == 1
    assert "FAIL footnotes: duplicate primary key" in result.stdout
    assert "FAIL footnotes: 1 rows whose document_id+paragraph_id is not in paragraphs" in result.stdout


def soffice(source: Path, convert_to: str, out: Path, *options: str) -> None:
    office = require_tool("soffice", "libreoffice")
    profile = (out / "profile").as_uri()  # a fresh profile: no state from, or lock with, another run
    command = [office, f"-env:UserInstallation={profile}", "--headless", *options, "--convert-to", convert_to]
    subprocess.run([*command, "--outdir", str(out), str(source)], capture_output=True, check=True, timeout=300)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_libreoffice_opens_the_csv_with_curly_quotes_intact(tmp_path: Path) -> None:
    soffice(paths.ROOT / "data" / "paragraphs.csv", "xlsx", tmp_path, f"--infilter={CSV_IN}")
    sheet = load_workbook(tmp_path / "paragraphs.xlsx").active
    texts = {row[3]: row[10] for row in sheet.iter_rows(min_row=2, values_only=True)}  # by paragraph_key
    assert "Democratic People’s Republic of Korea" in texts["a-c-3-80-l-29:pp2"]
    assert texts == {row[3]: row[10] for row in read_csv(paths.ROOT / "data" / "paragraphs.csv")[1:]}
    assert len(texts) == 103


def test_libreoffice_reads_back_the_workbook_as_the_csvs(tmp_path: Path) -> None:
    release(paths.ROOT, tmp_path)
    soffice(tmp_path / "un-human-rights-documents.xlsx", CSV_OUT, tmp_path)
    for name in ("documents", "paragraphs", "footnotes"):
        sheet = read_csv(tmp_path / f"un-human-rights-documents-{name}.csv")
        # Booleans are Excel booleans, which LibreOffice writes as TRUE/FALSE.
        sheet = [[{"TRUE": "true", "FALSE": "false"}.get(cell, cell) for cell in row] for row in sheet]
        assert sheet == read_csv(paths.ROOT / "data" / f"{name}.csv"), name


def test_libreoffice_keeps_formula_like_paragraphs_as_text(tmp_path: Path) -> None:
    release(convert_crafted(tmp_path), tmp_path / "out")
    soffice(tmp_path / "out" / "un-human-rights-documents.xlsx", CSV_OUT, tmp_path)
    rows = read_csv(tmp_path / "un-human-rights-documents-paragraphs.csv")
    texts = {row[1]: row[10] for row in rows[1:]}
    assert {key: texts[key] for key in FORMULA_LIKE} == FORMULA_LIKE
    assert "“Eritrea”" in texts["pp1"] and "ኤርትራ" in texts["pp1"] and "إريتريا" in texts["pp1"]
