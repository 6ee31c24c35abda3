"""Regular expressions for the layout of UN documents, kept apart from the logic that uses them.

>>> bool(PAGE_NUMBER_LINE.match("5/14 25-17755 "))
True
>>> OPERATIVE_LABEL.match(" 20. Strongly urges").group("number")
'20'
"""

import re

from undocs.read.pdf_patterns import PRINTED_SEPARATOR

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

# --- page furniture --------------------------------------------------------------------
# The rule above a page's notes: underscores as the PDF prints it, "---" as Markdown writes it.
SEPARATOR_LINE = re.compile(rf"^\s*(?:{PRINTED_SEPARATOR}|-{{3,}})\s*$")
LINK_LINE = re.compile(r"^\s*(?P<url>https?://\S+)\s*$")
# "5/14 25-17755", "3/5 18-17962", "18-18418 2/2", a lone "2/2", a lone job number "25-17755",
# the first page's "18-18418 (E)    071118" and its bar code "*1818418*".
PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5})?|\d{2}-\d{5}(?:\s+\(E\)\s+\d{6})?"
    r"(?:\s+\d{1,3}/\d{1,3})?|\*\d{7,}\*)\s*$"
)
# A UN document symbol: "A/C.3/80/L.29", "A/HRC/34/66/Add.1" (written once, used three ways).
SYMBOL = r"[A-Z]{1,6}(?:/[A-Za-z0-9.]*[A-Za-z0-9]){2,}"
# A symbol standing alone on a line: the running header of a page ("A/RES/80/236 A-B" for a collection).
SYMBOL_LINE = re.compile(rf"^\s*(?:United Nations\s+)?(?P<symbol>{SYMBOL}(?:\s[A-Z](?:-[A-Z])?)?)\*?\s*$")
# A symbol printed beside a running title, at the start or end of its line.
SYMBOL_AT_EDGE = re.compile(rf"^\s*{SYMBOL}\s+|\s+{SYMBOL}\s*$")
SYMBOL_IN_TEXT = re.compile(rf"\b(?P<symbol>{SYMBOL})")

# --- front matter and closing ------------------------------------------------------------
CHAPEAU_LINE = re.compile(
    r"^\s*The (?P<body>General Assembly|Human Rights Council|Security Council|"
    r"Economic and Social Council|Commission on Human Rights)\s*[,:]?\s*$"
)
RESOLUTION_TITLE = re.compile(r"^\s*(?P<number>\d{1,3}/\d{1,4})\.\s+(?P<title>.+?)\s*$")
ADOPTED_ON = re.compile(rf"\bon\s+(?P<date>\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})")
DATE_LINE = re.compile(rf"^\s*(?P<date>\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})\s*$")
SESSION_LINE = re.compile(r"^\s*(?P<ordinal>[A-Z][a-z]+(?:-[a-z]+)?)\s+session\s*$")
PLENARY_MEETING = re.compile(r"^\s*\d+(?:st|nd|rd|th)\s+plenary meeting\s*$")
REISSUE_NOTE = re.compile(rf"reissue.*\((?P<date>\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})\)")

# --- paragraph labels ------------------------------------------------------------------------
# "1." to "999."; "l." too, the letter typed for the digit one (A/RES/76/256): see segment.label_value.
OPERATIVE_LABEL = re.compile(r"^\s*(?P<number>\d{1,3}|l)\.(?:\s+|$)")
SUBPARAGRAPH_LABEL = re.compile(r"^\s*\((?P<label>[a-z]{1,2}|[ivxlc]{1,7})\)(?:\s+|$)")
LABEL_ONLY_LINE = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z]{1,7}\))\s*$")
# A capitalised participle opening a preambular paragraph that the vocabulary does not list.
# How a preambular paragraph opens when its phrase is not in the vocabulary: adverbs, then a
# participle ("Re-emphasizing", "Disturbed"; "United" is a name) or an adjective of intent or
# awareness ("Desirous of", "Conscious that", "Seized of").
PARTICIPLE_START = re.compile(
    r"^(?:(?:Deeply|Gravely|Seriously|Strongly|Fully|Further|Also|Again|Profoundly|Firmly|Particularly"
    r"|Equally|Extremely|Ever|Unequivocally|Solemnly|Greatly|Most|Very)\s+)*"
    r"(?:(?:Re-)?[A-Z][a-z]+ing|(?!United\b)[A-Z][a-z]{2,}ed|Mindful|Conscious|Cognizant|Cognisant|Aware|Desirous"
    r"|Seized|Anxious|Confident|Grateful|Eager|Resolute|Hopeful|Appreciative|Fearful)\b"
)
DECIMAL_LABEL = re.compile(r"^\s*\d{1,3}\.\d{1,3}\.?\s")  # "1.1 Raise awareness ...": an item of objective 1
BULLETS = "•▪◦‣●"  # a bulleted item's mark, where the print gives no letter
# Asterisks set apart on a line of their own ("* * *"): a break between groups of paragraphs.
ASTERISKS_LINE = re.compile(r"^\s*\*(?:\s*\*)+\s*$")
# A part of a collection of resolutions (80/236 A and B): its letter alone on a line; its id prefix.
PART_LINE = re.compile(r"^\s*(?P<letter>[A-Z])\s*$")
PART_PREFIX = re.compile(r"^(?P<letter>[a-z])\.")
# A section's number before its heading: "A. Pension Administration", "II. Background".
SECTION_LABEL = re.compile(r"^(?:[A-Z]|[IVXL]{1,6})\.\s+\S")
# A division's name and number alone, a heading even with a full stop ("Article 13.", "Rule 4").
DIVISION_LINE = re.compile(r"^(?:Article|Rule|Chapter|Part|Section)\s+(?:\d{1,3}|[IVXL]{1,6})\.?$")
# A section's number alone on its line ("II", "B."), its title on the next.
SECTION_NUMBER_LINE = re.compile(r"^\s*(?:[A-Z]|[IVXL]{1,6})\.?\s*$")
# The annex of a resolution: its "Annex" line, or the text a resolution adopts in its paragraph.
ANNEX_LINE = re.compile(r"^\s*Annex(?:\s+[IVX]{1,4})?\s*$")
# What introduces the text a resolution adopts, ending its one paragraph: "Adopts the following
# declaration:", "... of Action:1", "Adopts the political declaration ... annexed to the present resolution."
MARKER_AT_END = r"\s*(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?\s*$"  # a note marker may follow a paragraph's last word
ANNEX_INTRO = re.compile(rf"(?::|\bannexed\s+to\s+the\s+present\s+resolution\.){MARKER_AT_END}")
LIST_INTRO = re.compile(rf":{MARKER_AT_END}")  # "... the following provisional agenda:", a list follows
# A paragraph's end: a question's mark too ("(a) What are the legal consequences ...?"), and the
# "; and" before a list's last item.
SENTENCE_END = re.compile(rf"(?:[;:.?!]|;\s+(?:and|or)){MARKER_AT_END}")  # a comma aside
PARAGRAPH_END = re.compile(rf"(?:[,;:.?!]|;\s+(?:and|or)){MARKER_AT_END}")

# --- paragraph ids ---------------------------------------------------------------------------
HEADING_ID = re.compile(r"(?:^|\.)h\d+$")  # "h3", "annex.s2.h1"
OPERATIVE_ID = re.compile(r"(?:^|\.)op\d+(?:\.|$)")  # "op4", "s2.op4.a": an operative paragraph or under one

# --- footnotes ---------------------------------------------------------------------------------
NOTE_START = re.compile(r"^\s*(?P<number>\*{1,3}|\d{1,3})\s+(?P<text>\S.*?)\s*$")
# How a note's text opens when no separator sets the notes apart: a capital, a symbol, a quote,
# a year ("See resolution 70/1.", "A/80/342.", "2000 Review Conference ..."), never a month
# ("13 September 2025" is body) or a subparagraph's letter ("article 8 (j)" wrapped before "8").
NOTE_TEXT_OPENING = re.compile(rf"^(?!(?:{MONTHS})\b|\([a-z]{{1,4}}\))[A-Z“\"‘(\d]")
DIGIT_RUN = re.compile(r"\d+")
SUPERSCRIPT_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(number: str) -> str:
    """``"12"`` -> ``"¹²"``, as a PDF's raised marker is written."""
    return number.translate(TO_SUPERSCRIPT)


def marker_of(number: str) -> re.Pattern[str]:
    """Note ``number``'s marker as text extractions print it: raised, after a space, or fused to
    the word or year before it ("of 19881 and" is 1988 and note 1).

    >>> bool(marker_of("1").search("of 19881 and")), bool(marker_of("2").search("Rights, 2 the")), bool(marker_of("3").search("the 2030 Agenda"))
    (True, True, False)
    """
    return re.compile(rf"(?<=\S)\s?{number}(?=[\s,;:.)]|$)|{superscript(number)}")


# Characters a marker may stick to without a space: "Korea,2", "Goals13", "Korea;27".
MARKER_FUSED_AFTER = re.compile(r"[A-Za-z)\],;:.’”\"]$")
# A marker is certain where its number sticks to punctuation or to a lower-case word: "Court,1
# and", "Goals2 for" (not "G20", "COVID19", "decision SSA2", "GC(SPL.2)").
CERTAIN_MARKER_AFTER = re.compile(r"(?:[,;:)’”a-z]|(?<![A-Z])\.)$")
# Words before a number that make it part of the running text, not a marker.
NOT_MARKER_BEFORE = re.compile(
    r"(?:\bNo\.|\bnos?\.|\bparagraphs?|\bresolutions?|\barticles?|\bvol\.|\bthe|\bof|\band|\bto"
    r"|\ball|\bchap\.|\bchapters?|\bsect\.|\brules?|\bprinciples?|\bGoals?|\btargets?|\bitems?"
    r"|\bsessions?|\bannex|[-–/(])\s*$",
    re.IGNORECASE,
)
# A number before ". Capital" numbers a list item ("...; 2. Accepted recommendations"): a note's
# marker stands after the full stop, not before it. A number that opens a range or a list
# ("from 2 to 4 May", "on 9 and 10", "targets 9, 11"), counts ("3 million") or is a compound's
# first half ("10-year", "2°C", "Panel 2:") is running text too.
COUNTED = r"per\s*cent|%|(?:million|billion|trillion)\b"  # what a number counts: "making100 per cent"
COUNT_AFTER = re.compile(rf"^\s*(?:{COUNTED})")
NOT_MARKER_AFTER = re.compile(
    rf"^\s*(?:{MONTHS}|{COUNTED}|years?\b|months?\b|days?\b|[-‑–/]\w|\.\d|,\d{{3}}\b|\.\s+[A-Z]"
    r"|(?:to|and|or)\s+\d|,\s*\d|[ap]\.m\.|°|:)"
)
YEAR = re.compile(r"^(?:19|20)\d\d$")
# A point that numbers what follows: in a symbol ("A/HRC/34/66/Add.1"), a report's section
# ("VII.22", "A.2") or a decision's number ("14.COM 10.b.2").
NUMBERED_BEFORE_POINT = re.compile(r"/|^\(?[IVXL]+\.$|^[A-Za-z]\.$|\d\.[A-Za-z]+\.$")
THOUSANDS_BEFORE = re.compile(r"(?<![\w/.,])\d{1,3}(?:,\d{3})*,$")  # "12,", "1,234,": more groups may follow
SENTENCE_AFTER = re.compile(r" +[A-Z]")  # "2030.7 We recognize": a new sentence after a note's marker
NUMBER_BEFORE = re.compile(r"\S+$")  # the printed number a fused marker ends: "74/1673"
# What a number goes on with: "19th", "58/17", "1.5", "2,000" (not "conflict,10,11": notes 10 and 11).
NUMBER_GOES_ON = re.compile(r"[^\W_]|/|\.\d|,\d{3}(?!\d)")
# A parenthesised part of a name just before digits: "CM/Rec(2022)13", "SSA2(5)" (not "(A/80/53)13").
NAME_PARENTHESES_BEFORE = re.compile(r"[^\W_]\([^()\s]*\)$")

# --- text normalisation ----------------------------------------------------------------------
SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,;:.)\]])")

# --- statements ------------------------------------------------------------------------------
SALUTATION = re.compile(r"^\s*(?:Mister|Madam|Mr\.?|Madame|Mme\.?|Dear|Excellenc\w+|Distinguished)\b.*,\s*$")
CLOSING = re.compile(r"^\s*(?:Thank you|I thank you)\b.*$", re.IGNORECASE)
ITEM_LINE = re.compile(r"^\s*Item\s+(?P<item>\d+)\s*:\s*(?P<title>.+?)\s*$")
ORDINAL_SESSION = re.compile(r"\b(?P<number>\d+)(?:st|nd|rd|th)\s+[Ss]ession\b")
