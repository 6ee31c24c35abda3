"""One bad sentence never costs the whole document: an analyser's failure on a paragraph becomes
a warning with the file and line, and the rest of the document is analysed and published. The
warning goes to the analysis's own list; the parsed document is not changed.

>>> from undocs.models import DocumentMeta
>>> parsed = ParsedDocument(DocumentMeta("d", "d.txt", "", "resolution"), [Paragraph("op1", "", "operative", "1.", 1, 1, "", "Urges", 7, 8)], [])
>>> warnings = []
>>> [found for _, found in each_paragraph(parsed, "asks", lambda paragraph: 1 / 0, warnings)], parsed.warnings
([], [])
>>> warnings
['d.txt:7: asks: paragraph op1 could not be analysed (ZeroDivisionError: division by zero); its asks are left out']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from undocs.models import Paragraph, ParsedDocument

Found = TypeVar("Found")


def each_paragraph(
    parsed: ParsedDocument, stage: str, analyse: Callable[[Paragraph], Found], warnings: list[str]
) -> Iterator[tuple[Paragraph, Found]]:
    """``analyse`` of each paragraph; a paragraph it fails on is left out, with a warning added to ``warnings``."""
    for paragraph in parsed.paragraphs:
        try:
            found = analyse(paragraph)
        except Exception as error:
            warnings.append(
                f"{parsed.meta.source_path}:{paragraph.line_start}: {stage}: paragraph {paragraph.paragraph_id} "
                f"could not be analysed ({type(error).__name__}: {error}); its {stage} are left out"
            )
            continue
        yield paragraph, found
