"""Stage 0 for PDF sources, extract: lay a UN PDF out as the text the resolution parser reads.

The PDF knows more than its text: each character's font size and position. That is used to
make the text exact where plain extraction guesses:

- a footnote marker is a small, raised number: it becomes Unicode superscript digits
  (``Development,²``), which ``footnotes.py`` takes as certain markers;
- a note is a line that starts with such a number under the body: it is written
  `` 2  Resolution 70/1.``, after a ``____`` separator line;
- a paragraph's first line is indented, and a heading changes font: such a line is written
  with a leading space, as the seed text writes a paragraph's first line;
- the running header and footer (symbol, page and job numbers, bar code) lie in the top and
  bottom margins: they are dropped by position (the first page's header is the front matter
  and is kept);
- the page's link annotations (URI actions) are written as ``https://`` lines after its text,
  so they become the document's links with their page numbers;
- pages are separated by form feeds, so line numbers and pages are those of ``undocs extract``.

Then the same parser as for text runs on it, so ids and tables do not depend on the input.

>>> words = [_Word("Development,", 123.4, 180.0, 116.0, 126.0, 10.0), _Word("2", 183.9, 187.1, 115.5, 122.0, 6.5),
...          _Word("of", 189.6, 198.0, 116.0, 126.0, 10.0)]
>>> [line.text(margin=123.4) for line in _lines(words)]
['Development,² of']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from undocs.errors import SourceError
from undocs.models import SourceLine
from undocs.parse import patterns
from undocs.read.sources import decode_lines

# A word smaller than this share of its line's font size, and raised, is a superscript.
SUPERSCRIPT_RATIO = 0.8
# The running header lies above this share of the page height, the footer below the second.
HEADER_BAND, FOOTER_BAND = 0.09, 0.935
# A line that starts this many points right of the text's left margin opens a paragraph.
INDENT = 3.0
# Two words closer than this (points) were one word split by a change of font size.
WORD_GAP = 1.0
SEPARATOR = "__________________"


def extractor() -> str:
    """The library and version that read the PDF, as ``documents.extractor`` records it."""
    import pdfplumber  # imported here: only PDF sources need it

    return f"pdfplumber {pdfplumber.__version__}"


@dataclass(frozen=True)
class _Word:
    """A word as the PDF places it: text, box (points from the page's top left) and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Line:
    """The words printed on one baseline, superscripts included."""

    top: float
    bottom: float
    size: float
    words: list[_Word] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(word.x0 for word in self.words)

    @property
    def style(self) -> tuple[float, bool]:
        """Font size and boldness of most of the line's letters: a heading's differ from the body's."""
        counts = Counter((word.size, word.bold) for word in self.words for _ in word.text)
        return counts.most_common(1)[0][0]

    def is_superscript(self, word: _Word) -> bool:
        return (
            word.size < SUPERSCRIPT_RATIO * self.size
            and word.bottom < self.bottom - 1
            and bool(patterns.MARKER_WORD.match(word.text))
        )

    def note_number(self) -> str:
        """The number of the note this line starts (a superscript opening the line), or ''."""
        first = min(self.words, key=lambda word: word.x0)
        return first.text if self.is_superscript(first) and len(self.words) > 1 else ""

    def text(self, margin: float, new_style: bool = False) -> str:
        """The line as the parser reads it; a line that opens a unit (indented, or a heading) starts with a space."""
        out, previous = "", None
        for word in sorted(self.words, key=lambda word: word.x0):
            superscript = self.is_superscript(word)
            text = word.text.translate(SUPERSCRIPTS) if superscript else word.text
            joined = previous is not None and (superscript or word.x0 - previous.x1 < WORD_GAP)
            out += text if joined or previous is None else f" {text}"
            previous = word
        return f" {out}" if self.x0 > margin + INDENT or new_style else out


SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _lines(words: list[_Word]) -> list[_Line]:
    """Group words into lines: the largest text sets each line's band, smaller words join the band they sit in."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda word: (-word.size, word.top)):
        line = next((line for line in lines if line.top <= word.middle <= line.bottom), None)
        if line is None:
            line = _Line(word.top, word.bottom, word.size)
            lines.append(line)
        line.words.append(word)
    return sorted(lines, key=lambda line: line.bottom)


@dataclass(frozen=True)
class _Layout:
    """What holds for every page of a document: the body's font size and left margin."""

    size: float
    margin: float

    @classmethod
    def of(cls, pages: list[list[_Line]]) -> _Layout:
        """The body's font size (most words) and margin (where most body lines start)."""
        sizes = Counter(line.size for lines in pages for line in lines for _ in line.words)
        size = sizes.most_common(1)[0][0] if sizes else 0.0
        starts = Counter(round(line.x0, 1) for lines in pages for line in lines if line.size == size)
        return cls(size, starts.most_common(1)[0][0] if starts else 0.0)


def _page_lines(lines: list[_Line], height: float, first_page: bool, layout: _Layout) -> list[str]:
    """A page's text lines: furniture dropped, notes written after a separator."""
    lines = [
        line
        for line in lines
        if line.bottom <= FOOTER_BAND * height and (first_page or line.bottom >= HEADER_BAND * height)
    ]
    body_bottom = max((line.bottom for line in lines if line.size >= layout.size), default=0.0)
    out: list[str] = []
    in_notes = False
    for index, line in enumerate(lines):
        text = line.text(layout.margin, index > 0 and line.style != lines[index - 1].style)
        if patterns.SEPARATOR_LINE.match(text):
            text, in_notes = SEPARATOR, True
        number = line.note_number()
        if number and not in_notes and line.bottom >= body_bottom:
            out.append(SEPARATOR)  # the PDF draws the separator as a rule, not as text
            in_notes = True
        if number and in_notes:
            rest = text.strip()[len(number.translate(SUPERSCRIPTS)) :].strip()
            text = f" {number}  {rest}"
        out.append(text)
    return out


def _links(page) -> list[str]:
    """The page's link annotations (URI actions) in reading order, each once."""
    links = sorted(page.hyperlinks, key=lambda link: (round(link["top"]), link["x0"]))
    return list(dict.fromkeys(link["uri"] for link in links if link.get("uri")))


def _words(page) -> list[_Word]:
    return [
        _Word(
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


def extract_text(path: Path, display: str | None = None) -> str:
    """The PDF as text: pages separated by form feeds, each followed by its links."""
    import pdfplumber  # imported here: only PDF sources need it
    from pdfplumber.utils.exceptions import PdfminerException

    display = display or str(path)
    try:
        with pdfplumber.open(path) as pdf:
            pages = [(page, _lines(_words(page))) for page in pdf.pages]
            layout = _Layout.of([lines for _, lines in pages])
            texts = [
                "\n".join(_page_lines(lines, page.height, number == 0, layout) + _links(page))
                for number, (page, lines) in enumerate(pages)
            ]
    except PdfminerException as error:
        if _is_encrypted(error):
            raise SourceError(
                display,
                "the PDF is encrypted: it needs a password to be read",
                "give an unencrypted copy (for example `qpdf --decrypt --password=... in.pdf out.pdf`) or its text",
            ) from None
        raise SourceError(
            display, f"the file is not a readable PDF ({error})", "give the PDF as the UN publishes it, or its text"
        ) from None
    if not any(text.strip() for text in texts):
        raise SourceError(display, "the PDF has no text layer (a scan?)", "run OCR on it first, or give its text")
    return "\n\f".join(texts) + "\n"


def _is_encrypted(error: Exception) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return any(isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) for cause in error.args)


def read_pdf_lines(path: Path, display: str | None = None) -> list[SourceLine]:
    """The PDF's text as numbered lines, exactly as ``undocs extract`` prints it."""
    display = display or str(path)
    return decode_lines(extract_text(path, display).encode("utf-8"), display)
