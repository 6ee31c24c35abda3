"""Stage: themes. Tag paragraphs with the themes of ``vocab/themes.yaml``, each tag with its rule.

A rule is a list of words; a paragraph gets a theme when one of the theme's rules finds one of
its words in the text (titles listed under ``ignore`` blanked out first). The tag records the
first rule that matched and the words it matched, so every tag can be checked by eye.

One pass per paragraph: the text's words are read once, and each word's first letters are looked
up in an index of the rules' words (``_Index``); a rule's own pattern is tried only where the
index says one of its words may start, so a paragraph costs one scan, not one search per rule.
The tags are exactly those of searching every rule in turn: a rule's first match starts at a
word, and every word where it may start is tried.

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

# Where a rule's word may start: a run of word characters not preceded by one or by a hyphen
# (the rules' own patterns start with the same look-behind).
WORD_START = re.compile(r"(?<![\w-])\w+")
# How many first letters of a word the index keys on (shorter words key on all of theirs).
KEY_LENGTH = 3


@dataclass(frozen=True)
class _Rule:
    theme_id: str
    rule_id: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Index:
    """The rules, and for each key (a word's first letters, lower case) the rules with a word starting so."""

    rules: tuple[_Rule, ...]
    by_key: dict[str, tuple[int, ...]]
    key_lengths: tuple[int, ...]


def _key(word: str) -> str:
    """The index key of a rule's word: its first letters, lower case ('' if it opens with no letter)."""
    first = WORD_START.match(word.translate(ask_patterns.APOSTROPHES))
    return first.group(0)[:KEY_LENGTH].lower() if first else ""


@cache
def _index() -> _Index:
    rules, by_key = [], {}
    for theme in vocab.load("themes")["themes"]:
        for rule in theme["rules"]:
            number = len(rules)
            rules.append(_Rule(theme["id"], rule["id"], ask_patterns.word_pattern(rule["words"])))
            for word in rule["words"]:
                key = _key(word)
                if not key:
                    raise ValueError(f"themes.yaml: rule {rule['id']}: {word!r} must start with a letter or digit")
                if number not in by_key.setdefault(key, []):
                    by_key[key].append(number)
    lengths = tuple(sorted({len(key) for key in by_key}))
    return _Index(tuple(rules), {key: tuple(numbers) for key, numbers in by_key.items()}, lengths)


@cache
def _ignored() -> re.Pattern[str]:
    return ask_patterns.phrase_pattern(vocab.load("themes")["ignore"])


def _first_matches(searchable: str, index: _Index) -> dict[int, re.Match[str]]:
    """Each rule's first match in the text, by rule number: one scan of its words."""
    found: dict[int, re.Match[str]] = {}
    for word in WORD_START.finditer(searchable):
        lower = word.group(0).lower()
        for length in index.key_lengths:
            for number in index.by_key.get(lower[:length], ()):
                if number not in found and (match := index.rules[number].pattern.match(searchable, word.start())):
                    found[number] = match
    return found


def tag_text(text: str) -> list[Tag]:
    """Themes of one text, in the vocabulary's order, each from its first matching rule."""
    # Blanked with spaces, not removed, so the matched words keep their offsets in the text.
    searchable = _ignored().sub(lambda match: " " * len(match.group(0)), text.translate(ask_patterns.APOSTROPHES))
    index = _index()
    found = _first_matches(searchable, index)
    tags: dict[str, Tag] = {}
    for number in sorted(found):
        rule, match = index.rules[number], found[number]
        if rule.theme_id not in tags:
            tags[rule.theme_id] = Tag(rule.theme_id, rule.rule_id, text[match.start() : match.end()])
    return list(tags.values())


def paragraph_tags(paragraphs: list[Paragraph]) -> dict[str, list[Tag]]:
    """Each paragraph's tags, by paragraph id in reading order."""
    return {paragraph.paragraph_id: tag_text(paragraph.text) for paragraph in paragraphs}
