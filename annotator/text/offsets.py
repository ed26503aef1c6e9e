"""Conversion between stored code point offsets and the units other programs count in.

Qt and doccano count UTF-16 code units (an emoji is two); doccano's grapheme mode counts user-perceived
characters (a letter with its tanween is one). Stored offsets are always code points.
"""

from __future__ import annotations

import bisect
from functools import cached_property

import regex


class OffsetConverter:
    """Converts offsets of one text between code points, UTF-16 units and grapheme clusters."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _bmp_only(self) -> bool:
        return not self.text or max(self.text) < "\U00010000"

    @property
    def same_units(self) -> bool:
        """True when UTF-16 offsets equal code point offsets (no character outside the BMP)."""
        return self._bmp_only

    @cached_property
    def _utf16_prefix(self) -> list[int]:
        # _utf16_prefix[i] = UTF-16 units before code point i (len(text) + 1 entries)
        prefix = [0] * (len(self.text) + 1)
        total = 0
        for i, ch in enumerate(self.text):
            prefix[i] = total
            total += 2 if ord(ch) > 0xFFFF else 1
        prefix[len(self.text)] = total
        return prefix

    @cached_property
    def _grapheme_starts(self) -> list[int]:
        starts = [m.start() for m in regex.finditer(r"\X", self.text)]
        starts.append(len(self.text))
        return starts

    def to_utf16(self, cp: int) -> int:
        """UTF-16 unit offset of code point offset ``cp``."""
        return cp if self._bmp_only else self._utf16_prefix[cp]

    def from_utf16(self, unit: int) -> int:
        """Code point offset of UTF-16 offset ``unit`` (inside a surrogate pair: the pair's start)."""
        if self._bmp_only:
            return unit
        return bisect.bisect_right(self._utf16_prefix, unit) - 1

    def utf16_length(self) -> int:
        """Length of the text in UTF-16 units."""
        return len(self.text) if self._bmp_only else self._utf16_prefix[-1]

    def to_grapheme(self, cp: int) -> int:
        """Grapheme cluster index of code point offset ``cp`` (a cluster boundary or inside one)."""
        return bisect.bisect_right(self._grapheme_starts, cp) - 1

    def from_grapheme(self, g: int) -> int:
        """Code point offset where grapheme cluster ``g`` starts (``len(text)`` past the end)."""
        starts = self._grapheme_starts
        if g < 0 or g >= len(starts):
            raise IndexError(g)
        return starts[g]

    def grapheme_count(self) -> int:
        """Number of grapheme clusters in the text."""
        return len(self._grapheme_starts) - 1
