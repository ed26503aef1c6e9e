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


def article_direction(text: str) -> Literal["ltr", "rtl"]:
    """The direction an article is laid out in: right to left unless it has more left-to-right
    letters (Latin...) than right-to-left ones (Arabic...). Counting, not the first letter, so an
    Arabic article that opens with "AFP" or "John Miller" still reads right to left."""
    rtl = ltr = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            ltr += 1
        elif kind in ("R", "AL"):
            rtl += 1
    return "ltr" if ltr > rtl else "rtl"


_OPEN = {None: "\u2068", "ltr": "\u2066", "rtl": "\u2067"}  # first-strong, LRI, RLI
ARTICLE_DIRECTION: Literal["rtl"] = "rtl"  # article words quoted in interface sentences


def isolate(text: str, direction: Literal["ltr", "rtl"] | None = None) -> str:
    """``text`` wrapped in isolate marks (U+2068 first-strong, or U+2066 / U+2067 for a given
    direction ... U+2069): quoted inside a sentence of the other direction, it keeps its own order
    (digits at the start of an Arabic span stay at its right) and cannot pull the sentence's
    punctuation into it."""
    return f"{_OPEN[direction]}{text}\u2069"


def article_words(text: str) -> str:
    """Words of an article quoted in an interface sentence, in the order the article shows them:
    isolated right to left whatever letter comes first, so "Xi Jinping الرئيس الصيني" keeps the
    Latin name on the right, where the article has it."""
    return isolate(text, ARTICLE_DIRECTION)
