"""The downloads: nested JSON per document, the Excel workbook, SQLite, Parquet and the zipped package.

``undocs release`` reads a published package folder and writes, under ``build/``:
``json/<document_id>.json``, ``<package-name>.xlsx``, ``<package-name>.sqlite``,
``parquet/<table>.parquet``, ``<package-name>.zip`` (descriptor, CSVs, schemas, the JSON
files, the data dictionary, the database and the Parquet files) and ``redline/<document_id>.html``
for each document that names a previous version. Each is checked as users will read it before
the command succeeds: every JSON file against the JSON Schema, the workbook for formula cells,
the database and the Parquet files read back (keys, row counts, types), the zip by frictionless
after unzipping it elsewhere. Zip entries carry a fixed time and
a fixed order, so the same data gives the same bytes.

>>> json_text({"text": "Democratic People’s Republic"})
'{\\n  "text": "Democratic People’s Republic"\\n}\\n'

"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from undocs import paths
from undocs.export.json_export import document_json_schema, nested_documents
from undocs.export.reader import DESCRIPTOR, read_package
from undocs.export.redlines import write_redlines
from undocs.publish import docs

ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # zip cannot store times before 1980; any fixed one keeps builds identical
JSON_SCHEMA = Path("schemas") / "document.json.schema.json"


class ReleaseFailed(Exception):
    """An export did not pass the check users would run on it."""


@dataclass
class ReleaseSummary:
    files: dict[str, int] = field(default_factory=dict)  # path -> size in bytes

    def lines(self) -> list[str]:
        return [f"{path}: {size:,} bytes" for path, size in self.files.items()]


def json_text(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_zip(path: Path, entries: list[tuple[str, bytes]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)


def validate_documents(documents: dict[str, dict], schema: dict) -> None:
    import jsonschema  # imported here: 0.07 s that only a release's check needs

    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for document_id, document in documents.items():
        error = jsonschema.exceptions.best_match(validator.iter_errors(document))
        if error is not None:
            raise ReleaseFailed(f"json/{document_id}.json: {error.json_path}: {error.message}")


def formula_cells(path: Path) -> list[str]:
    """Every formula cell of a workbook, as sheet!cell (a safe export has none)."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def check_unzipped(archive: Path) -> list[str]:
    """Unzip into a fresh folder and validate there, as a user who downloads the zip would."""
    from undocs.publish.package import validate

    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(archive) as opened:
            opened.extractall(folder)
        return validate(Path(folder))


def package_entries(folder: Path, documents: dict[str, dict], descriptor: dict) -> list[tuple[str, bytes]]:
    """The zip's files: descriptor, each resource's CSV, the schemas, the JSON and the dictionary."""
    entries = [(DESCRIPTOR, (folder / DESCRIPTOR).read_bytes())]
    entries += [(r["path"], (folder / r["path"]).read_bytes()) for r in descriptor["resources"]]
    schemas = {p.name: p.read_bytes() for p in paths.SCHEMAS.glob("*.json")}
    schemas[JSON_SCHEMA.name] = json_text(document_json_schema(descriptor)).encode()
    entries += [(f"schemas/{name}", schemas[name]) for name in sorted(schemas)]
    entries += [(f"json/{name}.json", json_text(document).encode()) for name, document in documents.items()]
    entries.append((str(docs.DICTIONARY), docs.dictionary(descriptor).encode()))
    return entries


def write_query_exports(descriptor: dict, tables: dict, out: Path) -> list[Path]:
    """The SQLite database and one Parquet file per table, each read back and checked."""
    # Imported here: sqlite-utils and pyarrow take a second to load, which every other command would pay.
    from undocs.export.parquet import parquet_problems, write_parquet
    from undocs.export.sqlite import database_path, sqlite_problems, write_sqlite

    database = database_path(out, descriptor)
    write_sqlite(descriptor, tables, database)
    if problems := sqlite_problems(database, descriptor, tables):
        raise ReleaseFailed(f"{database}:\n  " + "\n  ".join(problems[:20]))
    files = write_parquet(descriptor, tables, out / "parquet")
    if problems := parquet_problems(out / "parquet", descriptor, tables):
        raise ReleaseFailed("\n  ".join(problems[:20]))
    return [database, *files]


def release(folder: Path, out: Path) -> ReleaseSummary:
    """Write and check every export of the package in ``folder`` under ``out``."""
    descriptor, tables = read_package(folder)
    documents = nested_documents(descriptor, tables)
    validate_documents(documents, document_json_schema(descriptor))
    written: list[Path] = []
    shutil.rmtree(out / "json", ignore_errors=True)  # no file left from a document since removed
    (out / "json").mkdir(parents=True)
    for document_id, document in documents.items():
        path = out / "json" / f"{document_id}.json"
        path.write_text(json_text(document), encoding="utf-8")
        written.append(path)
    workbook = out / f"{descriptor['name']}.xlsx"
    # Imported here: openpyxl (and numpy under it) would add 0.2 s to the start of every command.
    from undocs.export.xlsx_export import workbook_entries

    write_zip(workbook, workbook_entries(descriptor, tables))
    if formulas := formula_cells(workbook):
        raise ReleaseFailed(f"{workbook}: formula cells {', '.join(formulas[:10])}")
    queried = write_query_exports(descriptor, tables, out)
    archive = out / f"{descriptor['name']}.zip"
    entries = package_entries(folder, documents, descriptor)
    write_zip(archive, entries + [(path.relative_to(out).as_posix(), path.read_bytes()) for path in queried])
    if errors := check_unzipped(archive):
        raise ReleaseFailed(f"{archive} does not validate after unzipping:\n  " + "\n  ".join(errors[:20]))
    written += [workbook, *queried, archive]
    shutil.rmtree(out / "redline", ignore_errors=True)
    written += write_redlines(tables, out)
    return ReleaseSummary({str(path): path.stat().st_size for path in written})
