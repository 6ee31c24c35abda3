"""Bad input: each case exits non-zero naming the file, the line, the problem and the fix, and the
published package stays byte for byte as it was; BOM, CRLF and a declared encoding just work."""

from __future__ import annotations

import csv
import gzip
import hashlib
from pathlib import Path

import pytest
import yaml

from undocs.cli import main

RESOLUTION_FILE = "a-c-3-80-l-29_dprk-human-rights_draft-resolution.txt"
PUBLISHED = ("datapackage.json", "data/documents.csv", "data/paragraphs.csv", "data/footnotes.csv")


def published(root: Path) -> dict[str, str]:
    """The sha256 of every published file (the package the last good build left)."""
    return {name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in PUBLISHED}


def manifest_path(root: Path) -> Path:
    return root / "data" / "sources" / "sources.yaml"


def edit_manifest(root: Path, change) -> None:
    manifest = yaml.safe_load(manifest_path(root).read_text(encoding="utf-8"))
    change(manifest["sources"])
    manifest_path(root).write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")


def seed_bytes(root: Path) -> bytes:
    return (root / "data" / "sources" / RESOLUTION_FILE).read_bytes()


def replace_seed(root: Path, raw: bytes, **fields: str) -> None:
    """Give the resolution new bytes and record their sha256 (and ``fields``) in the manifest."""
    (root / "data" / "sources" / RESOLUTION_FILE).write_bytes(raw)

    def change(sources: list[dict]) -> None:
        sources[0].update(sha256=hashlib.sha256(raw).hexdigest(), **fields)

    edit_manifest(root, change)


def seed_with_line(root: Path, number: int, old: str, new: str) -> bytes:
    lines = seed_bytes(root).decode("utf-8").split("\n")
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "\n".join(lines).encode("utf-8")


def failed_build(root: Path, caplog: pytest.LogCaptureFixture, code: int = 2) -> str:
    """Build ``root``, expect exit ``code`` and an untouched package; return the error message."""
    before = published(root)
    assert main(["build", "--root", str(root)]) == code
    assert published(root) == before
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1
    return errors[0]


def test_empty_file(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    replace_seed(repo_copy, b"")
    message = failed_build(repo_copy, caplog)
    assert f"{RESOLUTION_FILE}:1: the file is empty. Fix: give a file that holds the document's text." in message


def test_binary_file(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    replace_seed(repo_copy, gzip.compress(seed_bytes(repo_copy), mtime=0))
    message = failed_build(repo_copy, caplog)
    assert f"{RESOLUTION_FILE}:1: the file is binary (it has NUL bytes), not text" in message
    assert "Fix: convert the PDF or document to text first" in message


def test_windows_1252_is_named_with_its_line(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = seed_bytes(repo_copy).decode("utf-8")
    replace_seed(repo_copy, text.encode("cp1252"))
    message = failed_build(repo_copy, caplog)
    # The first curly apostrophe (0x92 in Windows-1252) is in the title, line 1: "People’s".
    assert f"{RESOLUTION_FILE}:1: the text is not valid utf-8 (byte 0x92 at offset 53)" in message
    assert "it looks like Windows-1252 or Latin-1" in message
    assert "Fix: save the file as UTF-8, or declare `encoding: cp1252` for it in the manifest." in message


def test_declared_windows_1252_decodes_to_the_same_paragraphs(repo_copy: Path) -> None:
    before = published(repo_copy)
    text = seed_bytes(repo_copy).decode("utf-8")
    replace_seed(repo_copy, text.encode("cp1252"), encoding="cp1252")
    assert main(["build", "--root", str(repo_copy)]) == 0
    after = published(repo_copy)
    assert after["data/paragraphs.csv"] == before["data/paragraphs.csv"]
    assert after["data/footnotes.csv"] == before["data/footnotes.csv"]
    assert after["data/documents.csv"] != before["data/documents.csv"]  # the new file's sha256


def test_bom_and_crlf_just_work(repo_copy: Path) -> None:
    before = published(repo_copy)
    raw = b"\xef\xbb\xbf" + seed_bytes(repo_copy).replace(b"\n", b"\r\n")
    replace_seed(repo_copy, raw)
    assert main(["build", "--root", str(repo_copy)]) == 0
    after = published(repo_copy)
    assert after["data/paragraphs.csv"] == before["data/paragraphs.csv"]
    assert after["data/footnotes.csv"] == before["data/footnotes.csv"]


def test_resolution_without_operative_part(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    lines = seed_bytes(repo_copy).split(b"\n")
    replace_seed(repo_copy, b"\n".join(lines[:408]))  # line 409 is " 1. Condemns in the strongest terms"
    message = failed_build(repo_copy, caplog)
    assert f"{RESOLUTION_FILE}:407: the resolution has no operative part" in message
    assert "Fix: check that the text is complete and its operative paragraphs are numbered" in message


def test_repeated_operative_number(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    replace_seed(repo_copy, seed_with_line(repo_copy, 808, "5. Expresses", "4. Expresses"))
    message = failed_build(repo_copy, caplog)
    assert f"{RESOLUTION_FILE}:808: operative paragraph number 4 is repeated" in message
    assert "Fix: number the operative paragraphs 1, 2, 3 ... without gaps or repeats." in message


def test_skipped_operative_number(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    replace_seed(repo_copy, seed_with_line(repo_copy, 808, "5. Expresses", "6. Expresses"))
    message = failed_build(repo_copy, caplog)
    assert f"{RESOLUTION_FILE}:808: operative paragraph number 6 skips from 4 to 6" in message


def test_marker_without_note_is_a_warning_with_its_line(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert main(["build", "--root", str(repo_copy)]) == 0
    warnings = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    notes = [warning for warning in warnings if "note 36" in warning and "marker" in warning]
    assert len(notes) == 1
    assert notes[0].endswith(
        f"{RESOLUTION_FILE}: line 1133: note 36: its marker stands in op20.h "
        "but the note's text is missing from the source"
    )


def test_note_without_marker_is_a_warning_with_its_line(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    replace_seed(repo_copy, seed_with_line(repo_copy, 49, "Korea,2 ", "Korea, "))
    assert main(["build", "--root", str(repo_copy)]) == 0
    warnings = " ".join(record.getMessage() for record in caplog.records if record.levelname == "WARNING")
    assert "line 131: note 2 has no marker in the body; attached to pp9, the paragraph printed before it" in warnings
    note = published_note(repo_copy, "2")
    assert note["text"] == "A/HRC/25/63."
    assert (note["paragraph_id"], note["marker_found"], note["line_start"], note["line_end"]) == (
        "pp9",
        "false",
        "131",
        "131",
    )


def test_note_fused_to_a_number_is_read_with_a_warning(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Without its own marker, note 1 must stand before note 2's: there the only number that can end
    in its marker is 79/181 (79/18 and note 1), so the note is read there and the guess said."""
    replace_seed(repo_copy, seed_with_line(repo_copy, 24, "2025,1 ", "2025, "))
    assert main(["build", "--root", str(repo_copy)]) == 0
    warnings = " ".join(record.getMessage() for record in caplog.records if record.levelname == "WARNING")
    assert (
        "line 16: note 1 has no marker of its own before note 2; read from the last digits of 79/181 in pp2."
        in warnings
    )
    note = published_note(repo_copy, "1")
    assert (note["paragraph_id"], note["marker_found"], note["line_start"]) == ("pp2", "true", "42")


def published_note(root: Path, number: str) -> dict[str, str]:
    with (root / "data" / "footnotes.csv").open(encoding="utf-8", newline="") as handle:
        return next(row for row in csv.DictReader(handle) if row["footnote_id"] == number)


def test_manifest_missing_field(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    edit_manifest(repo_copy, lambda sources: sources[1].pop("publisher"))
    message = failed_build(repo_copy, caplog)
    assert "sources.yaml:14: the manifest does not match schemas/sources.schema.json at sources/1" in message
    assert "'publisher' is a required property" in message
    assert "Fix: correct the entry as the schema describes" in message


def test_manifest_unknown_key(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    edit_manifest(repo_copy, lambda sources: sources[0].update(colour="blue"))
    message = failed_build(repo_copy, caplog)
    assert "sources.yaml:2: the manifest does not match schemas/sources.schema.json at sources/0" in message
    assert "Additional properties are not allowed ('colour' was unexpected)" in message


def test_manifest_wrong_sha256(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = repo_copy / "data" / "sources" / RESOLUTION_FILE
    path.write_bytes(path.read_bytes().replace(b"Condemns in the strongest", b"Condemns in the strong"))
    message = failed_build(repo_copy, caplog)
    assert f"sources.yaml:5: the source file {RESOLUTION_FILE} has changed: its sha256 is" in message
    assert "the manifest records de7de2154b533aa986811b0c3a49e43236ac2aaf237399534f251f35a636c4c7" in message
    assert "Fix: check the new text, then record the new sha256 in the manifest." in message


def test_manifest_path_outside_sources(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    edit_manifest(repo_copy, lambda sources: sources[0].update(file="../../schemas/package.json"))
    message = failed_build(repo_copy, caplog)
    assert "sources.yaml:2: the file '../../schemas/package.json' of a-c-3-80-l-29 lies outside" in message
    assert "Fix: copy the source into data/sources/ and name it relative to that folder." in message


def test_manifest_yaml_tag_is_refused(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    marker = repo_copy / "constructed"
    manifest = manifest_path(repo_copy)
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace("language: en\n", f"language: !!python/object/apply:os.system ['touch {marker}']\n", 1),
        encoding="utf-8",
    )
    message = failed_build(repo_copy, caplog)
    assert "sources.yaml:15: the manifest is not plain YAML" in message
    assert "tags such as !!python/object are refused because the manifest is loaded safely" in message
    assert not marker.exists()


def test_unknown_type_for_convert(repo_copy: Path, capsys: pytest.CaptureFixture) -> None:
    out = repo_copy / "out"
    source = repo_copy / "data" / "sources" / RESOLUTION_FILE
    with pytest.raises(SystemExit) as exit_info:
        main(["convert", str(source), "--out", str(out), "--type", "memo"])
    assert exit_info.value.code == 2
    assert (
        "argument --type: invalid choice: 'memo' (choose from 'resolution', 'statement', 'report')"
        in capsys.readouterr().err
    )
    assert not out.exists()
