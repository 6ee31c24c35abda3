"""Regular expressions of UPR reports and addenda, kept apart from the logic of ``upr.py``.

>>> POSITION.search("The Government accepts the following recommendations 122.1, 122.17-18.").group("verb", "list")
('accept', '122.1, 122.17-18')
>>> NUMBER_LIST_TOKEN.findall("122.30-33, 122.14– 15, 3, 140.35. 140.36")
[('122.30', '33'), ('122.14', '15'), ('3', ''), ('140.35', ''), ('140.36', '')]
"""

import re

# --- the lead-in paragraph that states the position of the recommendations under it --------------
LEAD_NOTED = re.compile(r"\b(?:noted|not\s+enjoy|did\s+not\s+(?:accept|support)|rejected)\b", re.IGNORECASE)
LEAD_PENDING = re.compile(r"\bwill\s+be\s+examined\b|\bwill\s+provide\s+responses\b", re.IGNORECASE)
LEAD_SUPPORTED = re.compile(r"\benjoys?\s+the\s+support\b|\b(?:accepted|supported)\b", re.IGNORECASE)

# --- an addendum's positions: "accepts the following recommendations 122.1, 122.17-18" -----------
NUMBER = r"\d{1,3}(?:\.\d{1,3})?"
RANGE = rf"{NUMBER}(?:\s*[-–]\s*{NUMBER})?"
NUMBER_LIST = rf"{RANGE}(?:\s*(?:,|\band\b|\.)\s*{RANGE})*"
NUMBER_LIST_TOKEN = re.compile(rf"({NUMBER})(?:\s*[-–]\s*({NUMBER}))?")
POSITION = re.compile(
    rf"\b(?P<partly>partially\s+|partly\s+)?(?P<verb>accept|support|note)s?\b(?P<in_part>\s+in\s+part)?"
    rf"(?:\s+(?:the|following|these))*\s+recommendations?\s+(?P<list>{NUMBER_LIST})"
)

# --- totals an addendum states ---------------------------------------------------------------------
RECEIVED = re.compile(r"\b(?:contains|received|receives)\s+(?P<value>\d+)\s+recommendations\b")
SUPPORTED_TOTAL = re.compile(
    r"\b(?:accepts|supports)\s+(?P<value>\d+)\s+recommendations\b"
    r"|\b(?P<of>\d+)\s+(?:recommendations\s+)?(?:were|are|have\s+been)\s+(?:now\s+|immediately\s+)?(?:supported|accepted)\b"
)
NOTED_TOTAL = re.compile(
    r"\bnotes\s+(?P<value>\d+)\s+recommendations\b"
    r"|\b(?P<of>\d+)\s+(?:recommendations\s+)?(?:(?:were|are|have\s+been)\s+)?(?:now\s+)?noted\b"
)

# --- the report's cover and first paragraph: State under review, Working Group session -----------
STATE_IN_TITLE = re.compile(r"Universal\s+Periodic\s+Review\s+(?P<state>.+?)(?:\s+Addendum\b.*)?$", re.IGNORECASE)
WORKING_GROUP_SESSION = re.compile(r"\bheld\s+its\s+(?P<ordinal>[A-Za-z]+(?:-[a-z]+)?)\s+session\b")
ADDENDUM_SYMBOL = re.compile(r"^(?P<report>.+)/Add\.\d+$")
# The first word that is not an adverb is the recommendation's action verb.
ADVERB = re.compile(r"^(?:further|also|effectively|fully|urgently|swiftly|promptly|duly|to)$", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]+")
