"""Stage: rows. Every table's rows, shaped in this one module from the analysis of a document.

A row is a dict whose keys are exactly its table's fields in ``schemas/``: ``tables.cells``
refuses a row with a field the schema lacks or without one the schema has, so nothing is dropped
or left empty silently. Per document: ``document_tables`` (one ``Analysis`` in, the rows of
every per-document table out). Per package: ``Resolutions`` (the distinct resolutions cited,
fed one document at a time), ``Treaties`` (the curated list and the treaties notes cite beyond
it) and the codelists read from vocabularies (``addressee_rows``, ``theme_rows``).

>>> paragraph_key("a-c-3-80-l-29", "op2.a"), footnote_key("a-c-3-80-l-29", "")
('a-c-3-80-l-29:op2.a', '')
>>> from undocs.analyse.analysis import analyse
>>> from undocs.models import DocumentMeta, ParsedDocument, Paragraph
>>> meta = DocumentMeta("d", "d.txt", "", "resolution", body="General Assembly")
>>> analysis = analyse(ParsedDocument(meta, [Paragraph("op1", "", "operative", "1.", 1, 1, "", "Recalls resolution 70/1,", 1, 1)], []))
>>> [(row["symbol"], row["body"], row["link_confirmed"]) for row in document_tables(analysis)["references"]]
[('A/RES/70/1', 'GA', None)]
>>> resolutions = Resolutions()
>>> resolutions.add(resolutions.pick(analysis))
>>> [(row["symbol"], row["times_cited"]) for row in resolutions.rows()["resolutions"]]
[('A/RES/70/1', 1)]
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from undocs import vocab
from undocs.analyse.reconcile import docs_symbol
from undocs.analyse.treaties import UNLISTED_PREFIX, treaties
from undocs.models import (
    Analysis,
    CheckedCitation,
    CheckedLink,
    DocumentMeta,
    Footnote,
    Paragraph,
    ParsedDocument,
    Treaty,
    TreatyReference,
)
from undocs.publish import metadata

Row = dict[str, object]
TableRows = dict[str, list[Row]]


# --- single-column keys ----------------------------------------------------------------------------
# Frictionless skips a composite foreign key only when all its cells are empty, so a citation in
# running text (no note) could not point to (document_id, footnote_id); one column can be empty.


def paragraph_key(document_id: str, paragraph_id: str) -> str:
    return f"{document_id}:{paragraph_id}" if paragraph_id else ""


def footnote_key(document_id: str, footnote_id: str) -> str:
    return f"{document_id}:{footnote_id}" if footnote_id else ""


def _keys(document_id: str, paragraph_id: str, footnote_id: str) -> Row:
    return {
        "document_id": document_id,
        "paragraph_id": paragraph_id,
        "paragraph_key": paragraph_key(document_id, paragraph_id),
        "footnote_id": footnote_id,
        "footnote_key": footnote_key(document_id, footnote_id),
    }


# --- documents, paragraphs, footnotes ----------------------------------------------------------------


def document_row(meta: DocumentMeta) -> Row:
    return dict(meta.__dict__)


def paragraph_row(document_id: str, paragraph: Paragraph) -> Row:
    return {
        "document_id": document_id,
        "paragraph_key": paragraph_key(document_id, paragraph.paragraph_id),
        "parent_key": paragraph_key(document_id, paragraph.parent_id),
        **paragraph.__dict__,
    }


def paragraph_rows(parsed: ParsedDocument) -> list[Row]:
    return [paragraph_row(parsed.meta.document_id, paragraph) for paragraph in parsed.paragraphs]


def footnote_sort_key(footnote_id: str) -> tuple[int, str]:
    return (int(footnote_id), "") if footnote_id.isdigit() else (0, footnote_id)


def footnote_row(document_id: str, note: Footnote) -> Row:
    return {
        "document_id": document_id,
        "footnote_id": note.footnote_id,
        "paragraph_id": note.paragraph_id,
        "text": note.text,
        "marker_found": note.marker_found,
        "cited_again_in": " ".join(note.cited_again_in),
        "line_start": note.line_start,
        "line_end": note.line_end,
        "footnote_key": footnote_key(document_id, note.footnote_id),
    }


def footnote_rows(parsed: ParsedDocument) -> list[Row]:
    notes = sorted(parsed.footnotes, key=lambda note: footnote_sort_key(note.footnote_id))
    return [footnote_row(parsed.meta.document_id, note) for note in notes]


# --- citations, links, treaties ------------------------------------------------------------------------


def reference_row(document_id: str, number: int, checked: CheckedCitation) -> Row:
    citation = checked.citation
    return {
        **_keys(document_id, citation.paragraph_id, citation.footnote_id),
        "reference_number": number,
        "kind": citation.kind,
        "symbol": citation.symbol,
        "resolution_symbol": citation.symbol if citation.kind == "resolution" else "",
        "body": citation.body,
        "as_written": citation.as_written,
        "adopted_on": citation.adopted_on,
        "signal": citation.signal,
        "ibid_of": citation.ibid_of,
        "url": citation.url,
        "link_confirmed": checked.link_confirmed,
    }


def link_row(document_id: str, checked: CheckedLink) -> Row:
    link = checked.link
    return {
        "document_id": document_id,
        "line": link.line,
        "page": checked.page,
        "url": link.url,
        "symbol": docs_symbol(link.url),
        "matched": checked.matched,
    }


def treaty_reference_row(document_id: str, number: int, reference: TreatyReference) -> Row:
    return {
        **reference.__dict__,
        **_keys(document_id, reference.paragraph_id, reference.footnote_id),
        "reference_number": number,
    }


# --- asks, figures, themes -------------------------------------------------------------------------------


def recommendation_rows(analysis: Analysis) -> list[Row]:
    """One row per verb and addressee; a paragraph's second row for one addressee kind is ``:kind-2``."""
    rows = []
    seen: dict[str, int] = {}
    document_id = analysis.parsed.meta.document_id
    for paragraph, ask in analysis.asks:
        key = f"{paragraph.paragraph_id}:{ask.addressee_id}"
        seen[key] = seen.get(key, 0) + 1
        rows.append(
            {
                "document_id": document_id,
                "recommendation_id": key if seen[key] == 1 else f"{key}-{seen[key]}",
                "paragraph_id": paragraph.paragraph_id,
                "section": paragraph.section,
                "addressee_id": ask.addressee_id,
                "addressee_text": ask.addressee_text,
                "kind": ask.kind,
                "action": ask.action,
                "action_phrase": ask.action_phrase,
                "action_text": ask.action_text,
                "embedded": ask.verb_start > 0,
                "inherited": ask.inherited,
                "source_paragraph_id": ask.source_paragraph_id,
            }
        )
    return rows


def figure_rows(analysis: Analysis) -> list[Row]:
    """One row per figure; its id is the paragraph's id and the figure's place in the paragraph."""
    document_id = analysis.parsed.meta.document_id
    return [
        {
            "document_id": document_id,
            "figure_id": f"{paragraph_id}:{number}",
            "paragraph_id": paragraph_id,
            **figure.__dict__,
            "computed_value": None,  # filled by upr_tables, which sees the reviews the package holds
        }
        for paragraph_id, figures in analysis.figures.items()
        for number, figure in enumerate(figures, start=1)
    ]


def paragraph_theme_rows(analysis: Analysis) -> list[Row]:
    document_id = analysis.parsed.meta.document_id
    return [
        {"document_id": document_id, "paragraph_id": paragraph_id, **tag.__dict__}
        for paragraph_id, tags in analysis.tags.items()
        for tag in tags
    ]


def document_tables(analysis: Analysis) -> TableRows:
    """The rows one document gives to every per-document table."""
    parsed = analysis.parsed
    document_id = parsed.meta.document_id
    return {
        "documents": [document_row(parsed.meta)],
        "paragraphs": paragraph_rows(parsed),
        "footnotes": footnote_rows(parsed),
        "references": [reference_row(document_id, n, c) for n, c in enumerate(analysis.citations, start=1)],
        "links": [link_row(document_id, link) for link in analysis.links],
        "treaty_references": [
            treaty_reference_row(document_id, n, r) for n, r in enumerate(analysis.treaty_references, start=1)
        ],
        "recommendations": recommendation_rows(analysis),
        "paragraph_themes": paragraph_theme_rows(analysis),
        **sponsorship_rows(parsed),
    }


def sponsorship_rows(parsed: ParsedDocument) -> TableRows:
    """Who sponsored a resolution and how each State voted (from its session's metadata)."""
    document_id = parsed.meta.document_id
    return {
        name: [
            {"document_id": document_id, "position": position, **record.__dict__}
            for position, record in enumerate(records, start=1)
        ]
        for name, records in (("sponsors", parsed.sponsors), ("votes", parsed.votes))
    }


# --- tables over all documents ---------------------------------------------------------------------------


class Resolutions:
    """The resolutions table: one row per resolution cited anywhere, with the first date a document
    states for it; fed one document at a time (a ``tables.PER_PACKAGE`` builder).
    """

    def __init__(self) -> None:
        self.cited: dict[str, Row] = {}  # by symbol: the only state kept between documents

    def pick(self, analysis: Analysis) -> list[Row]:
        """The document's resolution citations, as the table's fields."""
        return [
            {
                "symbol": citation.symbol,
                "body": citation.body,
                "number": citation.number,
                "adopted_on": citation.adopted_on,
                "url": citation.url,
            }
            for checked in analysis.citations
            for citation in [checked.citation]
            if citation.kind == "resolution"
        ]

    def add(self, picked: list[Row]) -> None:
        for citation in picked:
            row = self.cited.setdefault(citation["symbol"], {**citation, "adopted_on": "", "times_cited": 0})
            row["adopted_on"] = row["adopted_on"] or citation["adopted_on"]
            row["times_cited"] += 1

    def rows(self) -> TableRows:
        return {"resolutions": [self.cited[symbol] for symbol in sorted(self.cited)]}


def treaty_row(treaty: Treaty) -> Row:
    fields = ("treaty_id", "title", "short_title", "adopted_on", "unts_volume", "unts_number", "adopting_resolution")
    return {
        **{name: getattr(treaty, name) for name in fields},
        "curated": not treaty.treaty_id.startswith(UNLISTED_PREFIX),
    }


class Treaties:
    """The treaties table: the curated list, in its order, then every treaty a note cites by its
    Treaty Series reference that the list lacks, by id, under the name documents give it most often.
    """

    def __init__(self) -> None:
        self.unlisted: dict[str, Counter[Treaty]] = {}

    def pick(self, analysis: Analysis) -> list[Treaty]:
        return analysis.unlisted_treaties

    def add(self, picked: list[Treaty]) -> None:
        for treaty in picked:
            self.unlisted.setdefault(treaty.treaty_id, Counter())[treaty] += 1

    def rows(self) -> TableRows:
        curated = [treaty_row(treaty) for treaty in treaties()]
        return {"treaties": curated + [treaty_row(self._best(key)) for key in sorted(self.unlisted)]}

    def _best(self, treaty_id: str) -> Treaty:
        """A name before a bare reference, then the most frequent name, then the first in order."""
        named = self.unlisted[treaty_id]
        return min(named, key=lambda treaty: (not treaty.short_title, -named[treaty], treaty.title))


def addressee_rows() -> TableRows:
    """The addressees codelist, from its vocabulary."""
    return {
        "addressees": [
            {"addressee_id": entry["id"], "label": entry["label"], "phrases": " | ".join(entry["phrases"])}
            for entry in vocab.load("addressees")["addressees"]
        ]
    }


def theme_rows() -> TableRows:
    """The themes codelist, with the rules that tag each theme."""
    return {
        "themes": [
            {
                "theme_id": theme["id"],
                "label": theme["label"],
                "uhri": theme["uhri"],
                "rules": " | ".join(f"{rule['id']}: {', '.join(rule['words'])}" for rule in theme["rules"]),
            }
            for theme in vocab.load("themes")["themes"]
        ]
    }


def complete(parsed: ParsedDocument, table: str, rows: list[Row]) -> tuple[list[Row], list[str]]:
    """The rows whose required fields are all filled, and a warning with file and line for each
    other row: one row that would break its schema is left out, not a failed build.

    >>> from undocs.models import DocumentMeta
    >>> parsed = ParsedDocument(DocumentMeta("d", "d.txt", "", "resolution"), [Paragraph("op1", "", "operative", "1.", 1, 1, "", "Urges", 7, 8)], [])
    >>> complete(parsed, "figures", [{"document_id": "d", "figure_id": "op1:1", "paragraph_id": "op1", "value": ""}])
    ([], ['d.txt:7: figures: a row of paragraph op1 has no value, unit, subject, response, phrase, whole_review; it is left out'])
    """
    required = _required(table)
    lines = {paragraph.paragraph_id: paragraph.line_start for paragraph in parsed.paragraphs}
    kept, warnings = [], []
    for row in rows:
        empty = [name for name in required if row.get(name) in (None, "")]
        if not empty:
            kept.append(row)
            continue
        warning = (
            f"{parsed.meta.source_path}:{lines.get(str(row.get('paragraph_id', '')), 1)}: {table}: a row of "
            f"paragraph {row.get('paragraph_id', '?')} has no {', '.join(empty)}; it is left out"
        )
        warnings += [warning] if warning not in warnings else []
    return kept, warnings


@cache
def _required(table: str) -> tuple[str, ...]:
    return tuple(
        spec["name"] for spec in metadata.table_schema(table)["fields"] if spec.get("constraints", {}).get("required")
    )
