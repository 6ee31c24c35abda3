"""Stage: treaties. Link the treaties a document names or cites to the curated list.

The list is data (``vocab/treaties.yaml``). A treaty is found three ways: by its name in the
running text; by a note's Treaty Series reference ("United Nations, Treaty Series, vol. 1577,
No. 27531", Ibid. resolved first); or by a note citing the resolution whose annex carries it
("resolution 2200 A (XXI), annex" carries both Covenants: the treaty named where the note's
marker stands tells which). A note whose text is missing is linked to the treaty named at its
marker. Where the text says the State is a party ("is a Party to the ..."; "..., to which the
... is a Party"), the statement is kept with the treaty.

>>> [t.treaty_id for t in by_unts("1249", "20378")], [t.treaty_id for t in by_unts("2237", "39574")]
(['cedaw'], ['trafficking-protocol'])
>>> [(m.treaty_id, m.text) for m in names_in("party to the 1951 Convention relating to the Status of Refugees and the 1967 Protocol")]
[('refugee-convention', '1951 Convention relating to the Status of Refugees'), ('refugee-protocol', '1967 Protocol')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from undocs import vocab
from undocs.analyse import citation_patterns as grammar
from undocs.analyse.citations import resolve_notes
from undocs.models import Citation, ParsedDocument, ResolvedNote, Treaty, TreatyReference

# How far before a note's marker a treaty's name may end and still be "named at the marker"
# (", of 12 August 1949, 14" stands between the Geneva Convention's name and its marker).
MARKER_REACH = 30
# How far before a note's marker the name of a treaty missing from the curated list is looked for.
NAME_REACH = 300
UNLISTED_PREFIX = "unts-"  # the id of a treaty read from a note: unts-<volume>-<number>


@dataclass(frozen=True)
class NameMatch:
    """A treaty's name in a paragraph, with the party statement that covers it, if any."""

    treaty_id: str
    text: str
    start: int
    end: int
    party_statement: str = ""


@dataclass(frozen=True)
class TreatyFindings:
    """A document's treaty references, the treaties its notes cite that the curated list lacks, warnings."""

    references: list[TreatyReference]
    unlisted: list[Treaty]
    warnings: list[str]


@cache
def treaties() -> tuple[Treaty, ...]:
    return tuple(
        Treaty(
            treaty_id,
            entry["title"],
            entry["short_title"],
            str(entry["adopted_on"]),
            str(entry["unts_volume"]),
            str(entry["unts_number"]),
            entry["adopting_resolution"],
            (entry["title"], *entry["names"]),
        )
        for treaty_id, entry in vocab.load("treaties").items()
    )


def by_unts(volume: str, number: str) -> list[Treaty]:
    return [t for t in treaties() if (t.unts_volume, t.unts_number) == (volume, number)]


def from_note(volume: str, number: str, text_before_marker: str) -> Treaty:
    """A treaty the curated list lacks, from its note: the name before the marker, volume and number.

    >>> from_note("2187", "38544", "referring the situation under the Rome Statute of the International Criminal Court,")
    Treaty(treaty_id='unts-2187-38544', title='Rome Statute of the International Criminal Court', short_title='Rome Statute of the International Criminal Court', adopted_on='', unts_volume='2187', unts_number='38544', adopting_resolution='', names=())
    """
    named = grammar.TREATY_NAME_BEFORE.search(text_before_marker[-NAME_REACH:])
    name = _balanced(" ".join(named.group("name").split())) if named else ""
    if " " not in name:  # "the Convention", "the Treaty": a reference back, not a name
        name = ""
    title = name or f"United Nations, Treaty Series, vol. {volume}, No. {number}"
    return Treaty(f"{UNLISTED_PREFIX}{volume}-{number}", title, name, "", volume, number, "", ())


def _balanced(name: str) -> str:
    """A name without the closing parenthesis of an aside it stood in: "(Treaty of Tlatelolco)"."""
    return name[:-1] if name.endswith(")") and name.count(")") > name.count("(") else name


@cache
def _name_pattern() -> re.Pattern[str]:
    # Longest names first, so the Trafficking Protocol's full title wins over the Convention it
    # names; any run of spaces stands for a space, since lines were joined.
    names = sorted({name for treaty in treaties() for name in treaty.names}, key=len, reverse=True)
    return re.compile("|".join(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b" for name in names))


@cache
def _by_name() -> dict[str, str]:
    return {" ".join(name.split()): treaty.treaty_id for treaty in treaties() for name in treaty.names}


def names_in(text: str) -> list[NameMatch]:
    """Every treaty named in ``text``, each with the party statement covering it."""
    found = [
        NameMatch(_by_name()[" ".join(m.group().split())], m.group(), *m.span()) for m in _name_pattern().finditer(text)
    ]
    return [NameMatch(m.treaty_id, m.text, m.start, m.end, _party_statement(text, m)) for m in found]


def _party_statement(text: str, match: NameMatch) -> str:
    after = grammar.TO_WHICH_PARTY.match(text, match.end)
    if after:
        return " ".join(after.group().strip(" ,").split())
    for party in grammar.PARTY_TO.finditer(text, 0, match.start):
        end = grammar.PARTY_LIST_END.search(text, party.end())
        if end is None or match.end <= end.start():
            return " ".join(party.group().split())
    return ""


def _named_at_marker(matches: list[NameMatch], offset: int | None) -> NameMatch | None:
    before = [m for m in matches if offset is not None and m.end <= offset]
    return before[-1] if before and offset - before[-1].end <= MARKER_REACH else None


def _note_treaties(
    note: ResolvedNote, paragraph_text: str, matches: list[NameMatch], cited: list[Citation]
) -> list[tuple[Treaty, str]]:
    """The treaties a note cites (``cited``: the citations found in it), each with how it was linked."""
    offset = note.footnote.marker_offset
    found = [
        (treaty, "treaty_series")
        for m in grammar.TREATY_SERIES.finditer(note.text)
        for treaty in by_unts(*m.groups()) or [from_note(*m.groups(), paragraph_text[:offset] if offset else "")]
    ]
    for citation in cited:
        if citation.kind != "resolution" or not grammar.ANNEX_AFTER.match(note.text, citation.end):
            continue
        candidates = [t for t in treaties() if t.adopting_resolution == citation.symbol]
        named = [m for m in matches if offset is not None and m.end <= offset]
        ids = [m.treaty_id for m in named if m.treaty_id in {t.treaty_id for t in candidates}]
        chosen = [t for t in candidates if t.treaty_id == ids[-1]] if len(candidates) > 1 and ids else candidates
        found += [(t, "adopting_resolution") for t in chosen[:1]] if len(chosen) == 1 else []
    if not note.footnote.text and (at_marker := _named_at_marker(matches, offset)):
        found.append((next(t for t in treaties() if t.treaty_id == at_marker.treaty_id), "name_at_marker"))
    return found


def treaty_references(parsed: ParsedDocument, citations: list[Citation]) -> TreatyFindings:
    """Every treaty each paragraph names or each of its notes cites; warnings for what did not link.

    ``citations`` are the document's (``citations.document_citations``): a note's are not found again.
    """
    notes: dict[str, list[ResolvedNote]] = {}
    for note in resolve_notes(parsed.footnotes):
        notes.setdefault(note.footnote.paragraph_id, []).append(note)
    in_note: dict[str, list[Citation]] = {}
    for citation in citations:
        if citation.footnote_id:
            in_note.setdefault(citation.footnote_id, []).append(citation)
    references, unlisted, warnings = [], {}, []
    for paragraph in parsed.paragraphs:
        matches = names_in(paragraph.text)
        references += [
            TreatyReference(paragraph.paragraph_id, "", m.treaty_id, m.text, "name", m.party_statement) for m in matches
        ]
        for note in notes.get(paragraph.paragraph_id, []):
            linked = _note_treaties(note, paragraph.text, matches, in_note.get(note.footnote.footnote_id, []))
            unlisted.update({t.treaty_id: t for t, _ in linked if t.treaty_id.startswith(UNLISTED_PREFIX)})
            at_marker = _named_at_marker(matches, note.footnote.marker_offset)
            warnings += _note_warnings(note, linked, at_marker)
            references += [
                TreatyReference(
                    paragraph.paragraph_id,
                    note.footnote.footnote_id,
                    treaty.treaty_id,
                    note.footnote.text,
                    how,
                    at_marker.party_statement if at_marker and at_marker.treaty_id == treaty.treaty_id else "",
                )
                for treaty, how in linked
            ]
    return TreatyFindings(references, [unlisted[key] for key in sorted(unlisted)], warnings)


def _note_warnings(resolved: ResolvedNote, linked: list[tuple[Treaty, str]], at_marker: NameMatch | None) -> list[str]:
    where = f"note {resolved.footnote.footnote_id}"
    nameless = [t for t, _ in linked if t.treaty_id.startswith(UNLISTED_PREFIX) and not t.short_title]
    if nameless:
        return [f"{where}: no treaty is named at its marker; {nameless[0].treaty_id} is titled by its reference"]
    if at_marker and linked and at_marker.treaty_id not in {treaty.treaty_id for treaty, _ in linked}:
        return [f"{where}: cites {linked[0][0].treaty_id} but its marker follows the name of {at_marker.treaty_id}"]
    return []
