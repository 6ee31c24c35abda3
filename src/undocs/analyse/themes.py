"""Stage: themes. Tag paragraphs with the themes of ``vocab/themes.yaml``, each tag with its rule.

A rule is a list of words; a paragraph gets a theme when one of the theme's rules finds one of
its words in the text (titles listed under ``ignore`` blanked out first). The tag records the
first rule that matched and the words it matched, so every tag can be checked by eye.

>>> [(tag.theme_id, tag.rule_id, tag.matched) for tag in tag_text("Torture in places of detention")]
[('torture', 'torture.terms', 'Torture'), ('detention', 'detention.camps', 'places of detention')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from undocs import vocab
from undocs.analyse import ask_patterns
from undocs.models import ParsedDocument


@dataclass(frozen=True)
class Tag:
    theme_id: str
    rule_id: str
    matched: str


@cache
def _rules() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple(
        (theme["id"], rule["id"], ask_patterns.word_pattern(rule["words"]))
        for theme in vocab.load("themes")["themes"]
        for rule in theme["rules"]
    )


@cache
def _ignored() -> re.Pattern[str]:
    return ask_patterns.phrase_pattern(vocab.load("themes")["ignore"])


def tag_text(text: str) -> list[Tag]:
    """Themes of one text, in the vocabulary's order, each from its first matching rule."""
    # Blanked with spaces, not removed, so the matched words keep their offsets in the text.
    searchable = _ignored().sub(lambda match: " " * len(match.group(0)), text.translate(ask_patterns.APOSTROPHES))
    tags: dict[str, Tag] = {}
    for theme_id, rule_id, pattern in _rules():
        match = pattern.search(searchable)
        if match and theme_id not in tags:
            tags[theme_id] = Tag(theme_id, rule_id, text[match.start() : match.end()])
    return list(tags.values())


def paragraph_theme_rows(parsed: ParsedDocument) -> list[dict[str, object]]:
    return [
        {"document_id": parsed.meta.document_id, "paragraph_id": paragraph.paragraph_id, **tag.__dict__}
        for paragraph in parsed.paragraphs
        for tag in tag_text(paragraph.text)
    ]


def theme_rows() -> dict[str, list[dict[str, object]]]:
    """The themes codelist, with the rules that tag each theme."""
    return {
        "themes": [
            {
                "theme_id": theme["id"],
                "label": theme["label"],
                "uhri": theme["uhri"],
                "rules": " | ".join(f"{rule['id']}: {', '.join(rule['words'])}" for rule in theme["rules"]),
            }
            for theme in vocab.load("themes")["themes"]
        ]
    }
