"""What a new user does: pip install the repository (not editable) into a fresh venv, then in an
empty folder `undocs init pkg`, `cd pkg`, `undocs add <a UN PDF>`, build, validate, release.

The dependencies come from the index when UNDOCS_INSTALL_FROM_INDEX=1 (CI sets it: a real
install, about two minutes); otherwise the wheel is built here and the fresh venv sees the
dependencies already pinned in this environment (not undocs itself, nor pip or setuptools), so
pip installs undocs alone, offline.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from corpus_data import CORPUS, requires_corpus
from undocs import paths

FROM_INDEX = os.environ.get("UNDOCS_INSTALL_FROM_INDEX") == "1"
NOT_SHARED = ("undocs", "__editable__", "pip", "setuptools", "_distutils_hack", "pkg_resources", "distutils-")


def run(*args: str, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args)}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done


def share_pinned_dependencies(venv: Path, shared: Path) -> None:
    """Let ``venv`` import this environment's dependencies, through links that leave undocs out."""
    shared.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if not entry.name.startswith(NOT_SHARED) and entry.suffix != ".pth":
            (shared / entry.name).symlink_to(entry)
    (site,) = venv.glob("lib/python*/site-packages")
    (site / "pinned_dependencies.pth").write_text(f"{shared}\n", encoding="utf-8")


@requires_corpus
def test_fresh_install_init_add_build_validate_release(tmp_path: Path) -> None:
    source = tmp_path / "repository"  # the package's files, so the build leaves the checkout alone
    shutil.copytree(paths.ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(paths.ROOT / name, source / name)
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv), cwd=tmp_path)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    if FROM_INDEX:
        run(*pip, str(source), cwd=tmp_path)
    else:  # the wheel pip would build from the repository, built here; then installed offline
        run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(source), "-w", str(tmp_path), cwd=tmp_path)
        share_pinned_dependencies(venv, tmp_path / "pinned")
        run(*pip, "--no-index", *map(str, tmp_path.glob("undocs-*.whl")), cwd=tmp_path)
    undocs = str(venv / "bin" / "undocs")
    assert not (venv / "bin" / "undocs").resolve().is_relative_to(paths.ROOT)
    work = tmp_path / "empty"
    work.mkdir()
    run(undocs, "init", "pkg", "--title", "Resolutions we follow", cwd=work)
    package = work / "pkg"
    added = run(undocs, "add", str(CORPUS / "A_RES_73_8.pdf"), cwd=package)
    assert "symbol A/RES/73/8" in added.stderr and "session 73" in added.stderr
    for command in ("build", "validate", "release"):
        run(undocs, "-q", command, cwd=package)
    with (package / "data" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        (document,) = csv.DictReader(handle)
    assert (document["symbol"], document["session"], document["date"]) == ("A/RES/73/8", "73", "2018-11-01")
    assert document["source_path"] == "data/sources/A_RES_73_8.pdf"
    assert (package / "build" / "pkg.zip").is_file()
    assert not (paths.ROOT / "build" / "pkg.zip").exists()
