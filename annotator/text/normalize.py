"""Search normalisation with a map back to stored offsets, and a find-all in stored offsets.

Normalisation drops diacritics (tashkeel, superscript alef, Quranic marks), tatweel and direction
marks, folds alef/hamza variants to bare alef, hamza on waw/yeh to waw/yeh, teh marbuta to heh and
alef maksura to yeh, and lowercases Latin. Every kept character maps to exactly one character, so the
offset map is one stored index per normalised character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
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


class _FoldTable(dict[int, str | None]):
    """``_fold_char`` as a ``str.translate`` table, filled on first sight of each character
    (translate does the per-character work in C: about twice as fast as a Python loop)."""

    def __missing__(self, code: int) -> str | None:
        folded = _fold_char(chr(code)) or None
        self[code] = folded
        return folded


class _KeptTable(dict[int, str]):
    """Translates a character to "1" when normalisation keeps it and "0" when it drops it."""

    def __missing__(self, code: int) -> str:
        kept = "1" if _fold_char(chr(code)) else "0"
        self[code] = kept
        return kept


_FOLDED = _FoldTable()
_KEPT = _KeptTable()
_KEPT_RUN = re.compile("1+")
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class NormalizedText:
    """A normalised string and, for each of its characters, the stored offset it came from."""

    text: str
    origin: Sequence[int]
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
    folded = normalize_query(text)
    origin: Sequence[int]
    if len(folded) == len(text):  # nothing dropped: every character is where it was
        origin = range(len(text))
    else:
        kept = array("q")
        for run in _KEPT_RUN.finditer(text.translate(_KEPT)):
            kept.extend(range(run.start(), run.end()))
        origin = kept
    return NormalizedText(folded, origin, len(text))


# The folds frequent in Arabic news, done by str.replace (a C scan each) before the general pass
_COMMON_FOLDS = tuple(_FOLD.items())


@lru_cache(maxsize=1)
def _bmp_changes() -> re.Pattern[str]:
    """A pattern matching every character of the Basic Multilingual Plane that normalisation
    changes or drops (made once, on first use: about 50 ms)."""
    changing = [
        chr(c)
        for c in range(0x10000)
        if not 0xD800 <= c < 0xE000 and _fold_char.__wrapped__(chr(c)) != chr(c)
    ]
    return re.compile("[" + "".join(re.escape(ch) for ch in changing) + "]")


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    """For each character of the Basic Multilingual Plane that normalisation makes of others, those
    others ("ا": "أإآٱ", "e": "E"); made once, on first use."""
    out: dict[str, str] = {}
    for c in range(0x10000):
        ch = chr(c)
        if 0xD800 <= c < 0xE000:
            continue
        folded = _fold_char.__wrapped__(ch)
        if folded and folded != ch:
            out[folded] = out.get(folded, "") + ch
    return out


def stored_forms(ch: str) -> str | None:
    """Every character that normalises to ``ch`` (a normalised character), ``ch`` first; None
    when they cannot be listed (a cased letter beyond the Basic Multilingual Plane)."""
    if ord(ch) > 0xFFFF and ch.upper() != ch:
        return None
    return ch + _sources().get(ch, "")


def _fold_match(match: re.Match[str]) -> str:
    return _fold_char(match.group())


def normalize_query(query: str) -> str:
    """The normalised form of a text (the same folding as ``normalize_for_search``, no map).

    Fast, for indexing every imported document: plain ASCII is only lowercased, the frequent
    Arabic folds are replaced whole, and only the rare remaining changes go through Python;
    text with characters beyond the BMP (emoji) is translated character by character."""
    if query.isascii():
        return query.lower()
    if _BEYOND_BMP.search(query):
        return query.translate(_FOLDED)
    for ch, folded in _COMMON_FOLDS:
        query = query.replace(ch, folded)
    return _bmp_changes().sub(_fold_match, query)


MAX_HITS = 10_000  # hits found in one document at most: more would only flood the view


def find_all(
    text: str,
    query: str,
    *,
    whole_words: bool = False,
    norm: NormalizedText | None = None,
    limit: int | None = None,
) -> list[tuple[int, int]]:
    """Every occurrence of ``query`` in ``text`` ignoring diacritics, tatweel and hamza forms.

    Returns stored code point offsets ``(start, end)``, overlapping occurrences included;
    ``text[start:end]`` includes the marks that sit on the last matched letter. With
    ``whole_words``, matches glued to letters are skipped. ``norm`` is ``text`` already
    normalised (a long document is normalised once, not at every keystroke); ``limit`` stops
    after that many hits.
    """
    needle = normalize_query(query.strip())
    if not needle:
        return []
    if norm is None:
        norm = normalize_for_search(text)
    hay = norm.text
    found: list[tuple[int, int]] = []
    i = hay.find(needle)
    while i != -1 and (limit is None or len(found) < limit):
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
