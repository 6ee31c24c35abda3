"""Every user error is one line `file[:line]: problem. Fix: ...`, exit 2, no traceback, and the
published package byte for byte as it was; Ctrl-C is one line and exit 130."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_data import CORPUS, requires_corpus
from export_helpers import ctrl_c_as_in_a_terminal
from undocs import paths
from undocs.cli import main
from undocs.publish import package, publishing

SEED = paths.SOURCES / "a-c-3-80-l-29_dprk-human-rights_draft-resolution.txt"


def snapshot(root: Path) -> dict[str, str]:
    """The sha256 of every published file: the descriptor and the tables."""
    files = [root / "datapackage.json", *sorted((root / "data").glob("*.csv"))]
    return {file.name: hashlib.sha256(file.read_bytes()).hexdigest() for file in files}


def user_error(argv: list[str], caplog: pytest.LogCaptureFixture, package: Path | None = None) -> str:
    """Run the command: exit 2, one error line without a traceback, ``package`` untouched; the line."""
    before = snapshot(package) if package else None
    caplog.clear()
    assert main(argv) == 2
    errors = [record for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1 and not errors[0].exc_info
    message = errors[0].getMessage()
    assert "\n" not in message and "Traceback" not in message
    if package:
        assert snapshot(package) == before
        assert not list(package.glob(".staging-*")) and not (package / publishing.JOURNAL).exists()
    return message


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "undocs", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )


def test_missing_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    message = user_error(["convert", str(tmp_path / "A_RES_73_8.pdf"), "--out", str(tmp_path / "out")], caplog)
    assert message == f"error: {tmp_path / 'A_RES_73_8.pdf'}: does not exist. Fix: check the name and the folder."
    assert not (tmp_path / "out").exists()


def test_missing_file_as_a_user_sees_it(tmp_path: Path) -> None:
    done = run("convert", "A_RES_73_8.pdf", "--out", "pkg", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "error: A_RES_73_8.pdf: does not exist. Fix: check the name and the folder.\n"


def test_a_directory(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    message = user_error(["add", "--root", str(repo_copy), str(repo_copy / "data")], caplog, repo_copy)
    assert message == f"error: {repo_copy / 'data'}: is a folder, not a file. Fix: name a file inside it."


def test_no_read_permission(repo_copy: Path, caplog: pytest.LogCaptureFixture, monkeypatch) -> None:
    # Tests run as root, whom chmod does not stop: the refusal the system gives is simulated.
    real = Path.read_bytes

    def refused(path: Path) -> bytes:
        if path.name == SEED.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refused)
    message = user_error(["build", "--root", str(repo_copy)], caplog, repo_copy)
    assert f"{SEED.name}: permission denied. Fix: give yourself read and write permission (chmod)" in message


def test_out_not_writable(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    message = user_error(["convert", str(SEED), "--out", str(tmp_path / "a-file" / "pkg")], caplog)
    assert message.endswith("is not a folder (a file stands where a folder was expected). Fix: choose another folder.")


def test_out_without_write_permission(tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch) -> None:
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "pkg"))

    monkeypatch.setattr("tempfile.mkdtemp", refused)
    message = user_error(["convert", str(SEED), "--out", str(tmp_path / "pkg")], caplog)
    assert message == (
        f"error: {tmp_path / 'pkg'}: permission denied. "
        "Fix: give yourself read and write permission (chmod), or choose another folder."
    )


def test_no_space_left(repo_copy: Path, caplog: pytest.LogCaptureFixture, monkeypatch) -> None:
    def full(self, unit) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(repo_copy / "data" / "paragraphs.csv"))

    monkeypatch.setattr(package.Staged, "write", full)
    message = user_error(["build", "--root", str(repo_copy)], caplog, repo_copy)
    assert message.endswith(
        "paragraphs.csv: no space left on the device. Fix: free some disk space and run the command again."
    )


def test_invalid_json_descriptor(repo_copy: Path, caplog, capsys: pytest.CaptureFixture[str]) -> None:
    descriptor = repo_copy / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace('"name"', "name", 1), encoding="utf-8")
    message = user_error(["validate", "--json", str(descriptor)], caplog)
    assert message == (
        f"error: {descriptor}:2: not valid JSON (Expecting property name enclosed in double quotes). "
        "Fix: rebuild the package with `undocs build`."
    )
    report = json.loads(capsys.readouterr().out)  # --json still prints JSON
    assert report["valid"] is False and report["error"] == message.removeprefix("error: ")


def test_invalid_yaml_manifest(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    manifest = repo_copy / paths.MANIFEST_IN_PROJECT
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("    symbol:", "  symbol: [", 1), encoding="utf-8")
    message = user_error(["build", "--root", str(repo_copy)], caplog, repo_copy)
    assert "sources.yaml:" in message and "the manifest is not plain YAML" in message


def test_unknown_resource(repo_copy: Path, caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    descriptor = json.loads((repo_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append({**descriptor["resources"][0], "name": "ballots", "path": "data/ballots.csv"})
    package.write_json(repo_copy / "datapackage.json", descriptor)
    message = user_error(["release", "--package", str(repo_copy), "--out", str(tmp_path / "out")], caplog, repo_copy)
    assert message.endswith(
        "datapackage.json: resource 'ballots' names a file the package does not have (data/ballots.csv). "
        "Fix: rebuild the package with `undocs build`, or remove the resource from the descriptor."
    )


@pytest.mark.parametrize("damage", ["truncated", "foreign"])
def test_damaged_cache_is_discarded_and_rebuilt(repo_copy: Path, caplog, damage: str) -> None:
    assert main(["build", "--root", str(repo_copy)]) == 0
    before = snapshot(repo_copy)
    entries = sorted((repo_copy / "build" / "cache").glob("*.pickle"))
    assert entries
    for entry in entries:
        if damage == "truncated":
            entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
        else:
            entry.write_bytes(pickle.dumps({"not": "an undocs cache entry"}))
    caplog.clear()
    assert main(["build", "--root", str(repo_copy)]) == 0
    warnings = [record.getMessage() for record in caplog.records if "damaged cache entry" in record.getMessage()]
    assert warnings and all("removed, rebuilding it" in warning for warning in warnings)
    assert snapshot(repo_copy) == before
    caplog.clear()
    assert main(["build", "--root", str(repo_copy)]) == 0  # and the next build finds a sound cache
    assert not [record for record in caplog.records if "damaged cache entry" in record.getMessage()]


@requires_corpus
def test_encrypted_pdf(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(CORPUS / "A_RES_73_8.pdf"))
    writer.encrypt("secret", algorithm="AES-128")
    locked = tmp_path / "A_RES_73_8.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    message = user_error(["convert", str(locked), "--out", str(tmp_path / "pkg")], caplog)
    assert message == (
        f"error: {locked}: the PDF is encrypted: it needs a password to be read. Fix: give an unencrypted copy "
        "(for example `qpdf --decrypt --password=... in.pdf out.pdf`) or its text."
    )


def test_ctrl_c_is_one_line_and_exit_130(repo_copy: Path) -> None:
    before = snapshot(repo_copy)
    command = [sys.executable, "-m", "undocs", "-v", "build", "--root", str(repo_copy)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_as_in_a_terminal)
    # The build is under way once a document is done: -v prints "[1/2] ..." (a warning may come first).
    assert any(process.stderr.readline().startswith("[") for _ in range(20))
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=60)
    assert process.returncode == 130, rest
    assert "Traceback" not in rest
    assert rest.splitlines()[-1] == "interrupted: nothing was published, the last package is as it was"
    assert snapshot(repo_copy) == before


def test_manifest_lists_every_bad_field_at_once(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    manifest = repo_copy / paths.MANIFEST_IN_PROJECT
    text = (
        manifest.read_text(encoding="utf-8")
        .replace("    title: Situation", "    heading: Situation", 1)
        .replace("    body: General", "    organ: General", 1)
        .replace('    date: "2025-11-12"\n', "    date: 12 November 2025\n", 1)
    )
    manifest.write_text(text, encoding="utf-8")
    message = user_error(["build", "--root", str(repo_copy)], caplog, repo_copy)
    assert "sources.yaml:5: the manifest does not match schemas/sources.schema.json at sources/0:" in message
    for problem in (
        "'title' is a required property",
        "'body' is a required property",
        "'12 November 2025' does not match",
    ):
        assert problem in message
    assert (
        "Fix: correct the entry as the schema describes (required fields, known keys only; see docs/manifest.md)."
        in message
    )


def test_no_project_here(tmp_path: Path) -> None:
    done = run("build", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"error: {tmp_path}: neither this folder nor any parent holds an undocs package (data/sources/sources.yaml). "
        "Fix: make one with `undocs init DIR` and cd into it, or pass --root DIR.\n"
    )


def test_stale_staging_folders_are_removed(repo_copy: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = [repo_copy / f".staging-{dead.stdout.strip()}-abc", repo_copy / ".staging-oldstyle"]
    for folder in stale:
        (folder / "data").mkdir(parents=True)
    mine = repo_copy / f".staging-{os.getpid()}-live"
    mine.mkdir()
    publishing.remove_stale_staging(repo_copy)
    assert [folder.exists() for folder in [*stale, mine]] == [False, False, True]
