"""Stage: themes. Tag paragraphs with the themes of ``vocab/themes.yaml``, each tag with its rule.

A rule is a list of words; a paragraph gets a theme when one of the theme's rules finds one of
its words in the text (titles listed under ``ignore`` blanked out first). The tag records the
first rule that matched and the words it matched, so every tag can be checked by eye.

One pass per paragraph: the text's words are read once, in one scan, and looked up in an
index of the rules' first words (``_Index``: a whole word, or the stem of ``abduct*``); only a
rule whose first word is there is searched for. The tags are exactly those of searching every
rule in turn: a rule cannot match where its first word does not stand.

>>> [(tag.theme_id, tag.rule_id, tag.matched) for tag in tag_text("Torture in places of detention")]
[('torture', 'torture.terms', 'Torture'), ('detention', 'detention.camps', 'places of detention')]
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True)
class _Rule:
    theme_id: str
    rule_id: str
    pattern: re.Pattern[str]


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


@cache
def _index() -> _Index:
    rules: list[_Rule] = []
    by_word: dict[str, set[int]] = {}
    by_stem: dict[str, list[tuple[str, int]]] = {}
    for theme in vocab.load("themes")["themes"]:
        for rule in theme["rules"]:
            number = len(rules)
            rules.append(_Rule(theme["id"], rule["id"], ask_patterns.word_pattern(rule["words"])))
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


def _candidates(searchable: str, index: _Index) -> list[int]:
    """The rules that may match: those whose first word, or stem, opens one of the text's words."""
    words = set(WORD.findall(searchable.lower()))
    found = {number for word in words & index.by_word.keys() for number in index.by_word[word]}
    for word in words:
        for stem, number in index.by_stem.get(word[:STEM_KEY], ()):
            if word.startswith(stem):
                found.add(number)
    return sorted(found)


def tag_text(text: str) -> list[Tag]:
    """Themes of one text, in the vocabulary's order, each from its first matching rule."""
    # Blanked with spaces, not removed, so the matched words keep their offsets in the text.
    searchable = _ignored().sub(lambda match: " " * len(match.group(0)), text.translate(ask_patterns.APOSTROPHES))
    index = _index()
    tags: dict[str, Tag] = {}
    for number in _candidates(searchable, index):
        rule = index.rules[number]
        if rule.theme_id in tags:
            continue
        match = rule.pattern.search(searchable)
        if match:
            tags[rule.theme_id] = Tag(rule.theme_id, rule.rule_id, text[match.start() : match.end()])
    return list(tags.values())


def paragraph_tags(paragraphs: list[Paragraph]) -> dict[str, list[Tag]]:
    """Each paragraph's tags, by paragraph id in reading order."""
    return {paragraph.paragraph_id: tag_text(paragraph.text) for paragraph in paragraphs}
