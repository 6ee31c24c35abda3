"""The manifest and the source files are checked before anything is parsed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from undocs.cli import main
from undocs.errors import SourceError
from undocs.read.sources import load_manifest

MANIFEST = Path("data/sources/sources.yaml")


def test_manifest_lists_both_seeds_with_their_metadata() -> None:
    entries = {entry.document_id: entry for entry in load_manifest()}
    resolution = entries["a-c-3-80-l-29"].metadata
    assert resolution["symbol"] == "A/C.3/80/L.29"
    assert (resolution["session"], resolution["date"], resolution["document_type"]) == (
        80,
        "2025-11-12",
        "draft_resolution",
    )
    statement = entries["nkdb-fidh-hrc58-dprk-upr-statement"].metadata
    assert (statement["session"], statement["date"], statement["body"]) == (58, "2025-03-25", "Human Rights Council")


def test_seed_copies_are_the_shared_seeds() -> None:
    for entry in load_manifest():
        assert hashlib.sha256(entry.path.read_bytes()).hexdigest() == entry.sha256


def test_changed_source_is_an_error_that_says_so(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = repo_copy / "data/sources/nkdb-fidh_hrc58_dprk-upr-outcome_statement.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nAn added line.", encoding="utf-8")
    assert main(["-q", "build", "--root", str(repo_copy)]) == 2
    message = caplog.text
    assert "has changed: its sha256 is" in message and "record the new sha256" in message
    assert "sources.yaml:" in message


def test_manifest_is_checked_against_its_schema(repo_copy: Path) -> None:
    manifest = repo_copy / MANIFEST
    document = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    del document["sources"][1]["title"]
    manifest.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SourceError, match="'title' is a required property"):
        load_manifest(manifest)
