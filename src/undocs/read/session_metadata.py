"""A session's metadata file (JSON Lines, one resolution a line): what the XML itself lacks.

The UN publishes, beside the General Assembly's AKN files, one record per resolution: sponsors
and additional sponsors, the originating draft, the committee, the adoption meeting, how it was
adopted and, for a recorded vote, the Member States in favour, against and abstaining.

>>> record = {"symbol": "A/RES/1/1", "sponsors": ["CUBA", "NAMBIA"], "additional_sponsors": [],
...           "MS_in_favour": ["CUBA"], "MS_against": [], "MS_abstaining": ["CHAD"], "committee": "Third Committee"}
>>> found = from_record(record, "x.jsonl")
>>> [(s.state, s.iso3, s.role) for s in found.sponsors], [(v.iso3, v.vote) for v in found.votes]
([('CUBA', 'CUB', 'original'), ('NAMBIA', '', 'original')], [('CUB', 'yes'), ('TCD', 'abstain')])
>>> found.facts, found.warnings
({'committee': 'Third Committee'}, ['x.jsonl: A/RES/1/1: sponsor "NAMBIA" is not a State name pycountry or vocab/states.yaml knows; left without a code'])
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from undocs.errors import SourceError
from undocs.models import Sponsor, Vote
from undocs.read.states import iso3

FACTS = {
    "originating_document": "originating_document",
    "committee": "committee",
    "adoption_meeting": "adoption_meeting",
    "voting_type": "voting_type",
}
VOTING_TYPES = {"adoptedWithoutVote", "adoptedRecordedVote"}
SPONSOR_LISTS = {"sponsors": "original", "additional_sponsors": "additional"}
VOTE_LISTS = {"MS_in_favour": "yes", "MS_against": "no", "MS_abstaining": "abstain", "MS_not_voting": "not_voting"}


@dataclass
class SessionFacts:
    """What a session's metadata says of one resolution."""

    facts: dict[str, str] = field(default_factory=dict)
    sponsors: list[Sponsor] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@cache
def load(path: Path) -> dict[str, dict]:
    """The file's records by symbol; a line that is not JSON is bad input (exit 2)."""
    records: dict[str, dict] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise SourceError(
                str(path), f"the line is not JSON ({error.msg})", "give the session's metadata as JSON Lines", number
            ) from None
        if isinstance(record, dict) and record.get("symbol"):
            records[str(record["symbol"]).strip()] = record
    return records


def _names(value: object) -> list[str]:
    return [" ".join(str(name).split()) for name in value if str(name).strip()] if isinstance(value, list) else []


def from_record(record: dict, path: str) -> SessionFacts:
    found = SessionFacts()
    symbol = record.get("symbol", "")
    for key, column in FACTS.items():
        value = " ".join(str(record.get(key) or "").split())
        if value and (column != "voting_type" or value in VOTING_TYPES):
            found.facts[column] = value
    for key, role in SPONSOR_LISTS.items():
        for name in _names(record.get(key)):
            found.sponsors.append(Sponsor(name, _code(name, "sponsor", symbol, path, found.warnings), role))
    for key, vote in VOTE_LISTS.items():
        for name in _names(record.get(key)):
            found.votes.append(Vote(name, _code(name, "voter", symbol, path, found.warnings), vote))
    return found


def _code(name: str, what: str, symbol: str, path: str, warnings: list[str]) -> str:
    code = iso3(name)
    if not code:
        warnings.append(
            f'{path}: {symbol}: {what} "{name}" is not a State name pycountry or vocab/states.yaml knows; left without a code'
        )
    return code


def session_facts(path: Path, symbol: str, display: str) -> SessionFacts:
    """The record of ``symbol`` in the file; none found is a warning, not an error."""
    record = load(path).get(symbol)
    if record is None:
        return SessionFacts(
            warnings=[f"{display}: no record for {symbol or 'this document'}; sponsors and votes left out"]
        )
    return from_record(record, display)
