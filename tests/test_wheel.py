"""An installed undocs (a built wheel, not this checkout) finds its schemas and vocabularies."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from undocs import paths

SEED = paths.SOURCES / "a-c-3-80-l-29_dprk-human-rights_draft-resolution.txt"


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)


def test_a_built_wheel_converts_outside_the_checkout(tmp_path: Path) -> None:
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(paths.ROOT), "-w", str(tmp_path))
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("undocs-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "undocs/schemas/paragraphs.schema.json" in names and "undocs/vocab/lead_phrases.yaml" in names
    target = tmp_path / "site"
    installed = run(sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel))
    assert installed.returncode == 0, installed.stderr
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    converted = run(sys.executable, "-m", "undocs", "-q", "convert", str(SEED), "--out", "pkg", cwd=work, env=env)
    assert converted.returncode == 0, converted.stderr
    rows = (work / "pkg" / "data" / "paragraphs.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 90 and rows[-1].startswith("a-c-3-80-l-29-dprk-human-rights-draft-resolution,op28,")
