"""Which colour goes where: span marks bucketed by text block, cut into non-overlapping segments.

Plain Python (no Qt): the article view asks for the segments of the blocks on screen and paints
them. Positions are UTF-16 units of the Qt document. Where spans overlap, a segment takes the
innermost span's colour as background and the nearest enclosing span with another label as an
underline; suggestions add a dashed underline.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple


class Mark(NamedTuple):
    """A highlight in UTF-16 positions (a tuple: cheap to hash by the 10,000)."""

    start: int
    end: int
    label: str
    span_id: int
    suggestion: bool = False


class Segment(NamedTuple):
    """A stretch of one block with one look."""

    start: int
    end: int
    inner: Mark | None  # background colour (human spans, innermost)
    outer: Mark | None  # underline colour (an enclosing span with another label)
    dashed: Mark | None  # dashed underline (a suggestion)


class SpanLayer:
    """Marks of one document, bucketed by block, with the set of emphasised span ids."""

    def __init__(self) -> None:
        self.block_starts: list[int] = [0]
        self.emphasis: set[int] = set()
        self._marks: set[Mark] = set()
        self._by_block: dict[int, list[Mark]] = defaultdict(list)
        self._by_id: dict[int, list[Mark]] = defaultdict(list)

    def reset(self, block_starts: list[int]) -> None:
        """A new document: forget every mark; ``block_starts`` are UTF-16 block positions."""
        self.block_starts = block_starts
        self.emphasis = set()
        self._marks = set()
        self._by_block = defaultdict(list)
        self._by_id = defaultdict(list)

    def marks(self) -> set[Mark]:
        return set(self._marks)

    def in_block(self, block: int) -> list[Mark]:
        """The marks touching block number ``block``."""
        return list(self._by_block.get(block, ()))

    def mark_of(self, span_id: int) -> Mark | None:
        """The mark of a human span (not a suggestion) with this id."""
        return next((m for m in self._by_id.get(span_id, ()) if not m.suggestion), None)

    def block_of(self, pos: int) -> int:
        """The number of the block holding UTF-16 position ``pos``."""
        return bisect.bisect_right(self.block_starts, pos) - 1

    def blocks_of(self, m: Mark) -> range:
        first = bisect.bisect_right(self.block_starts, m.start) - 1
        last = bisect.bisect_right(self.block_starts, max(m.start, m.end - 1)) - 1
        return range(first, last + 1)

    def change(self, added: Iterable[Mark], removed: Iterable[Mark]) -> set[int]:
        """Add and remove marks; return the blocks that changed."""
        dirty: set[int] = set()
        for m in removed:
            if m in self._marks:
                self._marks.discard(m)
                self._by_id[m.span_id].remove(m)
                for b in self.blocks_of(m):
                    self._by_block[b].remove(m)
                    dirty.add(b)
        for m in added:
            if m not in self._marks:
                self._marks.add(m)
                self._by_id[m.span_id].append(m)
                for b in self.blocks_of(m):
                    self._by_block[b].append(m)
                    dirty.add(b)
        return dirty

    def replace(self, marks: Iterable[Mark]) -> set[int]:
        """Make ``marks`` the whole set; return the blocks that changed."""
        new = set(marks)
        return self.change(new - self._marks, self._marks - new)

    def set_emphasis(self, emphasis: set[int]) -> set[int]:
        """Emphasise these span ids; return the blocks whose look changed."""
        dirty: set[int] = set()
        for span_id in self.emphasis ^ emphasis:
            for m in self._by_id.get(span_id, ()):
                dirty.update(self.blocks_of(m))
        self.emphasis = set(emphasis)
        return dirty

    def segments(self, block: int, pos: int, length: int) -> list[Segment]:
        """The segments of block number ``block`` that starts at ``pos`` and has ``length`` units."""
        marks = self._by_block.get(block)
        if not marks:
            return []
        cuts = {pos, pos + length}
        for m in marks:
            cuts.add(min(max(m.start, pos), pos + length))
            cuts.add(min(max(m.end, pos), pos + length))
        out: list[Segment] = []
        for a, b in itertools.pairwise(sorted(cuts)):
            covering = [m for m in marks if m.start < b and m.end > a]
            if not covering:
                continue
            human = sorted((m for m in covering if not m.suggestion), key=lambda m: m.end - m.start)
            inner = human[0] if human else None
            outer = next((m for m in reversed(human) if inner and m.label != inner.label), None)
            dashed = next((m for m in covering if m.suggestion), None)
            out.append(Segment(a, b, inner, outer, dashed))
        return out
