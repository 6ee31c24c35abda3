"""Stage: themes. Tag paragraphs with the themes of ``vocab/themes.yaml``, each tag with its rule.

A rule is a list of words; a paragraph gets a theme when one of the theme's rules finds one of
its words in the text (titles listed under ``ignore`` blanked out first). A rule may ask for
context: ``near`` words of which one must stand within ``within`` words of the match, ``not_near``
words of which none may ("surveillance", but not of a disease). The tag records the first rule
that matched and the words it matched, so every tag can be checked by eye.

One pass per paragraph: the text's words are read once, in one scan, and looked up in an
index of the rules' first words (``_Index``: a whole word, or the stem of ``abduct*``); a rule
is tried only where one of its first words stands, and only there, not searched along the whole
text. The tags are exactly those of searching every rule in turn: a rule's match starts at a
word (its pattern opens with the look-behind ``WORD`` starts with) that opens one of its words.

>>> [(tag.theme_id, tag.rule_id, tag.matched) for tag in tag_text("Torture in places of detention")]
[('torture', 'torture.terms', 'Torture'), ('conditions_of_detention', 'conditions_of_detention.places', 'places of detention')]
>>> [tag.theme_id for tag in tag_text("strengthen the surveillance of communicable diseases")]
['right_to_health']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from undocs import vocab
from undocs.analyse import ask_patterns
from undocs.models import Paragraph, Tag

# The words of a text: where a rule's word may start, after no word character and no hyphen (the
# rules' own patterns start with the same look-behind), up to a character that is not a word's.
WORD = re.compile(r"(?<![\w-])\w+")
# A stem's key in the index: its first letters (a text's word is looked up by as many of its own).
STEM_KEY = 3
# How many words either side of a match a rule's context (near, not_near) is looked for in.
WITHIN = 6


@dataclass(frozen=True)
class _Rule:
    theme_id: str
    rule_id: str
    pattern: re.Pattern[str]
    near: re.Pattern[str] | None = None
    not_near: re.Pattern[str] | None = None
    within: int = WITHIN

    def find(self, searchable: str, places: list[int], starts: list[int]) -> re.Match[str] | None:
        """The first match whose context fits, tried only at ``places``, the text's word starts
        where one of the rule's words may begin (``starts``: every word's start), as
        ``finditer`` would meet them: in order, none inside a match already rejected."""
        rejected_end = 0
        for place in places:
            if place < rejected_end or not (match := self.pattern.match(searchable, place)):
                continue
            if self._fits(searchable, match, starts):
                return match
            rejected_end = match.end()
        return None

    def _fits(self, searchable: str, match: re.Match[str], starts: list[int]) -> bool:
        if self.near is None and self.not_near is None:
            return True
        first = max(bisect_right(starts, match.start()) - 1 - self.within, 0)
        last = bisect_left(starts, match.end()) + self.within
        context = searchable[starts[first] if starts else 0 : starts[last] if last < len(starts) else len(searchable)]
        if self.near is not None and not self.near.search(context):
            return False
        return self.not_near is None or not self.not_near.search(context)


@dataclass(frozen=True)
class _Index:
    """The rules; by first word (lower case) the rules whose word opens with it; and by the first
    letters of a stem (``abduct*``) the stems and their rules."""

    rules: tuple[_Rule, ...]
    by_word: dict[str, set[int]]
    by_stem: dict[str, list[tuple[str, int]]]


def _opening(word: str) -> tuple[str, bool]:
    """A rule's word's first word, lower case, and whether it is a stem (``abduct*``: any ending)."""
    word = word.translate(ask_patterns.APOSTROPHES).lower()
    first = WORD.match(word)
    if not first:
        raise ValueError(f"themes.yaml: {word!r} must start with a letter or digit")
    return first.group(0), word[first.end() : first.end() + 1] == "*"


def _rule(theme_id: str, rule: dict) -> _Rule:
    context = {key: ask_patterns.word_pattern(rule[key]) for key in ("near", "not_near") if key in rule}
    return _Rule(
        theme_id, rule["id"], ask_patterns.word_pattern(rule["words"]), **context, within=rule.get("within", WITHIN)
    )


@cache
def _index() -> _Index:
    rules: list[_Rule] = []
    by_word: dict[str, set[int]] = {}
    by_stem: dict[str, list[tuple[str, int]]] = {}
    for theme in vocab.load("themes")["themes"]:
        for rule in theme["rules"]:
            number = len(rules)
            rules.append(_rule(theme["id"], rule))
            for word in rule["words"]:
                opening, stem = _opening(word)
                if stem and len(opening) < STEM_KEY:
                    raise ValueError(
                        f"themes.yaml: rule {rule['id']}: the stem {word!r} is shorter than {STEM_KEY} letters"
                    )
                if stem:
                    by_stem.setdefault(opening[:STEM_KEY], []).append((opening, number))
                else:
                    by_word.setdefault(opening, set()).add(number)
    return _Index(tuple(rules), by_word, by_stem)


@cache
def _ignored() -> re.Pattern[str]:
    return ask_patterns.phrase_pattern(vocab.load("themes")["ignore"])


def _candidates(words: list[re.Match[str]], index: _Index) -> dict[int, list[int]]:
    """The rules that may match, each with the starts of the words where one of its words may
    begin: a word that is its first word, or opens with its stem."""
    found: dict[int, list[int]] = {}
    by_word, by_stem = index.by_word, index.by_stem
    for word in words:
        lower = word.group().lower()
        numbers, stems = by_word.get(lower, ()), by_stem.get(lower[:STEM_KEY], ())
        if not (numbers or stems):
            continue  # most words open no rule's word
        for number in [*numbers, *(number for stem, number in stems if lower.startswith(stem))]:
            places = found.setdefault(number, [])
            if not places or places[-1] != word.start():
                places.append(word.start())
    return found


def tag_text(text: str) -> list[Tag]:
    """Themes of one text, in the vocabulary's order, each from its first matching rule."""
    # Blanked with spaces, not removed, so the matched words keep their offsets in the text.
    searchable = _ignored().sub(lambda match: " " * len(match.group(0)), text.translate(ask_patterns.APOSTROPHES))
    index = _index()
    words = list(WORD.finditer(searchable))
    starts = [word.start() for word in words]
    candidates = _candidates(words, index)
    tags: dict[str, Tag] = {}
    for number in sorted(candidates):
        rule = index.rules[number]
        if rule.theme_id in tags:
            continue
        match = rule.find(searchable, candidates[number], starts)
        if match:
            tags[rule.theme_id] = Tag(rule.theme_id, rule.rule_id, text[match.start() : match.end()])
    return list(tags.values())


def paragraph_tags(paragraphs: list[Paragraph]) -> dict[str, list[Tag]]:
    """Each paragraph's tags, by paragraph id in reading order."""
    return {paragraph.paragraph_id: tag_text(paragraph.text) for paragraph in paragraphs}
