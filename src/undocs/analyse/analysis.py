"""Stage: analysis. Everything the analysis stages find in one parsed document, each found once.

Citations are found once and handed to the stages that need them (links checked against them,
treaties linked through the resolutions a note cites); asks, figures and themes read each
paragraph's text. The result is a new value (``models.Analysis``); the parsed document is not
changed. ``publish.rows`` turns it into table rows.

>>> from undocs.models import DocumentMeta, ParsedDocument, Paragraph
>>> meta = DocumentMeta("d", "d.txt", "", "resolution", body="General Assembly")
>>> text = "Urges Member States to end torture, recalling resolution 70/1;"
>>> analysis = analyse(ParsedDocument(meta, [Paragraph("op1", "", "operative", "1.", 1, 1, "", text, 1, 1)], []))
>>> [c.citation.symbol for c in analysis.citations], [a.addressee_id for _, a in analysis.asks if a.kind == 'ask'], analysis.tags["op1"][0].theme_id
(['A/RES/70/1'], ['member_states'], 'torture')
"""

from __future__ import annotations

from functools import partial

from undocs.analyse.asks import document_asks, state_concerned
from undocs.analyse.citations import document_citations
from undocs.analyse.figures import find_figures
from undocs.analyse.guard import each_paragraph
from undocs.analyse.reconcile import mismatches, reconcile
from undocs.analyse.themes import paragraph_tags
from undocs.analyse.treaties import treaty_references
from undocs.models import Analysis, Figure, Paragraph, ParsedDocument
from undocs.read.language import SUPPORTED
from undocs.read.states import iso3


def analyse(parsed: ParsedDocument) -> Analysis:
    """The document's citations (links checked), treaty references, asks, figures and theme tags."""
    citations = document_citations(parsed)
    checked, links = reconcile(parsed, citations)
    treaties = treaty_references(parsed, citations)
    # Asks, figures and themes read English words; another language's document (from XML, its
    # structure read) has none, and the reader's warning says so.
    english = parsed.meta.language in SUPPORTED
    # An analyser failing on one paragraph leaves that paragraph out with a warning (``guard``).
    warnings = list(parsed.warnings)
    asks = document_asks(parsed, warnings) if english else []
    state_code = iso3(state_concerned(parsed.meta.title))
    read = each_paragraph(parsed, "figures", partial(_figures, state_code), warnings) if english else []
    figures = {paragraph.paragraph_id: found for paragraph, found in read}
    for warning in mismatches(checked, links) + treaties.warnings:
        message = f"{parsed.meta.source_path}: {warning}"
        if message not in warnings:  # one log line for a mismatch the text repeats
            warnings.append(message)
    return Analysis(
        parsed=parsed,
        citations=checked,
        links=links,
        treaty_references=treaties.references,
        unlisted_treaties=treaties.unlisted,
        asks=asks,
        figures=figures,
        tags=paragraph_tags(parsed.paragraphs) if english else {},
        warnings=warnings,
    )


def _figures(state_code: str, paragraph: Paragraph) -> list[Figure]:
    return find_figures(paragraph.text, state_code)
