"""Attached proclitics (و ف ب ل ك) at the start of a span, left out as the guideline asks.

A word is split only when what remains is a word: the article ال follows ("والصين" -> "الصين"),
the article's alef is elided after ل ("للرئيس" -> "لرئيس", as the guideline marks it), or the
remainder is in the lexicon while the whole word is not ("وأضاف" -> "أضاف", but "وزير", "لبنان"
and "وكالة" stay whole). The lexicon is the stems of Debian's hunspell-ar dictionary (Ayaspell,
packaged as ``ar_words.txt.gz``) plus the words of the document and of the project's other
documents, which know the names a dictionary does not: "بشار" also appears as "لبشار" and "شار"
never stands alone, so it is a word and not ب + شار. A document that names بشار only once has
no such clue, and the dictionary holds obscure stems ("شار", "ايدن", "انغ") that would take the
name apart: NAMES lists the people and places the news names often whose first letter is a clitic
letter and that the dictionary lacks, so that they are whole words (and still lose a clitic:
"وبشار" -> "بشار"). benchmarks/snapping.py measures the choice against hand-annotated articles;
a rule instead of the list (a rest of three letters the document does not have stays attached)
cost a gold span there and took apart "بشكل", "لدعم", "وكان".
"""

from __future__ import annotations

import functools
import gzip
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from annotator.text.normalize import normalize_query

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
ARTICLE = "ال"
LAM = "ل"
# endings (folded: teh marbuta reads as heh) that make another form of the same word: feminine,
# plural, dual, relative adjective, accusative alef; and pronoun or person endings, a weaker match
INFLECTIONS = ("ه", "ات", "ان", "ين", "ون", "ي", "يه", "ا", "يين", "يون", "ت", "تي", "تين", "تان")
SUFFIXES = ("ها", "هم", "هن", "هما", "ك", "كم", "كما", "نا", "وا", "تها", "ته", "تهم", "تم")
MIN_REST = 2  # letters that must remain after the clitics
# names that begin with a clitic letter, missing from the dictionary, which would split them
NAMES = (
    "بشار", "بطرس", "بيار", "بيتر", "بيير", "بنيامين", "بايدن", "باراك", "بنغازي", "فيدان",
    "كنعان", "كامالا", "لميس", "لابيد", "وائل", "وانغ", "وانج", "ويلز", "وليام",
)  # fmt: skip
_CHAINS = tuple(c + p for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS) if c + p)


@dataclass(frozen=True)
class Lexicon:
    """Known words, folded for search (no diacritics, bare alef, teh marbuta as heh)."""

    words: frozenset[str]

    def match(self, word: str) -> int:
        """How well ``word`` (folded) is known: 2 a stem, inflected or not (feminine, plural,
        relative adjective; after the article too), 1 a stem with a pronoun ending, 0 not."""
        w = normalize_query(word)
        forms = [w, w[2:]] if w.startswith(ARTICLE) and len(w) > 3 else [w]
        if any(f in self.words for f in forms):
            return 2
        if any(f[: -len(e)] + tail in self.words for f in forms for e in INFLECTIONS
               for tail in ("", "ه") if f.endswith(e) and len(f) - len(e) >= MIN_REST):  # fmt: skip
            return 2
        pronoun = any(
            f.endswith(suffix)
            and len(f) - len(suffix) >= MIN_REST
            and f[: -len(suffix)] in self.words
            for f in forms
            for suffix in SUFFIXES
        )
        return 1 if pronoun else 0

    def exact(self, word: str) -> bool:
        """True when ``word`` (folded, or after the article) is itself a stem."""
        w = normalize_query(word)
        return w in self.words or (w.startswith(ARTICLE) and w[2:] in self.words)

    def known(self, word: str) -> bool:
        return self.match(word) > 0


@functools.cache
def default_lexicon() -> Lexicon:
    """The packaged Arabic word list (read once, about 90,000 stems) and NAMES."""
    data = resources.files("annotator.text").joinpath("ar_words.txt.gz").read_bytes()
    words = gzip.decompress(data).decode("utf-8").split()
    return Lexicon(frozenset([*words, *map(normalize_query, NAMES)]))


def counter_of(text: str, corpus: Mapping[str, int] | None = None) -> Counts:
    """How often a folded word stands alone in ``text`` plus in ``corpus`` (other documents)."""
    own = word_counts(text)
    if not corpus:
        return own.__getitem__
    return lambda w: own[w] + corpus.get(w, 0)


@functools.cache
def _fold_table() -> dict[int, str]:
    """normalize_query as a str.translate table for the characters an Arabic text is made of."""
    chars = [*map(chr, range(0x0800)), "\u200e", "\u200f", "\u061c", *map(chr, range(0x2066, 0x206A)),
             *map(chr, range(0x202A, 0x202F))]  # fmt: skip
    return {ord(ch): normalize_query(ch) for ch in chars if normalize_query(ch) != ch}


_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=4)
def word_counts(text: str) -> Counter[str]:
    """How often each folded word (a run of letters) occurs in ``text``."""
    return Counter(_WORD.findall(text.translate(_fold_table())))


def _letters(word: str) -> list[int]:
    """Indices of the letters of ``word`` (marks and tatweel belong to the letter before)."""
    return [i for i, ch in enumerate(word) if ch.isalpha() and ch != "\u0640"]


Counts = Callable[[str], int]


def clitic_length(word: str, counts: Counts | None = None, lexicon: Lexicon | None = None) -> int:
    """How many leading characters of ``word`` are attached proclitics to leave out (0: none).

    ``word`` is one word without punctuation; the characters returned include the clitics'
    diacritics. ``counts`` tells how often a folded word stands alone in the document (and the
    rest of the corpus).
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    counts = counts or (lambda _w: 0)
    letters = _letters(word)
    base = "".join(word[i] for i in letters)
    folded_whole = normalize_query(word)
    best: tuple[int, int] | None = None  # (how sure, -letters) of the best split
    for n in _candidates(base):
        rest = base[n:]
        if len(rest) < MIN_REST:
            continue
        sure = _split_strength(base, rest, n, counts, lex, folded_whole)
        if sure and (best is None or (sure, -n) > best):
            best = (sure, -n)  # the surest reading; between equals, the fewer clitics ("ولفت")
    if best is None:
        return 0
    n = -best[1]
    return letters[n]


def _candidates(base: str) -> list[int]:
    """Numbers of leading letters that may be clitics: [و|ف]?[ب|ل|ك]?, longest first."""
    found: list[int] = []
    i = 1 if base[:1] and base[0] in CONJUNCTIONS else 0
    if base[i : i + 1] and base[i] in PREPOSITIONS:
        found.append(i + 1)
    if i:
        found.append(i)
    return found


def _split_strength(
    base: str, rest: str, n: int, counts: Counts, lex: Lexicon, folded_whole: str
) -> int:
    """0 when base[:n] are not clitics here; otherwise how sure the split is (3 the article)."""
    whole = lex.match(base)
    whole_known = whole > 0
    folded_rest = normalize_query(rest)
    if rest.startswith(ARTICLE) and len(rest) >= len(ARTICLE) + MIN_REST:
        return 0 if whole_known else 3  # "والصين", "بالتدخل"; "والد", "بالغة" are words
    if base[n - 1] == LAM and rest.startswith(LAM) and len(rest) > MIN_REST:
        # ل + ل of an elided article: "للرئيس" is ل + الرئيس, marked "لرئيس"
        elided = lex.known(ARTICLE + rest[1:]) or counts(ARTICLE + folded_rest[1:]) > 0
        return 3 if elided and not whole_known else 0
    rest_seen = counts(folded_rest) > 0
    if whole < 2 and not rest_seen and any(counts(c + folded_whole) for c in _CHAINS):
        return 0  # the whole word takes clitics itself: a name ("لبشار" makes "بشار" a word)
    if whole_known:
        # "وزير", "لبنان", "كامل" stay whole unless the rest is known better; or as well, and
        # it stands alone elsewhere as a stem while the whole is only an inflected form
        # ("لبكين": "لبك" + "ين", "بكين" a stem seen alone), or more often than the whole word
        level = lex.match(rest)
        if level > whole:
            return level
        stem_alone = rest_seen and lex.exact(rest) and not lex.exact(base)
        alone = counts(folded_rest) > counts(folded_whole) and len(rest) > MIN_REST
        return level if level == whole and (stem_alone or alone) else 0
    if rest_seen:
        return 2
    # a dictionary word of two letters is too weak a reason ("كما" is not ك + ما)
    return lex.match(rest) if len(rest) > MIN_REST else 0


def corpus_counts(texts: Iterable[str]) -> Counter[str]:
    """Folded word counts over many documents, for ``snap_selection(corpus=...)``."""
    total: Counter[str] = Counter()
    for text in texts:
        total.update(word_counts.__wrapped__(text))
    return total
