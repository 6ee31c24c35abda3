"""Benchmark (``make bench``): convert real UN resolutions cold, as a user runs ``undocs convert``.

Input: the official resolutions of ``../shared/akn/`` (GA 75-80, HRC 54-60), printed as the text
a PDF's extraction gives (``scripts/akn_text.py``), in a fixed order (sorted by file name).
Resolutions the parser (or an analysis) still stops on are left out of the timed set, and counted
(``-v`` lists them).

For each N (default 250 and 1000), with a cold cache: the whole ``undocs convert`` command (process
start included) timed for wall and CPU seconds (its workers included) and peak memory (the
largest process); then ``frictionless validate`` of the package it made, timed the same way in
the same run, and the ratio; then an incremental rebuild after one source changed. Last, the PDF
path: ms per page of ``undocs extract`` on the corpus PDFs and the UPR PDFs.

    .venv/bin/python scripts/bench.py [N ...]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

import akn_text  # noqa: E402
from undocs import paths, pipeline  # noqa: E402
from undocs.parse.document import parse_file  # noqa: E402

SHARED = paths.ROOT.parent / "shared"
SIZES = (250, 1000)
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


def _render(job: tuple[Path, Path]) -> tuple[str, str, str]:
    """Print one resolution as text: its file, its document id, and '' if the pipeline reads it
    (parse and analysis), else why it stops."""
    source, target = job
    try:
        target.write_text(akn_text.text(source), encoding="utf-8")
        document_id = pipeline.document(parse_file, target).unit.document_id
    except Exception as error:
        return str(target), "", f"{source.name}: {type(error).__name__}: {str(error).splitlines()[0][:100]}"
    return str(target), document_id, ""


def inputs(count: int, folder: Path) -> tuple[list[str], list[str]]:
    """The first ``count`` resolutions the parser reads, as text files; and those it stops on.

    English texts only, one per symbol (the folders hold a few reissues and other languages).
    """
    sources = sorted((SHARED / "akn").glob("*/[0-9]*/*E*.xml"), key=lambda path: path.name)
    files, stopped, seen = [], [], set()
    folder.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor() as pool:
        start = 0
        while len(files) < count and start < len(sources):
            batch = sources[start : start + count - len(files)]
            jobs = [(source, folder / f"{source.stem}.txt") for source in batch]
            for target, document_id, problem in pool.map(_render, jobs, chunksize=8):
                if problem:
                    stopped.append(problem)
                elif document_id not in seen:
                    seen.add(document_id)
                    files.append(target)
            start += len(batch)
    return files, stopped


def convert_row(size: int, folder: Path) -> list[str]:
    files, stopped = inputs(size, folder / "in")
    out, cache = folder / "out", folder / "cache"
    command = [str(BIN / "undocs"), "-q", "convert", *files, "--out", str(out), "--cache", str(cache)]
    load = os.getloadavg()[0]
    full = measured(command)
    assert full["code"] == 0, f"convert failed on {size} documents"
    validate = measured([str(BIN / "frictionless"), "validate", str(out / "datapackage.json")])
    Path(files[0]).write_text(Path(files[0]).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    incremental = measured(command)
    rows = sum(len(path.read_text(encoding="utf-8").splitlines()) - 1 for path in (out / "data").glob("*.csv"))
    if "-v" in sys.argv:
        print("\n".join(f"  stopped: {problem}" for problem in stopped))
    return [
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
        f"{incremental['wall']:.2f}",
        f"{incremental['wall'] / full['wall']:.0%}",
    ]


def pdf_rows() -> list[str]:
    """ms per page of ``read.pdf.extract_text`` (what ``undocs extract`` prints), in this process."""
    from undocs.read import pdf as reader

    pdfs = sorted((SHARED / "corpus").glob("*.pdf")) + sorted((SHARED / "upr").rglob("*.pdf"))
    out = []
    for path in pdfs:
        start = time.perf_counter()
        try:
            pages = reader.extract_text(path).count("\f") + 1
        except Exception as error:
            out.append(f"{path.relative_to(SHARED)}\t-\t{type(error).__name__}")
            continue
        seconds = time.perf_counter() - start
        out.append(f"{path.relative_to(SHARED)}\t{pages}\t{seconds * 1000 / pages:.0f}")
    return out


def main() -> int:
    if not (SHARED / "akn").is_dir():
        print(f"skipped: {SHARED / 'akn'} is absent (the shared test data sits beside the repository)")
        return 0
    sizes = [int(size) for size in sys.argv[1:] if size != "-v"] or list(SIZES)
    header = (
        "N\tstopped\tload\twall s\tCPU s\tpeak MB\tdocs/s\trows\tvalidate wall s\tvalidate CPU s"
        "\twall ratio\tCPU ratio\tincr. s\tincr/full"
    )
    print(header)
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            row = convert_row(size, Path(folder))
        results.append(row)
        print("\t".join(row), flush=True)
    if len(results) > 1:
        print(
            f"peak memory {results[-1][5]} MB at N={results[-1][0]} / {results[0][5]} MB at N={results[0][0]}: "
            f"{float(results[-1][5]) / float(results[0][5]):.2f}x"
        )
    print("\nPDF\tpages\tms/page (read.pdf.extract_text, as undocs extract)")
    print("\n".join(pdf_rows()))
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"\nbench CPU: {usage.ru_utime + usage.ru_stime:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
