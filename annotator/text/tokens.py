"""An Arabic-aware tokenizer with code point offsets.

Words keep their diacritics (Python's ``\\w`` does not match Arabic marks, so they are listed), numbers
keep their inner separators (2,5 and ٣٫٥), and each punctuation mark or symbol is its own token.
Direction marks and white space are never tokens. Clitics are not split (see notes/EXPORT.md): a
span inside "والصين" is widened to the word by token formats and reported.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

# Combining marks that may follow a letter: Arabic tashkeel, Quranic marks, superscript alef, the
# general combining block, plus tatweel and zero-width (non-)joiners that live inside words.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08ff"
_IN_WORD = _MARKS + "\u0640\u200c\u200d"
_DIRECTION = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_SEP = ".,\u066b\u066c\u060c"  # decimal and thousands separators between digits

_TOKEN_RE = re.compile(
    rf"(?P<num>\d+(?:[{_SEP}]\d+)*[{_MARKS}]*)"
    # letters and in-word marks; written as runs so the engine does not try an alternation per letter
    rf"|(?P<word>[^\W\d_][^\W\d_{_IN_WORD}]*(?:[{_IN_WORD}]+[^\W\d_]*)*|[{_IN_WORD}]+(?:[^\W\d_]+[{_IN_WORD}]*)*)"
    rf"|(?P<other>[^\s{_DIRECTION}][{_MARKS}\ufe00-\ufe0f\U0001f3fb-\U0001f3ff]*"
    rf"(?:\u200d[^\s{_DIRECTION}][\ufe00-\ufe0f]*)*)"
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its index in the document, text, and code point offsets (end exclusive)."""

    id: int
    text: str
    start: int
    end: int
    kind: str  # "word", "num" or "other"


@dataclass(frozen=True, slots=True)
class TokenTable:
    """The tokens of one text as parallel lists (cheap for whole corpora), with lookups."""

    texts: list[str]
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> TokenTable:
        """Split once (gaps and tokens alternate) and add up the lengths: no object per token."""
        parts = _SPLIT_RE.split(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        return cls(parts[1::2], offsets[1:-1:2], offsets[2::2])

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        """Indices (first, last inclusive) of the tokens sharing a character with [start, end)."""
        first = bisect.bisect_right(self.ends, start)
        if first >= len(self.starts) or self.starts[first] >= end:
            return None
        last = bisect.bisect_left(self.starts, end) - 1
        return (first, last) if last >= first else None

    def to_json(self) -> str:
        """The SPEC's token list as JSON text, encoded in bulk (tokens never contain a space,
        so the encoded texts split cleanly on the separator)."""
        if not self.texts:
            return "[]"
        encoded = json.dumps(self.texts, ensure_ascii=False)[1:-1].split(", ")
        return (
            "["
            + ", ".join(map(_TOKEN_JSON, range(len(encoded)), encoded, self.starts, self.ends))
            + "]"
        )


# The same pattern with one capturing group, for re.split.
_SPLIT_RE = re.compile("(" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_RE.pattern) + ")")
_TOKEN_JSON = '{{"id": {}, "text": {}, "start": {}, "end": {}}}'.format


def iter_tokens(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text`` in order."""
    for i, m in enumerate(_TOKEN_RE.finditer(text)):
        kind = m.lastgroup or "other"
        yield Token(i, m.group(), m.start(), m.end(), kind)


def tokenize(text: str) -> list[Token]:
    """Return the tokens of ``text`` in order."""
    return list(iter_tokens(text))


def token_bounds(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Indices (first, last inclusive) of the tokens that share a character with [start, end)."""
    table = TokenTable([t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens])
    return table.covering(start, end)


def count_tokens(text: str) -> int:
    """How many tokens ``tokenize`` finds, without building them (fast on whole corpora)."""
    findall = _TOKEN_RE.findall
    words = text.split()
    return len(words) + sum([len(findall(w)) - 1 for w in words if not w.isalpha()])


def tokens_around(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Bounds of the tokens that share a character with text[start:end].

    Tokens never cross white space, so only the stretch between the surrounding spaces is read.
    """
    lo, hi = start, end
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    for m in _TOKEN_RE.finditer(text, lo, hi):
        if m.end() > start and m.start() < end:
            yield m.span()
