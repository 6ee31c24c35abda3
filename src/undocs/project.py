"""A package of one's own: ``undocs init`` makes the folder, ``undocs add`` lists documents in it.

``add`` copies each source into ``data/sources/``, computes its sha256, parses it to read what
it says of itself (symbol, title, body, session, date, type; the language from its words) and
appends the manifest entry with ruamel.yaml, which keeps the manifest's comments and order.

>>> guess_language("The General Assembly, recalling the resolutions of the Council and the")
'en'
>>> guess_language("L'Assemblée générale, rappelant les résolutions du Conseil et la Charte des")
'fr'
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from undocs import paths
from undocs.errors import SourceError
from undocs.models import ParsedDocument
from undocs.parse.document import parse_file, slug
from undocs.read.sources import read_manifest
from undocs.text import relative

LICENCES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-By-1.0": ("Open Data Commons Attribution License 1.0", "https://opendatacommons.org/licenses/by/1-0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "PDDL-1.0": (
        "Open Data Commons Public Domain Dedication and License 1.0",
        "https://opendatacommons.org/licenses/pddl/1-0/",
    ),
}
# Common short words of each language the UN publishes in with Latin letters; the most frequent wins.
FUNCTION_WORDS = {
    "en": {"the", "of", "and", "to", "in", "its", "that", "with"},
    "fr": {"le", "la", "les", "des", "du", "et", "aux", "dans"},
    "es": {"el", "los", "las", "del", "y", "en", "con", "que"},
}
GITIGNORE = "build/\n.staging-*/\n.publishing/\n"
README = """# {title}

A data package of documents, published with [undocs](https://pypi.org/project/undocs/):
one row per paragraph and per footnote, with their citations, asks and themes, in
`data/*.csv` described by `datapackage.json`.

```sh
undocs add FILE.pdf   # copy a document into data/sources/ and list it in the manifest
undocs build          # parse the sources, validate, publish data/*.csv and datapackage.json
```

`undocs validate` checks the published package; `undocs release` writes the downloads
(JSON per document, a workbook, a zip) into `build/`. The manifest's fields are described in
`docs/manifest.md`, every table's in `docs/data-dictionary.md`.
"""
WORKFLOW = """# Validates the published package on every push and pull request: the data must match its
# descriptor (types, keys, and each file's bytes and sha256), and every resource must be read.
name: validate
on:
  push:
  pull_request:
  workflow_dispatch:
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: python -m pip install "frictionless=={frictionless}"
      - name: Validate the package; every resource must be validated
        run: |
          frictionless validate datapackage.json
          frictionless validate --json datapackage.json > report.json || true
          python -c "import json; listed = {{r['name'] for r in json.load(open('datapackage.json'))['resources']}}; done = {{t['name'] for t in json.load(open('report.json'))['tasks']}}; assert listed <= done, sorted(listed - done)"
"""
MANIFEST_HEADER = """# The documents this package is built from (`undocs add FILE` lists one), and the package's
# own description. Every field is described in docs/manifest.md. Each file lives beside this
# manifest; its sha256 is checked before parsing, so an edited source fails the build until
# the manifest says so.
"""


def _yaml():
    from ruamel.yaml import YAML  # round-trip: comments, key order and quoting are kept

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def about(name: str, title: str, licence: str, authors: list[str]) -> dict:
    """The ``package:`` block of a new manifest: datapackage.json's name, title, licence, contributors."""
    licence_title, licence_path = LICENCES.get(licence, ("", ""))
    licence_entry = {"name": licence} | ({"title": licence_title, "path": licence_path} if licence_path else {})
    return {
        "name": slug(name),
        "title": title,
        "description": f"{title}: paragraphs, footnotes, citations and asks of the documents listed in "
        "data/sources/sources.yaml, parsed by undocs, one row each, traced to file and line.",
        "version": "0.1.0",
        "licenses": [licence_entry],
        "contributors": [{"title": author, "role": "author"} for author in authors],
    }


def init(folder: Path, package: dict) -> list[Path]:
    """Make ``folder`` a package ready for ``undocs add`` and ``undocs build``; return the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SourceError(
            relative(folder), "is not an empty folder", "give `undocs init` a new folder's name, or an empty folder"
        )
    from importlib.metadata import version

    stream = io.StringIO()
    _yaml().dump({"package": package, "sources": []}, stream)
    files = {
        paths.MANIFEST_IN_PROJECT: MANIFEST_HEADER + stream.getvalue(),
        Path("README.md"): README.format(title=package["title"]),
        Path(".gitignore"): GITIGNORE,
        Path(".github/workflows/validate.yml"): WORKFLOW.format(frictionless=version("frictionless")),
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


def guess_language(text: str) -> str:
    """The language whose common short words the text uses most (``en``, ``fr`` or ``es``)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    counts = {language: sum(word in common for word in words) for language, common in FUNCTION_WORDS.items()}
    return max(counts, key=lambda language: counts[language])


@dataclass
class Added:
    """A manifest entry ``add`` made, and what in it the user should check."""

    entry: dict
    to_check: list[str]
    missing: list[str]

    def lines(self) -> list[str]:
        filled = ", ".join(f"{key} {value}" for key, value in self.entry.items() if key not in {"file", "sha256"})
        out = [f"added {self.entry['file']} (sha256 {self.entry['sha256'][:12]}…): {filled}"]
        out += [f"  check: {item}" for item in self.to_check]
        out += [f"  fill in: {name} (the document does not say; see docs/manifest.md)" for name in self.missing]
        return out


REQUIRED = ("title", "document_type", "body", "date", "language", "publisher")


def entry_of(document: ParsedDocument, file_name: str, sha256: str, typed: str | None) -> Added:
    """The manifest entry for a parsed document: what it says of itself, and what was guessed."""
    meta = document.meta
    text = " ".join(paragraph.text for paragraph in document.paragraphs)
    values = {
        "document_id": meta.document_id,
        "file": file_name,
        "sha256": sha256,
        "symbol": meta.symbol,
        "title": meta.title,
        "document_type": typed or meta.document_type,
        "body": meta.body,
        "session": int(meta.session) if meta.session.isdigit() else None,
        "date": meta.date,
        "language": guess_language(text),
        "url": meta.url,
        "publisher": meta.publisher,
    }
    to_check = [f"language {values['language']} (guessed from the text's words)"]
    if not typed:
        to_check.append(f"document_type {values['document_type']} (detected; set it with --type)")
    if meta.publisher:
        to_check.append(f"publisher {meta.publisher} (a UN symbol says the UN published it)")
    if meta.title == Path(file_name).stem:
        to_check.append("title (the file's name: no title was found in the text)")
    entry = {key: value for key, value in values.items() if value not in ("", None)}
    return Added(entry, to_check, [name for name in REQUIRED if name not in entry])


def _refuse_listed(listed: list[dict], file_name: str, sha256: str, display: str) -> None:
    for entry in listed:
        if entry.get("sha256") == sha256 or entry.get("file") == file_name:
            raise SourceError(
                display,
                f"already listed in the manifest as {entry.get('document_id')} ({entry.get('file')})",
                "remove that entry first to add it again, or rename a different file",
            )


def add(root: Path, files: list[Path], document_type: str | None = None) -> list[Added]:
    """Copy ``files`` into the project's sources and list each in its manifest (all or none)."""
    manifest = root / paths.MANIFEST_IN_PROJECT
    # Entries still being filled in (a field the document did not give) do not stop the next add.
    listed = [entry for entry in read_manifest(manifest, check=False).get("sources") or [] if isinstance(entry, dict)]
    sources = manifest.parent
    added: list[Added] = []
    parser = None if document_type is None else "statement" if document_type == "statement" else "resolution"
    for file in files:
        raw = file.read_bytes()
        sha256 = hashlib.sha256(raw).hexdigest()
        _refuse_listed(listed, file.name, sha256, relative(file))
        if (sources / file.name).exists() and (sources / file.name).read_bytes() != raw:
            raise SourceError(
                relative(file),
                f"data/sources/{file.name} already exists with other content",
                "rename the file you add, or remove the old one",
            )
        one = entry_of(parse_file(file, parser), file.name, sha256, document_type)
        if one.entry["document_id"] in {entry.get("document_id") for entry in listed}:
            raise SourceError(
                relative(file),
                f"another document in the manifest has the id {one.entry['document_id']}",
                "check it is not the same document; if not, change one entry's document_id",
            )
        listed.append(one.entry)
        added.append(one)
    for file in files:
        if not (sources / file.name).exists():
            shutil.copy2(file, sources / file.name)
    _append_entries(manifest, [one.entry for one in added])
    return added


def _append_entries(manifest: Path, entries: list[dict]) -> None:
    """Append entries to the manifest, keeping its comments, key order and quoting."""
    from ruamel.yaml.comments import CommentedSeq

    yaml = _yaml()
    document = yaml.load(manifest.read_text(encoding="utf-8"))
    sources = document["sources"]
    if not sources:  # `sources: []` is a flow sequence: start a block one
        sources = document["sources"] = CommentedSeq()
    sources.extend(entries)
    stream = io.StringIO()
    yaml.dump(document, stream)
    paths.write_atomic(manifest, stream.getvalue())
