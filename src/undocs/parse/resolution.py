"""The resolution parser: clean, segment and footnotes, run in that order on one text.

>>> from undocs.read.sources import decode_lines
>>> text = " The General Assembly,\\n Noting its resolution 1/1,1\\n 1. Decides to act.\\n_____\\n 1  A/RES/1/1.\\n"
>>> parsed = parse_resolution(decode_lines(text.encode(), "x.txt"), "x.txt")
>>> [(p.paragraph_id, p.text) for p in parsed.paragraphs], [(f.footnote_id, f.paragraph_id) for f in parsed.footnotes]
([('pp1', 'Noting its resolution 1/1,'), ('op1', 'Decides to act.')], [('1', 'pp1')])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from undocs.models import Footnote, LineKind, Link, Paragraph, SourceLine
from undocs.parse import markdown, patterns
from undocs.parse.clean import clean, title_text
from undocs.parse.footnotes import attach
from undocs.parse.segment import segment

ORDINALS = {
    word: number
    for number, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
        ],
        start=1,
    )
}
TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
TENS_PREFIX = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


@dataclass
class ParsedText:
    """What the resolution parser read: paragraphs, notes, links, line kinds and front-matter facts."""

    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    links: list[Link]
    kinds: dict[int, LineKind]
    warnings: list[str]
    facts: dict[str, str] = field(default_factory=dict)
    pages: dict[int, int] = field(default_factory=dict)
    front_matter: str = ""


def ordinal_number(text: str) -> int | None:
    """``Seventy-third`` -> 73, ``Eightieth`` -> 80.

    >>> ordinal_number("Seventy-third"), ordinal_number("Eightieth")
    (73, 80)
    """
    words = text.lower().split("-")
    if len(words) == 1:
        return ORDINALS.get(words[0]) or TENS.get(words[0])
    if len(words) == 2 and words[0] in TENS_PREFIX and words[1] in ORDINALS:
        return TENS_PREFIX[words[0]] + ORDINALS[words[1]]
    return None


def front_facts(front: list[SourceLine], chapeau: SourceLine | None) -> dict[str, str]:
    """What the front matter says of the document: symbol, title, body, session, date."""
    facts: dict[str, str] = {}
    text = "\n".join(line.text for line in front)
    symbol = patterns.SYMBOL_IN_TEXT.search(text)
    if symbol:
        facts["symbol"] = symbol.group("symbol")
    facts["title"] = title_text(front)
    if chapeau:
        facts["body"] = patterns.CHAPEAU_LINE.match(chapeau.text).group("body")
    for line in front:
        session = patterns.SESSION_LINE.match(line.text)
        if session and ordinal_number(session.group("ordinal")):
            facts["session"] = str(ordinal_number(session.group("ordinal")))
    adopted = patterns.ADOPTED_ON.search(" ".join(text.split()))
    if adopted:
        facts["date"] = adopted.group("date")
    return {key: value for key, value in facts.items() if value}


def parse_resolution(lines: list[SourceLine], path: str, symbol: str = "") -> ParsedText:
    """Parse a resolution's text (extracted from its PDF, or clean one-paragraph-per-line text)."""
    cleaned = clean(markdown.repair(lines), symbol)
    attached = attach(segment(cleaned, path), cleaned.notes)
    facts = front_facts(cleaned.front, cleaned.chapeau)
    for note in cleaned.notes:
        reissue = patterns.REISSUE_NOTE.search(" ".join(note.lines))
        if note.number == "*" and reissue:
            facts["reissue_date"] = reissue.group("date")
    warnings = cleaned.warnings + attached.warnings
    front_matter = "\n".join(line.text for line in cleaned.front)
    return ParsedText(
        attached.paragraphs,
        attached.footnotes,
        cleaned.links,
        cleaned.kinds,
        warnings,
        facts,
        cleaned.pages,
        front_matter,
    )
