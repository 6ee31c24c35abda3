"""One document through every stage: source in, everything about that document out.

``document(parse, item)`` reads and parses one source (``parse``: ``parse.document.parse_entry``
or ``parse_file``), analyses it (citations found once, links checked, treaties, asks, figures,
themes) and shapes the rows of every per-document table, with what the package builders pick
from it and its warnings (``models.Analysed``). It is pure: it reads only its source and the
package's own vocabularies and schemas, and changes nothing. The build maps it over the sources
in a pool of processes (``publish.batch``), and the cache stores its result; the package level
then only merges what spans documents, checks keys across rows and publishes.

>>> from undocs import paths
>>> from undocs.parse.document import parse_file
>>> result = document(parse_file, paths.ROOT / "data" / "sources" / "a-c-3-80-l-29_dprk-human-rights_draft-resolution.txt")
>>> result.unit.document_id, result.unit.keys["paragraphs"].rows, result.footnotes
('a-c-3-80-l-29-dprk-human-rights-draft-resolution', 90, 37)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from undocs.analyse.analysis import analyse
from undocs.models import Analysed, ParsedDocument
from undocs.publish import tables

Item = TypeVar("Item")


def document(parse: Callable[[Item], ParsedDocument], item: Item) -> Analysed:
    """Parse, analyse and shape the rows of one source."""
    return tables.analysed(analyse(parse(item)))
