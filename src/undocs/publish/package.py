"""Stage: package. Write the tables and descriptor to a staging folder, validate, then publish.

Nothing published is touched until the staged package validates; a failed build leaves the
last good ``data/`` and ``datapackage.json`` as they were. Rows are written as each document
is read, and validated in two parts that together make frictionless's validation of the whole
package: frictionless's own cell readers check each row of every document (and the package
tables) whose exact bytes they have not passed before under the same schemas (``cells``), and
frictionless checks the descriptor; ``integrity`` checks primary keys, unique fields and foreign
keys across all rows. What passed is remembered in the cache, so a rebuild after one source
changed checks that document's rows only. When either part finds a problem, frictionless
validates the whole staged package, so the errors reported are its own, with row numbers in the
files as staged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import TextIO

from undocs.models import Analysed, Unit
from undocs.publish import metadata, publishing
from undocs.publish.cells import CellCheck, descriptor_problems
from undocs.publish.integrity import KeyIndex
from undocs.publish.tables import content_digest, header, units

log = logging.getLogger("undocs")
DESCRIPTOR = "datapackage.json"


class ValidationFailed(Exception):
    """The staged package did not validate; the message lists the errors."""


@dataclass
class BuildSummary:
    """What a build made: rows per table, warnings, and every source line's kind counted."""

    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    line_kinds: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"documents: {self.documents}"]
        out += [f"{name}: {count} rows" for name, count in self.rows.items()]
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.line_kinds.items()))
        out.append(f"source lines: {kinds}")
        # parse.py runs the completeness audit on every source; a build that gets here passed it.
        out.append(f"audit: {sum(self.line_kinds.values())} source lines, 0 unclaimed, 0 claimed twice")
        out.append(f"warnings: {len(self.warnings)}")
        return out


def write_json(path: Path, document: dict) -> None:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@dataclass
class ValidationReport:
    """What frictionless found: rows and errors per resource, errors counted by type."""

    descriptor: str
    resources: list[dict] = field(default_factory=list)  # name, path, rows, errors [{type, message}]
    package_errors: list[dict] = field(default_factory=list)

    def _all(self) -> list[tuple[str, dict]]:
        found = [(resource["name"], error) for resource in self.resources for error in resource["errors"]]
        return found + [("package", error) for error in self.package_errors]

    @property
    def errors(self) -> list[str]:
        return [f"{where}: {error['type']}: {error['message']}" for where, error in self._all()]

    def errors_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _, error in self._all():
            counts[error["type"]] = counts.get(error["type"], 0) + 1
        return dict(sorted(counts.items()))

    def as_dict(self) -> dict:
        return {
            "descriptor": self.descriptor,
            "valid": not self.errors,
            "resources": self.resources,
            "package_errors": self.package_errors,
            "errors_by_type": self.errors_by_type(),
        }

    def lines(self) -> list[str]:
        out = [f"{r['name']}: {r['rows']} rows, {len(r['errors'])} errors ({r['path']})" for r in self.resources]
        out += [f"  {line}" for line in self.errors[:20]]
        out += [f"{kind}: {count}" for kind, count in self.errors_by_type().items()]
        out.append(f"{self.descriptor}: {'valid' if not self.errors else f'{len(self.errors)} errors'}")
        return out


def validation_report(
    folder: Path, skip_errors: tuple[str, ...] = (), descriptor: str = DESCRIPTOR
) -> ValidationReport:
    """Validate ``folder/datapackage.json`` (or another ``descriptor`` there) with frictionless
    (foreign keys included, unless skipped)."""
    from frictionless import Checklist, Package  # imported here: it is slow to import and only needed now

    # An absolute folder: frictionless joins a relative basepath to a relative descriptor path twice.
    result = ValidationReport(str(folder / descriptor))
    folder = folder.resolve()
    package = Package(str(folder / descriptor), basepath=str(folder))
    report = package.validate(Checklist(skip_errors=list(skip_errors)))
    for task in report.tasks:
        errors = [{"type": error.type, "message": error.message} for error in task.errors]
        result.resources.append(
            {"name": task.name, "path": task.place, "rows": task.stats.get("rows"), "errors": errors}
        )
    result.package_errors = [{"type": error.type, "message": error.message} for error in report.errors]
    listed = [
        resource["name"] for resource in json.loads((folder / descriptor).read_text(encoding="utf-8"))["resources"]
    ]
    validated = {task.name for task in report.tasks}
    result.package_errors += [
        {"type": "resource-not-validated", "message": f"resource {name!r} is listed but was not validated"}
        for name in listed
        if name not in validated
    ]
    return result


def validate(folder: Path, skip_errors: tuple[str, ...] = (), descriptor: str = DESCRIPTOR) -> list[str]:
    """Validate ``folder/datapackage.json`` (or ``descriptor``) with frictionless; return readable error lines."""
    return validation_report(folder, skip_errors, descriptor).errors


class Validated:
    """Digests of what frictionless has passed: a unit's rows under these schemas and this frictionless."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder / "validated" if folder else None
        schemas = json.dumps(metadata.descriptor([])["resources"], sort_keys=True)
        self.salted = hashlib.sha256(f"{version('frictionless')}\0{schemas}\0".encode())  # copied for each digest

    def digest(self, content: str) -> str:
        """The digest of some named texts (``tables.content_digest``: a unit's CSV rows per table,
        or the descriptor) under these schemas and this frictionless."""
        digest = self.salted.copy()
        digest.update(content.encode())
        return digest.hexdigest()

    def __contains__(self, digest: str) -> bool:
        return bool(self.folder) and (self.folder / digest).is_file()

    def remember(self, digests: Iterable[str]) -> None:
        if self.folder:
            self.folder.mkdir(parents=True, exist_ok=True)
            for digest in digests:
                (self.folder / digest).touch()


class Staged:
    """The staged package's files, written as the rows come, and what the checks found so far."""

    def __init__(self, folder: Path, validated: Validated, stack: ExitStack) -> None:
        self.validated = validated
        self.fresh: list[str] = []  # digests of what frictionless checks this time
        self.cells: CellCheck | None = None  # built at the first rows to check: frictionless is slow to import
        self.problems = 0  # rows whose cells frictionless rejects, and a descriptor it rejects
        self.keys = KeyIndex(metadata.resources())
        self.summary = BuildSummary(rows={resource["name"]: 0 for resource in metadata.resources()})
        self.files: dict[str, TextIO] = {}
        for resource in metadata.resources():
            path = folder / resource["path"]
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = stack.enter_context(path.open("w", encoding="utf-8", newline=""))
            handle.write(header(resource["name"]))
            self.files[resource["name"]] = handle

    def write(self, unit: Unit) -> None:
        self.summary.warnings += unit.warnings
        texts = unit.texts
        digest = self.validated.digest(unit.digest)
        new = digest not in self.validated
        if new:
            self.fresh.append(digest)
            self.cells = self.cells or CellCheck(metadata.descriptor([])["resources"])
        for name, keys in unit.keys.items():
            self.files[name].write(texts[name])
            if new:
                self.problems += self.cells.problems(name, texts[name])
            self.keys.add_keys(name, keys)
            self.summary.rows[name] += keys.rows


def tally(documents: Iterable[Analysed], summary: BuildSummary) -> Iterator[Analysed]:
    """Pass the documents on, counting them, their warnings and their source lines' kinds."""
    for analysed in documents:
        summary.documents += 1
        for kind, count in analysed.line_kinds.items():
            summary.line_kinds[kind] = summary.line_kinds.get(kind, 0) + count
        summary.warnings += analysed.warnings
        yield analysed


def stage(
    documents: Iterable[Analysed], sources: list[dict[str, str]], folder: Path, validated: Validated, about: dict
) -> Staged:
    """Write every table and the descriptor under ``folder``, checking the cells of what frictionless
    has not passed before as the rows are written.

    The descriptor records each file's bytes and hash.
    """
    with ExitStack() as stack:
        staged = Staged(folder, validated, stack)
        for unit in units(tally(documents, staged.summary)):
            staged.write(unit)
    descriptor = metadata.descriptor(sources, about=about)
    write_json(folder / DESCRIPTOR, publishing.fingerprinted(descriptor, folder))
    digest = validated.digest(content_digest({DESCRIPTOR: json.dumps(descriptor, sort_keys=True)}))
    if digest not in validated:
        staged.fresh.append(digest)
        staged.problems += descriptor_problems(descriptor)
    return staged


def check(folder: Path, staged: Staged) -> list[str]:
    """Errors of the staged package: frictionless's cell checks of what is new and of the
    descriptor, keys across all rows (see the module doc)."""
    if staged.problems or staged.keys.errors():
        return validate(folder)  # frictionless's verdict on the whole package, in its words
    return []


def build_package(
    documents: Iterable[Analysed],
    target: Path,
    sources: list[dict[str, str]],
    cache: Path | None = None,
    about: dict | None = None,
) -> BuildSummary:
    """Stage, validate and publish a package of ``documents`` (in ``document_id`` order) into ``target``.

    ``cache`` keeps what frictionless passed, so later builds validate only what changed;
    ``about`` is the package's own metadata (name, title, licences, ...) when not the shipped one.
    Publishing is atomic: see ``publishing``.
    """
    metadata.check_coherence()
    staging = publishing.staging_folder(target)
    validated = Validated(cache)
    try:
        staged = stage(documents, sources, staging, validated, about or {})
        errors = check(staging, staged)
        if errors:
            raise ValidationFailed("the package does not validate:\n  " + "\n  ".join(errors[:20]))
        publishing.publish(staging, target)
        validated.remember(staged.fresh)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return staged.summary
