"""OHCHR's thematic list of a review's recommendations (the Universal Human Rights Index export,
``.docx``): per recommendation its number, text (with the recommending States), position, and the
Index's themes, the persons it affects and the Sustainable Development Goals, as the list's third
column gives them (themes first, then the headings "SDGs:" and "Affected persons:" and their lines).

Read with the standard library (the ``.docx`` is a zip of WordprocessingML): each table row
whose first cell opens with a number ``115.1`` is a recommendation.

>>> _number("115.3 Ratify the Optional Protocol (Portugal, Slovakia);")
'115.3'
>>> _sections(["- Right to health", "SDGs: ", "- 3 - GOOD HEALTH AND WELL-BEING", "Affected persons: ", "- women"])
{'': ('Right to health',), 'SDGs': ('3 - GOOD HEALTH AND WELL-BEING',), 'Affected persons': ('women',)}
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBER = re.compile(r"^\s*(?P<number>\d{1,3}\.\d{1,3})\s")
SOURCE = re.compile(r"^\s*Source of position:", re.IGNORECASE)


@dataclass(frozen=True)
class Listed:
    """A recommendation as the thematic list gives it."""

    number: str
    text: str
    position: str
    themes: tuple[str, ...]
    affected_persons: tuple[str, ...] = ()
    sdgs: tuple[str, ...] = ()


def _number(text: str) -> str:
    match = NUMBER.match(text)
    return match.group("number") if match else ""


def _sections(lines: list[str]) -> dict[str, tuple[str, ...]]:
    """The lines of the themes' column under each heading ("SDGs:"); the themes under none ('')."""
    sections: dict[str, list[str]] = {"": []}
    heading = ""
    for line in lines:
        if line.strip().endswith(":"):
            heading = line.strip().removesuffix(":").strip()
            sections.setdefault(heading, [])
        elif line.strip(" -"):
            sections[heading].append(line.strip(" -"))
    return {heading: tuple(found) for heading, found in sections.items()}


def _cell_lines(cell: ElementTree.Element) -> list[str]:
    return ["".join(node.text or "" for node in paragraph.iter(f"{WORD}t")) for paragraph in cell.iter(f"{WORD}p")]


def read_thematic_list(path: Path) -> dict[str, Listed]:
    """The recommendations of the list by number (each listed once, under its first theme)."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    listed: dict[str, Listed] = {}
    for row in root.iter(f"{WORD}tr"):
        cells = [_cell_lines(cell) for cell in row.findall(f"{WORD}tc")]
        if len(cells) < 3 or not cells[0] or not _number(cells[0][0]):
            continue
        text = " ".join(line for line in cells[0] if not SOURCE.match(line)).strip()
        number = _number(text)
        sections = _sections(cells[2])
        listed[number] = Listed(
            number,
            text[len(number) :].strip(),
            " ".join(cells[1]).strip(),
            sections[""],
            sections.get("Affected persons", ()),
            sections.get("SDGs", ()),
        )
    return listed
