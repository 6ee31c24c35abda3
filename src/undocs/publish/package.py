"""Stage: package. Write the tables and descriptor to a staging folder, validate, then publish.

Nothing published is touched until the staged package validates; a failed build leaves the
last good ``data/`` and ``datapackage.json`` as they were. Rows are written as each document
is read, and validated in two parts that together make frictionless's validation of the whole
package: frictionless checks the cells and types of the rows of every document (and the package
tables, and the descriptor) whose exact bytes it has not passed before under the same schemas,
given a descriptor without keys (``metadata.without_keys``), so it builds no key lookups; and
``integrity`` checks primary keys, unique fields and foreign keys across all rows. What passed is remembered in the cache, so a
rebuild after one source changed runs frictionless on that document's rows only. When either
part finds a problem, frictionless validates the whole staged package, so the errors reported
are its own, with row numbers in the files as staged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from contextlib import ExitStack
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from undocs import workers
from undocs.models import Analysed, Unit
from undocs.publish import metadata, publishing
from undocs.publish.integrity import KeyIndex
from undocs.publish.tables import header, units

log = logging.getLogger("undocs")
DESCRIPTOR = "datapackage.json"
# Inside the staging folder: the rows frictionless has not passed before, as a package of their own,
# described in parts (part1.json, ...) that frictionless validates side by side, one per core.
UNVALIDATED = "unvalidated"
VALIDATORS = 2
# Below this many bytes of new rows a second validator costs more (its frictionless import) than it saves.
SPLIT_BYTES = 2_000_000


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


def parts(descriptor: dict, folder: Path, count: int) -> list[dict]:
    """The descriptor split in up to ``count`` descriptors of about as many bytes of CSV each.

    >>> descriptor = {"name": "p", "resources": [{"path": "a.csv"}, {"path": "b.csv"}, {"path": "c.csv"}]}
    >>> [[r["path"] for r in part["resources"]] for part in parts(descriptor, Path("."), 2)]
    [['a.csv', 'c.csv'], ['b.csv']]
    """
    size = {r["path"]: (folder / r["path"]).stat().st_size if (folder / r["path"]).is_file() else 0
            for r in descriptor["resources"]}  # fmt: skip
    bins: list[list[dict]] = [[] for _ in range(count)]
    for resource in sorted(descriptor["resources"], key=lambda r: -size[r["path"]]):
        min(bins, key=lambda chosen: (sum(size[r["path"]] for r in chosen), len(chosen))).append(resource)
    order = {r["path"]: index for index, r in enumerate(descriptor["resources"])}
    return [
        {**descriptor, "resources": sorted(chosen, key=lambda r: order[r["path"]])}
        for chosen in sorted(bins, key=lambda chosen: min(order[r["path"]] for r in chosen) if chosen else 0)
        if chosen
    ]


class Validated:
    """Digests of what frictionless has passed: a unit's rows under these schemas and this frictionless."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder / "validated" if folder else None
        schemas = json.dumps(metadata.descriptor([])["resources"], sort_keys=True)
        self.salt = f"{version('frictionless')}\0{schemas}\0".encode()

    def digest(self, texts: dict[str, str]) -> str:
        """The digest of some named texts (a unit's CSV rows per table, or the descriptor)."""
        digest = hashlib.sha256(self.salt)
        for name, text in sorted(texts.items()):
            encoded = text.encode()
            digest.update(f"{name}\0{len(encoded)}\0".encode() + encoded)
        return digest.hexdigest()

    def __contains__(self, digest: str) -> bool:
        return bool(self.folder) and (self.folder / digest).is_file()

    def remember(self, digests: Iterable[str]) -> None:
        if self.folder:
            self.folder.mkdir(parents=True, exist_ok=True)
            for digest in digests:
                (self.folder / digest).touch()


class Staged:
    """The staged package, and beside it the rows frictionless still has to pass, written as they come."""

    def __init__(self, folder: Path, validated: Validated, stack: ExitStack) -> None:
        self.validated = validated
        self.fresh: list[str] = []  # digests of what goes to frictionless this time
        self.keys = KeyIndex(metadata.resources())
        self.summary = BuildSummary(rows={resource["name"]: 0 for resource in metadata.resources()})
        self.files = {place: {} for place in ("all", "new")}
        for resource in metadata.resources():
            for place, base in (("all", folder), ("new", folder / UNVALIDATED)):
                path = base / resource["path"]
                path.parent.mkdir(parents=True, exist_ok=True)
                handle = stack.enter_context(path.open("w", encoding="utf-8", newline=""))
                handle.write(header(resource["name"]))
                self.files[place][resource["name"]] = handle

    def write(self, unit: Unit) -> None:
        self.summary.warnings += unit.warnings
        texts = unit.texts
        digest = self.validated.digest(texts)
        new = digest not in self.validated
        if new:
            self.fresh.append(digest)
        for name, rows in unit.tables.items():
            self.files["all"][name].write(texts[name])
            if new:
                self.files["new"][name].write(texts[name])
            self.keys.add(name, rows)
            self.summary.rows[name] += len(rows)


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
    """Write every table and the descriptor under ``folder``; what frictionless has not passed, also apart.

    The descriptor records each file's bytes and hash; the one beside the unvalidated rows does not.
    """
    with ExitStack() as stack:
        staged = Staged(folder, validated, stack)
        for unit in units(tally(documents, staged.summary)):
            staged.write(unit)
    descriptor = metadata.descriptor(sources, about=about)
    write_json(folder / DESCRIPTOR, publishing.fingerprinted(descriptor, folder))
    # Frictionless checks the new rows' cells and types only: keys across rows are integrity's.
    new_bytes = sum(path.stat().st_size for path in (folder / UNVALIDATED).rglob("*.csv"))
    count = VALIDATORS if new_bytes > SPLIT_BYTES else 1
    for number, part in enumerate(parts(metadata.without_keys(descriptor), folder / UNVALIDATED, count), 1):
        write_json(folder / UNVALIDATED / f"part{number}.json", part)
    digest = validated.digest({DESCRIPTOR: json.dumps(descriptor, sort_keys=True)})
    if digest not in validated:
        staged.fresh.append(digest)
    return staged


def _import_frictionless() -> None:
    import frictionless  # noqa: F401


def check(folder: Path, staged: Staged, validator: Executor) -> list[str]:
    """Errors of the staged package: frictionless on what is new, keys across all rows (see the module doc)."""
    errors = staged.keys.errors()
    if staged.fresh and not errors:
        # Without keys: they may point at rows outside the new part, and integrity checked them over all rows.
        descriptors = sorted(path.name for path in (folder / UNVALIDATED).glob("part*.json"))
        futures = [validator.submit(validate, folder / UNVALIDATED, (), name) for name in descriptors]
        errors = [error for future in futures for error in future.result()]
    if errors:
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
        with workers.pool(VALIDATORS) as validator:
            # A validator imports frictionless (0.3 s) while this process writes the rows; the
            # second starts only when the new rows are split in two (see ``SPLIT_BYTES``).
            validator.submit(_import_frictionless)
            staged = stage(documents, sources, staging, validated, about or {})
            errors = check(staging, staged, validator)
        if errors:
            raise ValidationFailed("the package does not validate:\n  " + "\n  ".join(errors[:20]))
        publishing.publish(staging, target)
        validated.remember(staged.fresh)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return staged.summary
