"""Snap a raw selection to a span an annotator means.

Trims surrounding spaces, punctuation and direction marks, never splits a grapheme cluster (a letter
from its diacritics, as the guideline asks, and likewise a flag's two letters or an emoji sequence),
and by default extends to whole words and then leaves attached proclitics (و ف ب ل ك) out of the
first word, as the guideline asks ("وأكد" gives "أكد", "للرئيس" gives "لرئيس"; see clitics.py).
With ``whole_words=False`` the selection keeps its letters exactly as selected, in whole clusters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

import regex

from annotator.text.clitics import clitic_length, counter_of
from annotator.text.normalize import is_mark

_CLUSTER = regex.compile(r"\X")  # one grapheme cluster (Unicode's extended clusters)
_IN_WORD_EXTRA = "\u0640\u200c\u200d"
_QUOTES = (('"', '"'), ("\u00ab", "\u00bb"), ("\u201c", "\u201d"),
           ("\u2039", "\u203a"))  # fmt: skip


def _is_trimmable(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return ch.isspace() or cat[0] in ("P", "Z") or cat == "Cf"


def _is_wordish(ch: str) -> bool:
    return ch.isalnum() or is_mark(ch) or ch in _IN_WORD_EXTRA


def snap_selection(
    text: str,
    start: int,
    end: int,
    *,
    whole_words: bool = True,
    corpus: Mapping[str, int] | None = None,
) -> tuple[int, int] | None:
    """Return the snapped (start, end) in code points, or None when nothing meaningful is selected.

    ``corpus`` (folded word -> count in the project's other documents, see
    ``clitics.corpus_counts``) helps tell a name from a clitic and a word, as the document's own
    words do.
    """
    if start > end:
        start, end = end, start
    start = max(0, min(start, len(text)))
    end = max(0, min(end, len(text)))
    lo, hi = start, end
    if start < end:  # never split what a reader sees as one character
        start, end = whole_clusters(text, start, end)
    # trim surrounding white space and punctuation
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    if start >= end:
        return None
    start, end = _paired_quotes(text, start, end, lo, hi)
    if whole_words:
        while start > 0 and _is_wordish(text[start - 1]) and _is_wordish(text[start]):
            start -= 1
        while end < len(text) and _is_wordish(text[end]) and _is_wordish(text[end - 1]):
            end += 1
        while 0 < start < len(text) and is_mark(text[start]) and not _is_trimmable(text[start - 1]):
            start -= 1  # a mark after an emoji or a symbol still belongs to it
        start = _after_clitics(text, start, end, corpus)
    return start, end


def whole_clusters(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved out to grapheme cluster boundaries (``start < end``): a letter
    keeps its marks, a flag its two letters, an emoji its skin tone, keycap or ZWJ partners.

    The clusters are read from the last space or line break before ``start`` (a cluster never
    begins after one without it), so a keypress on a long article reads a few characters only.
    """
    origin = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), 0)
    clusters = _CLUSTER.finditer(text, origin)
    m = next(c for c in clusters if c.end() > start)
    start = m.start()
    while m.end() < end:
        m = next(clusters)
    return start, m.end()


def _paired_quotes(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Both ends alike: a quotation mark the span opens (or closes) inside takes its partner the
    trimming left just outside, when the selection covered it; a quotation the span wholly is
    stays without its marks."""
    inner = text[start:end]
    for opener, closer in _QUOTES:
        if opener == closer:
            if inner.count(opener) % 2 == 0:
                continue
            if end < hi and text[end] == closer:
                end += 1
            elif start > lo and text[start - 1] == opener:
                start -= 1
            continue
        unclosed = inner.count(opener) - inner.count(closer)
        if unclosed > 0 and end < hi and text[end] == closer:
            end += 1
        elif unclosed < 0 and start > lo and text[start - 1] == opener:
            start -= 1
    return start, end


def _after_clitics(text: str, start: int, end: int, corpus: Mapping[str, int] | None) -> int:
    """``start`` moved past the proclitics attached to the first word of text[start:end]."""
    stop = start
    while stop < end and (text[stop].isalpha() or is_mark(text[stop])):
        stop += 1
    return start + clitic_length(text[start:stop], counter_of(text, corpus))
