"""Regular expressions for the layout of UN reports (UPR Working Group reports, addenda, national
reports, compilations), kept apart from the logic of ``report.py``.

>>> RECOMMENDATION_LABEL.match(" 115.38 Ensure the compliance").group("paragraph", "number")
('115', '38')
>>> LONE_REFS.match(" 122.14– 15").group("refs"), RESPONSE_LABEL.match(" Recs. 6–13 The").group("refs")
('122.14– 15', '6–13')
>>> bool(HEADING_LABEL.match(" II. Conclusions and/or recommendations**")), bool(HEADING_LABEL.match("A. Presentation"))
(True, True)
"""

import re

# --- furniture -------------------------------------------------------------------------------
# A page number printed alone ("13"), the job number ("GE.14-23930 (E)") and the bar code
# (private-use glyphs of the bar-code font).
LONE_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
JOB_NUMBER = re.compile(r"^\s*GE\.\s?\d{2}-\d{5}\s*(?:\(E\))?[\s\d]*$")
BAR_CODE = re.compile(r"^[\s*\ue000-\uf8ff]+$")

# --- cover -------------------------------------------------------------------------------------
AGENDA_ITEM = re.compile(r"^\s*Agenda items?\s+\d")
# A session's dates: "4–15 November 2019", "24 February–20 March 2020".
DATE_RANGE = re.compile(r"^\s*\d{1,2}(?:\s+[A-Z][a-z]+)?\s*[-–]\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$")
STAR_NOTE = re.compile(r"^\s*(?P<number>\*{1,3})\s+(?P<text>\S.*?)\s*$")

# A report's cover: "Report of the Working Group ...", "National report submitted ...",
# "Compilation on Slovenia", "Summary of Stakeholders' submissions ...", or its contents page.
REPORT_COVER = re.compile(r"^\s*(?:Report\s+of\b|National\s+report\b|Compilation\b|Summary\s+of\b|Contents\s*$)")

# --- units -------------------------------------------------------------------------------------
CONTENTS = re.compile(r"^\s*Contents\s*$")
DOT_LEADER = re.compile(r"\.{5,}|(?:\. ){5,}")
CONTENTS_HEADER = re.compile(r"^\s*(?:Paragraphs\s+)?Page\s*$")
PARAGRAPH_LABEL = re.compile(r"^\s*(?P<number>\d{1,3})\.\s+(?P<text>\S.*)$")
RECOMMENDATION_LABEL = re.compile(r"^\s*(?P<paragraph>\d{1,3})\.(?P<number>\d{1,3})\.?\s+(?P<text>\S.*)$")
SUBPARAGRAPH_LABEL = re.compile(r"^\s*\((?P<label>[a-z]{1,2}|[ivxlc]{1,7})\)\s+(?P<text>\S.*)$")
# A response of an addendum, printed against the recommendations it answers: "Rec. 18 We consider",
# "Recs. 6–13 The Government", or a label on a line of its own: "122.14– 15", "122.23–24".
REFS = r"\d{1,3}(?:\.\d{1,3})?(?:\s*[-–]\s*\d{1,3}(?:\.\d{1,3})?)?"
RESPONSE_LABEL = re.compile(rf"^\s*Recs?\.\s+(?P<refs>{REFS})(?:\s+(?P<text>\S.*))?$")
LONE_REFS = re.compile(r"^\s*(?P<refs>\d{1,3}\.\d{1,3}(?:\s*[-–]\s*\d{1,3}(?:\.\d{1,3})?)?)\s*$")
HEADING_LABEL = re.compile(r"^\s*(?:[IVX]{1,5}|[A-Z])\.\s+[A-Z]")
BULLET = re.compile(r"^\s*(?:•|\(cid:\d+\)|▪|-)\s*(?P<text>\S.*)$")
ENDS_SENTENCE = re.compile(r"[.:;]\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*{1,3})?\s*$")
# A heading is a whole phrase: a line ending in "the", "of", "by" is the start of a sentence.
ENDS_WITH_FUNCTION_WORD = re.compile(
    r"\b(?:the|of|and|or|to|in|for|by|a|an|with|on|at|from|as|that|its|their|which|is|was|were)\s*$"
)
ENDS_CLAUSE = re.compile(r"[,;:.]\s*$")
