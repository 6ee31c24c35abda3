"""The grammar of United Nations document symbols and citations, as regular expressions only.

The logic that uses them (bodies from context, ``Ibid.``, links) is in ``citations.py`` and
``treaties.py``; this module only says what the forms look like.

>>> SYMBOL.search("See A/HRC/34/66/Add.1.").group("symbol")
'A/HRC/34/66/Add.1'
>>> SYMBOL.search("S/RES/2397 (2017) and").group("symbol")
'S/RES/2397 (2017)'
>>> [m.group("number") for m in RESOLUTION_ITEM.finditer("34/24 of 24 March 2017, 40/20 and 2200 A (XXI)")]
['34/24', '40/20', '2200 A (XXI)']
>>> [m.group("number", "date") for m in RESOLUTION_ITEM.finditer("5/1, on the Council, and 5/2, of 18 June 2007")]
[('5/1', None), ('5/2', '18 June 2007')]
>>> SYMBOL.search("(CEDAW/C/PRK/CO/2-4).").group("symbol"), SYMBOL.search("A/HRC/RES/S-29/1,").group("symbol")
('CEDAW/C/PRK/CO/2-4', 'A/HRC/RES/S-29/1')
>>> TREATY_NAME_BEFORE.search("the Rome Statute of the International Criminal Court,").group("name")
'Rome Statute of the International Criminal Court'
>>> TREATY_NAME_BEFORE.search("Convention on the Rights of the Child and the Optional Protocol thereto,").group("name")
'Optional Protocol thereto'
>>> TREATY_SERIES.search("United Nations, Treaty Series, vol. 1577, No. 27531.").group("volume", "number")
('1577', '27531')
"""

import re

from undocs.parse.patterns import MONTHS

# --- symbols -------------------------------------------------------------------------------
# One element of a symbol after its first: a series letter group (HRC, RES, C), a number, a
# numbered part (C.3, L.29, CN.4, Add.1, Rev.2), or a year or roman session in parentheses,
# which Security Council and old General Assembly resolution symbols end with.
# A range of reports keeps both ends (CEDAW/C/PRK/CO/2-4), a special or emergency session its
# number (A/HRC/RES/S-29/1, A/RES/ES-10/21).
_ELEMENT = r"(?:[A-Z][A-Za-z]*\.\d+|[A-Z]+(?:-\d+)?|\d+(?:-\d+(?![/\d]))?(?:\s?\((?:(?:19|20)\d\d|[IVXL]+)\))?)"
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
# An item may carry its subject as an aside ("5/1, on institution-building of the Council,")
# when another number or its date follows the aside.
_ASIDE = rf"(?:,?\s+on\s+(?:(?!\d{{1,4}}/\d)[^;.])*?(?=,?\s+(?:and\s+)?(?:{_NUMBER})\b|,?\s+of\s+{_DATE}))"
RESOLUTION_ITEM = re.compile(rf"(?P<number>{_NUMBER}){_ASIDE}?(?:,?\s+of\s+(?P<date>{_DATE}))?")
# "5/1 and 5/2 of 18 June 2007": numbers of one session listed before one date share it.
SESSION_OF_NUMBER = re.compile(r"^(?P<session>\d{1,4})/\d")
# "Human Rights Council resolutions 34/24 of 24 March 2017, 40/20 ... and 46/17": a body (or
# none), "resolution(s)", then numbers, each with an optional date, joined by commas and "and".
# "in its resolution(s)" also follows a body; PDF text sometimes splits "its" ("it s").
_BODY = (
    r"(?:(?:General|Human\s+Rights|Security|Economic\s+and\s+Social)\s+)?(?:Assembly|Council)"
    r"|Commission\s+on\s+Human\s+Rights"
)
_ITEM = rf"(?:{_NUMBER}){_ASIDE}?(?:,?\s+of\s+{_DATE})?"
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
# A treaty's name just before a note's marker: capitalised words around the kind of instrument
# ("Rome Statute of the International Criminal Court", "1951 Convention relating to the Status
# of Refugees", "International Covenant on Economic, Social and Cultural Rights"), then perhaps
# its date (", of 12 August 1949"); "and the" ends a name: it starts the next one in a list.
_TREATY_HEAD = r"(?:Convention|Covenant|Protocol|Statute|Treaty|Agreement|Charter|Constitution|Pact|Accord)"
_CAPITALISED = r"[A-Z(][\w’'().-]*"
# Lower-case words inside a name ("on the involvement of children in armed conflict"); a verb,
# relative or "and the" is running text around the name, not part of it.
_NOT_IN_NAME = r"and\s+the|that|which|who|whose|are|is|was|were|has|have|had|be|been|being|shall|should|will|would|may|must|including|parties|party"
_CONNECTOR = rf"(?!(?:{_NOT_IN_NAME})\b)[a-z][\w’'-]*"
TREATY_NAME_BEFORE = re.compile(
    rf"(?P<name>(?:(?:19|20)\d\d\s+)?(?:[A-Z][\w’'-]*\s+)*{_TREATY_HEAD}\b"
    rf"(?:\s+(?:{_CONNECTOR}|{_CAPITALISED})|,\s+(?:including\s+the\s+)?{_CAPITALISED})*?)"
    rf"(?:,?\s+of\s+\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})?[\s,;:]*$"
)
# "resolution 2200 A (XXI), annex": the resolution carries an instrument in its annex.
ANNEX_AFTER = re.compile(r"\s*,\s*annex\b")
WEB_ADDRESS = re.compile(r"(?P<address>(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:)])")

# --- links and party statements ----------------------------------------------------------------
# The UN's document servers: docs.un.org, undocs.org, documents.un.org, daccess-ods.un.org, ...
UN_DOCUMENT_HOST = re.compile(r"^(?:www\.)?(?:undocs\.org|(?:docs|documents|daccess-ods|daccess-dds-ny)\.un\.org)$")
# A language before the symbol in the path: /en/A/RES/47/19, /zh/..., /Home/Mobile?...
URL_LANGUAGE = re.compile(r"^(?:en|fr|es|ru|ar|zh|Home(?:/Mobile)?)/", re.IGNORECASE)
# Query fields that carry the symbol: ?DS=A/RES/47/19&Lang=E, ?FinalSymbol=..., ?symbol=...
SYMBOL_QUERY_FIELDS = ("ds", "finalsymbol", "symbol")
URL_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?")
# "the Democratic People’s Republic of Korea is a Party to the Covenant ..."
# "Party" and "State party" are written with and without capitals.
PARTY_TO = re.compile(
    r"\b(?P<state>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,6}?)\s+is\s+a\s+(?i:(?:State\s+)?Party)\s+to\b"
)
# "the Vienna Convention on Consular Relations, to which the ... is a Party"
TO_WHICH_PARTY = re.compile(
    r"\s*,?\s*to\s+which\s+(?P<state>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,6}?)\s+is\s+a\s+(?i:(?:State\s+)?Party)\b"
)
# Where a list of treaties after "is a Party to" ends: a clause starting "and that", a
# semicolon, or the end of the sentence.
PARTY_LIST_END = re.compile(r"[;.]|,?\s+and\s+(?:that|to|urging|in)\b")
