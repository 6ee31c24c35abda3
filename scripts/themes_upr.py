"""Compare the themes a package gives a review's UPR recommendations with OHCHR's thematic list.

    .venv/bin/python scripts/themes_upr.py PACKAGE_DIR REVIEW_ID THEMATIC_LIST.docx [--misses]

Per recommendation number, the set of themes OHCHR's list gives (its Universal Human Rights Index
themes, not its affected persons or SDGs) against the set `paragraph_themes` gives the
recommendation's paragraph. A list's theme is one of ours by its label ("Right to education") or,
in the older lists, by the Index code it prints ("E51 Right to education - General" -> E51, the
theme whose `uhri` holds E51). Counted over (recommendation, theme) pairs, on the themes the list
uses (a theme the list never gives, such as Members of minorities in cycle 3 where minorities are
affected persons, is outside its taxonomy); precision over all our tags is printed beside it.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from undocs import vocab
from undocs.read.thematic_list import read_thematic_list

CODE = re.compile(r"^(?P<code>[A-H]\d{1,2})\s+")


@dataclass
class Comparison:
    recommendations: int = 0
    theirs: int = 0  # (recommendation, theme) pairs of the list that map to a theme of ours
    ours: int = 0  # our pairs on the themes the list uses
    ours_all: int = 0  # all our pairs
    both: int = 0
    unmapped: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.both / self.ours if self.ours else 0.0

    @property
    def recall(self) -> float:
        return self.both / self.theirs if self.theirs else 0.0


def _key(label: str) -> str:
    return re.sub(r"\W+", " ", label.replace("&", " and ").lower()).strip()


def theme_of() -> tuple[dict[str, str], dict[str, str]]:
    """Our theme ids by label (normalised) and by Index code."""
    by_label: dict[str, str] = {}
    by_code: dict[str, str] = {}
    for theme in vocab.load("themes")["themes"]:
        by_label[_key(theme["label"])] = theme["id"]
        for code in filter(None, re.split(r"[,\s]+", theme["uhri"])):
            by_code[code] = theme["id"]
    return by_label, by_code


def map_label(label: str, by_label: dict[str, str], by_code: dict[str, str]) -> str | None:
    coded = CODE.match(label)
    if coded:
        return by_code.get(coded.group("code"))
    return by_label.get(_key(label))


def _rows(package: Path, table: str) -> list[dict[str, str]]:
    with (package / "data" / f"{table}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def compare(package: Path, review_id: str, thematic_list: Path) -> Comparison:
    tags: dict[str, set[str]] = {}
    for row in _rows(package, "paragraph_themes"):
        tags.setdefault(f"{row['document_id']}:{row['paragraph_id']}", set()).add(row["theme_id"])
    ours: dict[str, set[str]] = {}
    for row in _rows(package, "upr_recommendations"):
        if row["review_id"] == review_id:
            ours.setdefault(row["recommendation_number"], set()).update(tags.get(row["paragraph_key"], set()))
    by_label, by_code = theme_of()
    listed = read_thematic_list(thematic_list)
    theirs: dict[str, set[str]] = {}
    result = Comparison()
    for number, recommendation in listed.items():
        theirs[number] = set()
        for label in recommendation.themes:
            theme = map_label(label, by_label, by_code)
            if theme is None:
                result.unmapped[label] += 1
            else:
                theirs[number].add(theme)
    taxonomy = set().union(*theirs.values())
    for number, their_themes in sorted(theirs.items()):
        our_themes = ours.get(number, set())
        result.recommendations += 1
        result.theirs += len(their_themes)
        result.ours += len(our_themes & taxonomy)
        result.ours_all += len(our_themes)
        result.both += len(our_themes & their_themes)
        result.missed.update(their_themes - our_themes)
        result.extra.update((our_themes & taxonomy) - their_themes)
    return result


def summary(review_id: str, result: Comparison) -> str:
    return (
        f"{review_id}: {result.recommendations} recommendations; precision {result.precision:.2f} "
        f"({result.both}/{result.ours}), recall {result.recall:.2f} ({result.both}/{result.theirs}) on the list's themes; "
        f"precision over all our tags {result.both / max(result.ours_all, 1):.2f} ({result.both}/{result.ours_all}); "
        f"list labels with no theme of ours: {sum(result.unmapped.values())}"
    )


def main(argv: list[str]) -> int:
    result = compare(Path(argv[0]), argv[1], Path(argv[2]))
    print(summary(argv[1], result))
    if "--misses" in argv:
        for title, counter in (("unmapped", result.unmapped), ("missed", result.missed), ("extra", result.extra)):
            print(f"  {title}: " + ", ".join(f"{name} {count}" for name, count in counter.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
