"""A package of one's own: init makes it, add lists documents (comments kept), convert never overwrites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from corpus_data import CORPUS, requires_corpus
from test_user_errors import snapshot, user_error
from undocs import paths
from undocs.cli import main

SEED = paths.SOURCES / "a-c-3-80-l-29_dprk-human-rights_draft-resolution.txt"
STATEMENT = paths.SOURCES / "nkdb-fidh_hrc58_dprk-upr-outcome_statement.txt"


def manifest(root: Path) -> dict:
    return yaml.safe_load((root / paths.MANIFEST_IN_PROJECT).read_text(encoding="utf-8"))


def test_init_makes_a_package_folder(tmp_path: Path) -> None:
    folder = tmp_path / "myanmar-statements"
    assert main(["init", str(folder), "--title", "Statements on Myanmar", "--author", "Our NGO"]) == 0
    written = sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())
    assert written == [".github/workflows/validate.yml", ".gitignore", "README.md", "data/sources/sources.yaml"]
    package = manifest(folder)["package"]
    assert package["name"] == "myanmar-statements" and package["title"] == "Statements on Myanmar"
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["contributors"] == [
        {"title": "Our NGO", "role": "author"}
    ]
    assert "undocs add FILE.pdf" in (folder / "README.md").read_text(encoding="utf-8")
    assert "frictionless validate datapackage.json" in (folder / ".github/workflows/validate.yml").read_text()


def test_init_refuses_a_folder_with_files(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    message = user_error(["init", str(tmp_path)], caplog)
    assert message.endswith("is not an empty folder. Fix: give `undocs init` a new folder's name, or an empty folder.")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]


def test_add_then_build_fills_the_manifest_and_refuses_a_second_time(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch
) -> None:
    folder = tmp_path / "pkg"
    assert main(["init", str(folder)]) == 0
    monkeypatch.chdir(folder / "data")  # the project is found from a folder inside it
    caplog.clear()
    assert main(["add", str(SEED)]) == 0
    assert main(["add", "--type", "statement", str(STATEMENT)]) == 0
    entries = manifest(folder)["sources"]
    resolution = entries[0]
    # The seed's text names no symbol or session (the PDF does: test_add_reads_a_pdf); the rest it says.
    assert {key: resolution.get(key) for key in ("document_id", "title", "body", "date", "document_type")} == {
        "document_id": "a-c-3-80-l-29-dprk-human-rights-draft-resolution",
        "title": "Situation of human rights in the Democratic People’s Republic of Korea",
        "body": "General Assembly",
        "date": "2025-11-12",
        "document_type": "resolution",
    }
    assert resolution["sha256"] == "de7de2154b533aa986811b0c3a49e43236ac2aaf237399534f251f35a636c4c7"
    assert (folder / "data" / "sources" / SEED.name).read_bytes() == SEED.read_bytes()
    said = [record.getMessage() for record in caplog.records]
    assert any(line.startswith("  check: language en (guessed") for line in said)
    text = (folder / paths.MANIFEST_IN_PROJECT).read_text(encoding="utf-8")
    assert text.startswith("# The documents this package is built from") and text.index("package:") < text.index(
        "sources:"
    )
    assert "  fill in: publisher (the document does not say; see docs/manifest.md)" in said
    message = user_error(["add", str(SEED)], caplog)
    assert "already listed in the manifest as a-c-3-80-l-29-dprk-human-rights-draft-resolution" in message
    assert main(["-q", "build"]) == 2  # until the user fills in what the statement does not say
    filled = manifest(folder)
    for entry, publisher in zip(filled["sources"], ("United Nations", "NKDB and FIDH"), strict=True):
        entry["publisher"] = publisher
    (folder / paths.MANIFEST_IN_PROJECT).write_text(yaml.safe_dump(filled, allow_unicode=True), encoding="utf-8")
    assert main(["-q", "build"]) == 0 and main(["validate", "-q"]) == 0
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "pkg" and [source["title"][:9] for source in descriptor["sources"]] == [
        "Situation",
        "UPR outco",
    ]


def test_add_keeps_the_manifest_comments(repo_copy: Path, tmp_path: Path) -> None:
    before = (repo_copy / paths.MANIFEST_IN_PROJECT).read_text(encoding="utf-8")
    text = SEED.read_text(encoding="utf-8").replace("A/C.3/80/L.29", "A/C.3/80/L.99")
    copy = tmp_path / "a-c-3-80-l-99.txt"
    copy.write_text(text, encoding="utf-8")
    assert main(["-q", "add", "--root", str(repo_copy), str(copy)]) == 0
    after = (repo_copy / paths.MANIFEST_IN_PROJECT).read_text(encoding="utf-8")
    assert after.startswith(before)  # every comment, key and quote as it was; the entry appended
    assert "  - document_id: a-c-3-80-l-99\n" in after


def test_convert_never_writes_into_a_project(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    message = user_error(["convert", str(SEED), "--out", str(repo_copy), "--force"], caplog, repo_copy)
    assert "is an undocs project (it has data/sources/sources.yaml): convert never writes" in message


def test_convert_refuses_foreign_files_unless_forced(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"mine")
    message = user_error(["convert", str(SEED), "--out", str(out)], caplog)
    assert message.endswith(
        "holds files undocs did not write (thesis.docx). "
        "Fix: give --out a new or empty folder, or add --force to write there anyway."
    )
    assert sorted(path.name for path in out.iterdir()) == ["thesis.docx"]
    assert main(["-q", "convert", str(SEED), "--out", str(out), "--force"]) == 0
    assert (out / "thesis.docx").read_bytes() == b"mine"


def test_convert_one_at_a_time_refuses_to_drop_the_first(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "out"
    assert main(["-q", "convert", str(SEED), "--out", str(out)]) == 0
    assert main(["-q", "convert", str(SEED), "--out", str(out)]) == 0  # the same document again: replaced
    message = user_error(["convert", str(STATEMENT), "--out", str(out)], caplog, out)
    assert "holds a package of other documents (a-c-3-80-l-29-dprk-human-rights-draft-resolution)" in message
    assert "Fix: convert all the files in one command, or make a package with `undocs init`" in message
    assert snapshot(out)


@requires_corpus
def test_add_reads_a_pdf(tmp_path: Path) -> None:
    assert main(["-q", "init", str(tmp_path / "pkg")]) == 0
    assert main(["-q", "add", "--root", str(tmp_path / "pkg"), str(CORPUS / "A_RES_73_8.pdf")]) == 0
    (entry,) = manifest(tmp_path / "pkg")["sources"]
    assert (entry["symbol"], entry["session"], entry["date"], entry["body"]) == (
        "A/RES/73/8",
        73,
        "2018-11-01",
        "General Assembly",
    )
