"""Compare PDF text extractors on the corpus resolutions: what the parser makes of each one's text.

Usage: .venv/bin/python scripts/compare_extractors.py [CORPUS_DIR]   (default: ../shared/corpus)
       .venv/bin/python scripts/compare_extractors.py --speed DIR    (undocs' extraction of every PDF under DIR)
Needs the dev extras (pypdf, pdfplumber, which brings pdfminer.six) and, for its row, Poppler's pdftotext.

Each extractor's text of each PDF goes through the same resolution parser; the reference is
the parse of undocs' own extraction (``undocs.read.pdf.extract_text``), whose ids and counts
tests/test_corpus.py checks against the PDFs. Two kinds of candidates:

- plain text, as each library lays it out (pypdf, pdfminer.six's layout analysis, pdftotext);
- characters with their boxes, fonts and sizes, which undocs lays out itself (``pdf.words``,
  ``pdf.lay_out``: superscript markers, notes under the body, furniture by position, indents,
  link annotations): pypdfium2's text page (undocs' extractor), pdfminer.six's characters with
  no layout analysis, pdfplumber's characters, and pdfplumber's ``extract_words()`` (undocs'
  extraction before pypdfium2; pdfplumber's word boxes leave the glue between words to the gap).

Columns:

- ms/page: CPU time per page, best of 3 runs (CPU, not wall time: the machine is shared; a
  subprocess's time is counted);
- ids: documents whose paragraph ids are exactly the reference's;
- same text: paragraphs whose text equals the reference's once whitespace is removed;
- notes placed: notes attached to the same paragraph as in the reference;
- certain markers: markers printed as superscripts in the extracted text (only a layout-aware
  extraction can tell them; plain text flattens "2030³" to "20303").
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdfium2
from pdfminer.layout import LTChar, LTContainer

from undocs.parse import patterns
from undocs.parse.resolution import ParsedText, parse_resolution
from undocs.read import pdf
from undocs.read.sources import decode_lines

ROOT = Path(__file__).resolve().parents[1]
GAP = 1.0  # pdfplumber's words: one less than this (points) after the one before it on its line continues it


def with_pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n\f".join(page.extract_text() for page in PdfReader(path).pages)  # as the corpus files are


def with_pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


def with_pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def with_pdfminer_chars(path: Path) -> str:
    """pdfminer.six's characters as its interpreter draws them, with no layout analysis (laparams=None)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    with path.open("rb") as handle:
        for page in PDFPage.get_pages(handle):
            interpreter.process_page(page)
            layout = device.get_result()
            runs = [
                pdf.Run(
                    char.get_text(),
                    char.x0,
                    char.x1,
                    layout.y1 - char.y1,
                    layout.y1 - char.y0,
                    round(char.size, 1),
                    "Bold" in char.fontname,
                )
                for char in _pdfminer_chars(layout)
            ]
            pages.append(pdf.Page(pdf.words(runs), layout.height, _pdfminer_links(page, layout.y1)))
    return pdf.lay_out(pages)


def _pdfminer_chars(container: LTContainer) -> Iterator[LTChar]:
    for item in container:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            yield from _pdfminer_chars(item)


def _pdfminer_links(page, top: float) -> list[pdf.Link]:
    from pdfminer.pdftypes import resolve1

    links = []
    for annotation in map(resolve1, resolve1(page.annots) or []):
        uri = resolve1(resolve1(annotation.get("A") or {}).get("URI"))
        if isinstance(uri, bytes):
            x0, _, _, y1 = resolve1(annotation["Rect"])
            links.append(pdf.Link(top - y1, x0, uri.decode("utf-8", "replace")))
    return links


def with_pdfplumber_chars(path: Path) -> str:
    """pdfplumber's characters (``page.chars``), laid out by undocs instead of ``extract_text(layout=True)``."""
    import pdfplumber

    with pdfplumber.open(path) as document:
        return pdf.lay_out(
            [
                pdf.Page(pdf.words(map(_plumber_run, page.chars)), page.height, _plumber_links(page))
                for page in document.pages
            ]
        )


def _plumber_run(char: dict) -> pdf.Run:
    bold = "Bold" in char["fontname"]
    return pdf.Run(char["text"], char["x0"], char["x1"], char["top"], char["bottom"], round(char["size"], 1), bold)


def _plumber_links(page) -> list[pdf.Link]:
    return [pdf.Link(link["top"], link["x0"], link["uri"]) for link in page.hyperlinks if link.get("uri")]


def with_pdfplumber_words(path: Path) -> str:
    """undocs before pypdfium2: pdfplumber's ``extract_words()``, split at changes of size and font."""
    import pdfplumber

    with pdfplumber.open(path) as document:
        return pdf.lay_out(
            [pdf.Page(_plumber_words(page), page.height, _plumber_links(page)) for page in document.pages]
        )


def _plumber_words(page) -> list[pdf.Word]:
    words = [
        pdf.Word(
            word["text"],
            word["x0"],
            word["x1"],
            word["top"],
            word["bottom"],
            round(word["size"], 1),
            "Bold" in word["fontname"],
        )
        for word in page.extract_words(extra_attrs=["size", "fontname"])
    ]
    glued = set()
    for line in pdf._lines(words):  # the lines lay_out will make of them
        ordered = sorted(line.words, key=lambda word: word.x0)
        glued |= {id(word) for before, word in itertools.pairwise(ordered) if word.x0 - before.x1 < GAP}
    return [dataclasses.replace(word, glued=id(word) in glued) for word in words]


def _version(package: str) -> str:
    from importlib.metadata import version

    return f"{package} {version(package)}"


def _poppler() -> str:
    result = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    return "Poppler pdftotext " + re.search(r"[\d.]+", result.stderr).group()


# name, licence, extract
EXTRACTORS: list[tuple[Callable[[], str], str, Callable[[Path], str]]] = [
    (lambda: f"{_version('pypdf')} `extract_text()`", "BSD-3-Clause", with_pypdf),
    (lambda: f"{_version('pdfminer.six')} `extract_text()`", "MIT", with_pdfminer),
    (lambda: f"{_poppler()} (a program)", "GPL-2.0/3.0", with_pdftotext),
    (lambda: f"{_version('pdfplumber')} `extract_words()` + undocs layout (before)", "MIT", with_pdfplumber_words),
    (lambda: f"{_version('pdfplumber')} `page.chars` + undocs layout", "MIT", with_pdfplumber_chars),
    (lambda: f"{_version('pdfminer.six')} characters, no layout analysis, + undocs layout", "MIT", with_pdfminer_chars),
    (
        lambda: f"{_version('pypdfium2')} text page + undocs layout (chosen)",
        "Apache-2.0/BSD-3-Clause",
        pdf.extract_text,
    ),
]


def cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(extract: Callable[[Path], str], path: Path) -> tuple[str, float]:
    best, text = float("inf"), ""
    for _ in range(3):
        start = cpu_seconds()
        text = extract(path)
        best = min(best, cpu_seconds() - start)
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


def speed(folder: Path) -> int:
    """Pages and CPU ms/page of undocs' extraction of each PDF under the folder, and in all."""
    pages, seconds = 0, 0.0
    for path in sorted(folder.rglob("*.pdf")):
        count = len(pypdfium2.PdfDocument(path))
        _, elapsed = timed(pdf.extract_text, path)
        pages, seconds = pages + count, seconds + elapsed
        print(f"{path.relative_to(folder)}: {count} pages, {1000 * elapsed / count:.1f} ms/page")
    print(f"all: {pages} pages, {1000 * seconds / max(pages, 1):.1f} ms/page")
    return 0 if pages else 1


def main() -> int:
    if sys.argv[1:2] == ["--speed"]:
        return speed(Path(sys.argv[2]))
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    pdfs = sorted(corpus.glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs in {corpus}", file=sys.stderr)
        return 1
    pages = sum(len(pypdfium2.PdfDocument(path)) for path in pdfs)
    references = {path: parse(pdf.extract_text(path), path.name) for path in pdfs}
    totals = (sum(len(r.paragraphs) for r in references.values()), sum(len(r.footnotes) for r in references.values()))
    print(f"{len(pdfs)} PDFs, {pages} pages, {totals[0]} paragraphs, {totals[1]} notes\n")
    print(
        "| extractor | licence | ms/page | paragraph ids right | same text (whitespace ignored) | notes in the right paragraph | certain markers |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, licence, extract in EXTRACTORS:
        if extract is with_pdftotext and not shutil.which("pdftotext"):
            print(f"| Poppler pdftotext | {licence} | not installed (apt-get install poppler-utils) | | | | |")
            continue
        seconds, ids, same, placed, certain = 0.0, 0, 0, 0, 0
        for path in pdfs:
            text, elapsed = timed(extract, path)
            seconds += elapsed
            certain += len(patterns.SUPERSCRIPT_RUN.findall(text))
            scores = score(parse(text, f"{path.name} ({name()})"), references[path])
            ids, same, placed = ids + scores[0], same + scores[1], placed + scores[2]
        print(
            f"| {name()} | {licence} | {1000 * seconds / pages:.0f} | {ids}/{len(pdfs)} | {same}/{totals[0]} "
            f"| {placed}/{totals[1]} | {certain} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
