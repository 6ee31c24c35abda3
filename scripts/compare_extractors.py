"""Compare PDF text extractors on the corpus resolutions: what the parser makes of each one's text.

Usage: .venv/bin/python scripts/compare_extractors.py [CORPUS_DIR]   (default: ../shared/corpus)

Each extractor's text of each PDF goes through the same resolution parser; the reference is
the parse of undocs' own extraction (pdfplumber with layout), whose ids and counts
tests/test_corpus.py checks against the PDFs. Columns:

- ms/page: extraction time per page (best of 3 runs);
- ids: documents whose paragraph ids are exactly the reference's;
- same text: paragraphs whose text equals the reference's once whitespace is removed;
- notes placed: notes attached to the same paragraph as in the reference;
- certain markers: markers printed as superscripts in the extracted text (only a layout-aware
  extraction can tell them; plain text flattens "2030³" to "20303").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from undocs.parse import patterns
from undocs.parse.resolution import ParsedText, parse_resolution
from undocs.read import pdf
from undocs.read.sources import decode_lines

ROOT = Path(__file__).resolve().parents[1]


def with_pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n\f".join(page.extract_text() for page in PdfReader(path).pages)  # as the corpus files are


def with_pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


def with_pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pypdf": with_pypdf,
    "pdfminer.six": with_pdfminer,
    "pdftotext (Poppler)": with_pdftotext,
    "undocs (pdfplumber + layout)": pdf.extract_text,
}


def timed(extract: Callable[[Path], str], path: Path) -> tuple[str, float]:
    best, text = float("inf"), ""
    for _ in range(3):
        start = time.perf_counter()
        text = extract(path)
        best = min(best, time.perf_counter() - start)
    return text, best


def parse(text: str, name: str) -> ParsedText | None:
    try:
        return parse_resolution(decode_lines(text.encode("utf-8"), name), name)
    except Exception as error:  # a parse that fails counts as no paragraph right
        print(f"  {name}: {error}", file=sys.stderr)
        return None


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def score(parsed: ParsedText | None, reference: ParsedText) -> tuple[int, int, int]:
    """(ids exact, paragraphs with the same text, notes in the same paragraph)."""
    if parsed is None:
        return 0, 0, 0
    texts = {p.paragraph_id: squeeze(p.text) for p in parsed.paragraphs}
    same = sum(texts.get(p.paragraph_id) == squeeze(p.text) for p in reference.paragraphs)
    notes = {(n.footnote_id, n.paragraph_id) for n in parsed.footnotes}
    placed = sum((n.footnote_id, n.paragraph_id) in notes for n in reference.footnotes)
    ids = [p.paragraph_id for p in parsed.paragraphs] == [p.paragraph_id for p in reference.paragraphs]
    return int(ids), same, placed


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    pdfs = sorted(corpus.glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs in {corpus}", file=sys.stderr)
        return 1
    import pdfplumber

    pages = {path: len(pdfplumber.open(path).pages) for path in pdfs}
    references = {path: parse(pdf.extract_text(path), path.name) for path in pdfs}
    totals = (sum(len(r.paragraphs) for r in references.values()), sum(len(r.footnotes) for r in references.values()))
    print(f"{len(pdfs)} PDFs, {sum(pages.values())} pages, {totals[0]} paragraphs, {totals[1]} notes\n")
    print("| extractor | ms/page | ids | same text | notes placed | certain markers |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, extract in EXTRACTORS.items():
        if name.startswith("pdftotext") and not shutil.which("pdftotext"):
            print(f"| {name} | not installed (apt-get install poppler-utils) | | | | |")
            continue
        seconds, ids, same, placed, certain = 0.0, 0, 0, 0, 0
        for path in pdfs:
            text, elapsed = timed(extract, path)
            seconds += elapsed
            certain += len(patterns.SUPERSCRIPT_RUN.findall(text))
            scores = score(parse(text, f"{path.name} ({name})"), references[path])
            ids, same, placed = ids + scores[0], same + scores[1], placed + scores[2]
        print(
            f"| {name} | {1000 * seconds / sum(pages.values()):.0f} | {ids}/{len(pdfs)} | {same}/{totals[0]} "
            f"| {placed}/{totals[1]} | {certain} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
