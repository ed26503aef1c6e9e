"""Search normalisation with a map back to stored offsets, and a find-all in stored offsets.

Normalisation drops diacritics (tashkeel, superscript alef, Quranic marks), tatweel and direction
marks, folds alef/hamza variants to bare alef, hamza on waw/yeh to waw/yeh, teh marbuta to heh and
alef maksura to yeh, and lowercases Latin. Every kept character maps to exactly one character, so the
offset map is one stored index per normalised character.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pyarabic.araby as araby

_DIRECTION_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_FOLD: dict[str, str] = {
    araby.ALEF_HAMZA_ABOVE: araby.ALEF,
    araby.ALEF_HAMZA_BELOW: araby.ALEF,
    araby.ALEF_MADDA: araby.ALEF,
    araby.ALEF_WASLA: araby.ALEF,
    araby.WAW_HAMZA: araby.WAW,
    araby.YEH_HAMZA: araby.YEH,
    araby.TEH_MARBUTA: araby.HEH,
    araby.ALEF_MAKSURA: araby.YEH,
}


def is_mark(ch: str) -> bool:
    """True for combining marks (Arabic diacritics included) that belong to the letter before."""
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """The normalised form of one character: '' (dropped) or exactly one character."""
    if ch == araby.TATWEEL or ch in _DIRECTION_MARKS or is_mark(ch):
        return ""
    if ch in _FOLD:
        return _FOLD[ch]
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


@dataclass(frozen=True)
class NormalizedText:
    """A normalised string and, for each of its characters, the stored offset it came from."""

    text: str
    origin: tuple[int, ...]
    source_length: int

    def stored_span(self, start: int, end: int, source: str) -> tuple[int, int]:
        """Map a normalised [start, end) back to stored offsets, keeping the last letter's marks."""
        s = self.origin[start]
        e = self.origin[end - 1] + 1
        while e < len(source) and is_mark(source[e]):
            e += 1
        return s, e


def normalize_for_search(text: str) -> NormalizedText:
    """Normalise ``text`` for matching, with the offset map back into ``text``."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if folded:
            out.append(folded)
            origin.append(i)
    return NormalizedText("".join(out), tuple(origin), len(text))


def normalize_query(query: str) -> str:
    """The normalised form of a search string (the same folding, no map)."""
    return "".join(_fold_char(ch) for ch in query)


def find_all(text: str, query: str, *, whole_words: bool = False) -> list[tuple[int, int]]:
    """Every occurrence of ``query`` in ``text`` ignoring diacritics, tatweel and hamza forms.

    Returns stored code point offsets ``(start, end)``; ``text[start:end]`` includes the marks that
    sit on the last matched letter. With ``whole_words``, matches glued to letters are skipped.
    """
    needle = normalize_query(query.strip())
    if not needle:
        return []
    norm = normalize_for_search(text)
    hay = norm.text
    found: list[tuple[int, int]] = []
    i = hay.find(needle)
    while i != -1:
        j = i + len(needle)
        ok = True
        if whole_words:
            before = hay[i - 1] if i > 0 else " "
            after = hay[j] if j < len(hay) else " "
            ok = not (before.isalnum() or after.isalnum())
        if ok:
            found.append(norm.stored_span(i, j, text))
        i = hay.find(needle, i + 1)
    return found


def matches(text: str, query: str) -> bool:
    """True when ``query`` occurs in ``text`` ignoring diacritics, tatweel and hamza forms."""
    needle = normalize_query(query.strip())
    return not needle or needle in normalize_query(text)


PROCLITICS = "وفبلك"


def find_mentions(text: str, query: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``query`` ignoring diacritics and hamza forms; a proclitic
    و ف ب ل ك glued in front is allowed and left out of the match ("والأسد" gives "الأسد")."""
    out: list[tuple[int, int]] = []
    for start, end in find_all(text, query):
        after_ok = end >= len(text) or not (text[end].isalnum() or is_mark(text[end]))
        before = text[start - 1] if start > 0 else " "
        clitic = before in PROCLITICS and (start < 2 or not text[start - 2].isalnum())
        if after_ok and (not before.isalnum() or clitic):
            out.append((start, end))
    return out
