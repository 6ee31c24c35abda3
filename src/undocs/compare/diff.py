"""Word-level diff of two texts with the standard library's ``difflib.SequenceMatcher``.

SequenceMatcher (Ratcliff/Obershelp) pairs the longest runs of words first, so a redline shows
whole phrases replaced rather than a minimal edit that keeps every stray "the" and "of"
(see the README, "Comparing versions"). Its "junk" heuristic is off: in a paragraph of more
than 200 words it would ignore the commonest words and misalign the rest.

>>> old, new = tokenize("Expresses its very serious concern"), tokenize("Expresses its grave concern, also")
>>> [(piece.op, piece.old, piece.new) for piece in pieces(old, new, opcodes(old, new))]
[('equal', 'Expresses its', 'Expresses its'), ('replace', ' very serious', ' grave'), ('equal', ' concern', ' concern'), ('insert', '', ', also')]
>>> round(similarity(old, new), 2), inline(pieces(old, new, opcodes(old, new)))
(0.55, 'Expresses its [-very serious-] {+grave+} concern{+, also+}')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher

from undocs.compare.tokens import Token, tokenize
from undocs.models import DiffPiece

Opcode = tuple[str, int, int, int, int]
MIRROR = {"insert": "delete", "delete": "insert", "equal": "equal", "replace": "replace"}


def _matcher(old: list[Token], new: list[Token]) -> SequenceMatcher:
    return SequenceMatcher(None, [token.key for token in old], [token.key for token in new], autojunk=False)


def opcodes(old: list[Token], new: list[Token]) -> list[Opcode]:
    return _matcher(old, new).get_opcodes()


def similarity(old: list[Token], new: list[Token]) -> float:
    """Share of tokens in common, 0 to 1: twice the matched tokens over both texts' tokens."""
    if not old and not new:
        return 1.0
    return _matcher(old, new).ratio()


def maybe_similar(old: list[Token], new: list[Token], threshold: float) -> bool:
    """False only when the two cannot reach ``threshold`` (a cheap bound before ``similarity``)."""
    matcher = _matcher(old, new)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold


def _text(tokens: list[Token], start: int, end: int) -> str:
    return "".join(token.text for token in tokens[start:end])


def pieces(old: list[Token], new: list[Token], codes: list[Opcode]) -> tuple[DiffPiece, ...]:
    return tuple(DiffPiece(op, _text(old, i1, i2), _text(new, j1, j2)) for op, i1, i2, j1, j2 in codes)


def counts(parts: tuple[DiffPiece, ...]) -> tuple[int, int]:
    """Words added and words removed (punctuation is diffed but not counted)."""
    added = sum(token.is_word for piece in parts if piece.op in {"insert", "replace"} for token in tokenize(piece.new))
    removed = sum(
        token.is_word for piece in parts if piece.op in {"delete", "replace"} for token in tokenize(piece.old)
    )
    return added, removed


def _marked(text: str, opening: str, closing: str) -> str:
    """``text`` between markers, the spaces before it kept outside."""
    body = text.lstrip()
    return f"{text[: len(text) - len(body)]}{opening}{body}{closing}" if body else ""


def inline(parts: tuple[DiffPiece, ...]) -> str:
    """The diff as one text, as ``git diff --word-diff=plain`` writes it: [-removed-] {+added+}."""
    out = []
    for piece in parts:
        if piece.op == "equal":
            out.append(piece.new)
        else:
            removed, added = _marked(piece.old, "[-", "-]"), _marked(piece.new, "{+", "+}")
            out.append(f"{removed} {added.lstrip()}" if removed and added else removed or added)
    return "".join(out).strip()


def _mirror(codes: list[Opcode]) -> list[Opcode]:
    return [(MIRROR[op], j1, j2, i1, i2) for op, i1, i2, j1, j2 in codes]


def _cut(code: Opcode, boundary: int) -> tuple[Opcode, Opcode]:
    """An opcode whose new side spans ``boundary``, cut there (a replaced old run stays before)."""
    op, i1, i2, j1, j2 = code
    if op == "equal":
        middle = i1 + boundary - j1
        return (op, i1, middle, j1, boundary), (op, middle, i2, boundary, j2)
    return (op, i1, i2, j1, boundary), ("insert", i2, i2, boundary, j2)


def split_new(codes: list[Opcode], lengths: list[int]) -> list[list[Opcode]]:
    """Opcodes over new paragraphs joined end to end, shared out to each paragraph (by token counts).

    >>> split_new([("equal", 0, 3, 0, 3), ("delete", 3, 4, 3, 3), ("insert", 4, 4, 3, 5)], [2, 3])
    [[('equal', 0, 2, 0, 2)], [('equal', 2, 3, 2, 3), ('delete', 3, 4, 3, 3), ('insert', 4, 4, 3, 5)]]
    """
    ends = [sum(lengths[: index + 1]) for index in range(len(lengths))]
    parts: list[list[Opcode]] = [[] for _ in lengths]
    for code in codes:
        while code[3] < code[4] and (part := bisect_right(ends, code[3])) < len(ends) - 1 and code[4] > ends[part]:
            head, code = _cut(code, ends[part])
            parts[part].append(head)
        start = code[3]
        parts[min(bisect_right(ends, start) if code[3] < code[4] else bisect_left(ends, start), len(ends) - 1)].append(
            code
        )
    return parts


def split_old(codes: list[Opcode], lengths: list[int]) -> list[list[Opcode]]:
    """``split_new`` for old paragraphs merged into one."""
    return [_mirror(part) for part in split_new(_mirror(codes), lengths)]
