"""Words of a paragraph, each with its raw text and a key that ignores typography.

Two versions of a text often differ in print only: a PDF gives non-breaking hyphens and curly
quotes where the XML has plain ones, line joins leave a space before the comma a footnote
marker stood beside, ligatures come out as one character. A token's ``key`` unifies all of
that, so the diff compares keys and a change of typography alone is never a changed word;
its ``text`` (with the spaces before it) keeps the printed form, so the pieces put back
together give the paragraph exactly.

>>> [token.key for token in tokenize("People\u2019s \u201cnon\u2011refoulement\u201d ,")]
["People's", '"', 'non-refoulement', '"', ',']
>>> "".join(token.text for token in tokenize(" a  ﬁeld-based\u00a0b "))
' a  ﬁeld-based\\xa0b'
>>> typographic("Korea ,1 and \u2018x\u2019") == typographic("Korea, 1 and 'x'")
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Hyphens and dashes that join words (U+2010..U+2013, minus), apostrophes and quotes; a soft
# hyphen prints nothing inside a line.
HYPHENS = "\u2010\u2011\u2012\u2013\u2212"
SOFT_HYPHEN = "\u00ad"
APOSTROPHES = "\u2018\u2019\u201a\u201b\u02bc\u2032"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"
PLAIN = str.maketrans(
    dict.fromkeys(HYPHENS, "-")
    | dict.fromkeys(APOSTROPHES, "'")
    | dict.fromkeys(DOUBLE_QUOTES, '"')
    | {SOFT_HYPHEN: ""}
)
# A word (hyphens and apostrophes inside it kept) or one other visible character, with the
# spaces before it.
TOKEN = re.compile(rf"\s*(?:\w+(?:[-'{HYPHENS}{APOSTROPHES}{SOFT_HYPHEN}]+\w+)*|\S)")


@dataclass(frozen=True)
class Token:
    """One word or sign: ``text`` as printed (with the spaces before it), ``key`` as compared."""

    text: str
    key: str

    @property
    def is_word(self) -> bool:
        return any(character.isalnum() for character in self.key)


def plain(text: str) -> str:
    """Typography unified: compatibility forms (ligatures, no-break spaces) and hyphens, quotes plain."""
    return unicodedata.normalize("NFKC", text).translate(PLAIN)


def tokenize(text: str) -> list[Token]:
    """The paragraph's tokens; trailing spaces are dropped (they print nothing)."""
    return [Token(match.group(), plain(match.group().strip())) for match in TOKEN.finditer(text)]


def typographic(text: str) -> str:
    """The text as the diff sees it: tokens' keys, one space apart (equal means typography only)."""
    return " ".join(token.key for token in tokenize(text))
