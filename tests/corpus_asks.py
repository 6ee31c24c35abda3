"""Run the ask and figure analysers over every paragraph of every resolution in ../shared/akn/.

``python tests/corpus_asks.py`` (or ``make corpus-asks``) prints how many paragraphs each
analyser failed on (each failure is a warning, not a lost document) and how many rows it gave.
"""

from __future__ import annotations

import sys
from collections import Counter

import akn_text
from undocs.analyse.analysis import analyse
from undocs.publish.rows import figure_rows, recommendation_rows


def run(limit: int | None = None) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in akn_text.files()[:limit]:
        parsed = akn_text.read(path)
        counts["documents"] += 1
        counts["paragraphs"] += len(parsed.paragraphs)
        analysis = analyse(parsed)
        counts["asks"] += len(recommendation_rows(analysis))
        counts["figures"] += len(figure_rows(analysis))
        failures = [warning for warning in parsed.warnings if "could not be analysed" in warning]
        counts["failures"] += len(failures)
        counts["incomplete rows"] += sum("it is left out" in warning for warning in parsed.warnings) - len(failures)
        for warning in failures:
            print(warning, file=sys.stderr)
        akn_text.read.cache_clear()
    return counts


if __name__ == "__main__":
    print(dict(run()))
