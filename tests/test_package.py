"""The build: descriptor from schemas/, validation with foreign keys, atomic publishing, determinism."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

from undocs import metadata, paths
from undocs.cli import main


def digests(root: Path) -> dict[str, str]:
    files = [root / "datapackage.json", *sorted((root / "data").glob("*.csv"))]
    return {file.name: hashlib.sha256(file.read_bytes()).hexdigest() for file in files}


def test_committed_package_is_what_the_sources_give(repo_copy: Path) -> None:
    before = digests(paths.ROOT)
    assert main(["-q", "build", "--root", str(repo_copy)]) == 0
    assert digests(repo_copy) == before


def test_two_builds_are_byte_identical(repo_copy: Path) -> None:
    assert main(["-q", "build", "--root", str(repo_copy)]) == 0
    first = digests(repo_copy)
    assert main(["-q", "build", "--root", str(repo_copy)]) == 0
    assert digests(repo_copy) == first


def test_descriptor_is_readable_by_python_and_r_frictionless() -> None:
    descriptor = json.loads((paths.ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "un-human-rights-documents"
    assert descriptor["sources"][0]["title"].startswith("Situation of human rights")
    for resource in descriptor["resources"]:
        assert resource["type"] == "table" and resource["profile"] == "tabular-data-resource"
        schema = resource["schema"]
        assert isinstance(schema["primaryKey"], list)
        assert all(isinstance(key["fields"], list) for key in schema.get("foreignKeys", []))
        with (paths.ROOT / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [field["name"] for field in schema["fields"]]


def test_published_package_validates_with_foreign_keys() -> None:
    assert main(["validate", str(paths.ROOT / "datapackage.json")]) == 0


def test_paragraph_pointing_to_a_missing_document_fails_the_build(repo_copy: Path, monkeypatch) -> None:
    from undocs import tables

    def broken(parsed):
        rows = tables.paragraph_rows(parsed)
        rows[0] = {**rows[0], "document_id": "no-such-document"}
        return {"paragraphs": rows[:1]}

    before = digests(repo_copy)
    monkeypatch.setattr(tables, "PER_DOCUMENT", [*tables.PER_DOCUMENT, broken])
    assert main(["-q", "build", "--root", str(repo_copy)]) == 1
    assert digests(repo_copy) == before  # the last good package is untouched
    assert not list(repo_copy.glob(".staging-*"))


def test_validate_reports_a_broken_row(tmp_path: Path, capsys) -> None:
    (tmp_path / "data").mkdir()
    for resource in metadata.resources():
        (tmp_path / resource["path"]).write_bytes((paths.ROOT / resource["path"]).read_bytes())
    (tmp_path / "datapackage.json").write_bytes((paths.ROOT / "datapackage.json").read_bytes())
    footnotes = tmp_path / "data" / "footnotes.csv"
    footnotes.write_text(footnotes.read_text(encoding="utf-8").replace(",op20.h,", ",op99,"), encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    assert "foreign-key" in capsys.readouterr().out


def test_schemas_are_coherent() -> None:
    metadata.check_coherence()
    for resource in metadata.resources():
        schema = metadata.table_schema(resource["name"])
        assert all(field.get("description") for field in schema["fields"]), resource["name"]


def test_build_log_lists_citations_without_a_link(repo_copy: Path, caplog) -> None:
    assert main(["build", "--root", str(repo_copy)]) == 0
    warnings = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert any("note 35: A/RES/70/175 is cited but no link on its page points to it" in w for w in warnings)
    assert any("note 36: its marker stands in op20.h" in w for w in warnings)
    assert len(warnings) == 7  # note 36 and the six citations without a link
