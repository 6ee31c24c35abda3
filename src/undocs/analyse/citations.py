"""Stage: citations. Find the UN documents and resolutions each paragraph and footnote cites.

As eyecite does, citations are first found with the grammar of ``citation_patterns`` and then
resolved: a resolution number gets its body from the words around it ("Council resolutions
34/24 ..., 40/20 ... and 46/17" are Human Rights Council ones; "2397 (2017)" is the Security
Council's; a bare "resolution 79/181" is the body's own or the one it had earlier), an ``Ibid.``
note takes the previous note's source, and every symbol is written as docs.un.org writes it.

>>> normalise_symbol("A/hrc/res/58/17"), normalise_symbol("S/RES/2397 (2017)"), normalise_symbol("a/hrc/34/66/add.1")
('A/HRC/RES/58/17', 'S/RES/2397(2017)', 'A/HRC/34/66/Add.1')
>>> [(c.body, c.symbol, c.adopted_on) for c in find("Council resolutions 34/24 of 24 March 2017 and 46/17", Context("GA"))]
[('HRC', 'A/HRC/RES/34/24', '2017-03-24'), ('HRC', 'A/HRC/RES/46/17', '')]
>>> [c.symbol for c in find("resolution 2200 A (XXI), annex; A/80/53 and S/RES/2397(2017)", Context("GA"))]
['A/RES/2200(XXI)', 'A/80/53', 'S/RES/2397(2017)']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from undocs import vocab
from undocs.analyse import citation_patterns as grammar
from undocs.models import Citation, Footnote, ParsedDocument, ResolvedNote
from undocs.text import iso_date

DOCS_UN = "https://docs.un.org/en/"
# Kinds of citation that name a UN document and so should carry a link in a PDF's text.
LINKED_KINDS = ("resolution", "official_records", "document", "draft", "web")


@dataclass
class Context:
    """What a document tells about bodies: its own body, and resolutions it already cited."""

    default_body: str
    known: dict[str, str] = field(default_factory=dict)  # resolution number -> body code
    named: list[str] = field(default_factory=list)  # bodies named so far, in reading order


@cache
def bodies() -> dict[str, dict]:
    return vocab.load("un_bodies")


def body_code(name: str) -> str:
    """``Human Rights Council`` -> ``HRC``; '' for a name that needs context (``Council``).

    >>> body_code("General  Assembly"), body_code("Council")
    ('GA', '')
    """
    name = " ".join(name.split())
    return next((code for code, body in bodies().items() if name in body["names"]), "")


def normalise_symbol(symbol: str) -> str:
    """The docs.un.org form: no spaces, upper case but for ``Add.1``, ``Rev.2``, ``Corr.1``."""
    elements = []
    for element in grammar.SPACE.sub("", symbol).split("/"):
        suffix = grammar.SUFFIX_ELEMENT.match(element)
        elements.append(f"{suffix['word'].capitalize()}.{suffix['number']}" if suffix else element.upper())
    return "/".join(elements)


def resolution_symbol(code: str, number: str) -> str:
    """``("SC", "2397 (2017)")`` -> ``S/RES/2397(2017)``; old ``2200 A (XXI)`` drops its part letter.

    >>> resolution_symbol("GA", "2200 A (XXI)"), resolution_symbol("HRC", "58/17")
    ('A/RES/2200(XXI)', 'A/HRC/RES/58/17')
    """
    roman = grammar.ROMAN_NUMBER.match(number)
    if roman:
        number = f"{roman['number']}({roman['session']})"
    return normalise_symbol(bodies()[code]["prefix"] + number)


def _numbering(number: str) -> str:
    return "year" if grammar.YEAR_NUMBER.match(number) else "session"


def _body(number: str, named: str, text_before: str, context: Context) -> str:
    """Which body adopted resolution ``number``, from the words around it."""
    numbering = _numbering(number)
    code = body_code(named) if named else ""
    if named and not code:
        # "Council": the nearest body of that kind named before, else the first listed in the
        # vocabulary (the Human Rights Council for session numbers), numbered as this number is.
        fitting = [
            c for c, body in bodies().items() if body["numbering"] == numbering and body["names"][0].endswith(named)
        ]
        mentioned = context.named + [body_code(m.group()) for m in grammar.BODY_NAME.finditer(text_before)]
        code = next((c for c in reversed(mentioned) if c in fitting), fitting[0] if fitting else "")
    if not code and numbering == "year":
        code = next(c for c, body in bodies().items() if body["numbering"] == "year")
    return code or context.known.get(number) or context.default_body


def _resolutions(text: str, context: Context) -> list[Citation]:
    found = []
    for mention in grammar.RESOLUTION_LIST.finditer(text):
        items_start = mention.start("items")
        items = list(grammar.RESOLUTION_ITEM.finditer(mention.group("items")))
        for item, date in zip(items, _dates(items), strict=True):
            number = " ".join(item.group("number").split())
            code = _body(number, mention.group("body") or "", text[: mention.start()], context)
            context.known.setdefault(number, code)
            symbol = resolution_symbol(code, number)
            start = items_start + item.start()
            end = items_start + item.end()
            found.append(Citation("resolution", symbol, item.group(), DOCS_UN + symbol, start, end, code, number, date))
    return found


def _dates(items: list[re.Match[str]]) -> list[str]:
    """Each item's date: its own, or the one a later item of the same session gives ("5/1 and 5/2 of
    18 June 2007"); numbers of other sessions never share a date.

    >>> _dates(list(grammar.RESOLUTION_ITEM.finditer("5/1 and 5/2 of 18 June 2007 and 16/21")))
    ['2007-06-18', '2007-06-18', '']
    >>> _dates(list(grammar.RESOLUTION_ITEM.finditer("73/142 and 68/3 of 23 September 2013")))
    ['', '2013-09-23']
    """
    dates, shared, session = [], "", None
    for item in reversed(items):
        own = grammar.SESSION_OF_NUMBER.match(item.group("number"))
        if item.group("date"):
            shared, session = iso_date(item.group("date")), own and own["session"]
            dates.append(shared)
        else:
            dates.append(shared if own and own["session"] == session else "")
    return dates[::-1]


def _symbol_kind(symbol: str, start: int, supplements: list[tuple[int, int]]) -> str:
    if any(low <= start < high for low, high in supplements):
        return "official_records"
    if grammar.RESOLUTION_SYMBOL.match(symbol):
        return "resolution"
    return "draft" if grammar.DRAFT_SYMBOL.search(symbol) else "document"


def _resolution_of_symbol(symbol: str) -> tuple[str, str]:
    """``S/RES/2397(2017)`` -> ``("SC", "2397 (2017)")``."""
    for code, body in bodies().items():
        if symbol.startswith(body["prefix"]):
            number = symbol[len(body["prefix"]) :]
            year = grammar.YEAR_NUMBER.match(number)
            return code, f"{year['number']} ({year['year']})" if year else number
    return "", ""


def _symbols(text: str, taken: list[Citation]) -> list[Citation]:
    supplements = [match.span() for match in grammar.SUPPLEMENT.finditer(text)]
    found = []
    for match in grammar.SYMBOL.finditer(text):
        written = match.group("symbol")
        if not grammar.HAS_DIGIT.search(written) or any(c.start <= match.start() < c.end for c in taken):
            continue
        symbol = normalise_symbol(written)
        kind = _symbol_kind(symbol, match.start(), supplements)
        code, number = _resolution_of_symbol(symbol) if kind == "resolution" else ("", "")
        found.append(Citation(kind, symbol, written, DOCS_UN + symbol, *match.span(), code, number))
    return found


def _web(text: str) -> list[Citation]:
    return [
        Citation("web", "", address, address if "://" in address else "http://" + address, *match.span())
        for match in grammar.WEB_ADDRESS.finditer(text)
        for address in [match.group("address")]
    ]


def find(text: str, context: Context) -> list[Citation]:
    """Every citation in ``text``, in order; ``context`` learns the bodies it meets."""
    resolutions = _resolutions(text, context)
    found = resolutions + _symbols(text, resolutions) + _web(text)
    context.named += [body_code(match.group()) for match in grammar.BODY_NAME.finditer(text)]
    return sorted(found, key=lambda citation: citation.start)


def resolve_notes(footnotes: list[Footnote]) -> list[ResolvedNote]:
    """Each note with ``Ibid.`` replaced by what it repeats: the previous note's source.

    >>> notes = [Footnote("18", "op2", "United Nations, Treaty Series, vol. 189, No. 2545."),
    ...          Footnote("19", "op2", "Ibid., vol. 606, No. 8791."), Footnote("20", "op2", "Ibid.")]
    >>> [(n.text, n.ibid_of) for n in resolve_notes(notes)][1:]
    [('United Nations, Treaty Series, vol. 606, No. 8791.', '18'), ('United Nations, Treaty Series, vol. 606, No. 8791.', '19')]
    """
    resolved: list[ResolvedNote] = []
    for note in footnotes:
        ibid = grammar.IBID.match(note.text)
        previous = next((r for r in reversed(resolved) if r.text), None)
        if ibid and previous:
            rest = ibid.group("rest")
            series = grammar.SERIES.search(previous.text)
            source = series.group("series") if series else previous.text.rstrip(".")
            text = f"{source}, {rest}" if rest else previous.text
            resolved.append(ResolvedNote(note, text, ibid_of=previous.footnote.footnote_id))
            continue
        signal = grammar.SIGNAL.match(note.text)
        resolved.append(ResolvedNote(note, note.text, signal.group("signal") if signal else ""))
    return resolved


def default_body(parsed: ParsedDocument) -> str:
    """The body a bare "resolution 70/1" belongs to: the document's own (GA by default)."""
    name = parsed.meta.body.split(",")[0]
    return body_code(name) or "GA"


def document_citations(parsed: ParsedDocument) -> list[Citation]:
    """Every citation of a document: each paragraph's running text, then the notes in it."""
    context = Context(default_body(parsed))
    notes = resolve_notes(parsed.footnotes)  # in note order, so Ibid. finds the note before it
    by_paragraph: dict[str, list[ResolvedNote]] = {}
    for note in notes:  # a note cited again in a later paragraph cites its sources there too
        for paragraph_id in (note.footnote.paragraph_id, *note.footnote.cited_again_in):
            by_paragraph.setdefault(paragraph_id, []).append(note)
    citations = []
    for paragraph in parsed.paragraphs:
        for citation in find(paragraph.text, context):
            citations.append(replace(citation, paragraph_id=paragraph.paragraph_id))
        for note in by_paragraph.get(paragraph.paragraph_id, []):
            citations += [_in_note(citation, note, paragraph.paragraph_id) for citation in find(note.text, context)]
    return citations


def _in_note(citation: Citation, note: ResolvedNote, paragraph_id: str) -> Citation:
    written = note.footnote.text
    # A citation an Ibid. repeats is written "Ibid." (or "Ibid., vol. 606, ...") in this note.
    as_written = citation.as_written if citation.as_written in written else written
    return replace(
        citation,
        paragraph_id=paragraph_id,
        footnote_id=note.footnote.footnote_id,
        as_written=as_written,
        signal=note.signal,
        ibid_of=note.ibid_of,
    )
