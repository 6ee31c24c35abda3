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

# Curly apostrophes are matched as straight ones, a non-breaking hyphen as a hyphen; one
# character for one, so offsets agree.
APOSTROPHES = str.maketrans("’‘‑", "''-")

# --- asks ---------------------------------------------------------------------------------
# Adverbs that fold into an asking verb: "Also", "once again", "Calls again upon", "Strongly".
ADVERB = r"(?:also|further|again|once\s+again|once\s+more|strongly|firmly|urgently|therefore|furthermore|hereby)"
ADVERBS = re.compile(rf"\b{ADVERB}\b\s*", re.IGNORECASE)
WORDS = re.compile(r"[\w']+")
# What stands before a verb that asks inside a paragraph: a comma, "and", "in this regard", or
# "We" in a declaration. Anything else ("by encouraging", "the requests", "which urges") is not
# the body asking.
CONNECTOR = re.compile(
    r"(?:^|[,;:(]|\band|\bwhile|\bin\s+(?:this|that)\s+(?:regard|respect|context),?|\bto\s+(?:this|that)\s+end,?"
    rf"|\bin\s+particular,?|\bthus|\bhence|\bwe)\s*(?:{ADVERB}\s+)*$",
    re.IGNORECASE,
)
# A participle inside a paragraph needs more than a comma: "..., and urging", "in this regard
# urging"; after a bare comma it tells what the thing just named does ("the Final Document ...,
# calling for the urgent negotiation").
PARTICIPLE_CONNECTOR = re.compile(
    r"(?:\band|\bwhile|\bin\s+(?:this|that)\s+(?:regard|respect|context),?|\bto\s+(?:this|that)\s+end,?)"
    rf"\s*(?:{ADVERB}\s+)*$",
    re.IGNORECASE,
)
PARTICIPLE = re.compile(rf"(?:{ADVERB}\s+)*\w+ing\b", re.IGNORECASE)
WE = re.compile(rf"\bwe\s+(?:{ADVERB}\s+)*$", re.IGNORECASE)
# After a plural noun that looks like a verb: "requests for assistance", "the demands of".
NOUN_USE = re.compile(r"\s+(?:of|from|by|made|received|submitted|contained|addressed|were|was|are|have|had)\b")
# Words that may stand before an addressee: "all Member States", "the relevant United Nations ...".
DETERMINERS = re.compile(
    r"(?:(?:the|all|relevant|other|concerned|its|their|those|these|any|each|every|both|interested)\s+)*"
)
SUBSET = re.compile(r"(?:those|these)\s")
# Between two addressees: "Member States, the General Assembly", "X and Y", ", and other stakeholders".
SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|\s+(?:and|or|as\s+well\s+as)\s+")
# A part of a list that adds no addressee of its own: "the United Nations system, including
# relevant specialized agencies, ..."; it runs past the name it gives to the next comma.
INCLUDING = re.compile(r"\s*,?\s*(?:including|in\s+particular|especially|notably|such\s+as)\s+")
REST_OF_ITEM = re.compile(r"[^,;:]*")
# "to" that opens an infinitive ("to comply"), not a place, a party or a treaty ("to the Rome
# Statute", "to international humanitarian law").
TO_VERB = (
    r"to\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|all|any|each|such|international|national|"
    r"regional|human|humanitarian|relevant|respective|women|children|persons|people|victims|date|whom|which|"
    r"what|them|it|him|us|one|both|other|some|many)\b)[a-z]"
)
# Words after a name that narrow it: "all States that have relations with ...", "States Parties
# to the Treaty on ...", "the field-based structure ... in Seoul"; they run to the next comma.
QUALIFIER = re.compile(
    r"\s+(?:that|which|who|whose|with|in|of|from|at|on|for|under|engaged|concerned|involved|having|where|towards|"
    rf"to\s+(?:the|a|an)\b)[^,;:]*?(?=,|\s+and\s+(?:the|all|other)\b|\s+as\s+well\s+as\b|\s+{TO_VERB}|$)"
)
# A qualifier that only restates the action ("that have not yet done so") leaves all States all States.
RESTATES_ACTION = re.compile(r"\s+(?:that|which|who)\s+(?:have|has)\s+not\s+(?:yet\s+|already\s+)?")
RESTRICTED_KINDS = ("all_states", "member_states")
# A relative clause after the last of several names narrows the whole list ("..., foundations and
# other stakeholders towards which the commission has directed recommendations"), not that name.
RELATIVE = re.compile(r"\s+(?:that|which|who|whose|towards)\b")
INFINITIVE = re.compile(rf"\s*,?\s*(?={TO_VERB})")
# An aside of any length between the addressees and the infinitive: "the Government, through
# continuous dialogues, to invite".
ASIDE_THEN_INFINITIVE = re.compile(rf"\s*,[^;:]*?,\s*(?={TO_VERB})")
# An aside right after the verb: "Urges, in particular, the ...", "Decides, in that regard, to".
ASIDE_AFTER_VERB = re.compile(
    r"\s*,\s*[^,;:]{1,200}?,\s*|\s+(?:in\s+(?:this|that)\s+regard|to\s+(?:this|that)\s+end|in\s+particular|"
    r"as\s+a\s+matter\s+of\s+(?:priority|urgency))\s+"
)
# The infinitive after a relative clause of any length: "other stakeholders towards which the
# commission ... has directed recommendations to take ..."; within the clause.
LATER_INFINITIVE = re.compile(rf"[^;:]*?\s(?={TO_VERB})")
SHARED_OBJECT = re.compile(r"\s*(?:,\s*)?(?:and|or)\s*")
THAT = re.compile(r"\s*that\s+")
SPACE = re.compile(r"\s*")
# After "demands that X", the action is a bare verb: "that the Government sincerely listen";
# "should" and "shall" are left to the action.
BARE_ACTION = re.compile(r"\s*,?\s*")
# A nominal object whose actor is named: "the continuing endeavours of the Office",
# "the engagement of the Government of ...", "the efforts of Member States".
ACTOR_OF = re.compile(r"(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?(?:of|by)\s+")
# Connectors left at the end of an ask's text when the next ask follows: ", and", "and, in this regard:".
TRAILING = re.compile(r"(?:[\s,;:.]|\band\b|\bin this regard\b|\bto this end\b|\bin that regard\b)+$")


def alternation(phrases: Iterable[str]) -> str:
    """``phrases`` as one regex alternation, longest first so the longer one wins at a place."""
    ordered = sorted({phrase.translate(APOSTROPHES) for phrase in phrases}, key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


def phrase_pattern(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Whole-word match of any of ``phrases``."""
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])", flags)


def _form(form: str) -> str:
    """A verb form as a pattern; an adverb may stand between its words ("calls again upon")."""
    return rf"\s+(?:{ADVERB}\s+)?".join(re.escape(word) for word in form.translate(APOSTROPHES).split())


def _verb_pattern(forms: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(forms), key=len, reverse=True)
    return re.compile(
        rf"(?<![\w-])(?:{ADVERB}\s+)*(?:{'|'.join(_form(form) for form in ordered)})(?:\s+{ADVERB})*(?![\w-])",
        re.IGNORECASE,
    )


def _heads(forms: Iterable[str]) -> frozenset[str]:
    return frozenset(form.translate(APOSTROPHES).split()[0].lower() for form in forms)


@cache
def verb_heads() -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the asking verbs (``verbs``) and of their own-voice forms (``base_verbs``):
    a paragraph holding none of them has no asking verb, and its verb searches are skipped."""
    actions = vocab.load("actions")["actions"]
    return (
        _heads(form for action in actions for form in action.get("forms", [])),
        _heads(form for action in actions for form in action.get("base", [])),
    )


@cache
def verbs() -> re.Pattern[str]:
    """Asking verbs in the third person or as participles: "Strongly urges", "Calls again upon"."""
    return _verb_pattern(form for action in vocab.load("actions")["actions"] for form in action.get("forms", []))


@cache
def base_verbs() -> re.Pattern[str]:
    """Asking verbs in a declaration's own voice: "Request", "We urge"."""
    return _verb_pattern(form for action in vocab.load("actions")["actions"] for form in action.get("base", []))


@cache
def clause_break() -> re.Pattern[str]:
    """ ", and recalls ...": a new clause of the paragraph, in an operative verb of the third person."""
    forms = [phrase for phrase in vocab.load("lead_phrases")["operative"] if phrase.split()[0].endswith("s")]
    return re.compile(rf",?\s+and\s+(?:also\s+)?(?:{alternation(form.lower() for form in forms)})\b")


def name_pattern(phrases: Iterable[str], patterns: Iterable[str] = ()) -> re.Pattern[str]:
    """Names of one kind of addressee, case-sensitive: "States" is an addressee, "states" a verb."""
    alternatives = [alternation(phrases)] if phrases else []
    return re.compile(rf"(?:{'|'.join(alternatives + list(patterns))})(?![\w-])")


@cache
def actor_noun() -> re.Pattern[str]:
    """A name the lists do not know that still names an actor: "all parties concerned", "interested institutions"."""
    nouns = alternation(vocab.load("addressees")["actor_nouns"])
    return re.compile(rf"(?:(?!(?:and|or|to|as|in|of|with|for)\b)[\w'-]+\s+){{0,3}}?(?:{nouns})(?![\w-])")


# Words that may narrow a known name from before: "digital technology companies", "national
# human rights institutions"; not a preposition or a list's "and".
PREFIX = re.compile(r"(?:(?!(?:and|or|to|as|in|of|with|for|by|on|at|from|that|which)\b)[a-z][\w-]*\s+){1,3}")
# A proper name no list knows, as an addressee only: "the Mountain Partnership", "INTERPOL".
PROPER_NAME = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:of|for|on|the|and(?!\s+the\b))\s+)*[A-Z][\w'-]*)*")


@cache
def pronoun() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(vocab.load('addressees')['pronouns'])})(?![\w-])")


# --- figures --------------------------------------------------------------------------------
SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])\s+)(?=[A-Z])")
NUMBER = r"(?P<value>\d+(?:\.\d+)?)"
TOTAL = r"(?P<total>\d+)"
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|$")
# Where the subject of a figure ends: a dash, the end of a clause, or a comma that opens a
# relative or participial clause (", which includes", ", accepting only") rather than a list item.
SUBJECT_END = re.compile(r"\s*[—–;:.]|,\s+(?=(?:and\s+)?(?:which|who|whose|[a-z]+ing)\b)|,?$")
# "49% of the recommendations": the percentage's subject starts after "of (the)".
OF_THE = re.compile(r"\s*of\s+(?:the\s+)?")


@cache
def figures() -> re.Pattern[str]:
    """A number with a unit from figures.yaml: "49%", "all 43 recommendations", "132 of the 262 recommendations"."""
    units = vocab.load("figures")["units"]
    groups = "|".join(rf"(?P<{unit}>{alternation(forms)})" for unit, forms in units.items())
    return re.compile(rf"(?<![\w.]){NUMBER}(?:\s+of\s+(?:the\s+)?{TOTAL})?\s*(?:{groups})(?![\w-])", re.IGNORECASE)


@cache
def figures_subject() -> re.Pattern[str]:
    """What a figure counts must be recommendations: "49% of the recommendations received", not "0.7 per cent of gross national income"."""
    return re.compile(rf"(?:{alternation(vocab.load('figures')['units']['recommendations'])})\b", re.IGNORECASE)


@cache
def responses() -> dict[str, re.Pattern[str]]:
    return {response: phrase_pattern(forms) for response, forms in vocab.load("figures")["responses"].items()}


@cache
def review() -> re.Pattern[str]:
    """A review named by its ordinal: "fourth UPR", "2nd cycle", "second cycle of the universal periodic review"."""
    reviews = vocab.load("figures")["reviews"]
    names = alternation(reviews["names"])
    return re.compile(
        rf"(?<![\w-])(?P<ordinal>{alternation(reviews['ordinals'])})\s+(?:(?:{names})\s+of\s+the\s+)?(?:{names})(?![\w-])",
        re.IGNORECASE,
    )


@cache
def whole_review_word() -> re.Pattern[str]:
    """A word that does not narrow a figure's subject (figures.yaml ``reviews.whole``)."""
    return phrase_pattern(vocab.load("figures")["reviews"]["whole"])


# --- themes -----------------------------------------------------------------------------------
def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Case-insensitive words from a word boundary; a trailing * lets the word end any way."""
    alternatives = "|".join(
        re.escape(word.removesuffix("*").translate(APOSTROPHES)).replace(r"\ ", r"\s+")
        + (r"\w*" if word.endswith("*") else r"(?![\w-])")
        for word in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})", re.IGNORECASE)
