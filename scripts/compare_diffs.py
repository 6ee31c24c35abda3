"""Which word diff reads best as a redline: runs of change and tokens marked, per library.

Runs on the modified pairs of A/RES/79/181 -> 80/220 and A/HRC/RES/55/21 -> 58/17 (from
../shared/akn). rapidfuzz and diff-match-patch are compared when installed
(``pip install rapidfuzz diff-match-patch``); the project itself needs neither.
"""

from __future__ import annotations

import importlib.util
import time

from undocs import paths
from undocs.compare import diff
from undocs.compare.align import align
from undocs.compare.tokens import Token
from undocs.parse.document import parse_file

AKN = paths.ROOT.parent / "shared" / "akn"
PAIRS = [
    ("GA/79/A_RES_79_181-2424223E.xml", "GA/80/A_RES_80_220-2520980E.xml"),
    ("HRC/55/A_HRC_RES_55_21E.xml", "HRC/58/A_HRC_RES_58_17E.xml"),
]


def as_characters(old: list[Token], new: list[Token]) -> tuple[str, str]:
    """Each distinct token as one character, so character diffs work on words."""
    codes: dict[str, int] = {}
    return tuple("".join(chr(0x100 + codes.setdefault(t.key, len(codes))) for t in side) for side in (old, new))


def with_difflib(old, new) -> list[int]:
    return [(i2 - i1) + (j2 - j1) for op, i1, i2, j1, j2 in diff.opcodes(old, new) if op != "equal"]


def with_rapidfuzz(metric):
    def runs(old, new) -> list[int]:
        codes = metric.opcodes(*as_characters(old, new))
        return [(o.src_end - o.src_start) + (o.dest_end - o.dest_start) for o in codes if o.tag != "equal"]

    return runs


def with_diff_match_patch(old, new) -> list[int]:
    from diff_match_patch import diff_match_patch

    matcher = diff_match_patch()
    diffs = matcher.diff_main(*as_characters(old, new), False)
    matcher.diff_cleanupSemantic(diffs)
    runs, previous = [], 0
    for op, text in diffs:
        if op and not previous:
            runs.append(0)
        if op:
            runs[-1] += len(text)
        previous = op
    return runs


def methods() -> dict:
    found = {"difflib.SequenceMatcher": with_difflib}
    if importlib.util.find_spec("rapidfuzz"):
        from rapidfuzz.distance import Indel, Levenshtein

        found |= {"rapidfuzz Indel": with_rapidfuzz(Indel), "rapidfuzz Levenshtein": with_rapidfuzz(Levenshtein)}
    if importlib.util.find_spec("diff_match_patch"):
        found["diff-match-patch semantic"] = with_diff_match_patch
    return found


def main() -> None:
    pairs = []
    for before, after in PAIRS:
        old, new = parse_file(AKN / before).paragraphs, parse_file(AKN / after).paragraphs
        for change in align(old, new):
            if change.change == "modified":
                pairs.append(
                    (
                        diff.tokenize(*[p.text for p in old if p.paragraph_id in change.previous_ids]),
                        diff.tokenize(*[p.text for p in new if p.paragraph_id in change.paragraph_ids]),
                    )
                )
    for name, runs_of in methods().items():
        start = time.perf_counter()
        runs = [run for old, new in pairs for run in runs_of(old, new)]
        print(
            f"{name}: {len(pairs)} pairs, {len(runs)} runs of change, {sum(runs)} tokens marked, "
            f"{1000 * (time.perf_counter() - start):.0f} ms"
        )


if __name__ == "__main__":
    main()
