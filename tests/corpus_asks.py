"""Run the ask and figure analysers over every paragraph of every resolution in ../shared/akn/.

``python tests/corpus_asks.py`` (or ``make corpus-asks``) prints how many paragraphs each
analyser failed on (each failure is a warning, not a lost document) and how many rows it gave.
Each file is read by the project's AKN reader; a file it refuses (another language) is counted.
"""

from __future__ import annotations

import sys
from collections import Counter

from corpus_data import AKN
from undocs.analyse.analysis import analyse
from undocs.errors import SourceError
from undocs.parse.document import parse_file
from undocs.parse.roundtrip import xml_files
from undocs.publish.rows import figure_rows
from undocs.publish.tables import analysed


def run(limit: int | None = None) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in xml_files(AKN)[:limit]:
        try:
            parsed = parse_file(path)
        except SourceError as error:
            counts["refused"] += 1
            print(error, file=sys.stderr)
            continue
        counts["documents"] += 1
        counts["paragraphs"] += len(parsed.paragraphs)
        analysis = analyse(parsed)
        result = analysed(analysis)
        counts["asks"] += result.unit.keys["recommendations"].rows
        counts["figures"] += len(figure_rows(analysis))
        failures = [warning for warning in result.warnings if "could not be analysed" in warning]
        counts["failures"] += len(failures)
        counts["incomplete rows"] += sum("it is left out" in warning for warning in result.warnings) - len(failures)
        for warning in failures:
            print(warning, file=sys.stderr)
    return counts


if __name__ == "__main__":
    print(dict(run()))
