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
