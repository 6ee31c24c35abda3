"""Typed records that flow through the pipeline, kept in one place (as eyecite does).

Data flows one way: ``SourceLine`` -> ``Block`` (clean) -> ``Paragraph`` (segment)
-> ``Footnote`` (footnotes) -> ``ParsedDocument`` -> table rows.

>>> Paragraph("op2.a", "op2", "operative", "(a)", 3, 2, "", "Continuing reports", 431, 441).depth
2
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class LineKind(StrEnum):
    """What a line of a source is; every line gets exactly one kind (the completeness audit)."""

    BODY = "body"
    FOOTNOTE = "footnote"
    HEADER = "page_header"
    SEPARATOR = "footnote_separator"
    LINK = "link"
    BLANK = "blank"
    METADATA = "metadata"


@dataclass(frozen=True)
class SourceLine:
    """One physical line of a source file, numbered from 1 as an editor shows it."""

    number: int
    text: str
    page: int = 1


@dataclass
class Block:
    """A run of body lines that starts a new printed unit (a paragraph or a page-top continuation)."""

    text: str
    line_start: int
    line_end: int
    starts_unit: bool = True


@dataclass(frozen=True)
class Link:
    """A URL the PDF text lists after a page (or a link annotation of the PDF)."""

    url: str
    line: int
    page: int


@dataclass
class Paragraph:
    """A printed paragraph or subparagraph; ``paragraph_id`` comes from the printed numbering."""

    paragraph_id: str
    parent_id: str
    section: str
    label: str
    position: int
    depth: int
    lead_phrase: str
    text: str
    line_start: int
    line_end: int


@dataclass
class Footnote:
    """A note: its number as printed, the paragraph where its marker stands, and its text."""

    footnote_id: str
    paragraph_id: str
    text: str
    line_start: int | None = None
    line_end: int | None = None
    marker_found: bool = True
    # Where the marker stood in the paragraph's text (after markers are cut out); None without one.
    marker_offset: int | None = None


@dataclass
class DocumentMeta:
    """The manifest's (or the text's) description of one source document."""

    document_id: str
    source_path: str
    source_sha256: str
    document_type: str
    title: str = ""
    symbol: str = ""
    body: str = ""
    session: str = ""
    agenda_item: str = ""
    date: str = ""
    language: str = "en"
    url: str = ""
    publisher: str = ""
    previous: str = ""  # document_id of an earlier version (the manifest's ``previous``)
    source_format: str = "text"
    extractor: str = ""
    originating_document: str = ""
    committee: str = ""
    adoption_meeting: str = ""
    voting_type: str = ""

    def as_row(self) -> dict[str, str]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Sponsor:
    """A State that sponsored a resolution's draft: its name as printed, ISO 3166-1 alpha-3 code, role."""

    state: str
    iso3: str
    role: str  # original | additional


@dataclass(frozen=True)
class Vote:
    """How a State voted on a resolution adopted by recorded vote."""

    state: str
    iso3: str
    vote: str  # yes | no | abstain | not_voting


@dataclass
class ParsedDocument:
    """Everything the parsers learned from one source, ready to become table rows."""

    meta: DocumentMeta
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    links: list[Link] = field(default_factory=list)
    line_kinds: dict[int, LineKind] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Printed page of each source line (1 for sources without pages).
    pages: dict[int, int] = field(default_factory=dict)
    sponsors: list[Sponsor] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    # The front matter as printed (symbol, session, agenda item, the draft adopted), on page 1.
    front_matter: str = ""

    def page_of(self, line: int) -> int:
        return self.pages.get(line, 1)

    def paragraph(self, paragraph_id: str) -> Paragraph:
        return next(p for p in self.paragraphs if p.paragraph_id == paragraph_id)


# What ``compare`` says of a paragraph across two versions of a document.
CHANGE_KINDS = ("unchanged", "typography", "modified", "moved", "split", "merged", "added", "removed")


@dataclass(frozen=True)
class DiffPiece:
    """A run of words: ``equal`` (both texts), ``delete`` (old only), ``insert`` (new only) or
    ``replace`` (old words that became the new ones); each side's text as printed there.
    """

    op: str
    old: str
    new: str


@dataclass(frozen=True)
class ParagraphChange:
    """Paragraphs of an earlier version paired with those of a later one, and how they differ.

    One old and one new paragraph for most kinds; one old and several new for ``split``, several
    old and one new for ``merged``; none on one side for ``added`` and ``removed``. ``parts``
    is the word-level diff of the old paragraphs' joined text against the new ones', one part
    for each paragraph of the side that has several (one part otherwise), and ``similarity``
    the share of words the two have in common (1 when only typography differs).
    """

    change: str
    previous_ids: tuple[str, ...]
    paragraph_ids: tuple[str, ...]
    similarity: float
    parts: tuple[tuple[DiffPiece, ...], ...]
