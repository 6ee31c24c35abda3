"""The redline page: one self-contained HTML file that shows what changed between two versions.

A summary (changes counted by kind), then every change in the new text's order: the paragraph
ids and printed numbers on both sides, the old text with its deletions struck through and the
new text with its insertions underlined, side by side on a wide screen and one above the other
on a phone or on paper. No script, font or image is fetched: the page reads offline, as printed.
Each new paragraph can be linked as ``#op2.a``, each old one as ``#old-op2.a``.

>>> from undocs.models import DiffPiece, Paragraph, ParagraphChange
>>> old = [Paragraph("op1", "", "operative", "1.", 1, 1, "", "Urges the State to act;", 1, 1)]
>>> new = [Paragraph("op1", "", "operative", "1.", 1, 1, "", "Urges the State to act now;", 1, 1)]
>>> pieces = (DiffPiece("equal", "Urges the State to act", "Urges the State to act"), DiffPiece("insert", "", " now"), DiffPiece("equal", ";", ";"))
>>> page = redline(Version("A/RES/1", "Old"), Version("A/RES/2", "New"), old, new, [ParagraphChange("modified", ("op1",), ("op1",), 0.9, (pieces,))])
>>> '<td data-kind="modified">1</td>' in page, page.split("<main>")[1].count("<ins>"), '<p id="op1"' in page
(True, 1, True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from undocs.models import CHANGE_KINDS, DiffPiece, Paragraph, ParagraphChange

STYLE = """
:root { color-scheme: light; --del: #a40000; --ins: #005a00; --rule: #ccc; }
body { font: 1rem/1.5 Georgia, "Times New Roman", serif; margin: 0 auto; max-width: 72rem; padding: 0 1rem 3rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1rem; margin: 0 0 .3rem; }
table.summary { border-collapse: collapse; margin: .5rem 0 1rem; }
table.summary th, table.summary td { border: 1px solid var(--rule); padding: .2rem .6rem; text-align: right; }
table.summary th { text-align: left; font-weight: normal; }
section.change { border-top: 1px solid var(--rule); padding: .6rem 0; break-inside: avoid; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.sides.one { grid-template-columns: 1fr; }
.sides p { margin: 0 0 .4rem; }
.side-name { font: .75rem sans-serif; color: #555; text-transform: uppercase; letter-spacing: .05em; }
.label { font-weight: bold; margin-right: .3rem; }
.id { font: .8rem monospace; color: #555; margin-right: .4rem; }
.kind { font: .8rem sans-serif; padding: 0 .4rem; border: 1px solid var(--rule); border-radius: .3rem; }
.kind.unchanged, .kind.typography { color: #555; }
.kind.added, .kind.removed, .kind.moved, .kind.split, .kind.merged, .kind.modified { font-weight: bold; }
del { color: var(--del); text-decoration: line-through; background: #fde8e8; }
ins { color: var(--ins); text-decoration: underline; background: #e6f4e6; }
a { color: inherit; }
@media (max-width: 40rem) { .sides { grid-template-columns: 1fr; gap: .3rem; } }
@media print { body { max-width: none; } del, ins { background: none; } a { text-decoration: none; } }
"""


@dataclass(frozen=True)
class Version:
    """How the page names one side: its symbol (or id) and title."""

    name: str
    title: str = ""


def _marked(text: str, tag: str) -> str:
    """``text`` escaped inside ``tag``, the spaces before it kept outside."""
    body = text.lstrip()
    return f"{escape(text[: len(text) - len(body)])}<{tag}>{escape(body)}</{tag}>" if body else ""


def _side(pieces: Sequence[DiffPiece], side: str) -> str:
    """One side's text, with the words only it has struck through (old) or underlined (new)."""
    out = []
    for piece in pieces:
        text = piece.old if side == "old" else piece.new
        if piece.op == "equal":
            out.append(escape(text))
        elif text:
            out.append(_marked(text, "del" if side == "old" else "ins"))
    return "".join(out).strip()


def _paragraph(paragraph: Paragraph, body: str, anchor: str) -> str:
    label = f'<span class="label">{escape(paragraph.label)}</span>' if paragraph.label else ""
    return (
        f'<p id="{escape(anchor)}"><a class="id" href="#{escape(anchor)}">{escape(paragraph.paragraph_id)}</a>'
        f"{label}{body}</p>"
    )


def _column(name: str, paragraphs: list[Paragraph], bodies: list[str], prefix: str) -> str:
    inner = "".join(_paragraph(p, body, prefix + p.paragraph_id) for p, body in zip(paragraphs, bodies, strict=True))
    return f'<div class="{name}"><div class="side-name">{name}</div>{inner}</div>'


def _bodies(parts: Sequence[Sequence[DiffPiece]], side: str, count: int) -> list[str]:
    """One text per paragraph of a side: a part each when it has several, else all parts run together."""
    texts = [_side(part, side) for part in parts]
    return texts if count > 1 else [" ".join(text for text in texts if text)]


def _section(change: ParagraphChange, old: dict[str, Paragraph], new: dict[str, Paragraph]) -> str:
    before = [old[paragraph_id] for paragraph_id in change.previous_ids]
    after = [new[paragraph_id] for paragraph_id in change.paragraph_ids]
    old_bodies, new_bodies = _bodies(change.parts, "old", len(before)), _bodies(change.parts, "new", len(after))
    was = ", ".join(change.previous_ids) or "—"
    now = ", ".join(change.paragraph_ids) or "—"
    similarity = f" {change.similarity:.2f}" if before and after else ""
    heading = (
        f'<h2>{escape(was)} → {escape(now)} <span class="kind {change.change}">{change.change}{similarity}</span></h2>'
    )
    if change.change in {"unchanged", "typography"}:
        sides = f'<div class="sides one">{_column("new", after, new_bodies, "")}</div>'
    else:
        columns = [_column("old", before, old_bodies, "old-")] if before else []
        columns += [_column("new", after, new_bodies, "")] if after else []
        sides = f'<div class="sides{"" if len(columns) > 1 else " one"}">{"".join(columns)}</div>'
    return f'<section class="change {change.change}">{heading}{sides}</section>'


def summary(changes: Sequence[ParagraphChange]) -> dict[str, int]:
    """Changes counted by kind, every kind listed."""
    counted = Counter(change.change for change in changes)
    return {kind: counted[kind] for kind in CHANGE_KINDS}


def redline(
    old_version: Version,
    new_version: Version,
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    changes: Sequence[ParagraphChange],
) -> str:
    """The page's HTML."""
    by_id = ({p.paragraph_id: p for p in old}, {p.paragraph_id: p for p in new})
    rows = "".join(
        f'<tr><th>{kind}</th><td data-kind="{kind}">{count}</td></tr>' for kind, count in summary(changes).items()
    )
    title = f"What changed: {old_version.name} → {new_version.name}"
    names = "".join(
        f'<p><span class="side-name">{side}</span> {escape(version.name)}{": " + escape(version.title) if version.title else ""}'
        f" ({count} paragraphs)</p>"
        for side, version, count in (("old", old_version, len(old)), ("new", new_version, len(new)))
    )
    sections = "\n".join(_section(change, *by_id) for change in changes)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n"
        f"<h1>{escape(title)}</h1>\n{names}\n"
        f'<table class="summary" id="summary"><caption>Changes by kind</caption>{rows}</table>\n'
        "<p>Words struck through (<del>like this</del>) are only in the old text; words underlined "
        "(<ins>like this</ins>) only in the new. <em>typography</em>: the texts differ only in hyphens, "
        "quotes, spacing or where a note marker stands.</p>\n</header>\n"
        f"<main>\n{sections}\n</main>\n</body>\n</html>\n"
    )
