"""The ``undocs`` command: build the package from the manifest, convert other documents, validate.

Exit codes: 0 success; 1 the package did not validate (or an export failed its check); 2 bad
input (a source, the manifest, an argument), with a message naming the file, the line, the
problem and the fix.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import sys
import tempfile
from pathlib import Path

from undocs import paths, pipeline
from undocs.errors import SourceError
from undocs.export.json_export import document_json_schema
from undocs.export.reader import read_descriptor
from undocs.export.release import JSON_SCHEMA, ReleaseFailed, json_text, release
from undocs.parse.document import PARSER_TYPES, parse_entry, parse_file
from undocs.progress import Progress
from undocs.publish import batch, docs
from undocs.publish.metadata import MetadataError
from undocs.publish.package import BuildSummary, ValidationFailed, build_package, validation_report
from undocs.read import pdf
from undocs.read.sources import load_manifest

log = logging.getLogger("undocs")


def _sources(documents: list[batch.Cached]) -> list[dict[str, str]]:
    """The descriptor's ``sources``: each document's title and address, in ``document_id`` order."""
    return [
        {"title": cached.title, **({"path": cached.url} if cached.url else {})}
        for cached in sorted(documents, key=lambda cached: cached.document_id)
    ]


def _report(summary: BuildSummary, target: Path) -> None:
    for warning in summary.warnings:
        log.warning("warning: %s", warning)
    for line in summary.lines():
        log.info("%s", line)
    log.info("published: %s", target / "datapackage.json")


def _process_all(items, parse, files: list[Path], cache: Path, verbose: bool) -> list[batch.Cached]:
    """Every source through ``pipeline.document`` on every core, into the cache; progress shown as they come."""
    with Progress(len(items), verbose) as progress:

        def done(index: int, cached: batch.Cached) -> None:
            progress.done(index, cached.document_id, cached.paragraphs, cached.footnotes)

        return batch.process_all(items, parse, pipeline.document, files, cache, done)


def _build(documents: list[batch.Cached], target: Path, cache: Path) -> BuildSummary:
    """Build from the cache: documents' results are read one at a time as their rows are written."""
    return build_package(batch.documents(documents), target, _sources(documents), cache)


def command_build(args: argparse.Namespace) -> int:
    root = Path(args.root)
    entries = load_manifest(root / "data" / "sources" / "sources.yaml")
    parse = functools.partial(parse_entry, root=root)
    cache = root / "build" / "cache"
    documents = _process_all(entries, parse, [entry.path for entry in entries], cache, args.verbose)
    summary = _build(documents, root, cache)
    write_generated_docs(root)
    _report(summary, root)
    return 0


def write_generated_docs(root: Path) -> None:
    """The published schemas, the data dictionary and the nested JSON's schema, from the package's metadata."""
    published = root / paths.PUBLISHED_SCHEMAS
    published.mkdir(parents=True, exist_ok=True)
    for schema in sorted(paths.SCHEMAS.glob("*.json")):
        (published / schema.name).write_bytes(schema.read_bytes())
    descriptor = read_descriptor(root)
    (root / docs.DICTIONARY).parent.mkdir(parents=True, exist_ok=True)
    (root / docs.DICTIONARY).write_text(docs.dictionary(descriptor), encoding="utf-8")
    (root / JSON_SCHEMA).parent.mkdir(parents=True, exist_ok=True)
    (root / JSON_SCHEMA).write_text(json_text(document_json_schema(descriptor)), encoding="utf-8")


def command_convert(args: argparse.Namespace) -> int:
    if args.cache:
        return _convert(args, Path(args.cache))
    # Documents stream from a cache on disk; without --cache it lasts this run only.
    with tempfile.TemporaryDirectory(prefix="undocs-cache-") as scratch:
        return _convert(args, Path(scratch))


def _convert(args: argparse.Namespace, cache: Path) -> int:
    files = [Path(file) for file in args.files]
    parse = functools.partial(parse_file, parser=args.type)
    documents = _process_all(files, parse, files, cache, args.verbose)
    ids = [cached.document_id for cached in documents]
    duplicates = sorted({document_id for document_id in ids if ids.count(document_id) > 1})
    if duplicates:
        raise SourceError(
            ", ".join(args.files),
            f"two files give the same document id {duplicates[0]!r}",
            "convert one version of each document at a time",
        )
    out = Path(args.out)
    summary = _build(documents, out, cache)
    _report(summary, out)
    return 0


def command_extract(args: argparse.Namespace) -> int:
    """Print a PDF's text as the parser reads it: the lines that line spans of PDF sources count."""
    sys.stdout.write(pdf.extract_text(Path(args.file)))
    return 0


def command_validate(args: argparse.Namespace) -> int:
    path = Path(args.path)
    report = validation_report(path.parent if path.is_file() else path)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(report.lines()))
    return 1 if report.errors else 0


def command_release(args: argparse.Namespace) -> int:
    summary = release(Path(args.package), Path(args.out))
    for line in summary.lines():
        log.info("%s", line)
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="undocs", description="Turn UN documents into a validated Frictionless data package."
    )
    loudness = main.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print warnings and errors only")
    loudness.add_argument(
        "-v", "--verbose", action="store_true", help="a line per document (a terminal otherwise shows a progress bar)"
    )
    commands = main.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build and validate the package from data/sources/sources.yaml")
    build.add_argument("--root", default=str(paths.ROOT), help="the repository to build (default: this checkout)")
    build.set_defaults(run=command_build)
    convert = commands.add_parser(
        "convert", help="convert documents that are not in the manifest into a package in DIR"
    )
    convert.add_argument("files", nargs="+", metavar="FILE", help="a UN resolution or statement: its PDF or its text")
    convert.add_argument("--out", required=True, metavar="DIR", help="folder for the tables and datapackage.json")
    convert.add_argument("--type", choices=PARSER_TYPES, help="document type (default: detected from the text)")
    convert.add_argument("--cache", metavar="DIR", help="keep parsed documents here, keyed by content hash")
    convert.set_defaults(run=command_convert)
    extract = commands.add_parser("extract", help="print the text of a UN PDF as the parser reads it")
    extract.add_argument("file", metavar="FILE.pdf", help="the PDF")
    extract.set_defaults(run=command_extract)
    check = commands.add_parser(
        "validate", help="validate a data package with frictionless: rows and errors per resource, errors by type"
    )
    check.add_argument("path", nargs="?", default=".", help="datapackage.json or its folder (default: .)")
    check.add_argument("--json", action="store_true", help="print the summary as JSON (for scripts and CI)")
    check.set_defaults(run=command_validate)
    exports = commands.add_parser(
        "release", help="write the downloads (nested JSON per document, .xlsx, .zip) and check each one"
    )
    exports.add_argument(
        "--package", default=str(paths.ROOT), metavar="DIR", help="the package folder (default: this checkout)"
    )
    exports.add_argument(
        "--out", default=str(paths.ROOT / "build"), metavar="DIR", help="where to write (default: build/)"
    )
    exports.set_defaults(run=command_release)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s", stream=sys.stderr)
    try:
        return args.run(args)
    except (SourceError, MetadataError) as error:
        log.error("error: %s", error)
        return 2
    except (ValidationFailed, ReleaseFailed) as error:
        log.error("error: %s", error)
        return 1
