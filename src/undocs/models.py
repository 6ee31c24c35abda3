"""Typed records that flow through the pipeline, kept in one place (as eyecite does).

Data flows one way: ``SourceLine`` -> ``Block`` (clean) -> ``Paragraph`` (segment)
-> ``Footnote`` (footnotes) -> ``ParsedDocument`` -> ``Analysis`` (analyse: ``Citation``,
``CheckedCitation``, ``CheckedLink``, ``TreatyReference``, ``Ask``, ``Figure``, ``Tag``) -> table rows
(publish.rows).

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
    # Later paragraphs whose text prints the note's marker again (it cites the note there too).
    cited_again_in: tuple[str, ...] = ()


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
    # Aligned with another version in the package (it names a previous version, or is one).
    compared: bool = False

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


# --- what the analysis stages find in a parsed document -------------------------------------------


@dataclass(frozen=True)
class Citation:
    """One citation as found: what it cites, how it was written, where it stands in its text."""

    kind: str  # resolution, official_records, draft, document, web
    symbol: str  # the docs.un.org form; empty for a web address
    as_written: str
    url: str
    start: int
    end: int
    body: str = ""  # GA, HRC, SC, ... for resolutions
    number: str = ""  # the resolution's number as its body numbers it: 79/181, 2397 (2017)
    adopted_on: str = ""  # the date the text gives for the resolution
    paragraph_id: str = ""
    footnote_id: str = ""  # empty in running text
    signal: str = ""  # See, See also
    ibid_of: str = ""  # the note an Ibid. refers back to


@dataclass(frozen=True)
class ResolvedNote:
    """A footnote with ``Ibid.`` replaced by the source it repeats."""

    footnote: Footnote
    text: str
    signal: str = ""
    ibid_of: str = ""


@dataclass(frozen=True)
class CheckedLink:
    """A link with what it points to and whether a citation on its page matches it."""

    link: Link
    page: int
    key: str
    matched: bool


@dataclass(frozen=True)
class CheckedCitation:
    """A citation with the pages it is printed on and whether a link confirms it (None: no links)."""

    citation: Citation
    pages: frozenset[int]
    link_confirmed: bool | None


@dataclass(frozen=True)
class Treaty:
    """A treaty of the curated list (``vocab/treaties.yaml``), or one read from a note's Treaty Series reference."""

    treaty_id: str
    title: str
    short_title: str
    adopted_on: str
    unts_volume: str
    unts_number: str
    adopting_resolution: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class TreatyReference:
    """A treaty named in a paragraph or cited by one of its notes."""

    paragraph_id: str
    footnote_id: str
    treaty_id: str
    as_written: str
    linked_by: str  # name, treaty_series, adopting_resolution, name_at_marker
    party_statement: str


@dataclass(frozen=True)
class Ask:
    """One addressee asked to act by one verb; offsets are into the paragraph's text."""

    addressee_id: str
    addressee_text: str
    action: str
    action_phrase: str
    action_text: str
    verb_start: int
    kind: str = "ask"  # ask: others are asked; self: the body's own decision ("Decides to ...")
    source_paragraph_id: str = ""
    inherited: bool = False


@dataclass(frozen=True)
class Figure:
    """A number as printed, what it counts and how the recommendations counted were answered."""

    value: str
    unit: str
    subject: str
    response: str
    phrase: str
    total: str = ""  # "132 of the 262 recommendations": the whole the value is a part of
    review_id: str = ""  # the review counted, as upr_reviews names it (prk-4), when the text names it
    whole_review: bool = False  # the subject counts every recommendation of that review


@dataclass(frozen=True)
class Tag:
    """A paragraph's theme, with the rule that tagged it and the words it matched."""

    theme_id: str
    rule_id: str
    matched: str


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis stages found in one parsed document, each found once.

    ``figures`` and ``tags`` hold each paragraph's, by paragraph id in reading order;
    ``warnings`` are the parse's and the analysis's, for the build log.
    """

    parsed: ParsedDocument
    citations: list[CheckedCitation]
    links: list[CheckedLink]
    treaty_references: list[TreatyReference]
    unlisted_treaties: list[Treaty]  # cited by Treaty Series volume and number, not in the curated list
    asks: list[tuple[Paragraph, Ask]]
    figures: dict[str, list[Figure]]
    tags: dict[str, list[Tag]]
    warnings: list[str]


# --- what the build keeps of each document --------------------------------------------------------

Cells = list[list[str]]


@dataclass(frozen=True)
class TableKeys:
    """One document's rows of a table as the checks across rows need them (``publish.integrity``):
    for each set of fields a key reads, the hashes of the rows whose values are not all empty
    (int64 bytes), and the positions of the rows whose values are."""

    rows: int
    hashes: dict[tuple[str, ...], bytes]
    empty: dict[tuple[str, ...], tuple[int, ...]]


@dataclass
class Unit:
    """The rows one document contributes to each table (or, with no ``document_id``, the package tables'):
    as CSV text, as written, and as the key hashes the checks across rows compare."""

    document_id: str
    texts: dict[str, str]
    keys: dict[str, TableKeys]
    digest: str  # the sha256 of the texts: what frictionless passed before is remembered by it
    # Checks across documents (a package builder's ``warnings``, if it has them) go to the build log.
    warnings: list[str] = field(default_factory=list)


@dataclass
class Analysed:
    """One document's rows (as CSV text and key hashes), what each package builder picks from it,
    its warnings, its source lines' kinds counted, and what the build lists of it (title, address,
    counts): all a build needs of the document, and what the cache stores.
    """

    unit: Unit
    picked: list[object]
    warnings: list[str]
    line_kinds: dict[str, int]
    title: str = ""
    url: str = ""
    paragraphs: int = 0
    footnotes: int = 0
