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

A figure names the review it counts when its subject, else its sentence, names one review by its
ordinal ("the fourth UPR", "its second cycle"): ``review_id`` is the State's ISO 3166-1 alpha-3
code and the cycle, as ``upr_reviews`` names reviews. The State is the document's State concerned
(``state_code``, from its title), else the State the sentence names. ``whole_review`` tells a
subject that counts every recommendation of the review from one that narrows it: only the former
can be checked against ``upr_recommendations`` (``publish/upr_tables.py``).

>>> [(f.review_id, f.whole_review) for f in find_figures("Slovenia did not accept 33 of the 215 recommendations of its third UPR.")]
[('svn-3', True)]
>>> [(f.review_id, f.whole_review) for f in find_figures("It failed to accept 21 recommendations on violence made in the fourth cycle.", "PRK")]
[('prk-4', False)]
"""

from __future__ import annotations

from undocs import vocab
from undocs.analyse import ask_patterns
from undocs.analyse.asks import state_concerned, state_names
from undocs.models import Figure
from undocs.read.states import iso3


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


def _review(text: str, subject: tuple[int, int], number: int, state_code: str) -> tuple[str, bool]:
    """The review the figure counts (``prk-4``), if its subject or sentence names one, and whether
    the subject counts all its recommendations."""
    sentence = text[_sentence_start(text, number) : ask_patterns.SENTENCE_END.search(text, subject[1]).end()]
    named = list(ask_patterns.review().finditer(text, *subject)) or list(ask_patterns.review().finditer(sentence))
    ordinals = vocab.load("figures")["reviews"]["ordinals"]
    cycles = {ordinals[found["ordinal"].lower()] for found in named}
    code = state_code or iso3(state_concerned(sentence))
    if len(cycles) != 1 or not code:
        return "", False  # no review, two reviews or no State: never a guess
    rest = ask_patterns.review().sub(" ", text[subject[0] : subject[1]].translate(ask_patterns.APOSTROPHES))
    rest = ask_patterns.whole_review_word().sub(" ", state_names().sub(" ", rest))
    return f"{code.lower()}-{cycles.pop()}", not rest.strip()


def find_figures(text: str, state_code: str = "") -> list[Figure]:
    """The figures of a paragraph's text; ``state_code`` is the document's State concerned, if any."""
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
                *_review(text, (subject_start, subject_end), match.start(), state_code),
            )
        )
    return figures
