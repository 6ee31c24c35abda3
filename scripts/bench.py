"""Benchmark (``make bench``): convert real UN resolutions cold, as a user runs ``undocs convert``.

Input: the official resolutions of ``../shared/akn/`` (GA 75-80, HRC 54-60; English, one per
symbol, in file-name order), in two forms: the XML itself (``undocs convert *.xml``, read by
``read/akn.py``), and the text a PDF's extraction gives, printed from it by ``parse/render.py``
(wrapped lines, note markers fused to their word, notes at the page feet, page heads; the form
``make corpus`` checks). Resolutions the pipeline still stops on are left out of the timed set,
and counted (``-v`` lists them).

For each form and N (default 250 and 1000), with a cold cache: the whole ``undocs convert``
command (process start included) timed for wall and CPU seconds (its workers included) and peak
memory (the largest process); then ``frictionless validate`` of the package it made, timed the
same way in the same run, and the ratio; then an incremental rebuild after one source changed
(the median of three, each after another source changed). The package's bytecode is compiled
first, as a wheel's install does. The load average is read before each convert. Last, the PDF
path: ms per page of ``undocs extract`` on the corpus PDFs and the UPR PDFs (the best of three).

    .venv/bin/python scripts/bench.py [N ...] [--form xml|text] [-v]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from undocs import paths, pipeline
from undocs.parse.document import parse_file
from undocs.parse.roundtrip import rendered

SHARED = paths.ROOT.parent / "shared"
SIZES = (250, 1000)
INCREMENTAL_RUNS = 3  # the incremental time is their median: one run moves with the machine's load
# ms per page is the best of three extractions after a first (which loads the PDF library): as
# timeit advises, the least time is the code's own, the rest other processes' (medians moved 8-16 ms).
PDF_RUNS = 3
FORMS = ("xml", "text")
BIN = Path(sys.executable).parent


def measured(command: list[str]) -> dict[str, float]:
    """Run ``command`` in a child of a fresh process: wall, CPU (children included) and peak memory."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
        "wall = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'code': code, 'wall': wall, 'cpu': usage.ru_utime + usage.ru_stime,"
        " 'mb': usage.ru_maxrss / 1024}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _prepare(job: tuple[Path, Path]) -> tuple[str, str, str]:
    """One resolution copied (``.xml``) or printed as text (``.txt``) to ``target``: the file, its
    document id, and '' if the pipeline reads it (parse and analysis), else why it stops."""
    source, target = job
    try:
        if target.suffix == ".xml":
            shutil.copyfile(source, target)
        else:
            target.write_text(rendered(parse_file(source), "pdf_layout"), encoding="utf-8")
        document_id = pipeline.document(parse_file, target).unit.document_id
    except Exception as error:
        return str(target), "", f"{source.name}: {type(error).__name__}: {str(error).splitlines()[0][:100]}"
    return str(target), document_id, ""


def inputs(count: int, form: str, folder: Path) -> tuple[list[str], list[str]]:
    """The first ``count`` resolutions the pipeline reads, as files of ``form``; and those it stops on.

    English texts only, one per symbol (the folders hold a few reissues and other languages).
    """
    sources = sorted((SHARED / "akn").glob("*/[0-9]*/*E*.xml"), key=lambda path: path.name)
    suffix = ".xml" if form == "xml" else ".txt"
    files, stopped, seen = [], [], set()
    folder.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor() as pool:
        start = 0
        while len(files) < count and start < len(sources):
            batch = sources[start : start + count - len(files)]
            jobs = [(source, folder / f"{source.stem}{suffix}") for source in batch]
            for target, document_id, problem in pool.map(_prepare, jobs, chunksize=8):
                if problem:
                    stopped.append(problem)
                elif document_id not in seen:
                    seen.add(document_id)
                    files.append(target)
            start += len(batch)
    return files, stopped


def _changed_and_rebuilt(command: list[str], source: Path) -> dict[str, float]:
    """The convert again after ``source`` changed (a line added at its end): an incremental build."""
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    return measured(command)


def convert_row(size: int, form: str, folder: Path, verbose: bool) -> list[str]:
    files, stopped = inputs(size, form, folder / "in")
    out, cache = folder / "out", folder / "cache"
    command = [str(BIN / "undocs"), "-q", "convert", *files, "--out", str(out), "--cache", str(cache)]
    load = os.getloadavg()[0]
    full = measured(command)
    assert full["code"] == 0, f"convert failed on {size} documents"
    validate = measured([str(BIN / "frictionless"), "validate", str(out / "datapackage.json")])
    incremental = statistics.median(
        _changed_and_rebuilt(command, Path(file))["wall"] for file in files[:INCREMENTAL_RUNS]
    )
    rows = sum(len(path.read_text(encoding="utf-8").splitlines()) - 1 for path in (out / "data").glob("*.csv"))
    if verbose and stopped:
        print("\n".join(f"  stopped: {problem}" for problem in stopped))
    return [
        form,
        f"{len(files)}",
        f"{len(stopped)}",
        f"{load:.1f}",
        f"{full['wall']:.2f}",
        f"{full['cpu']:.2f}",
        f"{full['mb']:.0f}",
        f"{len(files) / full['wall']:.1f}",
        f"{rows}",
        f"{validate['wall']:.2f}",
        f"{validate['cpu']:.2f}",
        f"{full['wall'] / validate['wall']:.2f}x",
        f"{full['cpu'] / validate['cpu']:.2f}x",
        f"{incremental:.2f}",
        f"{incremental / full['wall']:.0%}",
    ]


def pdf_rows() -> list[str]:
    """ms per page of ``read.pdf.extract_text`` (what ``undocs extract`` prints), in this process."""
    from undocs.read import pdf as reader

    pdfs = sorted((SHARED / "corpus").glob("*.pdf")) + sorted((SHARED / "upr").rglob("*.pdf"))
    out = []
    for path in pdfs:
        try:
            pages = reader.extract_text(path).count("\f") + 1
        except Exception as error:
            out.append(f"{path.relative_to(SHARED)}\t-\t{type(error).__name__}")
            continue
        seconds = min(_extraction_seconds(reader.extract_text, path) for _ in range(PDF_RUNS))
        out.append(f"{path.relative_to(SHARED)}\t{pages}\t{seconds * 1000 / pages:.0f}")
    return out


def _extraction_seconds(extract: Callable[[Path], str], path: Path) -> float:
    start = time.perf_counter()
    extract(path)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES), help="numbers of resolutions (250 1000)")
    parser.add_argument("--form", choices=FORMS, action="append", help="input form (default: both)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the resolutions left out")
    args = parser.parse_args()
    if not (SHARED / "akn").is_dir():
        print(f"skipped: {SHARED / 'akn'} is absent (the shared test data sits beside the repository)")
        return 0
    # Bytecode compiled first, as pip does when it installs a wheel (and as frictionless's is): where
    # PYTHONDONTWRITEBYTECODE is set, as on the project's machine, an editable install would otherwise
    # compile undocs from source in every process of every command (0.1 s each).
    compileall.compile_dir(paths.PACKAGE, quiet=1)
    print(
        "form\tN\tleft out\tload\twall s\tCPU s\tpeak MB\tdocs/s\trows\tvalidate wall s\tvalidate CPU s"
        "\twall ratio\tCPU ratio\tincr. s\tincr/full"
    )
    for form in args.form or FORMS:
        results = []
        for size in args.sizes:
            with tempfile.TemporaryDirectory() as folder:
                row = convert_row(size, form, Path(folder), args.verbose)
            results.append(row)
            print("\t".join(row), flush=True)
        if len(results) > 1:
            first, last = results[0], results[-1]
            print(f"{form}: peak memory at N={last[1]} / N={first[1]}: {float(last[6]) / float(first[6]):.2f}x")
    print("\nPDF\tpages\tms/page (read.pdf.extract_text, as undocs extract)")
    print("\n".join(pdf_rows()))
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"\nbench CPU: {usage.ru_utime + usage.ru_stime:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
