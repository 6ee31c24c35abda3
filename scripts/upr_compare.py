"""Compare a package's UPR recommendations with OHCHR's thematic list of the same review.

    .venv/bin/python scripts/upr_compare.py PACKAGE_DIR REVIEW_ID THEMATIC_LIST.docx

prints how many of the list's numbers the package has, how many have the list's position and
its recommending States (the list's own text split by the same rule; as printed, and by ISO code),
and each miss with its cause.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

from undocs.analyse.upr import split_recommendation
from undocs.read.states import iso3
from undocs.read.thematic_list import read_thematic_list


@dataclass
class Comparison:
    listed: int = 0
    found: int = 0
    same_position: int = 0
    same_states: int = 0
    same_state_codes: int = 0
    misses: list[str] = field(default_factory=list)


def _rows(package: Path, table: str) -> list[dict[str, str]]:
    with (package / "data" / f"{table}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def compare(package: Path, review_id: str, thematic_list: Path) -> Comparison:
    recommendations = [row for row in _rows(package, "upr_recommendations") if row["review_id"] == review_id]
    states: dict[str, list[str]] = {}
    for row in _rows(package, "upr_recommending_states"):
        states.setdefault(row["recommendation_key"], []).append(row["state"])
    by_number: dict[str, list[dict[str, str]]] = {}
    for row in recommendations:
        by_number.setdefault(row["recommendation_number"], []).append(row)
    result = Comparison()
    for number, listed in sorted(read_thematic_list(thematic_list).items()):
        result.listed += 1
        rows = by_number.get(number)
        if not rows:
            result.misses.append(f"{number}: not found in the package")
            continue
        result.found += 1
        responses = {row["response"] for row in rows}
        if responses == {listed.position.lower()}:
            result.same_position += 1
        else:
            result.misses.append(f"{number}: position {sorted(responses)} but the list says {listed.position}")
        ours = [state for row in rows for state in states.get(row["recommendation_key"], [])]
        theirs = [state for _, names in split_recommendation(listed.text) for state in names]
        result.same_state_codes += [iso3(s) for s in ours] == [iso3(s) for s in theirs]
        if ours == theirs:
            result.same_states += 1
        else:
            result.misses.append(f"{number}: States {ours} but the list gives {theirs}")
    return result


def main(argv: list[str]) -> int:
    package, review_id, thematic_list = Path(argv[0]), argv[1], Path(argv[2])
    result = compare(package, review_id, thematic_list)
    print(
        f"{review_id}: {result.found}/{result.listed} numbers found; "
        f"position as the list {result.same_position}/{result.listed}; States as the list {result.same_states}/{result.listed} "
        f"(by ISO code {result.same_state_codes}/{result.listed})"
    )
    for miss in result.misses:
        print(f"  {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
