"""The AKN corpus as the test: every resolution in ../shared/akn converted from its XML, printed as
text in two forms, parsed again and compared (``make corpus``).

Prints how many XML files convert, how many of each text form give the XML's paragraph ids and
note placement, and the failures counted by kind; writes every failure to
``build/corpus-failures.tsv`` (file, form, kind, detail) for whoever fixes the text parser.

    .venv/bin/python scripts/corpus.py            # all 2,111 files
    .venv/bin/python scripts/corpus.py --sample 40
    .venv/bin/python scripts/corpus.py --packages  # also `undocs convert` each session folder: exit codes
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from undocs import paths
from undocs.cli import main as undocs
from undocs.parse.roundtrip import FORMS, Outcome, check, spread, xml_files

AKN = paths.ROOT.parent / "shared" / "akn"
FAILURES = paths.ROOT / "build" / "corpus-failures.tsv"
CACHE = paths.ROOT / "build" / "corpus" / "cache"


def safe_check(file: Path) -> Outcome:
    """``check``, with a crash counted as a failure of its own kind instead of ending the run."""
    try:
        return check(file)
    except Exception as error:  # a crash is the finding this harness exists to report
        return Outcome(file.as_posix(), xml=f"crash: {type(error).__name__}: {error}"[:120])


def report(outcomes: list[Outcome]) -> list[str]:
    total = len(outcomes)
    converted = [outcome for outcome in outcomes if not outcome.xml]
    lines = [f"XML converts: {len(converted)}/{total}"]
    lines += [
        f"  refused or failed: {count} {kind}"
        for kind, count in Counter(o.xml for o in outcomes if o.xml).most_common()
    ]
    for form in FORMS:
        matching = sum(1 for outcome in converted if outcome.forms.get(form) == "")
        lines.append(f"text {form} matching: {matching}/{total} ({matching}/{len(converted)} of those converted)")
        kinds = Counter(outcome.forms[form] for outcome in converted if outcome.forms.get(form))
        lines += [f"  {count:5d}  {kind}" for kind, count in kinds.most_common()]
    return lines


def failure_rows(outcomes: list[Outcome]) -> list[str]:
    rows = ["file\tform\tkind\tdetail"]
    for outcome in outcomes:
        if outcome.xml:
            rows.append(f"{outcome.file}\txml\t{outcome.xml}\t")
        for form, kind in outcome.forms.items():
            if kind:
                detail = " ".join(outcome.details.get(form, "").split())
                rows.append(f"{outcome.file}\t{form}\t{kind}\t{detail}")
    return rows


def convert_folders(outcomes: list[Outcome], akn: Path) -> list[str]:
    """``undocs convert`` of each session folder's converted files (with its session metadata) into a
    package under build/corpus/: the exit code of each, as a user would see it.

    Two files of one symbol (a reissue beside the original) cannot share a package: each such file
    is converted on its own.
    """
    folders: dict[Path, list[str]] = {}
    for outcome in outcomes:
        if not outcome.xml:
            folders.setdefault((akn / outcome.file).parent, []).append(str(akn / outcome.file))
    lines = []
    for folder, files in sorted(folders.items()):
        metadata = akn / "GA" / "metadata" / f"{folder.name}.jsonl"
        options = ["--metadata", str(metadata)] if metadata.is_file() else []
        out = paths.ROOT / "build" / "corpus" / f"{folder.parent.name}-{folder.name}"
        shutil.rmtree(out, ignore_errors=True)  # this script's own output of an earlier run
        code = undocs(["-q", "convert", *files, *options, "--out", str(out), "--cache", str(CACHE)])
        if code == 2:  # the same symbol twice: one package per file
            codes = [
                undocs(["-q", "convert", file, *options, "--out", str(out / Path(file).stem), "--cache", str(CACHE)])
                for file in files
            ]
            code = max(codes)
        lines.append(f"undocs convert {folder.parent.name}/{folder.name} ({len(files)} files): exit {code}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--akn", default=str(AKN), help="the AKN corpus (default: ../shared/akn)")
    parser.add_argument("--sample", type=int, help="only this many files, spread over bodies and sessions")
    parser.add_argument("--packages", action="store_true", help="also convert each session folder into a package")
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2: the machine is shared)")
    args = parser.parse_args(argv)
    files = xml_files(Path(args.akn))
    if not files:
        print(f"no AKN files under {args.akn}", file=sys.stderr)
        return 2
    if args.sample:
        files = spread(files, args.sample)
    with ProcessPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(safe_check, files, chunksize=8))
    for outcome in outcomes:
        outcome.file = Path(outcome.file).relative_to(Path(args.akn)).as_posix()
    FAILURES.parent.mkdir(parents=True, exist_ok=True)
    FAILURES.write_text("\n".join(failure_rows(outcomes)) + "\n", encoding="utf-8")
    print("\n".join(report(outcomes)))
    if args.packages:
        print("\n".join(convert_folders(outcomes, Path(args.akn))))
    print(f"failures listed in {FAILURES.relative_to(paths.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
