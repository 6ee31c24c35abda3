"""Stage: links. Check each page's list of links against the citations printed on that page.

A PDF's text lists, after each page, the addresses of the links on it. Every link should match
a citation on its page, and every citation of a UN document should have a link; both kinds of
mismatch are reported (build log and a column), never dropped. Documents whose text carries no
links (a statement, clean text) are not checked: their ``link_confirmed`` stays empty.

>>> link_key("https://docs.un.org/en/A/RES/2200(XXI)"), link_key("http://www.ohchr.org/en/x")
('A/RES/2200(XXI)', 'ohchr.org/en/x')
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

from undocs.analyse import citation_patterns as grammar
from undocs.analyse.citations import LINKED_KINDS, normalise_symbol
from undocs.models import CheckedCitation, CheckedLink, Citation, LineKind, ParsedDocument


def docs_symbol(url: str) -> str:
    """The UN symbol a UN document server's address points to; '' for other addresses.

    >>> docs_symbol("https://undocs.org/A/RES/47/19"), docs_symbol("https://undocs.org/en/A/C.3/80/L.29")
    ('A/RES/47/19', 'A/C.3/80/L.29')
    >>> docs_symbol("https://daccess-ods.un.org/access.nsf/Get?OpenAgent&DS=A/HRC/RES/5/1&Lang=E")
    'A/HRC/RES/5/1'
    >>> docs_symbol("https://undocs.org/Home/Mobile?FinalSymbol=A%2FRES%2F70%2F1"), docs_symbol("https://www.ohchr.org/en/x")
    ('A/RES/70/1', '')
    """
    address = urlsplit(url.strip())
    if not grammar.UN_DOCUMENT_HOST.match(address.hostname or ""):
        return ""
    fields = {name.lower(): value for name, value in parse_qsl(address.query, keep_blank_values=True)}
    symbol = next((fields[name] for name in grammar.SYMBOL_QUERY_FIELDS if fields.get(name)), "")
    if not symbol:
        symbol = grammar.URL_LANGUAGE.sub("", unquote(address.path).strip("/"))
    return normalise_symbol(symbol) if grammar.SYMBOL.fullmatch(normalise_symbol(symbol)) else ""


def link_key(url: str) -> str:
    """What a link points to: a docs.un.org symbol, or the address without scheme and ``www.``."""
    return docs_symbol(url) or grammar.URL_SCHEME.sub("", url).lower()


def citation_key(citation: Citation) -> str:
    return citation.symbol or link_key(citation.url)


def citation_pages(parsed: ParsedDocument, citation: Citation) -> frozenset[int]:
    """The pages a citation is printed on: its note's page, or those its paragraph spans."""
    note = next((n for n in parsed.footnotes if n.footnote_id == citation.footnote_id), None)
    if note and note.line_start:  # a note may run onto the next page
        return frozenset(
            parsed.page_of(line) for line in range(note.line_start, (note.line_end or note.line_start) + 1)
        )
    # The paragraph's text no longer knows its lines: estimate the line from the citation's place
    # in the text (printed lines are about equally long) and allow the lines either side of it.
    paragraph = parsed.paragraph(citation.paragraph_id)
    lines = [
        line
        for line in range(paragraph.line_start, paragraph.line_end + 1)
        if parsed.line_kinds.get(line, LineKind.BODY) is LineKind.BODY
    ] or [paragraph.line_start]
    estimate = len(lines) * citation.start // max(len(paragraph.text), 1)
    return frozenset(parsed.page_of(line) for line in lines[max(estimate - 1, 0) : estimate + 2])


def reconcile(parsed: ParsedDocument, citations: list[Citation]) -> tuple[list[CheckedCitation], list[CheckedLink]]:
    """Match links and citations page by page (the page of a line, as the clean stage counted it)."""
    links = [(link, parsed.page_of(link.line), link_key(link.url)) for link in parsed.links]
    on_page = {(page, key) for _, page, key in links}
    checked = []
    for citation in citations:
        pages = citation_pages(parsed, citation)
        confirmed = None
        if links and citation.kind in LINKED_KINDS:
            confirmed = any((page, citation_key(citation)) in on_page for page in pages)
        checked.append(CheckedCitation(citation, pages, confirmed))
    cited = {(page, citation_key(c.citation)) for c in checked for page in c.pages}
    # The front matter, on the first page, names the draft the resolution was adopted from.
    cited |= {(1, normalise_symbol(m["symbol"])) for m in grammar.SYMBOL.finditer(parsed.front_matter)}
    return checked, [CheckedLink(link, page, key, (page, key) in cited) for link, page, key in links]


def mismatches(checked: list[CheckedCitation], links: list[CheckedLink]) -> list[str]:
    """One build-log line per link without a citation and per citation without a link."""
    lines = [
        f"line {c.link.line}: link {c.link.url} (page {c.page}) matches no citation on its page"
        for c in links
        if not c.matched
    ]
    for c in checked:
        if c.link_confirmed is False:
            where = f"note {c.citation.footnote_id}" if c.citation.footnote_id else c.citation.paragraph_id
            lines.append(
                f"{where}: {c.citation.symbol or c.citation.url} is cited but no link on its page points to it"
            )
    return lines
