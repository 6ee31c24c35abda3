"""A sample of the AKN corpus as the test (``make corpus`` runs all 2,111 files).

Forty resolutions, spread over every body and session, are converted from their XML, printed as
text in both forms and parsed again; ids and note placement must agree for at least as many as
they did when this sample was measured (the text parser's fixes may raise the numbers).
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from corpus_data import AKN, requires_akn
from undocs.parse.roundtrip import FORMS, Outcome, check, spread, xml_files

SAMPLE = 40
MATCHING_AT_LEAST = {"one_per_line": 36, "pdf_layout": 36}  # measured on this sample; see README "AKN corpus"

pytestmark = requires_akn


@cache
def outcomes() -> tuple[Outcome, ...]:
    return tuple(check(file) for file in spread(xml_files(AKN), SAMPLE))


def test_the_sample_spreads_over_every_body_and_session() -> None:
    folders = Counter(outcome.file.split("/")[-3] + "/" + outcome.file.split("/")[-2] for outcome in outcomes())
    assert len(outcomes()) == SAMPLE
    assert len(folders) == 13 and max(folders.values()) <= 4  # GA 75-80 and HRC 54-60


def test_every_english_file_of_the_sample_converts() -> None:
    failed = {outcome.file: outcome.xml for outcome in outcomes() if outcome.xml}
    assert all(kind.startswith("the document is in ") for kind in failed.values()), failed


def test_text_renderings_give_the_xml_structure() -> None:
    for form in FORMS:
        matching = [outcome.file for outcome in outcomes() if outcome.forms.get(form) == ""]
        assert len(matching) >= MATCHING_AT_LEAST[form], form
    # The XML of 54/27 leaves paragraph 5's number in its text; read from the number, it prints back as 5.
    slip = next(outcome for outcome in outcomes() if outcome.file.endswith("A_HRC_RES_54_27E.xml"))
    assert slip.forms == {"one_per_line": "", "pdf_layout": ""}
