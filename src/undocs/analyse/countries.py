"""States by name: the ISO 3166-1 alpha-3 code of a State's name as the UN prints it.

Shared by every table that names States (UPR recommending States, votes, sponsors). Names are
looked up in pycountry's ISO 3166-1 data (name, official name, common name) and in
``vocab/countries.yaml`` for the UN's own short names ("Iran (Islamic Republic of)"); codes and
abbreviations are never matched, so "CAT" or "ICC" in a text is not a State.

>>> alpha3("Iran (Islamic Republic of)"), alpha3("the Netherlands"), alpha3("Democratic People’s Republic of Korea")
('IRN', 'NLD', 'PRK')
>>> alpha3("ICRMW"), alpha3("Slovenia")
('', 'SVN')
"""

from __future__ import annotations

from functools import cache

import pycountry

from undocs import vocab

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " "})


def _key(name: str) -> str:
    """A name folded for look-up: apostrophes unified, spaces squeezed, case and a leading "the" dropped."""
    words = name.translate(APOSTROPHES).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).casefold()


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names[_key(value)] = country.alpha_3
    for name, code in vocab.load("countries")["aliases"].items():
        names[_key(name)] = code
    return names


def alpha3(name: str) -> str:
    """The State's ISO 3166-1 alpha-3 code, or '' when ``name`` names no State."""
    return _names().get(_key(name), "")


def is_state(name: str) -> bool:
    return bool(alpha3(name))
