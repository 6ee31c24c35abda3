"""Themes: the hand-read sample of tags on five resolutions (tests/data/themes_sample.csv), the
rules' context, and OHCHR's Universal Human Rights Index as the codelist."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from undocs import vocab
from undocs.analyse.themes import tag_text

SAMPLE = Path(__file__).parent / "data" / "themes_sample.csv"


def sample() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_hand_read_sample_is_50_tags_of_5_resolutions_at_least_90_percent_right() -> None:
    rows = sample()
    assert len(rows) == 50 and len({row["symbol"] for row in rows}) == 5
    assert {row["judgement"] for row in rows} <= {"right", "wrong"}
    right = sum(row["judgement"] == "right" for row in rows)
    assert right / len(rows) >= 0.90, f"precision {right}/{len(rows)}"


def test_the_sample_is_what_the_rules_give_today() -> None:
    # A sample row no longer given, or given by other words or another rule, means it must be read again.
    drifted = []
    for row in sample():
        given = {tag.theme_id: (tag.rule_id, tag.matched) for tag in tag_text(row["text"])}
        if given.get(row["theme_id"]) != (row["rule_id"], row["matched"]):
            drifted.append((row["symbol"], row["paragraph_id"], row["theme_id"], given.get(row["theme_id"])))
    assert drifted == []


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("strengthen case-based electronic surveillance of tuberculosis", set(), {"right_to_privacy"}),
        ("end the surveillance of journalists and human rights defenders", {"right_to_privacy"}, set()),
        ("protect health-care workers and patients from attacks", {"right_to_health"}, {"right_to_work"}),
        ("protect the rights of migrant workers", {"right_to_work", "migrants"}, set()),
        ("strengthen human rights education for the police", {"human_rights_education"}, {"right_to_education"}),
        ("ensure access to education for Roma children", {"right_to_education", "roma", "children"}, set()),
    ],
)
def test_a_rule_looks_at_the_words_around_it(text: str, present: set[str], absent: set[str]) -> None:
    themes = {tag.theme_id for tag in tag_text(text)}
    assert present <= themes and not absent & themes


def test_the_codelist_is_the_index_with_its_codes_once_each() -> None:
    themes = vocab.load("themes")["themes"]
    labels = {theme["label"] for theme in themes}
    assert {
        "Acceptance of international norms",
        "Equality & non-discrimination",
        "Right to education",
        "Death penalty",
    } <= labels
    codes = [code for theme in themes for code in theme["uhri"].replace(",", " ").split()]
    assert len(codes) == len(set(codes)) and "A12" in codes and "E51" in codes
