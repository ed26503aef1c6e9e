"""An Arabic-aware tokenizer with code point offsets.

Words keep their diacritics (Python's ``\\w`` does not match Arabic marks, so they are listed), numbers
keep their inner separators (2,5 and ٣٫٥), and each punctuation mark or symbol is its own token.
Direction marks and white space are never tokens. Clitics are not split (see notes/EXPORT.md): a
span inside "والصين" is widened to the word by token formats and reported.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from annotator.text.clusters import EXTEND_ASTRAL, EXTEND_BMP, PREPEND, REGIONAL

# What joins the character before it into one grapheme cluster (Arabic tashkeel, Quranic marks and
# every other script's combining marks, variation selectors, skin tones, ZWJ and ZWNJ): a token never
# ends before one, so no token splits a cluster. Tatweel also lives inside words.
_IN_WORD = EXTEND_BMP + EXTEND_ASTRAL + "\u0640"
_DIRECTION = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_SEP = ".,\u066b\u066c\u060c"  # decimal and thousands separators between digits


_ASTRAL = "\U00010000-\U0010ffff"
# one mark (or, in words, a tatweel); the astral marks are looked up only for an astral character
_MARK = rf"(?:[{EXTEND_BMP}]|(?=[{_ASTRAL}])[{EXTEND_ASTRAL}])"
_IN_WORD_ONE = rf"(?:[{EXTEND_BMP}\u0640]|(?=[{_ASTRAL}])[{EXTEND_ASTRAL}])"


def _pattern(letter: str, run_letter: str, bmp_only: bool = False) -> str:
    """The token pattern, given the class of a letter and of a letter inside a run (no tatweel);
    ``bmp_only``: for text without characters beyond U+FFFF (no astral marks, no flags)."""
    pre = f"[{PREPEND}]*"  # U+0600 ARABIC NUMBER SIGN and its kin join what follows them
    mark = f"[{EXTEND_BMP}]" if bmp_only else _MARK
    in_word = f"[{EXTEND_BMP}\u0640]" if bmp_only else _IN_WORD_ONE
    flag = "" if bmp_only else f"[{REGIONAL}]{{2}}|"  # two regional indicators make one flag
    return (
        rf"(?P<num>{pre}\d+(?:[{_SEP}]\d+)*{mark}*)"
        # letters and in-word marks; written as runs so the engine does not try an alternation per letter
        rf"|(?P<word>{pre}(?:{letter}{run_letter}*(?:{in_word}+{letter}*)*"
        rf"|{in_word}+(?:{letter}+{in_word}*)*))"
        # a symbol with its marks; after a zero-width joiner (an emoji sequence) the next one too
        rf"|(?P<other>{pre}(?:{flag}[^\s{_DIRECTION}]){mark}*"
        rf"(?:(?<=\u200d)[^\s{_DIRECTION}]{mark}*)*)"
    )


_LETTER = r"[^\W\d_]"
_RUN_LETTER = rf"[^\W\d_{EXTEND_BMP}\u0640]"  # astral marks are no letters anyway
_TOKEN_RE = re.compile(_pattern(_LETTER, _RUN_LETTER))


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
        parts = split_tokens(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        return cls(parts[1::2], offsets[1:-1:2], offsets[2::2])

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        """Indices (first, last inclusive) of the tokens sharing a character with [start, end)."""
        first = bisect.bisect_right(self.ends, start)
        if first >= len(self.starts) or self.starts[first] >= end:
            return None
        last = bisect.bisect_left(self.starts, end) - 1
        return (first, last) if last >= first else None


def _for_split(pattern: str) -> re.Pattern[str]:
    """The same pattern with one capturing group, for re.split."""
    return re.compile("(" + re.sub(r"\(\?P<\w+>", "(?:", pattern) + ")")


def _bmp_ranges(cls: str) -> str:
    """The characters up to U+FFFF in the regex class ``cls``, as the inside of a regex class."""
    bmp = "".join(map(chr, range(0x10000)))
    return "".join(
        re.escape(m.group()[0]) + (f"-{re.escape(m.group()[-1])}" if len(m.group()) > 1 else "")
        for m in re.finditer(f"{cls}+", bmp)
    )


@functools.cache
def _bmp_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The token and split patterns with their letter classes spelled out as ranges, for text
    without characters beyond U+FFFF: the engine then looks letters up in a bitmap instead of
    testing Unicode categories one by one, and reads an Arabic article about a quarter faster."""
    pattern = _pattern(f"[{_bmp_ranges(_LETTER)}]", f"[{_bmp_ranges(_RUN_LETTER)}]", bmp_only=True)
    return re.compile(pattern), _for_split(pattern)


_SPLIT_RE = _for_split(_TOKEN_RE.pattern)


def _patterns(text: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The token and split patterns for ``text``: the fast ones when it has nothing beyond U+FFFF."""
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return _bmp_patterns()
    return _TOKEN_RE, _SPLIT_RE


def split_tokens(text: str) -> list[str]:
    """Gaps and tokens alternating, starting and ending with a (possibly empty) gap."""
    return _patterns(text)[1].split(text)


_WORD_START = re.compile(rf"{_LETTER}|[{_IN_WORD}]")


_PREPENDED = re.compile(f"^[{PREPEND}]+")


def token_kind(token: str) -> str:
    """The kind ``tokenize`` gives a token found by ``split_tokens``: "num", "word" or "other"."""
    core = _PREPENDED.sub("", token, count=1) or token  # U+0600 before digits: a number
    if core[0].isdecimal():
        return "num"
    return "word" if _WORD_START.match(core) else "other"


def iter_tokens(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text`` in order."""
    for i, m in enumerate(_patterns(text)[0].finditer(text)):
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
    """How many tokens ``tokenize`` finds, without building them (fast on whole corpora).

    Words made of letters only are one token each; only the others go through the pattern.
    """
    findall = _patterns(text)[0].findall
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
