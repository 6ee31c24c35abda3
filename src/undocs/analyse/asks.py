"""Stage: asks. Who a paragraph asks to do what: one recommendation per (paragraph, addressee).

An ask is a verb from ``vocab/actions.yaml`` ("Strongly urges", "calling upon", "We remind")
followed by one or more addressees from ``vocab/addressees.yaml`` and the asked action ("to
respect ..."). It may open the paragraph or stand inside another clause ("..., and in this
regard strongly urges all Member States to respect ..."). A verb with no addressee after it
("Decides to continue", "urging the resumption of") asks no one in particular and is not a row.
A chapeau that ends in a colon hands its last ask to its subparagraphs: "Strongly urges the
Government ...: (a) To immediately put an end ..." gives one row per subparagraph, each
inheriting the chapeau's verb and addressee, and no row for the chapeau itself.

>>> [(a.addressee_id, a.action, a.action_text) for a in find_asks("Urges the DPRK and Member States to act;")]
[('dprk', 'urges', 'to act'), ('member_states', 'urges', 'to act')]
>>> [a.addressee_id for a in find_asks("Encourages the continuing endeavours of the Office")]
[]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from undocs import vocab
from undocs.analyse import ask_patterns
from undocs.models import Ask, Paragraph


@cache
def _action_of_form() -> dict[str, str]:
    return {
        " ".join(form.lower().split()): action["id"]
        for action in vocab.load("actions")["actions"]
        for form in action["forms"]
    }


@cache
def _addressee_of_phrase() -> dict[str, str]:
    return {
        phrase.translate(ask_patterns.APOSTROPHES): entry["id"]
        for entry in vocab.load("addressees")["addressees"]
        for phrase in entry["phrases"]
    }


def _addressee_list(text: str, position: int) -> tuple[list[tuple[str, int, int]], int]:
    """Addressees named from ``position`` on, as (id, start, end), and where the list ends."""
    found: list[tuple[str, int, int]] = []
    end = position
    while True:
        start = end
        if found:
            separator = ask_patterns.SEPARATOR.match(text, end)
            if not separator:
                break
            start = separator.end()
        determiners = ask_patterns.DETERMINERS.match(text, start)
        name = ask_patterns.addressees().match(text, determiners.end())
        if not name:
            break
        found.append((_addressee_of_phrase()[" ".join(name.group(0).split())], start, name.end()))
        end = name.end()
    return found, end


def _action_start(text: str, end: int, bare: bool) -> int | None:
    """Where the asked action begins after the addressees, or None when nothing is asked."""
    patterns = [ask_patterns.BARE_ACTION] if bare else [ask_patterns.INFINITIVE, ask_patterns.RELATIVE_CLAUSE]
    for pattern in patterns:
        match = pattern.match(text, end)
        if match:
            return match.end()
    return None


def _clauses(text: str) -> list[tuple[re.Match[str], list[tuple[str, int, int]], int]]:
    """Each verb that asks someone: the verb's match, its addressees and where the action starts."""
    clauses = []
    for verb in ask_patterns.verbs().finditer(text):
        after = ask_patterns.AFTER_VERB.match(text, verb.end())
        if after is None:  # punctuation or the text's end after the verb ("Urges,"): no one named
            continue
        names, end = _addressee_list(text, after.end())
        bare = bool(after.group("that")) or verb.group(0).lower().endswith(" that")
        start = _action_start(text, end, bare) if names else None
        if start is not None:
            clauses.append((verb, names, start))
    return clauses


def find_asks(text: str) -> list[Ask]:
    """Asks in one paragraph's text, in reading order; an ask's text ends where the next begins."""
    clauses = _clauses(text.translate(ask_patterns.APOSTROPHES))
    asks = []
    for index, (verb, names, start) in enumerate(clauses):
        stop = clauses[index + 1][0].start() if index + 1 < len(clauses) else len(text)
        new_clause = ask_patterns.clause_break().search(text, start, stop)
        stop = new_clause.start() if new_clause else stop
        action_text = ask_patterns.TRAILING.sub("", text[start:stop])
        phrase = text[verb.start() : verb.end()]
        action = _action_of_form()[" ".join(phrase.lower().split())]
        asks += [
            Ask(addressee_id, text[first:last], action, phrase, action_text, verb.start())
            for addressee_id, first, last in names
        ]
    return asks


def _open_asks(paragraph: Paragraph, own: list[Ask], inherited: list[Ask], has_children: bool) -> list[Ask]:
    """The asks a chapeau hands down: its last ask when it ends in a colon, or what it inherited."""
    if not has_children or not paragraph.text.rstrip().endswith(":"):
        return []
    if not own:
        return inherited
    last = max(ask.verb_start for ask in own)
    return [ask for ask in own if ask.verb_start == last]


def document_asks(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, Ask]]:
    """Every paragraph's asks, its own and those inherited from its chapeau, in reading order."""
    parents = {paragraph.parent_id for paragraph in paragraphs}
    handed_down: dict[str, list[Ask]] = {}
    result = []
    for paragraph in paragraphs:
        own = [replace(ask, source_paragraph_id=paragraph.paragraph_id) for ask in find_asks(paragraph.text)]
        inherited = [
            replace(ask, action_text=ask_patterns.TRAILING.sub("", paragraph.text), inherited=True)
            for ask in handed_down.get(paragraph.parent_id, [])
        ]
        opened = _open_asks(paragraph, own, inherited, paragraph.paragraph_id in parents)
        handed_down[paragraph.paragraph_id] = opened
        result += [(paragraph, ask) for ask in inherited + own if ask not in opened]
    return result
