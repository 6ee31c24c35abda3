"""A build killed with SIGKILL at any point of publishing leaves the old package or the new one,
never a mix that passes for a package; its workers die with it; its staging folder goes next run.

The build runs in a child process that kills itself just before its Nth file move (a hook on
``os.replace`` between the moves), or as its first document is ready, the pool's workers alive.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from test_user_errors import snapshot
from undocs.cli import main
from undocs.publish import package, publishing

KILLER = """
import os, signal, sys
from multiprocessing import active_children
from undocs.progress import Progress
point, record = int(sys.argv[1]), sys.argv[2]
real, moves = os.replace, []

def replace(source, destination):
    if ".staging-" in str(source) or publishing_journal in str(source):
        if len(moves) == point:
            os.kill(os.getpid(), signal.SIGKILL)
        moves.append(source)
    real(source, destination)

def done(self, *args):  # point -1: killed as the first document is ready, its pool's workers alive
    with open(record, "w") as handle:
        handle.write(" ".join(str(child.pid) for child in active_children()))
    os.kill(os.getpid(), signal.SIGKILL)

publishing_journal = ".publishing"
os.replace = replace
if point < 0:
    Progress.done = done
from undocs.cli import main
sys.exit(main(sys.argv[3:]))
"""
MOVES = 1 + 13 + 1  # the staging folder renamed to the journal, each table, the descriptor


def killed_build(root: Path, point: int, record: Path) -> None:
    command = [sys.executable, "-c", KILLER, str(point), str(record), "-q", "build", "--root", str(root)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == -9, done.stderr


@pytest.fixture
def changed(repo_copy: Path) -> Path:
    """The repository's package, with the manifest changed so that a build gives a different one."""
    assert main(["-q", "build", "--root", str(repo_copy)]) == 0  # fills the cache, as a real project has it
    manifest = repo_copy / "data" / "sources" / "sources.yaml"
    document = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    document["sources"] = document["sources"][:1]
    manifest.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return repo_copy


def test_a_kill_between_any_two_moves_leaves_old_or_new(changed: Path, tmp_path: Path) -> None:
    old = snapshot(changed)
    fresh = tmp_path / "fresh"
    shutil.copytree(changed, fresh)
    assert main(["-q", "build", "--root", str(fresh)]) == 0
    new = snapshot(fresh)
    assert {name for name in old if old[name] != new[name]} >= {"datapackage.json", "documents.csv", "paragraphs.csv"}
    for point in (0, 1, 7, MOVES - 1):
        folder = tmp_path / f"killed-{point}"
        shutil.copytree(changed, folder)
        killed_build(folder, point, tmp_path / "children")
        if point == 7:  # half the tables moved: a mix on disk, which no validator takes for a package
            errors = package.validate(folder)
            assert any("hash-count" in error for error in errors), errors
        publishing.recover(folder)  # what every later command does first
        assert snapshot(folder) == (old if point == 0 else new), point
        if point == 0:  # killed before the journal: its staging folder is left, and the next build removes it
            assert list(folder.glob(".staging-*"))
            assert main(["-q", "build", "--root", str(folder)]) == 0
            assert snapshot(folder) == new and not list(folder.glob(".staging-*"))


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to see the workers")
def test_workers_die_with_a_killed_build(repo_copy: Path, tmp_path: Path) -> None:
    old = snapshot(repo_copy)
    record = tmp_path / "children"
    killed_build(repo_copy, -1, record)  # a cold cache: both sources go to the pool
    children = [int(pid) for pid in record.read_text().split()]
    assert children  # the pool's workers were running
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if _running(pid)]
    assert snapshot(repo_copy) == old
    assert main(["-q", "build", "--root", str(repo_copy)]) == 0
    assert not list(repo_copy.glob(".staging-*"))
