"""Stage: UPR. Recommendations of a Working Group report, and the State's positions in its addendum.

A report's recommendations are the ``recommendation`` paragraphs (``p115.38``); the lead-in
paragraph above them states their position ("enjoy the support of" -> ``supported``, "will be
examined ... no later than" -> ``pending``, "noted" -> ``noted``). One number may hold several
texts, each closed by its own States in parentheses: ``split_recommendation`` cuts them apart.
An addendum's numbered paragraphs give positions on lists of numbers ("accepts the following
recommendations 122.1, 122.17-18"), and its ``response`` paragraphs explain them.

>>> split_recommendation("Ratify ICRMW (ICRMW) (Iran (Islamic Republic of));")
[('Ratify ICRMW (ICRMW)', ['Iran (Islamic Republic of)'])]
>>> split_recommendation("Ensure compliance (Egypt); continue with the efforts (Peru, Viet Nam);")
[('Ensure compliance', ['Egypt']), ('continue with the efforts', ['Peru', 'Viet Nam'])]
>>> expand_numbers("122.30-33, 122.14– 15, 122.1, 3, 140.35. 140.36")
['122.30', '122.31', '122.32', '122.33', '122.14', '122.15', '122.1', '122.3', '140.35', '140.36']
>>> action_category("Consider ratifying ICRMW"), action_category("Continue its efforts"), action_category("Ratify CAT")
(('consider', 3), ('continue', 2), ('ratify', 5))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from undocs import vocab
from undocs.analyse import upr_patterns as up
from undocs.models import ParsedDocument
from undocs.parse.resolution import ordinal_number
from undocs.read.states import is_state

SUPPORTED, NOTED, PENDING, IN_PART = "supported", "noted", "pending", "supported_in_part"
LARGEST_RANGE = 400  # a range wider than any list of recommendations is a misread, not a range


@dataclass
class Recommendation:
    """One text of a recommendation as the report prints it, with its States and lead-in position."""

    number: str
    sub_index: int | None
    text: str
    states: list[str]
    response: str
    lead_paragraph: str
    paragraph_id: str
    line_start: int
    line_end: int


@dataclass
class Position:
    """An addendum's position on one recommendation number (short numbers, "14", resolved later)."""

    number: str
    response: str
    paragraph_id: str
    line: int


@dataclass
class Explanation:
    """An addendum's text printed against recommendation numbers (``Rec. 18``, ``122.14– 15``)."""

    numbers: list[str]
    text: str
    paragraph_id: str


@dataclass
class UprDocument:
    """What one UPR document says of its review: a report's recommendations or an addendum's positions."""

    document_id: str
    symbol: str
    report_symbol: str
    state: str
    cycle: int | None = None
    session: int | None = None
    recommendations: list[Recommendation] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    explanations: list[Explanation] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def is_addendum(self) -> bool:
        return self.symbol != self.report_symbol


# --- a recommendation's texts and States ---------------------------------------------------------
def _groups(text: str) -> list[tuple[int, int]]:
    """The spans of the top-level parenthesised groups of ``text`` (nested ones stay inside)."""
    spans, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            start = index if depth == 0 else start
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
    return spans


def _names(group: str) -> list[str]:
    """The names in ``(Venezuela (Bolivarian Republic of), Peru)``, split at top-level commas."""
    names, depth, current = [], 0, ""
    for char in group[1:-1]:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            names.append(current.strip())
            current = ""
        else:
            current += char
    return [name for name in [*names, current.strip()] if name]


def _all_states(group: str) -> bool:
    return all(map(is_state, _names(group)))


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Groups that follow each other with only spaces between: ``(France) (Lithuania)``."""
    runs: list[list[tuple[int, int]]] = []
    for span in _groups(text):
        if runs and not text[runs[-1][-1][1] : span[0]].strip():
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def split_recommendation(text: str) -> list[tuple[str, list[str]]]:
    """Each text under one number with its recommending States (trailing parentheses)."""
    parts: list[tuple[str, list[str]]] = []
    start = 0
    for run in _runs(text):
        after = text[run[-1][1] :].lstrip()
        last = not after.strip(" ;.")
        if not (last or after[:1] == ";"):
            continue
        states = [span for span in run if _all_states(text[span[0] : span[1]])]
        if last and run[-1] not in states:
            states = [run[-1]]  # the closing parentheses name the States even when one is spelt unknown
        if not states or states[-1] != run[-1]:
            continue
        first = run.index(states[0])
        states = run[first:]  # the States' groups are the end of the run
        names = [name for span in states for name in _names(text[span[0] : span[1]])]
        parts.append((text[start : states[0][0]].strip(" ;"), names))
        start = states[-1][1] + (len(text[states[-1][1] :]) - len(after)) + 1
    rest = text[start:].strip(" ;.")
    if rest or not parts:
        parts.append((rest, []))
    return parts


@cache
def _categories() -> dict[str, int]:
    table = vocab.load("upr")["categories"]
    return {verb: int(category) for category, verbs in table.items() for verb in verbs}


def action_category(text: str) -> tuple[str, int]:
    """The first verb of a recommendation and its action category (``vocab/upr.yaml``)."""
    words = [word for word in up.WORD.findall(text) if not up.ADVERB.match(word)]
    verb = words[0].lower() if words else ""
    categories = _categories()
    for form in (verb, verb.removesuffix("d"), verb.removesuffix("s"), verb.removesuffix("ed")):
        if form in categories:
            return verb, categories[form]
    return verb, int(vocab.load("upr")["default_category"])


def lead_response(text: str) -> str:
    """The position a lead-in paragraph states for the recommendations under it."""
    if up.LEAD_NOTED.search(text):
        return NOTED
    if up.LEAD_PENDING.search(text):
        return PENDING
    if up.LEAD_SUPPORTED.search(text):
        return SUPPORTED
    return PENDING


# --- an addendum's positions -----------------------------------------------------------------------
def expand_numbers(text: str) -> list[str]:
    """Every number a list names, ranges and inherited prefixes (``122.1, 3``) written out."""
    numbers, prefix = [], ""
    for first, last in up.NUMBER_LIST_TOKEN.findall(text):
        if "." in first:
            prefix, first = first.split(".")
        low, high = int(first), int(last.split(".")[-1]) if last else int(first)
        if not 0 <= high - low <= LARGEST_RANGE:
            high = low
        numbers += [f"{prefix}.{value}" if prefix else str(value) for value in range(low, high + 1)]
    return numbers


def positions(parsed: ParsedDocument) -> list[Position]:
    found = []
    for paragraph in parsed.paragraphs:
        if paragraph.section != "body" or paragraph.depth != 1:
            continue
        for match in up.POSITION.finditer(paragraph.text):
            partial = bool(match.group("partly") or match.group("in_part"))
            response = IN_PART if partial else NOTED if match.group("verb") == "note" else SUPPORTED
            found += [
                Position(number, response, paragraph.paragraph_id, paragraph.line_start)
                for number in expand_numbers(match.group("list"))
            ]
    return found


def explanations(parsed: ParsedDocument) -> list[Explanation]:
    return [
        Explanation(expand_numbers(paragraph.label), paragraph.text, paragraph.paragraph_id)
        for paragraph in parsed.paragraphs
        if paragraph.section == "response"
    ]


def totals(parsed: ParsedDocument) -> dict[str, int]:
    """The counts the text states: received, supported (summed: "58 ... immediately", "124 now"), noted."""
    text = " ".join(p.text for p in parsed.paragraphs if p.section == "body")
    found: dict[str, int] = {}
    received = [int(match.group("value")) for match in up.RECEIVED.finditer(text)]
    if received:
        found["received"] = max(received)
    for name, pattern in (("supported", up.SUPPORTED_TOTAL), ("noted", up.NOTED_TOTAL)):
        values = [int(match.group("value") or match.group("of")) for match in pattern.finditer(text)]
        if values:
            found[name] = sum(values)
    return found


# --- the document ------------------------------------------------------------------------------------
def recommendations(parsed: ParsedDocument) -> list[Recommendation]:
    found = []
    leads = {p.paragraph_id: p.text for p in parsed.paragraphs if p.section == "body" and p.depth == 1}
    for paragraph in parsed.paragraphs:
        if paragraph.section != "recommendation":
            continue
        response = lead_response(leads.get(paragraph.parent_id, ""))
        parts = split_recommendation(paragraph.text)
        for index, (text, states) in enumerate(parts, start=1):
            found.append(
                Recommendation(
                    paragraph.label,
                    index if len(parts) > 1 else None,
                    text,
                    states,
                    response,
                    paragraph.parent_id,
                    paragraph.paragraph_id,
                    paragraph.line_start,
                    paragraph.line_end,
                )
            )
    return found


def _state(title: str) -> str:
    match = up.STATE_IN_TITLE.search(title)
    return match.group("state").strip() if match else ""


def _cycle(session: int | None) -> int | None:
    for cycle in vocab.load("upr")["cycles"]:
        if session and cycle["first_session"] <= session <= cycle["last_session"]:
            return int(cycle["cycle"])
    return None


def upr_document(parsed: ParsedDocument) -> UprDocument | None:
    """The document's UPR content, or None when it is neither a Working Group report nor its addendum."""
    meta = parsed.meta
    title = parsed.paragraphs[0].text if parsed.paragraphs and parsed.paragraphs[0].section == "title" else meta.title
    if "universal periodic review" not in title.lower() or "working group" not in title.lower():
        return None
    addendum = up.ADDENDUM_SYMBOL.match(meta.symbol)
    session_match = next(
        (m for p in parsed.paragraphs[:6] if (m := up.WORKING_GROUP_SESSION.search(p.text))),
        None,
    )
    session = ordinal_number(session_match.group("ordinal")) if session_match else None
    document = UprDocument(
        meta.document_id,
        meta.symbol,
        addendum.group("report") if addendum else meta.symbol,
        _state(title),
        _cycle(session),
        session,
    )
    if document.is_addendum:
        document.positions = positions(parsed)
        document.explanations = explanations(parsed)
        document.totals = totals(parsed)
    else:
        document.recommendations = recommendations(parsed)
    return document
