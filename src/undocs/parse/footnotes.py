"""Stage 4, footnotes: find the note markers in the body and attach each note to its paragraph.

Markers are printed as superscripts, which a text extraction flattens: ``201931`` is the year
2019 followed by note 31, ``Goals13`` is note 13, ``Korea;27`` is note 27. Notes are numbered in
reading order, so marker ``n`` is searched for only after marker ``n - 1``; that sequence is
what tells a marker from the numbers of the running text. Superscript digits (from a PDF) are
certain markers. A marker fused to the number it follows (``resolution 74/1673`` is 74/167 and
note 3, ``Agenda 216``) cannot be told from the number alone: it is read so only where note ``n``
has no other place before note ``n + 1``'s certain marker.

``attach`` returns new values (the paragraphs with their markers cut out, the notes, the
warnings); the segmented paragraphs it is given are left as they were.

>>> from undocs.models import Paragraph
>>> paragraph = Paragraph("op8", "", "operative", "8.", 1, 1, "", "40/20 of 22 March 201931 and 46/17", 1, 1)
>>> attached = attach([paragraph], [RawNote("31", ["Ibid."], 9, 9)], last=30)
>>> attached.paragraphs[0].text, attached.footnotes[0].paragraph_id, paragraph.text
('40/20 of 22 March 2019 and 46/17', 'op8', '40/20 of 22 March 201931 and 46/17')
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from undocs.models import Footnote, Paragraph
from undocs.parse import patterns
from undocs.parse.clean import RawNote
from undocs.text import join_lines, squeeze

# Characters either side of a digit run that the marker rules look at (a word and its spaces).
CONTEXT = 60


@dataclass(frozen=True)
class _Candidate:
    """A run of digits that may be note ``value``; ``strong`` when it cannot be running text."""

    start: int
    end: int
    value: int
    strong: bool
    tail: bool = False  # the last digits of a longer number: a marker only where nothing else fits
    # A superscript, or digits stuck to punctuation or a lower-case word ("Relations,36", "Goals2"):
    # a marker even where no note of that number is printed, and where a note is cited again.
    certain: bool = False


def _candidates(text: str) -> list[_Candidate]:
    """Every place in ``text`` where a note marker may stand, in order."""
    found: list[_Candidate] = []
    for match in patterns.SUPERSCRIPT_RUN.finditer(text):
        found.append(
            _Candidate(
                match.start(),
                match.end(),
                int(match.group().translate(patterns.SUPERSCRIPT_DIGITS)),
                True,
                certain=True,
            )
        )
    for match in patterns.DIGIT_RUN.finditer(text):
        found.extend(_digit_candidates(text, match.start(), match.end()))
        found.extend(_tail_candidates(text, match.start(), match.end()))
    return sorted(found, key=lambda candidate: (candidate.start, -candidate.end))


def _digit_candidates(text: str, start: int, end: int) -> list[_Candidate]:
    digits = text[start:end]
    # Only the neighbourhood decides; slicing the whole text for every digit run made parsing quadratic.
    before, after = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    if _goes_on(after):
        return []  # "19th", "58/17", "1.5", "2,000": part of a number or symbol
    # "201931": 2019 and note 31; "2015–20303": 2030 and note 3
    found = [_Candidate(start + 4, end, int(digits[4:]), True)] if _fused_year(digits) else []
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    if (
        before.endswith(("/", "-", "–"))
        or (before.endswith(".") and patterns.NUMBERED_BEFORE_POINT.search(token))
        or patterns.NAME_PARENTHESES_BEFORE.search(before)
    ):
        return found  # "A/80/53", "Covid-19", "A/HRC/34/66/Add.1", "paragraph VII.22", "CM/Rec(2022)13"
    if not before or len(digits) > 3:
        return found
    previous = before[-1]
    if not previous.isspace():
        # "2,000" groups thousands; "2004,126" and "5/14,120" cannot: a year or symbol, then note 126
        thousands = previous == "," and len(digits) == 3 and bool(patterns.THOUSANDS_BEFORE.search(before))
        decimal = previous == "." and before[-2:-1].isdigit()
        counts = patterns.COUNT_AFTER.match(after)  # "making100 per cent": a number run into its word
        if patterns.MARKER_FUSED_AFTER.search(previous) and not (thousands or decimal or counts):
            certain = bool(patterns.CERTAIN_MARKER_AFTER.search(before))
            found.append(_Candidate(start, end, int(digits), True, certain=certain))
    elif (
        before.strip() and not patterns.NOT_MARKER_BEFORE.search(before) and not patterns.NOT_MARKER_AFTER.match(after)
    ):
        found.append(_Candidate(start, end, int(digits), False))
    return found


def _goes_on(after: str) -> bool:
    """Whether the number or symbol a digit run belongs to goes on after it ("19th", "58/17", "1.5", "2,000")."""
    return bool(patterns.NUMBER_GOES_ON.match(after))


def _tail_candidates(text: str, start: int, end: int) -> list[_Candidate]:
    """The last one to three digits of a number that ends a word, each a possible marker fused to
    it (``74/1673``, ``VIII.7441``). A number after a point that ends its paragraph or sentence
    (``2019.3``, ``2015–2030.7 We``) is a candidate as a bare number is, so it is preferred to a
    number's tail (in ``resolution 75/253 ... 2019.3`` note 3 is the one at the end).

    >>> [(c.value, c.start) for c in _tail_candidates("resolution 74/1673 and", 14, 18)]
    [(3, 17), (73, 16), (673, 15)]
    """
    after = text[end : end + 5]
    if _goes_on(after) or after[:1] in {"‑", "-", "–"}:
        return []  # also "2030-2040": a range's first number ends no marker
    before = text[max(0, start - CONTEXT) : start]
    bare = before[-1:].isspace()  # a number standing alone, not part of a symbol ("74/1673")
    if bare and (
        patterns.NOT_MARKER_BEFORE.search(before) or patterns.NOT_MARKER_AFTER.match(text[end : end + CONTEXT])
    ):
        return []  # "of 29 March", "on 16 and 17 November": a number of the running text
    digits = text[start:end]
    if patterns.YEAR.match(digits) and not before[-1:].isalnum() and before[-1:] not in {"/", ".", "‑", "-"}:
        return []  # "in 2025": a year, not 202 and note 5 (but "71/2057" is 71/205 and note 7)
    sentence_ends = after[:1] in {"", "\n"} or patterns.SENTENCE_AFTER.match(text, end)
    if text[start - 2 : start - 1].isdigit() and text[start - 1 : start] == "." and sentence_ends:
        return [_Candidate(start, end, int(digits), False)] if digits[0] != "0" else []
    return [
        _Candidate(end - size, end, int(digits[-size:]), False, tail=True)
        for size in range(1, min(4, len(digits)))
        if digits[-size] != "0"
    ]


def _fused_year(digits: str) -> bool:
    return 5 <= len(digits) <= 7 and bool(patterns.YEAR.match(digits[:4])) and digits[4] != "0"


@dataclass(frozen=True)
class Attached:
    """The paragraphs with their note markers cut out, the notes with their paragraphs, and warnings."""

    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    warnings: list[str]


def attach(paragraphs: list[Paragraph], raw_notes: list[RawNote], last: int = 0) -> Attached:
    """Find markers, cut them out of new copies of the paragraphs, and attach each note to its paragraph.

    ``last`` is the number of markers already placed (doctests start mid-document).
    """
    notes = {note.number: note for note in raw_notes}
    known = {int(number) for number in notes if number.isdigit()}
    body = [paragraph for paragraph in paragraphs if paragraph.section != "title"]
    texts = [paragraph.text for paragraph in body]
    offsets, position = [], 0
    for text in texts:
        offsets.append(position)
        position += len(text) + 1
    joined = "\n".join(texts)
    candidates = _candidates(joined)
    placed: dict[int, tuple[int, _Candidate]] = {}
    index, expected = 0, last + 1
    highest = max(known, default=0)
    while True:
        found = _next(candidates, index, expected, expected in known)
        if found is None:
            if expected > highest:
                break
            expected += 1  # a note with no marker; reported below
            continue
        index = found + 1
        candidate = candidates[found]
        paragraph_index = max(i for i, offset in enumerate(offsets) if offset <= candidate.start)
        placed[expected] = (paragraph_index, candidate)
        expected += 1
    markers: list[tuple[int | None, int, _Candidate]] = [
        (number, paragraph_index, candidate) for number, (paragraph_index, candidate) in placed.items()
    ]
    repeats = _repeats(candidates, offsets, placed)
    markers += [(None, index, candidate) for index, candidate in repeats]
    texts, positions = _strip_markers(body, offsets, markers)
    new = {id(paragraph): replace(paragraph, text=text) for paragraph, text in zip(body, texts, strict=True)}
    paragraphs = [new.get(id(paragraph), paragraph) for paragraph in paragraphs]
    warnings = [_tail_warning(body[i], number, joined, c) for number, (i, c) in sorted(placed.items()) if c.tail]
    footnotes = _footnotes(paragraphs, [new[id(paragraph)] for paragraph in body], notes, placed, warnings)
    again = _cited_again(body, placed, repeats)
    footnotes = [
        replace(note, marker_offset=positions.get(note.footnote_id), cited_again_in=again.get(note.footnote_id, ()))
        for note in footnotes
    ]
    star = [number for number in notes if not number.isdigit()]
    for number in star:
        paragraphs, note = _star_note(paragraphs, notes[number])
        footnotes.insert(0, note)
    return Attached(paragraphs, footnotes, warnings)


def _tail_warning(paragraph: Paragraph, number: int, text: str, candidate: _Candidate) -> str:
    printed = patterns.NUMBER_BEFORE.search(text, 0, candidate.end)
    return (
        f"line {paragraph.line_start}: note {number} has no marker of its own before note {number + 1}; "
        f"read from the last digits of {printed.group() if printed else candidate.value} in {paragraph.paragraph_id}. "
        "Fix: if the note belongs elsewhere, print its marker apart from the number"
    )


def _repeats(
    candidates: list[_Candidate], offsets: list[int], placed: dict[int, tuple[int, _Candidate]]
) -> list[tuple[int, _Candidate]]:
    """Markers that cite a note again (the UN reprints note 2's number where Agenda 2030 recurs).

    Only certain markers count: superscripts, and digits fused to the punctuation they follow
    (``Court,1``), after the note's first marker and clear of every placed marker.
    """
    taken = [candidate for _, candidate in placed.values()]
    repeats = []
    for candidate in candidates:
        first = placed.get(candidate.value)
        if first is None or candidate.start <= first[1].start or not candidate.certain:
            continue
        if not any(candidate.start < other.end and other.start < candidate.end for other in taken):
            paragraph_index = max(i for i, offset in enumerate(offsets) if offset <= candidate.start)
            repeats.append((paragraph_index, candidate))
            taken.append(candidate)
    return repeats


def _cited_again(
    body: list[Paragraph], placed: dict[int, tuple[int, _Candidate]], repeats: list[tuple[int, _Candidate]]
) -> dict[str, tuple[str, ...]]:
    """Each note's later paragraphs where its marker is printed again, in order, each once."""
    again: dict[str, list[str]] = {}
    for paragraph_index, candidate in repeats:
        paragraph_id = body[paragraph_index].paragraph_id
        ids = again.setdefault(str(candidate.value), [])
        if paragraph_id != body[placed[candidate.value][0]].paragraph_id and paragraph_id not in ids:
            ids.append(paragraph_id)
    return {number: tuple(ids) for number, ids in again.items() if ids}


def _next(candidates: list[_Candidate], index: int, value: int, note_exists: bool) -> int | None:
    """The index of the first candidate for ``value`` at or after ``index``.

    A weak candidate (a bare number after a space) gives way to a certain one for the same value
    met before the next note's certain marker: "held from 2 to 4 May ... Peoples,2 and" is note 2
    at "Peoples,". A note with no place before the next note's certain marker takes the tail of a
    number before the next note's marker (``resolution 74/1673 and ...,4``).
    """
    found = _plain(candidates, index, value, note_exists)
    if note_exists and (found is None or _certain_between(candidates, index, found, value + 1)):
        tail = _tail_before(candidates, index, _plain(candidates, index, value + 1, True), value)
        return found if tail is None else tail
    return found


def _plain(candidates: list[_Candidate], index: int, value: int, note_exists: bool) -> int | None:
    """The first candidate for ``value`` at or after ``index``: where no note ``value`` is printed,
    only a certain one ("decision SSA2(5)", "GC(SPL.2)/RES/1" and "for 20254" keep their digits)."""
    for position in range(index, len(candidates)):
        candidate = candidates[position]
        if candidate.value == value and not candidate.tail and (candidate.certain or note_exists):
            return position if candidate.strong else _certain_after(candidates, position, value)
    return None


def _certain_between(candidates: list[_Candidate], start: int, end: int, value: int) -> bool:
    return any(c.strong and c.value == value for c in candidates[start:end])


def _tail_before(candidates: list[_Candidate], start: int, end: int | None, value: int) -> int | None:
    """A number's tail in ``candidates[start:end]`` that may be note ``value``: the last one before
    the next note's marker (``74/17 of 9 December 2019 and 71/2057 and 72/190,8``), the first one
    when the next note's place is unknown (``end`` None)."""
    tails = [p for p in range(start, end or len(candidates)) if candidates[p].tail and candidates[p].value == value]
    if not tails:
        return None
    return tails[0] if end is None else tails[-1]


def _certain_after(candidates: list[_Candidate], weak: int, value: int) -> int:
    """The first certain candidate for ``value`` after position ``weak``, before a certain one for
    ``value + 1``; else ``weak`` itself."""
    for position in range(weak + 1, len(candidates)):
        candidate = candidates[position]
        if candidate.strong and candidate.value == value + 1:
            break
        if candidate.strong and candidate.value == value:
            return position
    return weak


def _strip_markers(
    body: list[Paragraph], offsets: list[int], markers: list[tuple[int | None, int, _Candidate]]
) -> tuple[list[str], dict[str, int]]:
    """The paragraphs' texts with the markers cut out, and where each note's first marker stood in them.

    The place is kept because a note often names what the words just before its marker cite
    (``Covenant ..., 7`` with note 7 ``Ibid.``). Repeated markers (number ``None``) are only cut.
    """
    cuts: dict[int, list[tuple[int | None, _Candidate]]] = {}
    for number, paragraph_index, candidate in markers:
        cuts.setdefault(paragraph_index, []).append((number, candidate))
    positions: dict[str, int] = {}
    texts = []
    for paragraph_index, paragraph in enumerate(body):
        base, cursor, pieces = offsets[paragraph_index], 0, []
        for number, candidate in sorted(cuts.get(paragraph_index, []), key=lambda item: item[1].start):
            pieces.append(paragraph.text[cursor : candidate.start - base])
            if number is not None:
                positions[str(number)] = len(tidy(" ".join(pieces)))
            cursor = candidate.end - base
        pieces.append(paragraph.text[cursor:])
        texts.append(tidy(" ".join(pieces)))
    return texts, positions


def tidy(text: str) -> str:
    """Fold spaces and close up the space a removed marker leaves before punctuation.

    >>> tidy("Korea,  regretting ; and (A/80/53) ,")
    'Korea, regretting; and (A/80/53),'
    """
    text = squeeze(text)
    return patterns.SPACE_BEFORE_PUNCT.sub("", text)


def _footnotes(
    paragraphs: list[Paragraph],
    body: list[Paragraph],
    notes: dict[str, RawNote],
    placed: dict[int, tuple[int, _Candidate]],
    warnings: list[str],
) -> list[Footnote]:
    footnotes: list[Footnote] = []
    for number in sorted(set(placed) | {int(n) for n in notes if n.isdigit()}):
        note = notes.get(str(number))
        text = tidy(join_lines(note.lines)) if note else ""
        if number in placed:
            paragraph = body[placed[number][0]]
            paragraph_id = paragraph.paragraph_id
            if note is None:
                warnings.append(
                    f"line {paragraph.line_start}: note {number}: its marker stands in {paragraph_id} "
                    "but the note's text is missing from the source"
                )
            footnotes.append(
                Footnote(str(number), paragraph_id, text, note and note.line_start, note and note.line_end)
            )
        else:
            paragraph_id = _paragraph_before(paragraphs, note.line_start)
            warnings.append(
                f"line {note.line_start}: note {number} has no marker in the body; attached to {paragraph_id}, the paragraph printed before it"
            )
            footnotes.append(
                Footnote(str(number), paragraph_id, text, note.line_start, note.line_end, marker_found=False)
            )
    return footnotes


def _star_note(paragraphs: list[Paragraph], note: RawNote) -> tuple[list[Paragraph], Footnote]:
    """The ``*`` note (a reissue or a sponsor note) belongs to the title it is printed against:
    the paragraphs with the ``*`` cut from that title, and the note."""
    text = tidy(join_lines(note.lines))
    for index, paragraph in enumerate(paragraphs):
        if paragraph.text.endswith(note.number):
            cut = replace(paragraph, text=paragraph.text[: -len(note.number)].rstrip())
            footnote = Footnote(note.number, paragraph.paragraph_id, text, note.line_start, note.line_end)
            return [*paragraphs[:index], cut, *paragraphs[index + 1 :]], footnote
    target = paragraphs[0].paragraph_id if paragraphs else ""
    return paragraphs, Footnote(note.number, target, text, note.line_start, note.line_end, marker_found=False)


def _paragraph_before(paragraphs: list[Paragraph], line: int) -> str:
    before = [paragraph for paragraph in paragraphs if paragraph.line_start <= line]
    return (before[-1] if before else paragraphs[0]).paragraph_id
