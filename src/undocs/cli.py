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
from collections.abc import Callable
from pathlib import Path

from undocs import __version__, paths, pipeline, project
from undocs.errors import SourceError, from_os_error
from undocs.export.json_export import document_json_schema
from undocs.export.reader import read_descriptor
from undocs.export.redlines import write_comparison
from undocs.export.release import JSON_SCHEMA, ReleaseFailed, json_text, release
from undocs.parse.document import PARSER_TYPES, parse_entry, parse_file
from undocs.progress import Progress
from undocs.publish import batch, destination, docs, publishing
from undocs.publish.metadata import MetadataError
from undocs.publish.package import BuildSummary, ValidationFailed, build_package, validation_report
from undocs.read import pdf
from undocs.read.sources import DOCUMENT_TYPES, load_manifest, read_manifest

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


def _build(documents: list[batch.Cached], target: Path, cache: Path, about: dict | None = None) -> BuildSummary:
    """Build from the cache: documents are read one at a time as their rows are written."""
    return build_package(batch.documents(documents), target, _sources(documents), cache, about)


def project_root(args: argparse.Namespace) -> Path:
    """The project a command works on: ``--root``, else the current folder or its nearest parent with a manifest."""
    if args.root:
        root = Path(args.root)
        if not paths.is_project(root):
            raise SourceError(
                str(root / paths.MANIFEST_IN_PROJECT),
                "does not exist: --root names no undocs package",
                f"give --root the folder that holds data/sources/sources.yaml, or make one with `undocs init {root}`",
            )
        return root
    root = paths.find_root(Path.cwd())
    if root is None:
        raise SourceError(
            str(Path.cwd()),
            "neither this folder nor any parent holds an undocs package (data/sources/sources.yaml)",
            "make one with `undocs init DIR` and cd into it, or pass --root DIR",
        )
    return root


def _build_retrying(build: Callable[[], BuildSummary], documents: int) -> BuildSummary:
    """Run a build; each time a damaged cache entry is found (and removed), run it again."""
    for _ in range(documents):
        try:
            return build()
        except batch.CacheDamaged:
            continue
    return build()


def command_build(args: argparse.Namespace) -> int:
    root = project_root(args)
    manifest = root / paths.MANIFEST_IN_PROJECT
    entries = load_manifest(manifest)
    about = read_manifest(manifest).get("package")
    parse = functools.partial(parse_entry, root=root)
    cache = root / "build" / "cache"

    def build() -> BuildSummary:
        documents = _process_all(entries, parse, [entry.path for entry in entries], cache, args.verbose)
        return _build(documents, root, cache, about)

    summary = _build_retrying(build, len(entries))
    write_generated_docs(root)
    _report(summary, root)
    return 0


def write_generated_docs(root: Path) -> None:
    """The published schemas, the data dictionary and the nested JSON's schema, from the package's metadata."""
    published = root / paths.PUBLISHED_SCHEMAS
    published.mkdir(parents=True, exist_ok=True)
    for schema in sorted(paths.SCHEMAS.glob("*.json")):
        paths.write_atomic(published / schema.name, schema.read_text(encoding="utf-8"))
    descriptor = read_descriptor(root)
    manifest_schema = json.loads((paths.SCHEMAS / "sources.schema.json").read_text(encoding="utf-8"))
    for path, text in (
        (docs.DICTIONARY, docs.dictionary(descriptor)),
        (docs.MANIFEST_REFERENCE, docs.manifest_reference(manifest_schema)),
        (JSON_SCHEMA, json_text(document_json_schema(descriptor))),
    ):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        paths.write_atomic(root / path, text)


def command_convert(args: argparse.Namespace) -> int:
    if args.cache:
        return _convert(args, Path(args.cache))
    # Documents stream from a cache on disk; without --cache it lasts this run only.
    with tempfile.TemporaryDirectory(prefix="undocs-cache-") as scratch:
        return _convert(args, Path(scratch))


def _convert(args: argparse.Namespace, cache: Path) -> int:
    files = [Path(file) for file in args.files]
    out = Path(args.out)
    destination.check_out(out, args.force)
    parse = functools.partial(parse_file, parser=args.type, metadata=args.metadata)

    def build() -> BuildSummary:
        documents = _process_all(files, parse, files, cache, args.verbose)
        _refuse_duplicates(args.files, documents)
        destination.check_kept(out, [cached.document_id for cached in documents], args.force)
        return _build(documents, out, cache)

    summary = _build_retrying(build, len(files))
    _report(summary, out)
    return 0


def _refuse_duplicates(names: list[str], documents: list[batch.Cached]) -> None:
    ids = [cached.document_id for cached in documents]
    duplicates = sorted({document_id for document_id in ids if ids.count(document_id) > 1})
    if duplicates:
        raise SourceError(
            ", ".join(names),
            f"two files give the same document id {duplicates[0]!r}",
            "convert one version of each document at a time",
        )


def command_compare(args: argparse.Namespace) -> int:
    """Align two versions of a document and write the changes and the redline page."""
    old, new = (parse_file(Path(file), args.type) for file in (args.old, args.new))
    counts = write_comparison(old, new, Path(args.out))
    log.info(
        "%s -> %s: %s", old.meta.document_id, new.meta.document_id, ", ".join(f"{k} {n}" for k, n in counts.items())
    )
    log.info(
        "written: %s",
        ", ".join(str(Path(args.out) / name) for name in ("changes.csv", "changes.schema.json", "comparison.html")),
    )
    return 0


def command_extract(args: argparse.Namespace) -> int:
    """Print a PDF's text as the parser reads it: the lines that line spans of PDF sources count."""
    sys.stdout.write(pdf.extract_text(Path(args.file)))
    return 0


def _package_folder(given: str | None, args: argparse.Namespace) -> Path:
    """A package named on the line (its folder or descriptor), else the project's."""
    if given is None:
        return project_root(args) if args.root or paths.find_root(Path.cwd()) else Path.cwd()
    path = Path(given)
    return path.parent if path.name == "datapackage.json" else path


def command_validate(args: argparse.Namespace) -> int:
    folder = _package_folder(args.path, args)
    try:
        publishing.recover(folder)
        read_descriptor(folder)  # a missing or broken descriptor is named in one line
    except SourceError as error:
        if args.json:
            print(json.dumps({"descriptor": str(folder / "datapackage.json"), "valid": False, "error": str(error)}))
        raise
    report = validation_report(folder)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(report.lines()))
    return 1 if report.errors else 0


def command_release(args: argparse.Namespace) -> int:
    package = _package_folder(args.package, args)
    summary = release(package, Path(args.out) if args.out else package / "build")
    for line in summary.lines():
        log.info("%s", line)
    return 0


def command_serve(args: argparse.Namespace) -> int:
    from undocs.export.serve import serve  # Datasette and sqlite-utils load only for this command
    from undocs.export.sqlite import database_path

    package = _package_folder(args.package, args)
    descriptor = read_descriptor(package)
    serve(database_path(Path(args.out) if args.out else package / "build", descriptor), descriptor, args.port)
    return 0


def command_init(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    package = project.about(
        args.name or folder.resolve().name, args.title or folder.resolve().name, args.licence, args.author
    )
    for path in project.init(folder, package):
        log.info("wrote %s", path)
    log.info("next: cd %s, then `undocs add FILE.pdf` and `undocs build`", folder)
    return 0


def command_add(args: argparse.Namespace) -> int:
    for added in project.add(project_root(args), [Path(file) for file in args.files], args.type):
        for line in added.lines():
            log.info("%s", line)
    log.info("next: check the entries in data/sources/sources.yaml, then `undocs build`")
    return 0


def _command(commands, name: str, run, summary: str, example: str, common: argparse.ArgumentParser):
    """A sub-command whose help says what it does and shows an example."""
    command = commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    command.set_defaults(run=run)
    return command


def _common(suppress: bool) -> argparse.ArgumentParser:
    """-q, -v and --root, accepted before the sub-command and after it."""
    default = {"default": argparse.SUPPRESS} if suppress else {}
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="print warnings and errors only", **default)
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="a line per document (a terminal otherwise shows a progress bar), and the traceback of an error",
        **default,
    )
    common.add_argument(
        "--root",
        metavar="DIR",
        help="the package folder (default: this folder or the nearest parent with one)",
        **default,
    )
    return common


def _commands() -> dict[str, tuple[Callable[[argparse.Namespace], int], str, str]]:
    """Each sub-command: what runs it, what it does, and an example."""
    return {
        "init": (
            command_init,
            "make a new package folder: manifest, package metadata, README, .gitignore and a validation workflow",
            'undocs init my-package --title "Statements on Myanmar" --author "Our NGO" --licence CC-BY-4.0',
        ),
        "add": (
            command_add,
            "copy documents into data/sources/ and list them in the manifest, with what they say of themselves",
            "undocs add A_RES_73_8.pdf statement.txt",
        ),
        "build": (
            command_build,
            "parse the sources the manifest lists, validate the tables and publish data/*.csv and datapackage.json",
            "undocs build",
        ),
        "convert": (
            command_convert,
            "convert documents that are in no manifest into a package of their own in DIR",
            "undocs convert A_RES_73_8.pdf A_RES_73_6.pdf --out my-package",
        ),
        "compare": (
            command_compare,
            "what changed between two versions of a document: changes.csv and comparison.html in DIR",
            "undocs compare A_C_3_80_L_29.pdf A_RES_80_220.xml --out changes",
        ),
        "extract": (
            command_extract,
            "print the text of a UN PDF as the parser reads it",
            "undocs extract A_RES_73_8.pdf",
        ),
        "validate": (
            command_validate,
            "validate a data package with frictionless: rows and errors per resource, errors by type",
            "undocs validate --json datapackage.json",
        ),
        "release": (
            command_release,
            "write the downloads (nested JSON per document, .xlsx, .sqlite, Parquet, .zip) and check each one",
            "undocs release --out dist",
        ),
        "serve": (
            command_serve,
            "explore the released SQLite file in Datasette at http://127.0.0.1:PORT/ (Ctrl-C stops)",
            "undocs serve --port 8001",
        ),
    }


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="undocs",
        description="Turn UN documents into a validated Frictionless data package.",
        epilog="a new package: undocs init pkg && cd pkg && undocs add A_RES_73_8.pdf && undocs build",
        parents=[_common(suppress=False)],
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = _common(suppress=True)
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    made = {
        name: _command(commands, name, run, summary, example, common)
        for name, (run, summary, example) in _commands().items()
    }
    document = "a UN resolution, report or statement: its PDF, its text or its AKN XML"
    made["init"].add_argument("folder", metavar="DIR", help="the new folder (it must not exist, or be empty)")
    made["init"].add_argument("--name", help="the package's name in datapackage.json (default: the folder's name)")
    made["init"].add_argument("--title", help="the package's title (default: the folder's name)")
    made["init"].add_argument(
        "--licence", "--license", default="CC-BY-4.0", help="the data's licence (default: CC-BY-4.0)"
    )
    made["init"].add_argument("--author", action="append", default=[], help="a contributor; repeat for more")
    made["add"].add_argument("files", nargs="+", metavar="FILE", help=document)
    made["add"].add_argument("--type", choices=DOCUMENT_TYPES, help="the document type (default: detected)")
    convert = made["convert"]
    convert.add_argument("files", nargs="+", metavar="FILE", help=document)
    convert.add_argument("--out", required=True, metavar="DIR", help="folder for the tables and datapackage.json")
    convert.add_argument("--type", choices=PARSER_TYPES, help="document type (default: detected from the text)")
    convert.add_argument("--cache", metavar="DIR", help="keep parsed documents here, keyed by content hash")
    convert.add_argument(
        "--force", action="store_true", help="write into DIR even if it holds other files or another package"
    )
    convert.add_argument(
        "--metadata",
        metavar="FILE.jsonl",
        help="the session's metadata for AKN XML files (sponsors, votes, committee; e.g. GA/metadata/80.jsonl)",
    )
    compare = made["compare"]
    compare.add_argument(
        "old", metavar="OLD", help="the earlier version (draft, last year's resolution): text, PDF or AKN XML"
    )
    compare.add_argument("new", metavar="NEW", help="the later version: text, PDF or AKN XML")
    compare.add_argument(
        "--out", required=True, metavar="DIR", help="folder for changes.csv, its schema and comparison.html"
    )
    compare.add_argument(
        "--type", choices=PARSER_TYPES, help="document type of both (default: detected from each text)"
    )
    made["extract"].add_argument("file", metavar="FILE.pdf", help="the PDF")
    made["validate"].add_argument("path", nargs="?", help="datapackage.json or its folder (default: this package)")
    made["validate"].add_argument("--json", action="store_true", help="print the summary as JSON (for scripts and CI)")
    made["release"].add_argument("--package", metavar="DIR", help="the package folder (default: this package)")
    made["release"].add_argument("--out", metavar="DIR", help="where to write (default: the package's build/)")
    made["serve"].add_argument("--package", metavar="DIR", help="the package folder (default: this package)")
    made["serve"].add_argument("--out", metavar="DIR", help="the downloads' folder (default: the package's build/)")
    made["serve"].add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default: 8001)")
    return main


def _fail(error: Exception, verbose: bool, code: int) -> int:
    log.error("error: %s", error, exc_info=verbose)
    return code


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    logging.basicConfig(format="%(message)s", stream=sys.stderr)
    log.setLevel(level)
    try:
        return args.run(args)
    except (SourceError, MetadataError) as error:
        return _fail(error, args.verbose, 2)
    except OSError as error:  # a file missing, a folder, no permission, no space left: bad input too
        return _fail(from_os_error(error), args.verbose, 2)
    except (ValidationFailed, ReleaseFailed) as error:
        return _fail(error, args.verbose, 1)
    except KeyboardInterrupt:
        log.error("interrupted: nothing was published, the last package is as it was")
        return 130
