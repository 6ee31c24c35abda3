"""Regular expressions for asks, figures and themes, kept apart from the logic that uses them.

The fixed patterns are written here; the ones built from vocabularies (verbs, addressees,
units, responses, theme words) are compiled here once from the YAML in ``vocab/``.

>>> bool(INFINITIVE.match(" to comply"))
True
>>> phrase_pattern(["urges", "strongly urges"]).search("and strongly urges all").group(0)
'strongly urges'
>>> bool(word_pattern(["abduct*"]).search("Abductees"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from undocs import vocab

# Curly apostrophes are matched as straight ones; one character for one, so offsets agree.
APOSTROPHES = str.maketrans("’‘", "''")

# --- asks ---------------------------------------------------------------------------------
# Words that may stand before an addressee: "all Member States", "the relevant United Nations ...".
DETERMINERS = re.compile(r"(?:(?:the|all|relevant|other|concerned)\s+)*")
# Between two addressees: "Member States, the General Assembly", "X and Y", ", and other stakeholders".
SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as)\s+")
# After a verb: "strongly demanding again that the ...", "recommends that the ...".
AFTER_VERB = re.compile(r"\s+(?:again\s+)?(?P<that>that\s+)?")
# "to" that opens an infinitive ("to comply"), not a place or a party ("to the Rome Statute").
TO_VERB = r"to\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|all|any|each|such)\b)[a-z]"
# The asked action: "to comply ...", also after an aside: "X, as a matter of urgency, to ...".
INFINITIVE = re.compile(rf"(?:\s*,[^,;]{{1,80}},)?\s+(?={TO_VERB})")
# Words that narrow the addressee before the action: "all Member States that engage in ... to
# continue", "other stakeholders towards which the commission ... has directed recommendations to
# implement", "States parties to the Rome Statute that have not yet done so to adopt".
RELATIVE_CLAUSE = re.compile(
    r"\s+(?:that|which|who|whom|whose|towards which|to which|to whom|"
    rf"(?:to|of|in|with|from|at)\s+(?:the|a|an|its|their)\b)[^;:]*?\s(?={TO_VERB})"
)
# After "demands that X", the action is a bare verb: "that the Government sincerely listen".
BARE_ACTION = re.compile(r"\s+(?=[a-z])")
# Connectors left at the end of an ask's text when the next ask follows: ", and", "and, in this regard:".
TRAILING = re.compile(r"(?:[\s,;:.]|\band\b|\bin this regard\b|\bto this end\b)+$")


def alternation(phrases: Iterable[str]) -> str:
    """``phrases`` as one regex alternation, longest first so the longer one wins at a place."""
    ordered = sorted({phrase.translate(APOSTROPHES) for phrase in phrases}, key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


def phrase_pattern(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Whole-word match of any of ``phrases``."""
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])", flags)


@cache
def verbs() -> re.Pattern[str]:
    return phrase_pattern(form for action in vocab.load("actions")["actions"] for form in action["forms"])


@cache
def clause_break() -> re.Pattern[str]:
    """ ", and recalls ...": a new clause of the paragraph, in an operative verb of the third person."""
    forms = [phrase for phrase in vocab.load("lead_phrases")["operative"] if phrase.split()[0].endswith("s")]
    return re.compile(rf",?\s+and\s+(?:also\s+)?(?:{alternation(form.lower() for form in forms)})\b")


@cache
def addressees() -> re.Pattern[str]:
    """Addressee names, case-sensitive: "States" is an addressee, "states" is a verb."""
    names = (phrase for entry in vocab.load("addressees")["addressees"] for phrase in entry["phrases"])
    return phrase_pattern(names, flags=0)


# --- figures --------------------------------------------------------------------------------
SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])\s+)(?=[A-Z])")
NUMBER = r"(?P<value>\d+(?:\.\d+)?)"
# Where the subject of a figure ends: a dash, the end of a clause, or a comma that opens a
# relative or participial clause (", which includes", ", accepting only") rather than a list item.
SUBJECT_END = re.compile(r"\s*[—–;:.]|,\s+(?=which\b|who\b|whose\b|[a-z]+ing\b)|$")
# "49% of the recommendations": the percentage's subject starts after "of (the)".
OF_THE = re.compile(r"\s*of\s+(?:the\s+)?")


@cache
def figures() -> re.Pattern[str]:
    """A number with a unit from figures.yaml: "49%", "all 43 recommendations", "the 13 recommendations"."""
    units = vocab.load("figures")["units"]
    groups = "|".join(rf"(?P<{unit}>{alternation(forms)})" for unit, forms in units.items())
    return re.compile(rf"(?<![\w.]){NUMBER}\s*(?:{groups})(?![\w-])", re.IGNORECASE)


@cache
def responses() -> dict[str, re.Pattern[str]]:
    return {response: phrase_pattern(forms) for response, forms in vocab.load("figures")["responses"].items()}


# --- themes -----------------------------------------------------------------------------------
def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Case-insensitive words from a word boundary; a trailing * lets the word end any way."""
    alternatives = "|".join(
        re.escape(word.removesuffix("*").translate(APOSTROPHES)).replace(r"\ ", r"\s+")
        + (r"\w*" if word.endswith("*") else r"(?![\w-])")
        for word in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})", re.IGNORECASE)
