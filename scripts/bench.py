"""Benchmark: convert + validate N varied resolution-length documents (``make bench``).

Variants come from the seed and, when ``../shared/corpus`` is present, the corpus resolutions:
preambular paragraphs reordered, operative paragraphs dropped and renumbered, lines re-wrapped
and pages broken elsewhere, each under its own symbol, so no two documents are identical.
Each N runs in a fresh process so its peak memory is its own.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from undocs import cli, paths
from undocs.parse import render
from undocs.publish import package
from undocs.read.sources import load_manifest, read_lines

SIZES = (1, 10, 100, 1000)
CORPUS = paths.ROOT.parent / "shared" / "corpus"


def bases() -> list[render.Printed]:
    entry = load_manifest()[0]
    found = [render.read(read_lines(entry.path), str(entry.metadata["symbol"]))]
    for name in ("A_RES_73_6", "A_RES_73_7", "A_RES_73_8"):
        for extractor in ("pdfminer", "pypdf"):
            path = CORPUS / f"{name}.{extractor}.txt"
            if path.is_file():
                found.append(render.read(read_lines(path)))
    return found


def groups(printed: render.Printed) -> list[list[tuple[str, str]]]:
    """Top-level paragraphs with their subparagraphs."""
    out: list[list[tuple[str, str]]] = []
    for label, text in printed.paragraphs:
        if label.startswith("(") and out:
            out[-1].append((label, text))
        else:
            out.append([(label, text)])
    return out


def variant(base: render.Printed, number: int) -> str:
    rng = random.Random(number)
    parts = groups(base)
    preamble = [group for group in parts if not group[0][0]]
    operative = [group for group in parts if group[0][0]]
    rng.shuffle(preamble)
    keep = sorted(rng.sample(range(len(operative)), max(2, len(operative) - rng.randint(0, 3))))
    paragraphs = [item for group in preamble for item in group]
    for new_number, index in enumerate(keep, start=1):
        (_, text), *subparagraphs = operative[index]
        paragraphs += [(f"{new_number}.", text), *subparagraphs]
    symbol = f"A/BENCH/{number}"
    front = [symbol, *[line for line in base.front if not line.strip().startswith("A/")]]
    printed = render.Printed(front, base.chapeau, paragraphs, base.notes)
    breaks = {rng.randint(1, 400) for _ in range(rng.randint(0, 12))}
    return render.pdf_layout(printed, rng.randint(60, 120), breaks, symbol, blank_lines=rng.random() < 0.5)


def run_one(size: int, folder: Path) -> None:
    """Child process: write ``size`` documents, convert and validate them, print one result line."""
    templates = bases()
    files = []
    for number in range(size):
        path = folder / "in" / f"doc{number:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(variant(templates[number % len(templates)], number), encoding="utf-8")
        files.append(str(path))
    spent = {"validate": 0.0}
    check = package.check

    def timed(target: Path, staged: package.Staged, validator) -> list[str]:
        start = time.perf_counter()
        try:
            return check(target, staged, validator)
        finally:
            spent["validate"] += time.perf_counter() - start

    package.check = timed
    argv = ["-q", "convert", *files, "--out", str(folder / "out"), "--cache", str(folder / "cache")]
    start = time.perf_counter()
    assert cli.main(argv) == 0
    full = time.perf_counter() - start
    # Incremental: one source changes, the rest come from the cache.
    Path(files[0]).write_text(Path(files[0]).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    start = time.perf_counter()
    assert cli.main(argv) == 0
    incremental = time.perf_counter() - start
    rows = sum(
        len(path.read_text(encoding="utf-8").splitlines()) - 1 for path in (folder / "out" / "data").glob("*.csv")
    )
    memory = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    # Validation ran twice (full and incremental); its share is of the two runs together.
    share = spent["validate"] / (full + incremental)
    print(f"{size}\t{full:.2f}\t{rows}\t{memory / 1024:.0f}\t{share:.2f}\t{incremental:.2f}")


def main() -> int:
    if len(sys.argv) == 3:
        run_one(int(sys.argv[1]), Path(sys.argv[2]))
        return 0
    sizes = [int(size) for size in sys.argv[1:]] or list(SIZES)
    print(
        f"{'N':>5} {'seconds':>8} {'docs/s':>7} {'rows':>7} {'rows/s':>8} {'peak MB':>8} {'validate':>8} {'incr. s':>8} {'incr/full':>9}"
    )
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run(
                [sys.executable, __file__, str(size), folder], check=True, capture_output=True, text=True
            )
        n, full, rows, memory, share, incremental = done.stdout.split()
        full_s, inc_s = float(full), float(incremental)
        results.append((int(n), full_s, float(memory), inc_s))
        print(
            f"{n:>5} {full_s:>8.2f} {int(n) / full_s:>7.1f} {rows:>7} {int(rows) / full_s:>8.0f} {memory:>8} "
            f"{float(share):>8.0%} {inc_s:>8.2f} {inc_s / full_s:>9.0%}"
        )
    n, full_s, memory, inc_s = results[-1]
    targets = full_s < 60 and memory < 1024 and inc_s <= 0.1 * full_s
    print(
        f"summary: {n} documents converted and validated in {full_s:.1f} s (target < 60 s), peak memory {memory:.0f} MB "
        f"(target < 1024 MB), incremental rebuild {inc_s / full_s:.0%} of a full build (target <= 10%): "
        f"{'all targets met' if targets else 'targets missed, see README Performance'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
