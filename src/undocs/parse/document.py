"""Parse one source into a ``ParsedDocument``: pick the parser for its type, fill its metadata.

Documents in the manifest take their metadata from it; documents given to ``undocs convert``
take it from their own text (symbol, title, body, session, date).

>>> slug("A/C.3/80/L.29")
'a-c-3-80-l-29'
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from undocs.errors import SourceError
from undocs.models import DocumentMeta, ParsedDocument, SourceLine
from undocs.parse import audit, patterns
from undocs.parse import report_patterns as rp
from undocs.parse.report import parse_report
from undocs.parse.resolution import ParsedText, parse_resolution
from undocs.parse.statement import parse_statement
from undocs.read import akn, language, pdf
from undocs.read.session_metadata import SessionFacts, session_facts
from undocs.read.sources import ManifestEntry, read_lines, sha256_of
from undocs.text import iso_date, relative

PARSER_TYPES = ("resolution", "statement", "report")
# A report's cover names it ("Report of the Working Group ...", "National report ...") or it has a contents page.
REPORT_COVER_LINES = 30


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _parse_text(lines: list[SourceLine], parser: str, path: str, symbol: str) -> ParsedText:
    if parser == "statement":
        return parse_statement(lines)
    if parser == "report":
        return parse_report(lines, path)
    return parse_resolution(lines, path, symbol)


def _document(
    meta: DocumentMeta, parsed: ParsedText, path: str, line_count: int, session: SessionFacts | None = None
) -> ParsedDocument:
    if not parsed.paragraphs:
        raise SourceError(
            path, "no paragraphs were found in the text", "check that the file holds the document's text", 1
        )
    session = session or SessionFacts()
    warnings = [f"{path}: {warning}" for warning in parsed.warnings] + session.warnings
    document = ParsedDocument(
        meta,
        parsed.paragraphs,
        parsed.footnotes,
        parsed.links,
        parsed.kinds,
        warnings,
        parsed.pages,
        session.sponsors,
        session.votes,
        parsed.front_matter,
    )
    audit.check(document, line_count, path)
    return document


def _check_language(lines: list[SourceLine], path: str) -> None:
    language.refuse_unsupported("\n".join(line.text for line in lines), path)


def _read_xml(file: Path, path: str, metadata_file: Path | None) -> tuple[ParsedText, int, SessionFacts]:
    """An AKN4UN file as the parsers' records, with its session's metadata when a file is given."""
    read = akn.read_akn(file, path)
    body = "\n".join(paragraph.text for paragraph in read.paragraphs)
    # The XML's elements give the structure in any language; only the English-reading analysers wait.
    read.facts["language"] = language.of(body, read.facts.get("language", ""))
    warnings = read.warnings + language.structure_only(read.facts["language"])
    parsed = ParsedText(read.paragraphs, read.footnotes, [], read.kinds, warnings, read.facts)
    session = SessionFacts()
    if metadata_file is not None:
        session = session_facts(metadata_file, read.facts.get("symbol", ""), relative(metadata_file))
    return parsed, read.line_count, session


def parse_entry(entry: ManifestEntry, root: Path) -> ParsedDocument:
    """Parse a manifest source; its metadata comes from the manifest."""
    path = relative(entry.path)
    metadata = dict(entry.metadata)
    source_format = str(metadata.pop("source_format", ""))
    session_file = metadata.pop("session_metadata", None)
    if is_xml(entry.path, source_format):
        metadata_file = entry.path.parent / str(session_file) if session_file else None
        parsed, line_count, session = _read_xml(entry.path, path, metadata_file)
        origin = {"source_format": "xml", "extractor": ""}
        metadata = {**session.facts, **metadata}
    else:
        lines, origin = _read(entry.path, path, entry.encoding, source_format)
        _check_language(lines, path)
        parser = entry.document_type if entry.document_type in {"statement", "report"} else "resolution"
        parsed = _parse_text(lines, parser, path, str(metadata.get("symbol", "")))
        line_count, session = len(lines), None
    meta = DocumentMeta(
        document_id=entry.document_id,
        source_path=entry.path.resolve().relative_to(root.resolve()).as_posix(),
        source_sha256=entry.sha256,
        **{key: str(value) for key, value in metadata.items() if key != "document_id"},
        **origin,
    )
    document = _document(meta, parsed, path, line_count, session)
    return replace(document, compared=bool(meta.previous) or entry.has_later_version)


def detect_type(lines: list[SourceLine]) -> str:
    """``statement`` when a salutation opens the body, ``report`` when the cover names a report
    (or a contents page follows it) and no chapeau opens a resolution, else ``resolution``."""
    for line in lines:
        if patterns.CHAPEAU_LINE.match(line.text):
            return "resolution"
        if patterns.OPERATIVE_LABEL.match(line.text.strip()):
            break
        if patterns.SALUTATION.match(line.text):
            return "statement"
    if any(rp.REPORT_COVER.match(line.text) for line in lines[:REPORT_COVER_LINES]):
        return "report"
    return "resolution"


def is_pdf(file: Path, source_format: str = "") -> bool:
    """A source is a PDF when the manifest says so or its name ends in ``.pdf``."""
    return source_format == "pdf" or file.suffix.lower() == ".pdf"


def is_xml(file: Path, source_format: str = "") -> bool:
    """A source is Akoma Ntoso XML when the manifest says so or its name ends in ``.xml``."""
    return source_format == "xml" or file.suffix.lower() == ".xml"


def _read(file: Path, display: str, encoding: str = "utf-8", source_format: str = "") -> tuple[list[SourceLine], dict]:
    """The source's lines, and how they were obtained (``documents.source_format`` and ``extractor``)."""
    if is_pdf(file, source_format):
        return pdf.read_pdf_lines(file, display), {"source_format": "pdf", "extractor": pdf.extractor()}
    return read_lines(file, encoding, display), {"source_format": "text", "extractor": ""}


def parse_file(
    file: Path, parser: str | None = None, document_id: str | None = None, metadata: str | None = None
) -> ParsedDocument:
    """Parse a file that is not in the manifest; metadata is read from its text (or XML).

    ``metadata`` is a session's metadata file (JSON Lines) for an AKN source: sponsors, votes, ...
    """
    path = relative(file)
    if is_xml(file):
        return _xml_file(file, path, document_id, Path(metadata) if metadata else None)
    lines, origin = _read(file, path)
    _check_language(lines, path)
    parser = parser or detect_type(lines)
    if parser not in PARSER_TYPES:
        raise SourceError(
            path, f"unknown document type {parser!r}", f"use --type with one of: {', '.join(PARSER_TYPES)}"
        )
    parsed = _parse_text(lines, parser, path, "")
    facts = parsed.facts
    symbol = facts.get("symbol", "")
    document_type = (
        parser if parser in {"statement", "report"} else "draft_resolution" if "/L." in symbol else "resolution"
    )
    meta = DocumentMeta(
        document_id=document_id or slug(symbol or file.stem),
        source_path=path,
        source_sha256=sha256_of(file),
        document_type=document_type,
        title=facts.get("title", "") or file.stem,
        symbol=symbol,
        body=facts.get("body", ""),
        session=facts.get("session", ""),
        date=_date_fact(facts),
        publisher="United Nations" if symbol else "",
        url=f"https://docs.un.org/en/{symbol}" if symbol else "",
        **origin,
    )
    return _document(meta, parsed, path, len(lines))


def _xml_file(file: Path, path: str, document_id: str | None, metadata_file: Path | None) -> ParsedDocument:
    parsed, line_count, session = _read_xml(file, path, metadata_file)
    facts = parsed.facts
    symbol = facts.get("symbol", "")
    language = facts.get("language", "en")
    # Each language version is a document of its own: A/RES/75/274 in French is a-res-75-274-fr.
    own_id = slug(symbol or file.stem) + ("" if language == "en" else f"-{language}")
    meta = DocumentMeta(
        document_id=document_id or own_id,
        source_path=path,
        source_sha256=sha256_of(file),
        document_type="resolution",
        title=facts.get("title", "") or file.stem,
        symbol=symbol,
        body=facts.get("body", ""),
        session=facts.get("session", ""),
        agenda_item=facts.get("agenda_item", ""),
        date=facts.get("date", ""),
        language=language,
        publisher="United Nations" if symbol else "",
        url=f"https://docs.un.org/{language}/{symbol}" if symbol else "",
        source_format="xml",
        **session.facts,
    )
    return _document(meta, parsed, path, line_count, session)


def _date_fact(facts: dict[str, str]) -> str:
    for key in ("date", "reissue_date"):
        if key in facts:
            try:
                return iso_date(facts[key])
            except ValueError:
                continue
    return ""
