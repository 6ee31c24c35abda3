"""A stand-in AKN reader for the ask tests: the paragraphs of a UN resolution's Akoma Ntoso XML.

Only until the project's own reader (``undocs.read.akn``) lands. Ids follow the gold's scheme:
``pp1``.. for the preamble's ``<container>``s, ``op3`` for the operative paragraph numbered 3,
``op2.a`` and ``op2.a.v`` for its points; a chapeau (``<intro>``) keeps its paragraph's id.
Annexes (declarations, programmes of action) give ``annex1.p3`` for their numbered paragraphs.
Footnotes are left out of the text; ``line_start`` is the element's place in reading order.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from undocs.models import DocumentMeta, Paragraph, ParsedDocument

AKN = Path(__file__).resolve().parents[1].parent / "shared" / "akn"
NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
SKIP = {f"{NS}authorialNote", f"{NS}num"}


def _text(element: ET.Element) -> str:
    """The element's words without footnotes or its number, spaces collapsed."""

    def walk(node: ET.Element) -> Iterator[str]:
        if node.tag in SKIP:
            yield node.tail or ""
            return
        yield node.text or ""
        for child in node:
            yield from walk(child)
        yield node.tail or ""

    words = (element.text or "") + "".join(part for child in element for part in walk(child))
    return " ".join(words.split())


def _label(element: ET.Element) -> str:
    number = element.find(f"{NS}num")
    return re.sub(r"[^\w]", "", number.text or "").lower() if number is not None else ""


class _Builder:
    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []

    def add(self, paragraph_id: str, parent_id: str, section: str, label: str, text: str) -> None:
        if not text:
            return
        depth = paragraph_id.count(".")
        position = len(self.paragraphs) + 1
        self.paragraphs.append(
            Paragraph(paragraph_id, parent_id, section, label, position, depth, "", text, position, position)
        )

    def block(self, element: ET.Element, paragraph_id: str, parent_id: str, section: str) -> None:
        """A paragraph or point: its intro or content, then its points as children."""
        label = _label(element)
        lists = element.findall(f"{NS}list")
        if not lists:
            self.add(paragraph_id, parent_id, section, label, _text(element))
            return
        for part in lists:
            intro = part.find(f"{NS}intro")
            if intro is not None:
                self.add(paragraph_id, parent_id, section, label, _text(intro))
            self.points(part, paragraph_id, section)

    def points(self, part: ET.Element, parent_id: str, section: str) -> None:
        """A list's points; a ``<sublist>`` beside a point holds that point's own points."""
        previous = parent_id
        for child in part:
            if child.tag == f"{NS}point":
                previous = f"{parent_id}.{_label(child)}"
                self.block(child, previous, parent_id, section)
            elif child.tag == f"{NS}sublist":
                self.points(child, previous, section)


def _title(root: ET.Element) -> str:
    titles = root.findall(f".//{NS}docTitle")
    title = next((t for t in titles if t.get("refersTo") == "#resolutionTitle"), titles[0] if titles else None)
    return " ".join("".join(title.itertext()).split()) if title is not None else ""


@cache
def read(path: Path) -> ParsedDocument:
    """The resolution at ``path`` as a parsed document whose ``source_path`` is the file's name."""
    root = ET.parse(path).getroot()
    builder = _Builder()
    preamble = root.find(f".//{NS}preamble")
    containers = preamble.findall(f"{NS}container") if preamble is not None else []
    for number, container in enumerate(containers, start=1):
        builder.add(f"pp{number}", "", "preamble", "", _text(container))
    body = root.find(f".//{NS}mainBody")
    for paragraph in body.findall(f"{NS}paragraph") if body is not None else []:
        builder.block(paragraph, f"op{_label(paragraph)}", "", "operative")
    for number, annex in enumerate(root.iter(f"{NS}attachment"), start=1):
        for paragraph in annex.iter(f"{NS}paragraph"):
            if _label(paragraph).isalnum():
                builder.block(paragraph, f"annex{number}.p{_label(paragraph)}", "", "annex")
    symbol = path.name.split("-")[0].removesuffix("E.xml").replace("_", "/")
    meta = DocumentMeta(path.stem.lower(), path.name, "", "resolution", title=_title(root), symbol=symbol)
    return ParsedDocument(meta, builder.paragraphs, [])


def files() -> list[Path]:
    return sorted(AKN.glob("*/[0-9]*/*.xml"))
