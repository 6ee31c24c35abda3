"""The grammar of United Nations document symbols and citations, as regular expressions only.

The logic that uses them (bodies from context, ``Ibid.``, links) is in ``citations.py`` and
``treaties.py``; this module only says what the forms look like.

>>> SYMBOL.search("See A/HRC/34/66/Add.1.").group("symbol")
'A/HRC/34/66/Add.1'
>>> SYMBOL.search("S/RES/2397 (2017) and").group("symbol")
'S/RES/2397 (2017)'
>>> [m.group("number") for m in RESOLUTION_ITEM.finditer("34/24 of 24 March 2017, 40/20 and 2200 A (XXI)")]
['34/24', '40/20', '2200 A (XXI)']
>>> TREATY_SERIES.search("United Nations, Treaty Series, vol. 1577, No. 27531.").group("volume", "number")
('1577', '27531')
"""

import re

from undocs.parse.patterns import MONTHS

# --- symbols -------------------------------------------------------------------------------
# One element of a symbol after its first: a series letter group (HRC, RES, C), a number, a
# numbered part (C.3, L.29, CN.4, Add.1, Rev.2), or a year or roman session in parentheses,
# which Security Council and old General Assembly resolution symbols end with.
_ELEMENT = r"(?:[A-Z][A-Za-z]*\.\d+|[A-Z]+|\d+(?:\s?\((?:(?:19|20)\d\d|[IVXL]+)\))?)"
# A symbol: an organ (A, S, E, CRPD, ...) and at least two more elements, one of them a number;
# not inside a web address (a letter, digit, slash or dot before it).
SYMBOL = re.compile(rf"(?<![\w/.])(?P<symbol>[A-Z]{{1,6}}(?:/{_ELEMENT}){{2,}})(?![\w/])")
HAS_DIGIT = re.compile(r"\d")
# Suffix words written with a capital only (docs.un.org: A/HRC/34/66/Add.1).
SUFFIX_ELEMENT = re.compile(r"^(?P<word>add|corr|rev|amend)\.(?P<number>\d+)$", re.IGNORECASE)
RESOLUTION_SYMBOL = re.compile(r"^(?:[A-Z]+/)*RES/")
DRAFT_SYMBOL = re.compile(r"/L\.\d+")
SPACE = re.compile(r"\s+")

# --- resolutions in running text ---------------------------------------------------------------
_DATE = rf"\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}"
# 79/181 (session/number); 2397 (2017) (Security Council: number and year); 2200 A (XXI)
# (General Assembly before 1976: number, part letter, roman session).
_NUMBER = r"\d{1,3}/\d{1,4}|\d{1,4}\s?\((?:19|20)\d\d\)|\d{1,4}(?:\s?[A-Z])?\s?\([IVXL]+\)"
RESOLUTION_ITEM = re.compile(rf"(?P<number>{_NUMBER})(?:\s+of\s+(?P<date>{_DATE}))?")
# "Human Rights Council resolutions 34/24 of 24 March 2017, 40/20 ... and 46/17": a body (or
# none), "resolution(s)", then numbers, each with an optional date, joined by commas and "and".
# "in its resolution(s)" also follows a body; PDF text sometimes splits "its" ("it s").
_BODY = (
    r"(?:(?:General|Human\s+Rights|Security|Economic\s+and\s+Social)\s+)?(?:Assembly|Council)"
    r"|Commission\s+on\s+Human\s+Rights"
)
_ITEM = rf"(?:{_NUMBER})(?:\s+of\s+{_DATE})?"
RESOLUTION_LIST = re.compile(
    rf"(?:\b(?P<body>{_BODY})\s+(?:in\s+it\s?s\s+)?)?\b[Rr]esolutions?\s+"
    rf"(?P<items>{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ITEM})*)"
)
# A body named in running text (the nearest one earlier tells what a bare "Council" is).
BODY_NAME = re.compile(rf"\b(?:{_BODY})\b")
YEAR_NUMBER = re.compile(r"^(?P<number>\d{1,4})\s?\((?P<year>(?:19|20)\d\d)\)$")
ROMAN_NUMBER = re.compile(r"^(?P<number>\d{1,4})(?:\s?(?P<part>[A-Z]))?\s?\((?P<session>[IVXL]+)\)$")

# --- footnotes -------------------------------------------------------------------------------
IBID = re.compile(r"^\s*Ibid\.?(?:,\s*(?P<rest>.*?))?\s*$")
# How a note introduces its source: "See", "See also", "See, for example,".
SIGNAL = re.compile(r"^\s*(?P<signal>See(?:\s+also)?|Cf\.)(?:,\s*for\s+example,)?\s+")
# The series a note names, which a following "Ibid., vol. 1249, ..." refers back to.
SERIES = re.compile(
    r"(?P<series>United\s+Nations,\s+Treaty\s+Series|Official\s+Records\s+of\s+the\s+"
    r"(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council))"
)
# "Supplement No. 53 (A/80/53)": an Official Records supplement and its symbol.
SUPPLEMENT = re.compile(r"Supplement\s+No\.\s*(?P<supplement>\d+[A-Z]?)\s*\((?P<symbol>[^()\s]+)\)")
TREATY_SERIES = re.compile(r"Treaty\s+Series,\s+vol\.\s*(?P<volume>\d+),\s+No\.\s*(?P<number>\d+)")
# "resolution 2200 A (XXI), annex": the resolution carries an instrument in its annex.
ANNEX_AFTER = re.compile(r"\s*,\s*annex\b")
WEB_ADDRESS = re.compile(r"(?P<address>(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:)])")

# --- links and party statements ----------------------------------------------------------------
DOCS_UN_URL = re.compile(r"^https?://(?:docs|undocs)\.un\.org/(?:[a-z]{2}/)?(?P<symbol>[^?#\s]+)$")
URL_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?")
# "the Democratic People’s Republic of Korea is a Party to the Covenant ..."
PARTY_TO = re.compile(
    r"\b(?P<state>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,6}?)\s+is\s+a\s+(?:State\s+)?Party\s+to\b"
)
# "the Vienna Convention on Consular Relations, to which the ... is a Party"
TO_WHICH_PARTY = re.compile(
    r"\s*,?\s*to\s+which\s+(?P<state>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,6}?)\s+is\s+a\s+(?:State\s+)?Party\b"
)
# Where a list of treaties after "is a Party to" ends: a clause starting "and that", a
# semicolon, or the end of the sentence.
PARTY_LIST_END = re.compile(r"[;.]|,?\s+and\s+(?:that|to|urging|in)\b")
