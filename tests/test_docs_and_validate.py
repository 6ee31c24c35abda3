"""The generated data dictionary, `undocs validate`, the users' CI check and the CLI's help."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from package_helpers import refingerprint
from undocs import paths
from undocs.cli import main, parser
from undocs.export.reader import read_descriptor
from undocs.publish import docs

CHECK_VALIDATED = paths.ROOT / "scripts" / "check_validated.py"


def test_committed_dictionary_is_the_generated_one() -> None:
    committed = (paths.ROOT / docs.DICTIONARY).read_text(encoding="utf-8")
    assert committed == docs.dictionary(read_descriptor(paths.ROOT)), "run 'make build' and commit docs/"


def test_dictionary_lists_every_field_with_type_and_constraints() -> None:
    text = (paths.ROOT / docs.DICTIONARY).read_text(encoding="utf-8")
    for row in docs.field_rows(read_descriptor(paths.ROOT)):
        assert f"| `{row['field']}` | {row['type']} |" in text
    assert (
        "| `position` | integer | required; minimum 1 | Reading order of the paragraph within its document, from 1. |"
        in text
    )
    assert "Keys: primary key: document_id, footnote_id; foreign key: document_id -> documents (document_id);" in text


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    for name in ("data", "schemas"):
        shutil.copytree(paths.ROOT / name, tmp_path / name)
    shutil.copy2(paths.ROOT / "datapackage.json", tmp_path)
    path = tmp_path / "data" / "paragraphs.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            ",pp1,,a-c-3-80-l-29:pp1,,preamble,,2,", ",pp1,,a-c-3-80-l-29:pp1,,preamble,,two,"
        ),
        encoding="utf-8",
    )
    refingerprint(tmp_path)
    return tmp_path


def test_validate_summarises_rows_per_resource(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(paths.ROOT / "datapackage.json")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "documents: 2 rows, 0 errors (data/documents.csv)",
        "paragraphs: 103 rows, 0 errors (data/paragraphs.csv)",
        "footnotes: 37 rows, 0 errors (data/footnotes.csv)",
    ]
    assert lines[-1].endswith("datapackage.json: valid")


def test_validate_json_counts_errors_by_type(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", str(broken)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert report["errors_by_type"] == {"type-error": 1}
    paragraphs = next(r for r in report["resources"] if r["name"] == "paragraphs")
    assert paragraphs["rows"] == 103 and paragraphs["errors"][0]["type"] == "type-error"


def fake_frictionless(folder: Path, report: dict) -> dict[str, str]:
    """A ``frictionless`` command that prints ``report``, for the case the real one cannot produce on demand."""
    script = folder / "frictionless"
    script.write_text(f"#!{sys.executable}\nprint({json.dumps(json.dumps(report))})\n", encoding="utf-8")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def run_check(env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = env or {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        [sys.executable, str(CHECK_VALIDATED), "datapackage.json"],
        cwd=paths.ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_users_ci_check_passes_on_the_package() -> None:
    result = run_check()
    assert result.returncode == 0, result.stdout
    count = len(read_descriptor(paths.ROOT)["resources"])
    assert result.stdout.splitlines()[-1] == f"datapackage.json: valid; {count} of {count} resources validated"


def test_users_ci_check_fails_when_a_resource_was_not_validated(tmp_path: Path) -> None:
    task = {"name": "documents", "valid": True, "stats": {"errors": 0, "rows": 2}, "errors": []}
    result = run_check(fake_frictionless(tmp_path, {"valid": True, "errors": [], "tasks": [task]}))
    assert result.returncode == 1
    assert "paragraphs: NOT VALIDATED" in result.stdout
    count = len(read_descriptor(paths.ROOT)["resources"])
    assert result.stdout.splitlines()[-1] == f"datapackage.json: INVALID; 1 of {count} resources validated"


def test_workflow_installs_the_pinned_frictionless_and_runs_the_check() -> None:
    workflow = yaml.safe_load((paths.ROOT / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    commands = "\n".join(step.get("run", "") for step in workflow["jobs"]["validate"]["steps"])
    assert "pip install --constraint requirements.lock frictionless" in commands
    assert "frictionless validate datapackage.json" in commands
    assert "python scripts/check_validated.py datapackage.json" in commands
    assert "frictionless==" in (paths.ROOT / "requirements.lock").read_text(encoding="utf-8")


def test_every_command_has_help() -> None:
    commands = parser()._subparsers._group_actions[0].choices
    assert sorted(commands) == ["add", "build", "compare", "convert", "extract", "init", "release", "serve", "validate"]
    for name, command in commands.items():
        assert all(action.help for action in command._actions), command.prog
        # Each says what it does and shows an example of itself.
        assert command.description and f"example:\n  undocs {name}" in command.format_help(), name
