"""Rows of the citation tables: references, links and treaty references per document; the
distinct resolutions (``Resolutions``) and the treaty list for the package.

Mismatches between links and citations, and notes whose treaty could not be linked, go to the
document's warnings (the build log) as well as to their columns.

>>> from undocs.models import DocumentMeta, ParsedDocument, Paragraph
>>> meta = DocumentMeta("d", "d.txt", "", "resolution", body="General Assembly")
>>> parsed = ParsedDocument(meta, [Paragraph("op1", "", "operative", "1.", 1, 1, "", "Recalls resolution 70/1,", 1, 1)], [])
>>> [(row["symbol"], row["body"], row["link_confirmed"]) for row in document_tables(parsed)["references"]]
[('A/RES/70/1', 'GA', None)]
>>> resolutions = Resolutions()
>>> resolutions.add(resolutions.pick(parsed))
>>> [(row["symbol"], row["times_cited"]) for row in resolutions.rows()["resolutions"]]
[('A/RES/70/1', 1)]
"""

from __future__ import annotations

from collections import Counter

from undocs.analyse.citations import document_citations
from undocs.analyse.reconcile import CheckedCitation, CheckedLink, docs_symbol, mismatches, reconcile
from undocs.analyse.treaties import UNLISTED_PREFIX, Treaty, TreatyReference, treaties, treaty_references
from undocs.models import ParsedDocument
from undocs.publish.keys import footnote_key, paragraph_key

Row = dict[str, object]


def _keys(document_id: str, paragraph_id: str, footnote_id: str) -> Row:
    return {
        "document_id": document_id,
        "paragraph_id": paragraph_id,
        "paragraph_key": paragraph_key(document_id, paragraph_id),
        "footnote_id": footnote_id,
        "footnote_key": footnote_key(document_id, footnote_id),
    }


def reference_row(document_id: str, number: int, checked: CheckedCitation) -> Row:
    citation = checked.citation
    return {
        **citation.__dict__,
        **_keys(document_id, citation.paragraph_id, citation.footnote_id),
        "reference_number": number,
        "resolution_symbol": citation.symbol if citation.kind == "resolution" else "",
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


def document_tables(parsed: ParsedDocument) -> dict[str, list[Row]]:
    document_id = parsed.meta.document_id
    checked, links = reconcile(parsed, document_citations(parsed))
    treaty_findings = treaty_references(parsed)
    for warning in mismatches(checked, links) + treaty_findings.warnings:
        message = f"{parsed.meta.source_path}: {warning}"
        if message not in parsed.warnings:  # the tables may be built more than once per parse
            parsed.warnings.append(message)
    return {
        "references": [reference_row(document_id, n, c) for n, c in enumerate(checked, start=1)],
        "links": [link_row(document_id, link) for link in links],
        "treaty_references": [
            treaty_reference_row(document_id, n, r) for n, r in enumerate(treaty_findings.references, start=1)
        ],
    }


class Resolutions:
    """The resolutions table: one row per resolution cited anywhere, with the first date a document
    states for it; fed one document at a time (a ``tables.PER_PACKAGE`` builder).
    """

    def __init__(self) -> None:
        self.cited: dict[str, Row] = {}  # by symbol: the only state kept between documents

    def pick(self, parsed: ParsedDocument) -> list[Row]:
        """The document's resolution citations, as the table's fields."""
        return [
            {
                "symbol": citation.symbol,
                "body": citation.body,
                "number": citation.number,
                "adopted_on": citation.adopted_on,
                "url": citation.url,
            }
            for citation in document_citations(parsed)
            if citation.kind == "resolution"
        ]

    def add(self, picked: list[Row]) -> None:
        for citation in picked:
            row = self.cited.setdefault(citation["symbol"], {**citation, "adopted_on": "", "times_cited": 0})
            row["adopted_on"] = row["adopted_on"] or citation["adopted_on"]
            row["times_cited"] += 1

    def rows(self) -> dict[str, list[Row]]:
        return {"resolutions": [self.cited[symbol] for symbol in sorted(self.cited)]}


def treaty_row(treaty: Treaty) -> Row:
    return {**treaty.__dict__, "curated": not treaty.treaty_id.startswith(UNLISTED_PREFIX)}


class Treaties:
    """The treaties table: the curated list, in its order, then every treaty a note cites by its
    Treaty Series reference that the list lacks, by id, under the name documents give it most often.
    """

    def __init__(self) -> None:
        self.unlisted: dict[str, Counter[Treaty]] = {}

    def pick(self, parsed: ParsedDocument) -> list[Treaty]:
        return treaty_references(parsed).unlisted

    def add(self, picked: list[Treaty]) -> None:
        for treaty in picked:
            self.unlisted.setdefault(treaty.treaty_id, Counter())[treaty] += 1

    def rows(self) -> dict[str, list[Row]]:
        curated = [treaty_row(treaty) for treaty in treaties()]
        return {"treaties": curated + [treaty_row(self._best(key)) for key in sorted(self.unlisted)]}

    def _best(self, treaty_id: str) -> Treaty:
        """A name before a bare reference, then the most frequent name, then the first in order."""
        named = self.unlisted[treaty_id]
        return min(named, key=lambda treaty: (not treaty.short_title, -named[treaty], treaty.title))
