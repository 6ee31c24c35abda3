"""Shared fixtures: the seeds parsed once per test session, and the corpus folder if present."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus_data import CORPUS
from undocs import paths
from undocs.models import ParsedDocument
from undocs.parse.document import parse_entry
from undocs.read.sources import load_manifest

RESOLUTION_ID = "a-c-3-80-l-29"
STATEMENT_ID = "nkdb-fidh-hrc58-dprk-upr-statement"


@pytest.fixture(scope="session")
def seeds() -> dict[str, ParsedDocument]:
    return {entry.document_id: parse_entry(entry, paths.ROOT) for entry in load_manifest()}


@pytest.fixture(scope="session")
def resolution(seeds: dict[str, ParsedDocument]) -> ParsedDocument:
    return seeds[RESOLUTION_ID]


@pytest.fixture(scope="session")
def statement(seeds: dict[str, ParsedDocument]) -> ParsedDocument:
    return seeds[STATEMENT_ID]


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(
            f"the real UN resolutions are not here: {CORPUS} is absent (it sits beside the repo in the workplace)"
        )
    return CORPUS


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of what a build reads and writes, so tests can break it without touching the repo."""
    for name in ("data", "schemas"):
        shutil.copytree(paths.ROOT / name, tmp_path / name)
    shutil.copy2(paths.ROOT / "datapackage.json", tmp_path / "datapackage.json")
    return tmp_path
