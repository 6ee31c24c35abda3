"""Stage 1, sources: read the manifest and the source files, refusing anything doubtful.

The manifest is checked against ``schemas/sources.schema.json`` before any text is parsed,
and every file against the sha256 the manifest records.

>>> lines = decode_lines(b"\\xef\\xbb\\xbfa\\r\\nb\\n\\x0cc\\n", "x.txt")
>>> [(line.number, line.text, line.page) for line in lines]
[(1, 'a', 1), (2, 'b', 1), (3, 'c', 2)]
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from undocs import paths
from undocs.errors import SourceError
from undocs.models import SourceLine

if TYPE_CHECKING:
    import jsonschema


@dataclass(frozen=True)
class ManifestEntry:
    """One source as the manifest lists it; ``metadata`` holds the descriptive fields."""

    document_id: str
    path: Path
    sha256: str
    document_type: str
    encoding: str
    metadata: dict[str, object]
    # Another entry names this one as its ``previous`` version: the build keeps its paragraphs to align.
    has_later_version: bool = False


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def decode_lines(raw: bytes, path: str, encoding: str = "utf-8") -> list[SourceLine]:
    """Decode a source and split it into numbered lines; a form feed starts a new page."""
    if not raw.strip():
        raise SourceError(path, "the file is empty", "give a file that holds the document's text", 1)
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise SourceError(
            path,
            "the file is binary (it has NUL bytes), not text",
            "convert the PDF or document to text first, or give the PDF itself",
            line,
        )
    try:
        text = raw.decode("utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(
            path,
            f"the text is not valid {encoding} (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "it looks like Windows-1252 or Latin-1",
            "save the file as UTF-8, or declare `encoding: cp1252` for it in the manifest",
            line,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[SourceLine] = []
    page = 1
    for number, line in enumerate(text.split("\n"), start=1):
        page += line.count("\f")
        lines.append(SourceLine(number, line.replace("\f", ""), page))
    if lines and lines[-1].text == "" and len(lines) > 1:
        lines.pop()  # the newline that ends the file does not open another line
    return lines


def read_lines(path: Path, encoding: str = "utf-8", display: str | None = None) -> list[SourceLine]:
    return decode_lines(path.read_bytes(), display or str(path), encoding)


def _schema() -> dict:
    return json.loads((paths.SCHEMAS / "sources.schema.json").read_text(encoding="utf-8"))


def _line_of(raw: str, document_id: str | None) -> int | None:
    """The manifest line where an entry starts, for error messages."""
    if document_id is None:
        return None
    for number, line in enumerate(raw.splitlines(), start=1):
        if f"document_id: {document_id}" in line:
            return number
    return None


def _entry_line(raw: str, document: object, error: jsonschema.ValidationError) -> int | None:
    """The manifest line of the entry an error is in."""
    if len(error.path) < 2 or not isinstance(document, dict):
        return None
    entry = document.get("sources", [])[error.path[1]]
    return _line_of(raw, entry.get("document_id") if isinstance(entry, dict) else None)


def _check_schema(display: str, raw: str, document: object) -> None:
    """Every place the manifest breaks its schema, in one message (the first one's line)."""
    import jsonschema  # imported here: 0.07 s that only a manifest's check needs

    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(document), key=lambda e: list(e.path))
    if not errors:
        return
    lines = [_entry_line(raw, document, error) for error in errors]
    problems = [
        f"{'/'.join(str(part) for part in error.path) or 'the top level'}"
        f"{f' (line {line})' if line and index else ''}: {error.message}"
        for index, (error, line) in enumerate(zip(errors, lines, strict=True))
    ]
    raise SourceError(
        display,
        f"the manifest does not match schemas/sources.schema.json at {'; at '.join(problems)}",
        "correct the entry as the schema describes (required fields, known keys only; see docs/manifest.md)",
        lines[0],
    )


def read_manifest(manifest: Path = paths.MANIFEST, check: bool = True) -> dict:
    """The manifest as data, checked against its schema unless ``check`` is false (dates as ISO text)."""
    display = _display(manifest)
    raw = manifest.read_text(encoding="utf-8")
    try:
        document = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError(
            display,
            f"the manifest is not plain YAML ({getattr(error, 'problem', error)})",
            "write plain YAML values; tags such as !!python/object are refused because the manifest is loaded safely",
            mark.line + 1 if mark else None,
        ) from None
    document = _dates_as_text(document)
    if check:
        _check_schema(display, raw, document)
    return document


DOCUMENT_TYPES = tuple(_schema()["properties"]["sources"]["items"]["properties"]["document_type"]["enum"])


def load_manifest(manifest: Path = paths.MANIFEST) -> list[ManifestEntry]:
    """Read and check the manifest: schema, unique ids, paths inside its folder, sha256 of each file."""
    document = read_manifest(manifest)
    display = _display(manifest)
    raw = manifest.read_text(encoding="utf-8")
    if not document["sources"]:
        raise SourceError(
            display, "the manifest lists no documents yet", "add one with `undocs add FILE`, then build again"
        )
    folder = manifest.parent.resolve()
    entries: list[ManifestEntry] = []
    seen: set[str] = set()
    for item in document["sources"]:
        document_id = item["document_id"]
        line = _line_of(raw, document_id)
        if document_id in seen:
            raise SourceError(
                display, f"document_id {document_id!r} is listed twice", "give every source its own document_id", line
            )
        seen.add(document_id)
        path = (folder / item["file"]).resolve()
        if not path.is_relative_to(folder):
            raise SourceError(
                display,
                f"the file {item['file']!r} of {document_id} lies outside {_display(folder)}",
                "copy the source into data/sources/ and name it relative to that folder",
                line,
            )
        if not path.is_file():
            raise SourceError(
                display,
                f"the file {item['file']!r} of {document_id} does not exist",
                "copy it into data/sources/ or correct the name",
                line,
            )
        actual = sha256_of(path)
        if actual != item["sha256"]:
            raise SourceError(
                display,
                f"the source file {item['file']} has changed: its sha256 is {actual}, the manifest records {item['sha256']}",
                "check the new text, then record the new sha256 in the manifest",
                line,
            )
        metadata = {key: value for key, value in item.items() if key not in {"file", "sha256", "encoding"}}
        entries.append(
            ManifestEntry(document_id, path, actual, item["document_type"], item.get("encoding", "utf-8"), metadata)
        )
    _check_previous(entries, display, raw)
    earlier = {entry.metadata.get("previous") for entry in entries}
    return [replace(entry, has_later_version=entry.document_id in earlier) for entry in entries]


def _check_previous(entries: list[ManifestEntry], display: str, raw: str) -> None:
    """A ``previous`` version must be another document of the manifest."""
    ids = {entry.document_id for entry in entries}
    for entry in entries:
        previous = entry.metadata.get("previous")
        if previous is not None and (previous not in ids or previous == entry.document_id):
            raise SourceError(
                display,
                f"previous {previous!r} of {entry.document_id} is not another document of the manifest",
                "list the earlier version in the manifest too, or correct its document_id",
                _line_of(raw, entry.document_id),
            )


def _dates_as_text(value: object) -> object:
    """YAML reads an unquoted 2025-03-25 as a date; the schema wants the ISO text."""
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
