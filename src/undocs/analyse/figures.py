"""Stage: figures. The numbers a statement gives about how a State answered its review.

A figure is a number with a unit from ``vocab/figures.yaml`` ("49%", "43 recommendations"),
the subject it counts ("recommendations received in the fourth UPR") and the response it
counts, read from the nearest response phrase before it in the same sentence ("failure to
accept" -> ``not_accepted``). A number with no response before it is not a figure.

>>> [(f.value, f.unit, f.response, f.subject) for f in find_figures("It did not accept any of the 13 recommendations to ratify the Convention.")]
[('13', 'recommendations', 'not_accepted', 'recommendations to ratify the Convention')]
>>> [(f.value, f.unit, f.subject) for f in find_figures("It failed to accept 49% of the recommendations received.")]
[('49', 'percent', 'recommendations received')]
"""

from __future__ import annotations

from undocs.analyse import ask_patterns
from undocs.models import Figure


def _sentence_start(text: str, position: int) -> int:
    starts = [match.start() for match in ask_patterns.SENTENCE_START.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def _response(text: str, start: int, end: int) -> tuple[str, int]:
    """The response named last before ``end`` in the sentence, and where its phrase starts."""
    found = [
        (match.start(), response)
        for response, pattern in ask_patterns.responses().items()
        for match in pattern.finditer(text.translate(ask_patterns.APOSTROPHES), start, end)
    ]
    if not found:
        return "", end
    position, response = max(found)
    return response, position


def find_figures(text: str) -> list[Figure]:
    figures = []
    for match in ask_patterns.figures().finditer(text):
        unit = next(name for name, value in match.groupdict().items() if value and name != "value")
        # A count's subject starts at its unit ("recommendations on ..."); a share's after "of the".
        subject_start = match.end() if unit == "percent" else match.start(unit)
        if unit == "percent":
            of_the = ask_patterns.OF_THE.match(text, subject_start)
            subject_start = of_the.end() if of_the else subject_start
        subject_end = ask_patterns.SUBJECT_END.search(text, subject_start).start()
        response, phrase_start = _response(text, _sentence_start(text, match.start()), match.start())
        if not response:  # a number that counts no response ("the 19 recommendations made by") is not a figure
            continue
        figures.append(
            Figure(
                match.group("value"),
                unit,
                text[subject_start:subject_end],
                response,
                text[phrase_start:subject_end],
            )
        )
    return figures
