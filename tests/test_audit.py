"""Completeness: every source line has one kind and one owner, and no word of the seed is lost."""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path

import pytest

from undocs.errors import SourceError
from undocs.models import LineKind, ParsedDocument
from undocs.parse import audit
from undocs.parse.document import parse_file
from undocs.read.sources import read_lines

WORD = re.compile(r"[^\W\d_]+")  # letters only: note markers and operative numbers are digits


def kinds(parsed: ParsedDocument) -> dict[str, int]:
    return dict(sorted(Counter(kind.value for kind in parsed.line_kinds.values()).items()))


def test_every_line_of_the_resolution_is_claimed_once(resolution: ParsedDocument) -> None:
    assert audit.problems(resolution, 1357) == []
    assert kinds(resolution) == {
        "blank": 660,
        "body": 597,
        "footnote": 42,
        "footnote_separator": 10,
        "link": 45,
        "metadata": 1,
        "page_header": 2,
    }


def test_every_line_of_the_statement_is_claimed_once(statement: ParsedDocument) -> None:
    assert audit.problems(statement, 13) == []
    assert kinds(statement) == {"body": 13}


def test_a_lost_paragraph_is_caught(resolution: ParsedDocument) -> None:
    broken = copy.deepcopy(resolution)
    broken.paragraphs = [p for p in broken.paragraphs if p.paragraph_id != "op5"]
    found = audit.problems(broken, 1357)
    assert found[0] == (808, "this paragraph-text line lies in no paragraph")
    with pytest.raises(SourceError, match=r"x\.txt:808: completeness audit: this paragraph-text line lies in no"):
        audit.check(broken, 1357, "x.txt")


def test_a_line_claimed_twice_is_caught(resolution: ParsedDocument) -> None:
    broken = copy.deepcopy(resolution)
    broken.paragraph("op4").line_end = 836  # now overlaps op5 (808-836)
    assert audit.problems(broken, 1357)[0] == (808, "this paragraph-text line lies in 2 paragraphs")


def test_an_unclassified_line_is_caught(resolution: ParsedDocument) -> None:
    broken = copy.deepcopy(resolution)
    del broken.line_kinds[1000]
    assert audit.problems(broken, 1357) == [(1000, "no stage claimed this line")]


def test_every_word_of_the_seed_is_in_exactly_one_row(resolution: ParsedDocument) -> None:
    source = Path(resolution.meta.source_path)
    lines = read_lines(Path(__file__).resolve().parents[1] / source)
    text_kinds = {LineKind.BODY, LineKind.FOOTNOTE}
    source_words = Counter(
        word for line in lines if resolution.line_kinds[line.number] in text_kinds for word in WORD.findall(line.text)
    )
    row_texts = [p.text for p in resolution.paragraphs] + [note.text for note in resolution.footnotes]
    # Subparagraph labels "(a)", "(iv)" are printed in the source and kept in the label column.
    row_texts += [p.label for p in resolution.paragraphs]
    row_words = Counter(word for text in row_texts for word in WORD.findall(text))
    assert sum(source_words.values()) == 6781
    assert row_words == source_words


def test_corpus_resolutions_pass_the_audit(corpus: Path) -> None:
    for name in ("A_RES_73_6", "A_RES_73_7", "A_RES_73_8"):
        for extractor in ("pdfminer", "pypdf"):
            path = corpus / f"{name}.{extractor}.txt"
            parsed = parse_file(path)  # parse_file runs the audit and raises on a gap
            assert audit.problems(parsed, len(read_lines(path))) == []
