"""Tables ``upr_reviews``, ``upr_recommendations``, ``upr_recommending_states`` and ``figures``, built across
documents: a report gives the recommendations, its addendum (``<symbol>/Add.1``) the State's
positions, and the two are joined by recommendation number.

Checks against the documents themselves (each a warning in the build log, with its line):
the counts per response equal what the addendum states; every recommendation has exactly one
response once the addendum is in; a number the addendum names that the report lacks, or the
reverse, is named.

Table ``figures`` is built here too, since its check needs every document: a figure that counts
the whole of a review the package holds (``review_id`` = ``upr_reviews.review_id``) gets the
value computed from ``upr_recommendations`` beside the stated one (``computed_value``), and a
difference is a warning with the figure's file and line.

>>> from undocs.analyse.upr import Recommendation, UprDocument, Position
>>> report = UprDocument("r", "A/1", "A/1", "Slovenia", 2, 20, [Recommendation("5.1", None, "Ratify CAT", ["Chile"], "pending", "p5", "p5.1", 9, 9)])
>>> addendum = UprDocument("a", "A/1/Add.1", "A/1", "Slovenia", positions=[Position("1", "noted", "p3", 4)], totals={"noted": 1})
>>> builder = UprTables()
>>> builder.add(Picked(report, [], [])); builder.add(Picked(addendum, [], []))
>>> tables = builder.rows()
>>> [(row["recommendation_number"], row["response"], row["response_symbol"]) for row in tables["upr_recommendations"]]
[('5.1', 'noted', 'A/1/Add.1')]
>>> tables["upr_reviews"][0]["review_id"], tables["upr_reviews"][0]["computed_noted"], builder.warnings
('svn-2', 1, [])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from undocs.analyse.upr import IN_PART, NOTED, PENDING, SUPPORTED, Position, UprDocument, action_category, upr_document
from undocs.models import Analysis
from undocs.parse.document import slug
from undocs.publish.rows import complete, figure_rows, paragraph_key
from undocs.read.states import iso3

Row = dict[str, object]
# The upr_reviews count a figure's response is checked against.
COUNTED = {
    "not_accepted": "computed_noted",
    "accepted": "computed_supported",
    "under_consideration": "computed_pending",
}


@dataclass
class _Review:
    report: UprDocument | None = None
    addenda: list[UprDocument] = field(default_factory=list)

    @property
    def any(self) -> UprDocument:
        return self.report or self.addenda[0]

    def review_id(self) -> str:
        code = iso3(self.any.state)
        cycle = self.report.cycle if self.report else None
        return f"{code.lower()}-{cycle}" if code and cycle else slug(self.any.report_symbol)


def _resolve(number: str, report: UprDocument | None) -> str:
    """A short number ("14") is the 14th recommendation of the report's list of pending ones."""
    if "." in number or report is None:
        return number
    pending = {r.lead_paragraph for r in report.recommendations if r.response == PENDING}
    lists = pending or {r.lead_paragraph for r in report.recommendations}
    if len(lists) == 1:
        return f"{next(iter(lists)).removeprefix('p')}.{number}"
    return number


@dataclass
class Picked:
    """What a document gives these tables: its UPR document, if it is one, and its figures, each
    with the file and line a warning names; and the warnings of figure rows left out."""

    document: UprDocument | None
    figures: list[tuple[Row, str]]
    warnings: list[str]


class UprTables:
    """The package builder (``tables.PER_PACKAGE``): one ``UprDocument`` per UPR document, and
    every document's figures, checked against the reviews the package holds."""

    def __init__(self) -> None:
        self.reviews: dict[str, _Review] = {}
        self.figures: list[tuple[Row, str]] = []
        self.warnings: list[str] = []

    def pick(self, analysis: Analysis) -> Picked:
        parsed = analysis.parsed
        lines = {paragraph.paragraph_id: paragraph.line_start for paragraph in parsed.paragraphs}
        kept, warnings = complete(parsed, "figures", figure_rows(analysis))
        figures = [(row, f"{parsed.meta.source_path}:{lines[row['paragraph_id']]}") for row in kept]
        return Picked(upr_document(parsed), figures, warnings)

    def add(self, picked: Picked) -> None:
        self.figures += picked.figures
        if picked.document is None:
            return
        picked = picked.document
        review = self.reviews.setdefault(picked.report_symbol, _Review())
        if picked.is_addendum:
            review.addenda.append(picked)
        else:
            review.report = picked

    def rows(self) -> dict[str, list[Row]]:
        tables: dict[str, list[Row]] = {"upr_reviews": [], "upr_recommendations": [], "upr_recommending_states": []}
        for symbol in sorted(self.reviews):
            review = self.reviews[symbol]
            recommendations = self._recommendations(review)
            tables["upr_recommendations"] += recommendations
            tables["upr_recommending_states"] += [
                self._recommending_state(review, row, position, state)
                for row in recommendations
                for position, state in enumerate(row.pop("states"), start=1)
            ]
            tables["upr_reviews"].append(self._review_row(review, recommendations))
        reviews = {row["review_id"]: row for row in tables["upr_reviews"]}
        tables["figures"] = [self._checked(row, where, reviews.get(row["review_id"])) for row, where in self.figures]
        return tables

    def _checked(self, figure: Row, where: str, review: Row | None) -> Row:
        """The figure with the value ``upr_recommendations`` give, and a warning where they differ."""
        if not (figure["whole_review"] and review and review["computed_received"]):
            return figure
        received, count = review["computed_received"], review[COUNTED[figure["response"]]]
        percent = figure["unit"] == "percent"
        computed = round(100 * count / received, 1) if percent else count
        stated = str(figure["value"])
        decimals = len(stated.partition(".")[2])
        name = f"{figure['document_id']}:{figure['figure_id']}"
        if round(computed, decimals) != float(stated):
            self.warnings.append(
                f"{where}: figure {name} states {stated}{'%' if percent else ''} {figure['response']} of "
                f"{figure['review_id']}; upr_recommendations give {computed} ({count} of {received} received)"
            )
        if figure["total"] and int(str(figure["total"])) != received:
            self.warnings.append(
                f"{where}: figure {name} counts out of {figure['total']}; {figure['review_id']} has {received} "
                "recommendations in upr_recommendations"
            )
        return {**figure, "computed_value": computed}

    def _recommending_state(self, review: _Review, row: Row, position: int, state: str) -> Row:
        code = iso3(state)
        if not code:
            self.warnings.append(
                f'{review.any.symbol}: line {row["line_start"]}: recommending State "{state}" of '
                f"{row['recommendation_number']} is not a State name pycountry or vocab/states.yaml knows; left without a code"
            )
        return {
            "recommendation_key": row["recommendation_key"],
            "position": position,
            "state": state,
            "state_code": code,
        }

    def _positions(self, review: _Review) -> dict[str, list[tuple[UprDocument, Position]]]:
        named: dict[str, list[tuple[UprDocument, Position]]] = {}
        for addendum in review.addenda:
            for position in addendum.positions:
                named.setdefault(_resolve(position.number, review.report), []).append((addendum, position))
        return named

    def _recommendations(self, review: _Review) -> list[Row]:
        report = review.report
        named = self._positions(review)
        explained = {
            _resolve(number, report): (addendum, explanation)
            for addendum in review.addenda
            for explanation in addendum.explanations
            for number in explanation.numbers
        }
        if report is None:
            return []
        numbers = {r.number for r in report.recommendations}
        for number, found in sorted(named.items()):
            addendum, position = found[0]
            if number not in numbers:
                self.warnings.append(
                    f"{addendum.symbol}: line {position.line}: recommendation {number} is not in {report.symbol}"
                )
            elif len(found) > 1:
                self.warnings.append(
                    f"{addendum.symbol}: line {found[1][1].line}: recommendation {number} is given "
                    f"{len(found)} positions ({', '.join(p.response for _, p in found)})"
                )
        review_id = review.review_id()
        rows = []
        for recommendation in report.recommendations:
            response, source, paragraph = recommendation.response, report, recommendation.lead_paragraph
            if recommendation.number in named:
                source, position = named[recommendation.number][0]
                response, paragraph = position.response, position.paragraph_id
            elif review.addenda and response == PENDING and recommendation.sub_index in (None, 1):
                self.warnings.append(
                    f"{report.symbol}: line {recommendation.line_start}: recommendation {recommendation.number} "
                    f"has no position in {review.addenda[0].symbol}"
                )
            explainer, explanation = explained.get(recommendation.number, (None, None))
            verb, category = action_category(recommendation.text)
            sub = f".{recommendation.sub_index}" if recommendation.sub_index else ""
            rows.append(
                {
                    "recommendation_key": f"{report.document_id}:{recommendation.number}{sub}",
                    "document_id": report.document_id,
                    "review_id": review_id,
                    "recommendation_number": recommendation.number,
                    "sub_index": recommendation.sub_index,
                    "text": recommendation.text,
                    "action_verb": verb,
                    "action_category": category,
                    "response": response,
                    "response_symbol": source.symbol,
                    "response_paragraph": paragraph_key(source.document_id, paragraph),
                    "explanation": explanation.text if explanation else "",
                    "explanation_key": paragraph_key(explainer.document_id, explanation.paragraph_id)
                    if explainer and explanation
                    else "",
                    "paragraph_key": paragraph_key(report.document_id, recommendation.paragraph_id),
                    "line_start": recommendation.line_start,
                    "line_end": recommendation.line_end,
                    "states": recommendation.states,
                }
            )
        return rows

    def _review_row(self, review: _Review, recommendations: list[Row]) -> Row:
        first = review.any
        # Counted per printed number, as the documents count: one number with three texts is one.
        responses = Counter({row["recommendation_number"]: row["response"] for row in recommendations}.values())
        stated: dict[str, int] = {}
        for addendum in review.addenda:
            stated.update(addendum.totals)
        computed = {
            "received": sum(responses.values()),
            SUPPORTED: responses[SUPPORTED] + responses[IN_PART],
            NOTED: responses[NOTED],
        }
        for name, value in stated.items():
            if review.report and computed[name] != value:
                self.warnings.append(
                    f"{review.addenda[0].symbol}: the addendum states {value} recommendations {name}, "
                    f"the report and addendum give {computed[name]}"
                )
        report = review.report
        return {
            "review_id": review.review_id(),
            "state": first.state,
            "state_code": iso3(first.state),
            "cycle": report.cycle if report else None,
            "session": report.session if report else None,
            "report_symbol": first.report_symbol,
            "addendum_symbol": ", ".join(addendum.symbol for addendum in review.addenda),
            "report_document_id": report.document_id if report else None,
            "stated_received": stated.get("received"),
            "stated_supported": stated.get(SUPPORTED),
            "stated_noted": stated.get(NOTED),
            "computed_received": computed["received"] if report else None,
            "computed_supported": computed[SUPPORTED] if report else None,
            "computed_noted": computed[NOTED] if report else None,
            "computed_supported_in_part": responses[IN_PART] if report else None,
            "computed_pending": responses[PENDING] if report else None,
        }
