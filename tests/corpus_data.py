"""The real UN resolutions in ``../shared/corpus/`` (beside the repository), parsed once per test run.

Tests that need them are skipped, with the reason, when the folder is absent; they are never
copied into the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from undocs.models import ParsedDocument
from undocs.parse.document import parse_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
UPR = CORPUS.parent / "upr"
DOCUMENTS = ("A_RES_73_3", "A_RES_73_6", "A_RES_73_7", "A_RES_73_8")
TEXT_EXTRACTIONS = ("pypdf", "pdfminer")

requires_corpus = pytest.mark.skipif(
    not all((CORPUS / f"{name}.pdf").is_file() for name in DOCUMENTS),
    reason=f"the corpus of UN resolutions is not at {CORPUS} (it lies beside the repository, in ../shared/corpus)",
)

requires_upr = pytest.mark.skipif(
    not (UPR / "README.md").is_file(),
    reason=f"the UPR reports are not at {UPR} (beside the repository, in ../shared/upr)",
)


@cache
def parsed(file_name: str) -> ParsedDocument:
    """``A_RES_73_6.pdf`` or ``A_RES_73_6.pypdf.txt``, parsed."""
    return parse_file(CORPUS / file_name)


def ids(document: ParsedDocument) -> list[str]:
    return [paragraph.paragraph_id for paragraph in document.paragraphs]


AKN = CORPUS.parent / "akn"
requires_akn = pytest.mark.skipif(
    not (AKN / "GA" / "metadata").is_dir(),
    reason=f"the AKN corpus of UN resolutions is not at {AKN} (it lies beside the repository, in ../shared/akn)",
)


@cache
def akn(file: Path) -> ParsedDocument:
    """A resolution of ../shared/akn read by the project's AKN reader (``read/akn.py``)."""
    return parse_file(file)
