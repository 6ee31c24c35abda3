"""Stage: package. Write the tables and descriptor to a staging folder, validate, then publish.

Nothing published is touched until the staged package validates with frictionless (foreign
keys included); a failed build leaves the last good ``data/`` and ``datapackage.json`` as
they were.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from undocs import metadata
from undocs.models import ParsedDocument
from undocs.tables import TableRows, rows_for, write_csv

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


def stage(tables: TableRows, sources: list[dict[str, str]], folder: Path) -> None:
    """Write every table and the descriptor under ``folder``."""
    for resource in metadata.resources():
        write_csv(folder / resource["path"], resource["name"], tables[resource["name"]])
    write_json(folder / DESCRIPTOR, metadata.descriptor(sources))


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


def validation_report(folder: Path) -> ValidationReport:
    """Validate ``folder/datapackage.json`` with frictionless (foreign keys included)."""
    from frictionless import Package  # imported here: it is slow to import and only needed now

    # An absolute folder: frictionless joins a relative basepath to a relative descriptor path twice.
    result = ValidationReport(str(folder / DESCRIPTOR))
    folder = folder.resolve()
    report = Package(str(folder / DESCRIPTOR), basepath=str(folder)).validate()
    for task in report.tasks:
        errors = [{"type": error.type, "message": error.message} for error in task.errors]
        result.resources.append(
            {"name": task.name, "path": task.place, "rows": task.stats.get("rows"), "errors": errors}
        )
    result.package_errors = [{"type": error.type, "message": error.message} for error in report.errors]
    listed = [
        resource["name"] for resource in json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))["resources"]
    ]
    validated = {task.name for task in report.tasks}
    result.package_errors += [
        {"type": "resource-not-validated", "message": f"resource {name!r} is listed but was not validated"}
        for name in listed
        if name not in validated
    ]
    return result


def validate(folder: Path) -> list[str]:
    """Validate ``folder/datapackage.json`` with frictionless; return readable error lines."""
    return validation_report(folder).errors


def publish(staged: Path, target: Path) -> None:
    """Move the staged files over the published ones, one atomic rename each."""
    for resource in metadata.resources():
        destination = target / resource["path"]
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged / resource["path"], destination)
    os.replace(staged / DESCRIPTOR, target / DESCRIPTOR)


def summarise(documents: list[ParsedDocument], tables: TableRows) -> BuildSummary:
    summary = BuildSummary(documents=len(documents), rows={name: len(rows) for name, rows in tables.items()})
    for parsed in documents:
        summary.warnings += parsed.warnings
        for kind in parsed.line_kinds.values():
            summary.line_kinds[kind.value] = summary.line_kinds.get(kind.value, 0) + 1
    return summary


def build_package(documents: Iterable[ParsedDocument], target: Path, sources: list[dict[str, str]]) -> BuildSummary:
    """Stage, validate and publish a package of ``documents`` into ``target``."""
    metadata.check_coherence()
    documents = list(documents)
    tables = rows_for(documents)
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=target))
    try:
        stage(tables, sources, staging)
        errors = validate(staging)
        if errors:
            raise ValidationFailed("the package does not validate:\n  " + "\n  ".join(errors[:20]))
        publish(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return summarise(documents, tables)
