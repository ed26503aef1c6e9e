"""Which way a piece of text reads, by the Unicode rule a paragraph follows (its first strong letter)."""

from __future__ import annotations

import unicodedata
from typing import Literal


def reading_direction(text: str) -> Literal["ltr", "rtl"] | None:
    """``rtl`` when the first strong letter of ``text`` is Arabic (or Hebrew...), ``ltr`` when it is
    Latin (or another left-to-right script), None when it has none (digits, punctuation): rule P2
    of the Unicode bidirectional algorithm."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def isolate(text: str) -> str:
    """``text`` wrapped in first-strong isolate marks (U+2068 ... U+2069): quoted inside a sentence
    of the other direction, it keeps its own order (digits at the start of an Arabic span stay at
    its right) and cannot pull the sentence's punctuation into it."""
    return f"\u2068{text}\u2069"
