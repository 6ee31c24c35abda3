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
pdfium (through pypdfium2) reads the PDF: characters with their boxes, fonts and sizes, and
the link annotations; ``words``, ``lay_out`` and the rest do not depend on the library
(``scripts/compare_extractors.py`` feeds them other libraries' characters).

>>> words = [Word("Development,", 123.4, 180.0, 116.0, 126.0, 10.0), Word("2", 183.9, 187.1, 115.5, 122.0, 6.5),
...          Word("of", 189.6, 198.0, 116.0, 126.0, 10.0)]
>>> [line.text(margin=123.4) for line in _lines(words)]
['Development,² of']
"""

from __future__ import annotations

import bisect
import ctypes
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from undocs.errors import SourceError
from undocs.models import SourceLine
from undocs.read import pdf_patterns as patterns
from undocs.read.sources import decode_lines

# A word smaller than this share of its line's font size, and raised, is a superscript.
SUPERSCRIPT_RATIO = 0.8
# The running header lies above this share of the page height, the footer below the second.
HEADER_BAND, FOOTER_BAND = 0.09, 0.935
# A line that starts this many points right of the text's left margin opens a paragraph.
INDENT = 3.0
# Characters this far apart (a share of the font size) are two words even with no space between
# them: a space is a quarter of the size, the letters of a justified word stand much closer.
WORD_SPACE = 0.2
SEPARATOR = "__________________"


def extractor() -> str:
    """The library and version that read the PDF, as ``documents.extractor`` records it."""
    import pypdfium2  # imported here: only PDF sources need it

    return f"pypdfium2 {pypdfium2.version.PYPDFIUM_INFO.tag}"


@dataclass(slots=True)
class Run:
    """Characters drawn together: text, box (points from the page's top left), font size and weight.

    One character, or (pdfium) those of one text object between two spaces: one font, size and baseline.
    """

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


@dataclass(slots=True)
class Word(Run):
    """A word as the PDF places it.

    ``glued``: it continues the word before it, from which only a change of size or weight parted it.
    """

    glued: bool = False


@dataclass
class _Line:
    """The words printed on one baseline, superscripts included."""

    top: float
    bottom: float
    size: float
    words: list[Word] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(word.x0 for word in self.words)

    @property
    def style(self) -> tuple[float, bool]:
        """Font size and boldness of most of the line's letters: a heading's differ from the body's."""
        counts: Counter[tuple[float, bool]] = Counter()
        for word in self.words:
            counts[word.size, word.bold] += len(word.text)
        return counts.most_common(1)[0][0]

    def is_superscript(self, word: Word) -> bool:
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
            joined = previous is not None and (superscript or word.glued)
            out += text if joined or previous is None else f" {text}"
            previous = word
        return f" {out}" if self.x0 > margin + INDENT or new_style else out


SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _lines(words: list[Word]) -> list[_Line]:
    """Group words into lines: the largest text sets each line's band, smaller words join the band they sit in.

    A word joins the first line made whose band holds its middle; the bands are kept sorted by
    their tops, so only those that start above the middle, by less than the tallest band, are tried.
    """
    lines: list[_Line] = []
    tops: list[tuple[float, int]] = []  # (band top, index in lines), sorted
    tallest = 0.0
    for word in sorted(words, key=lambda word: (-word.size, word.top)):
        middle = word.middle
        start = bisect.bisect_left(tops, (middle - tallest, -1))
        end = bisect.bisect_right(tops, (middle, len(lines)))
        held = [index for _, index in tops[start:end] if middle <= lines[index].bottom]
        if held:
            line = lines[min(held)]
        else:
            line = _Line(word.top, word.bottom, word.size)
            bisect.insort(tops, (line.top, len(lines)))
            lines.append(line)
            tallest = max(tallest, line.bottom - line.top)
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
    styles = [line.style for line in lines]
    out: list[str] = []
    in_notes = False
    for index, line in enumerate(lines):
        text = line.text(layout.margin, index > 0 and styles[index] != styles[index - 1])
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


class Link(NamedTuple):
    """A link annotation's URI and where its box starts (points from the page's top left)."""

    top: float
    x0: float
    uri: str


@dataclass(frozen=True)
class Page:
    """What the layout needs of a page: its words, height and link annotations."""

    words: list[Word]
    height: float
    links: list[Link]


def words(runs: Iterable[Run]) -> list[Word]:
    """Runs of characters, in the order the PDF draws them, joined into words.

    A space ends a word, and so does a gap wider than ``WORD_SPACE``, a step back, or a move to
    another line; a change of font size or weight ends it too, but glues the next word to it.

    >>> runs = [Run("of", 10, 19, 0, 10, 10.0, False), Run("2", 19.5, 22, -1, 5.5, 6.5, False),
    ...         Run(",", 22, 24, 0, 10, 10.0, False), Run(" ", 24, 26, 0, 10, 10.0, False),
    ...         Run("a", 26.5, 31, 0, 10, 10.0, False), Run("b", 33.5, 38, 0, 10, 10.0, False)]
    >>> [(word.text, word.size, word.glued) for word in words(runs)]
    [('of', 10.0, False), ('2', 6.5, True), (',', 10.0, True), ('a', 10.0, False), ('b', 10.0, False)]
    """
    out: list[Word] = []
    word: list[Run] = []
    glued = False
    for run in runs:
        space = run.text.isspace()
        if word and (space or _apart(word[-1], run) or _restyled(word[-1], run)):
            out.append(_word(word, glued))
            word, glued = [], not space and not _apart(word[-1], run)
        if not space:
            word.append(run)
    if word:
        out.append(_word(word, glued))
    return out


def _apart(last: Run, run: Run) -> bool:
    """The run does not follow the one before on its line: a gap, a step back, another line."""
    follows = last.x0 <= run.x0 <= last.x1 + WORD_SPACE * last.size
    return not (follows and (_within(run, last) or _within(last, run)))


def _within(run: Run, band: Run) -> bool:
    return band.top <= run.middle <= band.bottom


def _restyled(last: Run, run: Run) -> bool:
    return (run.size, run.bold) != (last.size, last.bold)


def _word(runs: list[Run], glued: bool) -> Word:
    first = runs[0]
    return Word(
        "".join(run.text for run in runs),
        first.x0,
        runs[-1].x1,
        min(run.top for run in runs),
        max(run.bottom for run in runs),
        first.size,
        first.bold,
        glued,
    )


def lay_out(pages: list[Page]) -> str:
    """The pages as the parser reads them: separated by form feeds, each followed by its links."""
    lines = [_lines(page.words) for page in pages]
    layout = _Layout.of(lines)
    texts = [
        "\n".join(_page_lines(page_lines, page.height, number == 0, layout) + _uris(page.links))
        for number, (page, page_lines) in enumerate(zip(pages, lines, strict=True))
    ]
    return "\n\f".join(texts) + "\n"


def _uris(links: list[Link]) -> list[str]:
    """The page's link URIs in reading order, each once."""
    return list(dict.fromkeys(link.uri for link in sorted(links, key=lambda link: (round(link.top), link.x0))))


# pdfium. A call into it costs about as much as laying a character out, so the page's text is
# read at once, and boxes and fonts only where words and text objects start and end.
NON_SPACE = re.compile(r"\S+")
SPACE = Run(" ", 0.0, 0.0, 0.0, 0.0, 0.0, False)


def extract_text(path: Path, display: str | None = None) -> str:
    """The PDF as text: pages separated by form feeds, each followed by its links."""
    import pypdfium2  # imported here: only PDF sources need it

    display = display or str(path)
    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        if _is_encrypted(error):
            raise SourceError(
                display,
                "the PDF is encrypted: it needs a password to be read",
                "give an unencrypted copy (for example `qpdf --decrypt --password=... in.pdf out.pdf`) or its text",
            ) from None
        raise SourceError(
            display, f"the file is not a readable PDF ({error})", "give the PDF as the UN publishes it, or its text"
        ) from None
    with document:
        text = lay_out([_pdfium_page(document, page) for page in document])
    if not text.replace("\f", "").strip():
        raise SourceError(display, "the PDF has no text layer (a scan?)", "run OCR on it first, or give its text")
    return text


def _is_encrypted(error: Exception) -> bool:
    """PDFium refuses a document it cannot decrypt with "Incorrect password error"."""
    return "password" in str(error).lower()


def read_pdf_lines(path: Path, display: str | None = None) -> list[SourceLine]:
    """The PDF's text as numbered lines, exactly as ``undocs extract`` prints it."""
    display = display or str(path)
    return decode_lines(extract_text(path, display).encode("utf-8"), display)


def _pdfium_page(document, page) -> Page:
    import pypdfium2.raw as raw

    _, bottom, _, top = page.get_mediabox()
    textpage = page.get_textpage()  # held: pypdfium2 closes it when it is collected
    runs = _pdfium_runs(raw, textpage.raw, top)
    return Page(words(runs), top - bottom, _pdfium_links(raw, document.raw, page.raw, top))


def _pdfium_runs(raw, textpage, top: float) -> list[Run]:
    """The page's runs: the characters of one text object between two spaces.

    pdfium writes a space where characters stand apart even if the PDF has none there (and then
    drops the PDF's own): only a space of the PDF's is a ``SPACE``; across a generated one the gap
    decides (``words``). A generated space stands where the advance of the character before it
    ends, which the character's box overshoots by an overhang (italics, an "f"): it sets that run's end.
    """
    rect, box = raw.FS_RECTF(), raw.FPDFText_GetLooseCharBox
    object_of = ctypes.cast(
        raw.FPDFText_GetTextObject, ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
    )
    text = _pdfium_text(raw, textpage)
    styles: dict[int, tuple[float, bool]] = {}  # by text object
    runs: list[Run] = []
    end = 0
    for match in NON_SPACE.finditer(text):
        start = match.start()
        if start > end and not raw.FPDFText_IsGenerated(textpage, end):
            runs.append(SPACE)
        elif text[end:start] == " " and runs:
            box(textpage, end, rect)
            runs[-1].x1 = min(runs[-1].x1, rect.left)  # the previous word's last run
        end = match.end()
        for first, last in _pieces(raw, object_of, textpage, start, end):
            box(textpage, first, rect)
            left, upper, lower = rect.left, rect.top, rect.bottom
            box(textpage, last - 1, rect)
            key = object_of(textpage, first)
            if key not in styles:
                styles[key] = _pdfium_style(raw, textpage, first)
            size, bold = styles[key]
            upper, lower = max(upper, rect.top), min(lower, rect.bottom)
            runs.append(Run(text[first:last], left, rect.right, top - upper, top - lower, size, bold))
    return runs


def _pdfium_text(raw, textpage) -> str:
    """The text page's characters, one per index; a hyphen that ends a line is a hyphen."""
    count = raw.FPDFText_CountChars(textpage)
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", "replace")
    if len(text) != count:  # a character beyond 16 bits took two: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, index)) for index in range(count)).replace("\x02", "-")
    return text.replace("\ufffe", "-")  # how pdfium marks a hyphen at a line's end


def _pieces(raw, object_of, textpage, start: int, end: int) -> list[tuple[int, int]]:
    """The characters ``start:end`` (no space among them) cut where the text object changes."""
    if raw.FPDFText_CountRects(textpage, start, end - start) == 1:  # the usual case: one object
        return [(start, end)]
    objects = [object_of(textpage, index) for index in range(start, end)]
    cuts = [start + index for index in range(1, len(objects)) if objects[index] != objects[index - 1]]
    return list(zip([start, *cuts], [*cuts, end], strict=True))


def _pdfium_style(raw, textpage, index: int) -> tuple[float, bool]:
    """A character's font size as printed (the text matrix scales the font's) and whether its font is bold."""
    matrix, name, flags = raw.FS_MATRIX(), ctypes.create_string_buffer(256), ctypes.c_int()
    raw.FPDFText_GetMatrix(textpage, index, matrix)
    raw.FPDFText_GetFontInfo(textpage, index, name, len(name), flags)
    size = raw.FPDFText_GetFontSize(textpage, index) * math.hypot(matrix.c, matrix.d)
    return round(size, 1), b"Bold" in name.value


def _pdfium_links(raw, document, page, top: float) -> list[Link]:
    """The page's link annotations whose action opens a URI."""
    links, position, link, rect = [], ctypes.c_int(0), raw.FPDF_LINK(), raw.FS_RECTF()
    while raw.FPDFLink_Enumerate(page, position, link):
        action = raw.FPDFLink_GetAction(link)
        if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
            continue
        uri = ctypes.create_string_buffer(raw.FPDFAction_GetURIPath(document, action, None, 0))
        raw.FPDFAction_GetURIPath(document, action, uri, len(uri))
        raw.FPDFLink_GetAnnotRect(link, rect)
        if uri.value:
            x0, y1 = min(rect.left, rect.right), max(rect.top, rect.bottom)
            links.append(Link(top - y1, x0, uri.value.decode("utf-8", "replace")))
    return links
