"""Print an Akoma Ntoso resolution (``../shared/akn/``) as the text a UN PDF's extraction gives.

The benchmark's input until the AKN reader lands: the XML is read with the standard library's
ElementTree (preamble ``<container>``s, operative ``<paragraph>``s with ``<num>``, ``<point>``s
in ``<list>``s with an ``<intro>``, ``<authorialNote marker="N">`` inline where its marker
stands) and printed by ``parse.render.pdf_layout``: wrapped lines, first lines indented, note
markers fused to the word before them, notes under a separator at the foot of the pages, page
heads with the symbol. Annexes are left out.

    python scripts/akn_text.py ../shared/akn/GA/80/A_RES_80_10-2519432E.xml
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from undocs.parse import render

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
WIDTH = 90  # characters per printed line, about a UN PDF's
PAGE_LINES = 48  # body lines per page


def squeeze(text: str) -> str:
    return " ".join(text.split())


def _name(element: ElementTree.Element) -> str:
    return element.tag.removeprefix(AKN)


def _inline(element: ElementTree.Element, notes: list[tuple[str, str]]) -> str:
    """An element's text, each note's marker fused where it stands and the note kept in ``notes``."""
    text = element.text or ""
    for child in element:
        if _name(child) == "authorialNote":
            marker = child.get("marker", "")
            notes.append((marker, _blocks(child, [])))
            text = text.rstrip() + marker
        elif _name(child) != "num":
            text += _inline(child, notes)
        text += child.tail or ""
    return text


def _blocks(element: ElementTree.Element, notes: list[tuple[str, str]]) -> str:
    """The text of an element's own paragraphs (``<p>`` children; a note's are the note's)."""
    return squeeze(" ".join(_inline(p, notes) for p in element.findall(f"{AKN}p")))


def _points(container: ElementTree.Element, notes: list, out: list[tuple[str, str]]) -> None:
    """A paragraph or point: its number and text (or intro), then its points, in reading order."""
    label = squeeze("".join(container.find(f"{AKN}num").itertext())) if container.find(f"{AKN}num") is not None else ""
    intro = container.find(f"{AKN}list/{AKN}intro")
    content = container.find(f"{AKN}content")
    source = content if content is not None else intro
    out.append((label, _blocks(source, notes) if source is not None else ""))
    for item in container.findall(f"{AKN}list/{AKN}point"):
        _points(item, notes, out)


def printed(path: Path) -> tuple[str, render.Printed]:
    """The resolution's symbol and what it prints."""
    root = ElementTree.parse(path).getroot()
    cover = next(root.iter(f"{AKN}coverPage"))
    symbol = squeeze("".join(next(cover.iter(f"{AKN}docNumber")).itertext()))
    front = [f"United Nations {symbol}"]
    front += [squeeze("".join(p.itertext())) for p in cover.iter(f"{AKN}p") if "".join(p.itertext()).strip()][2:]
    preface = next(root.iter(f"{AKN}preface"), None)
    if preface is not None:
        front.append(squeeze(" ".join("".join(p.itertext()) for p in preface.iter(f"{AKN}p"))))
    preamble = next(root.iter(f"{AKN}preamble"))
    notes: list[tuple[str, str]] = []
    formula = preamble.find(f"{AKN}formula")
    chapeau = _blocks(formula, notes) if formula is not None else "The General Assembly,"
    paragraphs = [("", _blocks(container, notes)) for container in preamble.findall(f"{AKN}container")]
    for paragraph in next(root.iter(f"{AKN}mainBody")).findall(f"{AKN}paragraph"):
        _points(paragraph, notes, paragraphs)
    return symbol, render.Printed(front, chapeau, [p for p in paragraphs if p[1]], notes)


def text(path: Path) -> str:
    symbol, content = printed(path)
    lines = sum(len(body) // WIDTH + 1 for _, body in content.paragraphs)
    breaks = set(range(PAGE_LINES, lines, PAGE_LINES))
    return render.pdf_layout(content, WIDTH, breaks, symbol) + "\n"


if __name__ == "__main__":
    sys.stdout.write(text(Path(sys.argv[1])))
