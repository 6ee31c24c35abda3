"""Asks read against the hand-made gold of ../shared/gold/asks/: precision and recall per document.

A gold row and a built row agree on (paragraph, addressee kind); each side is counted as a
multiset, so a paragraph that asks all States twice (two verbs) must give two rows.
``python tests/gold_asks.py`` prints the numbers.
"""

from __future__ import annotations

import csv
from collections import Counter

from corpus_data import AKN, akn
from undocs.analyse.analysis import analyse
from undocs.publish.rows import recommendation_rows

GOLD = AKN.parent / "gold" / "asks"
# The gold's documents and their official XML, as its README lists them.
DOCUMENTS = {
    "A_HRC_RES_55_21": "HRC/55/A_HRC_RES_55_21E.xml",
    "A_RES_76_177": "GA/76/A_RES_76_177-2119213E.xml",
    "A_RES_80_10": "GA/80/A_RES_80_10-2519432E.xml",
    "A_RES_80_24": "GA/80/A_RES_80_24-2519815E.xml",
}
Pair = tuple[str, str]


def gold_pairs(name: str) -> Counter[Pair]:
    with (GOLD / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return Counter((row["paragraph_id"], row["addressee_kind"]) for row in csv.DictReader(handle))


def built_pairs(name: str) -> Counter[Pair]:
    rows = recommendation_rows(analyse(akn(AKN / DOCUMENTS[name])))
    return Counter((str(row["paragraph_id"]), str(row["addressee_id"])) for row in rows)


def score(name: str) -> tuple[float, float, Counter[Pair], Counter[Pair]]:
    """Precision, recall, the built pairs the gold lacks and the gold pairs not built."""
    gold, built = gold_pairs(name), built_pairs(name)
    agreed = sum((gold & built).values())
    return agreed / max(sum(built.values()), 1), agreed / max(sum(gold.values()), 1), built - gold, gold - built


def available() -> bool:
    return all((AKN / path).is_file() for path in DOCUMENTS.values()) and GOLD.is_dir()


if __name__ == "__main__":
    for document in DOCUMENTS:
        precision, recall, extra, missed = score(document)
        print(f"{document}: precision {precision:.3f} recall {recall:.3f}")
        for label, pairs in (("  extra ", extra), ("  missed", missed)):
            for pair, count in sorted(pairs.items()):
                print(label, pair, count)
