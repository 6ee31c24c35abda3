"""Two builds of the same sources give byte-identical packages, whatever the hash seed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from undocs import paths

PUBLISHED = ("datapackage.json", "data/documents.csv", "data/paragraphs.csv", "data/footnotes.csv")


def build_copy(folder: Path, hash_seed: str) -> dict[str, bytes]:
    for name in ("data", "schemas"):
        shutil.copytree(paths.ROOT / name, folder / name)
    for name in PUBLISHED[1:]:
        (folder / name).unlink()  # nothing published: the build must make every file itself
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    command = [sys.executable, "-m", "undocs", "-q", "build", "--root", str(folder)]
    subprocess.run(command, check=True, env=environment, capture_output=True)
    return {name: (folder / name).read_bytes() for name in PUBLISHED}


def test_two_builds_are_byte_identical_and_match_the_committed_package(tmp_path: Path) -> None:
    first = build_copy(tmp_path / "first", "1")
    second = build_copy(tmp_path / "second", "2")
    assert first == second
    assert first == {name: (paths.ROOT / name).read_bytes() for name in PUBLISHED}
    assert first["data/paragraphs.csv"].count(b"\n") == 104  # header and 103 rows
