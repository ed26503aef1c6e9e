"""Snap a raw selection to a span an annotator means.

Trims surrounding spaces, punctuation and direction marks, never splits a letter from its diacritics,
and by default extends to whole words. With ``whole_words=False`` the selection keeps character
precision so a proclitic (و ف ب ل ك) can be left out, as the guideline asks.
"""

from __future__ import annotations

import unicodedata

from annotator.text.normalize import is_mark

_IN_WORD_EXTRA = "\u0640\u200c\u200d"


def _is_trimmable(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return ch.isspace() or cat[0] in ("P", "Z") or cat == "Cf"


def _is_wordish(ch: str) -> bool:
    return ch.isalnum() or is_mark(ch) or ch in _IN_WORD_EXTRA


def snap_selection(
    text: str, start: int, end: int, *, whole_words: bool = True
) -> tuple[int, int] | None:
    """Return the snapped (start, end) in code points, or None when nothing meaningful is selected."""
    if start > end:
        start, end = end, start
    start = max(0, min(start, len(text)))
    end = max(0, min(end, len(text)))
    # never split a letter from its marks
    while 0 < start < len(text) and is_mark(text[start]):
        start -= 1
    while end < len(text) and end > 0 and is_mark(text[end]):
        end += 1
    # trim surrounding white space and punctuation
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    if start >= end:
        return None
    if whole_words:
        while start > 0 and _is_wordish(text[start - 1]) and _is_wordish(text[start]):
            start -= 1
        while end < len(text) and _is_wordish(text[end]) and _is_wordish(text[end - 1]):
            end += 1
    return start, end
