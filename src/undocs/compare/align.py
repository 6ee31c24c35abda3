"""Align the paragraphs of two versions of a document: what stayed, changed, moved, came and went.

1. Paragraphs whose text is the same but for typography are paired first, in order, by
   ``difflib.SequenceMatcher`` over whole paragraphs: the longest runs of identical paragraphs
   anchor the alignment, so a paragraph inserted or dropped does not shift the rest.
2. The paragraphs left are paired by word similarity (``diff.similarity``), most similar
   first, when at least ``THRESHOLD`` of their words are shared. A pair that keeps the order
   of the pairs already made is the same paragraph, rewritten (``modified``); one that crosses
   them was ``moved``. Identical paragraphs out of order are paired here too (similarity 1).
3. A paragraph left over beside a pair is joined to it when that makes the pair markedly more
   similar (``SPLIT_GAIN``): one old paragraph became two new ones (``split``) or the reverse
   (``merged``).
4. What is still left was ``removed`` (old) or ``added`` (new).

Every paragraph of both sides lies in exactly one change; changes come in the new text's order,
a removed paragraph after the one that preceded it in the old text.

>>> from undocs.models import Paragraph
>>> def paragraphs(*texts):
...     return [Paragraph(f"op{n}", "", "operative", f"{n}.", n, 1, "", text, n, n) for n, text in enumerate(texts, 1)]
>>> old = paragraphs("Recalls its resolution 79/181;", "Urges all States to act;", "Notes the report;", "Decides to remain seized of the matter.")
>>> new = paragraphs("Urges all States to act now;", "Recalls its resolution 79/181;", "Calls for an end to public executions;", "Decides to remain seized of the matter.")
>>> for change in align(old, new):
...     print(change.change, change.previous_ids, change.paragraph_ids, round(change.similarity, 2))
moved ('op2',) ('op1',) 0.92
unchanged ('op1',) ('op2',) 1.0
removed ('op3',) () 0.0
added () ('op3',) 0.0
unchanged ('op4',) ('op4',) 1.0
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from undocs.compare import diff
from undocs.compare.tokens import Token, tokenize
from undocs.models import DiffPiece, Paragraph, ParagraphChange
from undocs.text import squeeze

# Pair two paragraphs only when at least half of their words are common to both: below that a
# redline is mostly struck and underlined, and "removed + added" says it better.
THRESHOLD = 0.5
# Join a neighbour (split or merge) only when that raises the pair's similarity this much.
SPLIT_GAIN = 0.1


@dataclass
class _Group:
    """Old and new paragraph indexes paired together, and whether the pair keeps the text's order."""

    old: list[int]
    new: list[int]
    in_order: bool = True
    kind: str = field(default="")


class _Alignment:
    def __init__(self, old: Sequence[Paragraph], new: Sequence[Paragraph]) -> None:
        self.old, self.new = old, new
        self.old_tokens = [tokenize(paragraph.text) for paragraph in old]
        self.new_tokens = [tokenize(paragraph.text) for paragraph in new]
        self.groups: list[_Group] = []
        self.chain: list[tuple[int, int]] = []  # (old, new) of pairs in order, sorted
        self.old_group: dict[int, _Group] = {}
        self.new_group: dict[int, _Group] = {}

    def joined(self, old: list[int], new: list[int]) -> tuple[list[Token], list[Token]]:
        return (
            [token for index in old for token in self.old_tokens[index]],
            [token for index in new for token in self.new_tokens[index]],
        )

    def similarity(self, old: list[int], new: list[int]) -> float:
        return diff.similarity(*self.joined(old, new))

    def keeps_order(self, old: int, new: int) -> bool:
        """Whether pairing ``old`` with ``new`` crosses no pair already in order."""
        position = bisect_left(self.chain, (old, new))
        before = self.chain[position - 1] if position else (-1, -1)
        after = self.chain[position] if position < len(self.chain) else (len(self.old), len(self.new))
        return before[1] < new < after[1]

    def pair(self, old: int, new: int, in_order: bool) -> None:
        group = _Group([old], [new], in_order)
        self.groups.append(group)
        self.old_group[old] = self.new_group[new] = group
        if in_order:
            insort(self.chain, (old, new))

    def free_old(self) -> list[int]:
        return [index for index in range(len(self.old)) if index not in self.old_group]

    def free_new(self) -> list[int]:
        return [index for index in range(len(self.new)) if index not in self.new_group]

    def same_text(self) -> None:
        """Step 1: paragraphs equal but for typography, in order."""
        keys = [
            [" ".join(token.key for token in tokens) for tokens in side] for side in (self.old_tokens, self.new_tokens)
        ]
        matcher = SequenceMatcher(None, *keys, autojunk=False)
        for block in matcher.get_matching_blocks():
            for offset in range(block.size):
                self.pair(block.a + offset, block.b + offset, in_order=True)

    def similar(self) -> None:
        """Step 2: the rest, most similar first; a pair crossing the order is a move."""
        candidates = []
        for old in self.free_old():
            for new in self.free_new():
                tokens = self.old_tokens[old], self.new_tokens[new]
                if diff.maybe_similar(*tokens, THRESHOLD) and (score := diff.similarity(*tokens)) >= THRESHOLD:
                    candidates.append((-score, old, new))
        for _, old, new in sorted(candidates):
            if old not in self.old_group and new not in self.new_group:
                self.pair(old, new, self.keeps_order(old, new))

    def _join(self, group: _Group, old: list[int], new: list[int]) -> bool:
        """Join paragraphs to a one-to-one group if that makes it markedly more similar."""
        if self.similarity(old, new) < self.similarity(group.old, group.new) + SPLIT_GAIN:
            return False
        for index in set(old) - set(group.old):
            self.old_group[index] = group
        for index in set(new) - set(group.new):
            self.new_group[index] = group
        group.old, group.new = old, new
        return True

    def splits(self) -> None:
        """Step 3: a free paragraph beside a paired one, joined to its pair (split or merged)."""
        for new in self.free_new():
            for neighbour in (new - 1, new + 1):
                group = self.new_group.get(neighbour)
                if group and len(group.old) == 1 and self._join(group, group.old, sorted([*group.new, new])):
                    break
        for old in self.free_old():
            for neighbour in (old - 1, old + 1):
                group = self.old_group.get(neighbour)
                if group and len(group.new) == 1 and self._join(group, sorted([*group.old, old]), group.new):
                    break

    def changes(self) -> list[ParagraphChange]:
        """Step 4 and the result: every paragraph in one change, in the new text's order."""
        removed = [_Group([old], [], kind="removed") for old in self.free_old()]
        added = [_Group([], [new], kind="added") for new in self.free_new()]
        groups = sorted([*self.groups, *removed, *added], key=self._place)
        return [self._change(group) for group in groups]

    def _place(self, group: _Group) -> tuple[int, int, int]:
        """Where a change goes: at its first new paragraph; a removed one after its old predecessor's pair."""
        if group.new:
            return (group.new[0], 0, group.old[0] if group.old else -1)
        old = group.old[0]
        before = [new for previous, new in self.chain if previous < old]
        return (max(before, default=-1), 1, old)

    def _kind(self, group: _Group) -> str:
        if group.kind:
            return group.kind
        if len(group.new) > 1:
            return "split"
        if len(group.old) > 1:
            return "merged"
        if not group.in_order:
            return "moved"
        old, new = self.old[group.old[0]].text, self.new[group.new[0]].text
        if squeeze(old) == squeeze(new):
            return "unchanged"
        if [token.key for token in self.old_tokens[group.old[0]]] == [
            token.key for token in self.new_tokens[group.new[0]]
        ]:
            return "typography"
        return "modified"

    def _change(self, group: _Group) -> ParagraphChange:
        old_tokens, new_tokens = self.joined(group.old, group.new)
        codes = diff.opcodes(old_tokens, new_tokens)
        if len(group.new) > 1:
            parts = diff.split_new(codes, [len(self.new_tokens[index]) for index in group.new])
        elif len(group.old) > 1:
            parts = diff.split_old(codes, [len(self.old_tokens[index]) for index in group.old])
        else:
            parts = [codes]
        return ParagraphChange(
            change=self._kind(group),
            previous_ids=tuple(self.old[index].paragraph_id for index in group.old),
            paragraph_ids=tuple(self.new[index].paragraph_id for index in group.new),
            similarity=diff.similarity(old_tokens, new_tokens) if group.old and group.new else 0.0,
            parts=tuple(diff.pieces(old_tokens, new_tokens, part) for part in parts),
        )


def align(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> list[ParagraphChange]:
    """Every paragraph of ``old`` and ``new`` in exactly one change (see the module doc)."""
    alignment = _Alignment(old, new)
    alignment.same_text()
    alignment.similar()
    alignment.splits()
    return alignment.changes()


def pairs(change: ParagraphChange) -> list[tuple[str, str, tuple[DiffPiece, ...]]]:
    """The change as (paragraph, previous paragraph, its part of the diff): one for each paragraph
    of the side that has several (a split or a merge), else one; an empty id for a side left empty.

    >>> pairs(ParagraphChange("split", ("op3",), ("op3", "op4"), 0.9, ((), ())))
    [('op3', 'op3', ()), ('op4', 'op3', ())]
    """
    new, old = change.paragraph_ids or ("",), change.previous_ids or ("",)
    if len(new) > 1:
        return [(paragraph, old[0], part) for paragraph, part in zip(new, change.parts, strict=True)]
    return [(new[0], previous, part) for previous, part in zip(old, change.parts, strict=True)]
