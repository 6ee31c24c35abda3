"""The statement parser: an NGO's oral or written statement to a UN body.

Lines before the heading are the publisher's introduction; short lines up to the salutation
are the heading (body, session, date, agenda item); the lines after the salutation are the
body paragraphs ``p1``.. up to the closing ("Thank you."). Paragraphs are one per line, or
blank-line separated blocks when the text is wrapped.

>>> from undocs.read.sources import decode_lines
>>> text = "UN Human Rights Council – 58th Session\\n25 March 2025\\nMister President,\\nWe remind the State.\\nThank you."
>>> [(p.paragraph_id, p.section) for p in parse_statement(decode_lines(text.encode(), "s.txt")).paragraphs]
[('h1', 'heading'), ('h2', 'heading'), ('salutation', 'salutation'), ('p1', 'statement'), ('closing', 'closing')]
"""

from __future__ import annotations

from undocs.models import LineKind, Paragraph, SourceLine
from undocs.parse import patterns
from undocs.parse.resolution import ParsedText
from undocs.text import join_lines

HEADING_MAX_LENGTH = 120


def _blocks(lines: list[SourceLine]) -> list[list[SourceLine]]:
    """Group lines into paragraphs: blank lines separate them where the text is wrapped."""
    wrapped = any(not line.text.strip() for line in lines) and any(
        len(line.text) < 90 and not patterns.PARAGRAPH_END.search(line.text) for line in lines if line.text.strip()
    )
    blocks: list[list[SourceLine]] = []
    current: list[SourceLine] = []
    for line in lines:
        if not line.text.strip():
            if current:
                blocks.append(current)
            current = []
        elif wrapped:
            current.append(line)
        else:
            blocks.append([line])
    if current:
        blocks.append(current)
    return blocks


def _section(block: list[SourceLine], seen_salutation: bool) -> str:
    text = " ".join(line.text for line in block).strip()
    if patterns.SALUTATION.match(text) and not seen_salutation:
        return "salutation"
    if seen_salutation:
        return "closing" if patterns.CLOSING.match(text) else "statement"
    if len(text) <= HEADING_MAX_LENGTH and not text.endswith("."):
        return "heading"
    return "introduction"


def parse_statement(lines: list[SourceLine]) -> ParsedText:
    """Every line of a statement lands in a paragraph row, in reading order."""
    paragraphs: list[Paragraph] = []
    counters: dict[str, int] = {}
    kinds = {line.number: LineKind.BLANK for line in lines if not line.text.strip()}
    seen_salutation = False
    facts: dict[str, str] = {}
    for block in _blocks(lines):
        section = _section(block, seen_salutation)
        seen_salutation = seen_salutation or section == "salutation"
        counters[section] = counters.get(section, 0) + 1
        prefix = {"statement": "p", "heading": "h", "introduction": "intro"}.get(section, section)
        number = counters[section]
        paragraph_id = f"{prefix}{number}" if section in {"statement", "heading"} or number > 1 else prefix
        text = join_lines([line.text for line in block])
        paragraphs.append(
            Paragraph(
                paragraph_id, "", section, "", len(paragraphs) + 1, 1, "", text, block[0].number, block[-1].number
            )
        )
        kinds.update({line.number: LineKind.BODY for line in block})
        if section == "heading":
            facts.update(_heading_facts(text))
    return ParsedText(paragraphs, [], [], kinds, [], facts)


def _heading_facts(text: str) -> dict[str, str]:
    """Body, session, date and agenda item as the heading lines print them."""
    facts: dict[str, str] = {}
    session = patterns.ORDINAL_SESSION.search(text)
    if session:
        facts["session"] = session.group("number")
        facts["body"] = text[: session.start()].strip(" –-").removeprefix("UN ").strip()
    if patterns.DATE_LINE.match(text):
        facts["date"] = text.strip()
    item = patterns.ITEM_LINE.match(text)
    if item:
        facts["agenda_item"] = item.group("item")
        facts["title"] = item.group("title")
    return facts
