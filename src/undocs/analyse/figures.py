"""Stage: figures. The numbers a statement or resolution gives about how a State answered its review.

A figure is a number of recommendations, or a share of them, with a unit from ``vocab/figures.yaml`` ("49%", "43 recommendations",
"132 of the 262 recommendations", which counts 132 out of a ``total`` of 262), the subject it
counts ("recommendations received in the fourth UPR") and the response it counts, read from the
words around it in the same sentence: the nearest response phrase before it ("failure to
accept" -> ``not_accepted``; "consider the possibility of implementing" -> ``under_consideration``),
else the first after it ("were noted"). A number with no response around it is not a figure.

>>> [(f.value, f.unit, f.response, f.subject) for f in find_figures("It did not accept any of the 13 recommendations to ratify the Convention.")]
[('13', 'recommendations', 'not_accepted', 'recommendations to ratify the Convention')]
>>> [(f.value, f.unit, f.subject) for f in find_figures("It failed to accept 49% of the recommendations received.")]
[('49', 'percent', 'recommendations received')]
>>> [(f.value, f.total, f.response) for f in find_figures("recalling the acceptance by the Government of 132 of the 262 recommendations")]
[('132', '262', 'accepted')]
>>> [(f.value, f.response) for f in find_figures("to implement the accepted recommendations and to consider the possibility of implementing a further 56 recommendations")]
[('56', 'under_consideration')]
"""

from __future__ import annotations

from undocs.analyse import ask_patterns
from undocs.models import Figure


def _sentence_start(text: str, position: int) -> int:
    starts = [match.start() for match in ask_patterns.SENTENCE_START.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def _responses(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The response phrases between ``start`` and ``end``, as (where the phrase starts, response)."""
    return sorted(
        (match.start(), response)
        for response, pattern in ask_patterns.responses().items()
        for match in pattern.finditer(text.translate(ask_patterns.APOSTROPHES), start, end)
    )


def _response(text: str, number: int, subject_end: int) -> tuple[str, int]:
    """The response nearest before the number in its sentence, else the first after it, and where its phrase starts."""
    before = _responses(text, _sentence_start(text, number), number)
    if before:
        position, response = before[-1]
        return response, position
    after = _responses(text, subject_end, ask_patterns.SENTENCE_END.search(text, subject_end).end())
    return (after[0][1], number) if after else ("", number)


def find_figures(text: str) -> list[Figure]:
    figures = []
    for match in ask_patterns.figures().finditer(text):
        unit = next(name for name, value in match.groupdict().items() if value and name not in ("value", "total"))
        # A count's subject starts at its unit ("recommendations on ..."); a share's after "of the".
        subject_start = match.end() if unit == "percent" else match.start(unit)
        if unit == "percent":
            of_the = ask_patterns.OF_THE.match(text, subject_start)
            subject_start = of_the.end() if of_the else subject_start
        subject_end = ask_patterns.SUBJECT_END.search(text, subject_start).start()
        if not ask_patterns.figures_subject().match(text, subject_start):
            continue  # a share of something else ("0.7 per cent of gross national income")
        response, phrase_start = _response(text, match.start(), subject_end)
        if not response:  # a number that counts no response ("the 19 recommendations made by") is not a figure
            continue
        figures.append(
            Figure(
                match.group("value"),
                unit,
                text[subject_start:subject_end],
                response,
                text[phrase_start:subject_end],
                match.group("total") or "",
            )
        )
    return figures
