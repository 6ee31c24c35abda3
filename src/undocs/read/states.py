"""States by their names as the UN prints them, to ISO 3166-1 alpha-3 codes (pycountry).

The one look-up of State names, for every table that names States (sponsors, votes, UPR reviews
and recommending States, the review a figure counts). A name is looked up as printed (case,
accents, apostrophes, spacing and a leading "the" aside; what follows the name when a State
speaks for a group is cut, see ``state_name``) in pycountry's ISO 3166-1 data (name, official
name, common name; ``Bolivia (Plurinational State of)`` also as ISO's ``Bolivia, Plurinational
State of``), then in the UN's own forms ISO writes otherwise (``aliases`` of
``vocab/states.yaml``). Codes and abbreviations are never matched, so "CAT" or "ICC" in a text is
not a State. A name found nowhere has no code: the caller warns, and nothing is guessed.

>>> iso3("NETHERLANDS (KINGDOM OF THE)"), iso3("Türkiye"), iso3("CÔTE D’IVOIRE"), iso3("the Niger")
('NLD', 'TUR', 'CIV', 'NER')
>>> iso3("EGYPT (ON BEHALF OF THE STATES MEMBERS OF THE UNITED NATIONS THAT ARE MEMBERS OF THE GROUP OF AFRICAN STATES)")
'EGY'
>>> iso3("Iran (Islamic Republic of)"), iso3("Democratic People’s Republic of Korea"), iso3("Swaziland")
('IRN', 'PRK', 'SWZ')
>>> iso3("NAMBIA"), iso3("ICRMW"), iso3("Guinea"), is_state("Slovenia")
('', '', 'GIN', True)
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

from undocs import vocab

PARENTHESIS = re.compile(r"^(?P<name>.*?) \((?P<rest>[^()]*)\)$")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " "})


def fold(name: str) -> str:
    """Lower case, no accents, straight apostrophes, one space: how names are compared."""
    name = unicodedata.normalize("NFKD", name.translate(APOSTROPHES))
    name = "".join(char for char in name if not unicodedata.combining(char))
    return " ".join(name.casefold().split())


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index.setdefault(fold(value), country.alpha_3)
    index.update({fold(name): code for name, code in vocab.load("states")["aliases"].items()})
    return index


def state_name(printed: str) -> str:
    """The State's own name in a printed entry, without what it adds (``on behalf of ...``)."""
    name = " ".join(printed.split()).rstrip(",")
    for qualifier in vocab.load("states")["qualifiers"]:
        cut = fold(name).find(fold(qualifier))
        if cut > 0:
            name = name[:cut]
    return name


@cache
def iso3(printed: str) -> str:
    """The ISO 3166-1 alpha-3 code of a printed State name, or ``""`` when it does not resolve."""
    name = fold(state_name(printed)).removeprefix("the ")
    index = _index()
    if name in index:
        return index[name]
    inverted = PARENTHESIS.match(name)
    if inverted:
        return index.get(f"{inverted['name']}, {inverted['rest']}", "")
    return ""


def is_state(name: str) -> bool:
    return bool(iso3(name))
