"""The Arabic-aware tokenizer: words keep diacritics, numbers stay whole, punctuation is separate."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from annotator.text.clusters import EXTEND_ASTRAL, EXTEND_BMP, PREPEND, REGIONAL
from annotator.text.normalize import is_mark
from annotator.text.tokens import token_bounds, tokenize

ALPHABET = st.sampled_from(
    [*list("قال الرئيس والصين بشار"), "َ", "ّ", "ً", "ٰ", "ـ", "\u200f", "\u200e", "\u061c", "😀", "👍", "🏽", "«", "»", "،", ".", "!", "\n", " ", "\xa0", "1", "٣", "٫", ",", "A", "b", '"', "\u200c", "؟",
     # grapheme clusters of more than one code point: a flag's two regional indicators, a keycap,
     # a tag sequence, a Devanagari vowel sign, the Arabic number sign that stands before digits
     "🇸", "🇦", "\ufe0f", "\u20e3", "\U000e0067", "\U000e007f", "🏴", "क", "\u093f",
     "\u0600", "\u200d", "👨"]
)  # fmt: skip


def test_words_numbers_and_punctuation() -> None:
    text = "قالَ الرئيسُ: «نرحّب» بـ2,5 مليون و٣٫٥٪ 😀!"
    assert [t.text for t in tokenize(text)] == [
        "قالَ", "الرئيسُ", ":", "«", "نرحّب", "»", "بـ", "2,5", "مليون", "و", "٣٫٥", "٪", "😀", "!",
    ]  # fmt: skip


def test_punctuation_runs_are_split_and_direction_marks_are_not_tokens() -> None:
    text = "\u200fقال\u200f”.)"
    assert [t.text for t in tokenize(text)] == ["قال", "”", ".", ")"]


@given(st.text(ALPHABET, max_size=60))
def test_tokens_are_exact_ordered_slices_covering_every_visible_character(text: str) -> None:
    tokens = tokenize(text)
    covered = set()
    last_end = 0
    for i, t in enumerate(tokens):
        assert t.id == i
        assert text[t.start : t.end] == t.text
        assert t.start >= last_end and t.end > t.start
        assert not any(ch.isspace() for ch in t.text)
        last_end = t.end
        covered.update(range(t.start, t.end))
    for i, ch in enumerate(text):
        if not ch.isspace() and ch not in "\u200e\u200f\u061c":
            assert i in covered, (text, i)


@given(st.text(ALPHABET, max_size=60))
def test_a_token_never_starts_on_a_mark_that_follows_a_letter(text: str) -> None:
    for t in tokenize(text):
        if t.start > 0 and is_mark(text[t.start]):
            assert text[t.start - 1].isspace() or text[t.start - 1] in "\u200e\u200f\u061c"


def test_token_bounds_of_a_clitic_internal_span() -> None:
    text = "قال والصين"
    tokens = tokenize(text)
    assert token_bounds(tokens, 5, 10) == (1, 1)  # "الصين" inside "والصين"
    assert token_bounds(tokens, 0, 10) == (0, 1)
    assert token_bounds(tokens, 3, 4) is None  # the space alone


@given(st.text(ALPHABET, max_size=80))
def test_fast_count_and_local_tokens_agree_with_tokenize(text: str) -> None:
    from annotator.text.tokens import count_tokens, tokens_around

    tokens = tokenize(text)
    assert count_tokens(text) == len(tokens)
    for a in range(0, len(text), 3):
        for b in range(a + 1, min(len(text), a + 7) + 1):
            expected = [(t.start, t.end) for t in tokens if t.start < b and t.end > a]
            assert list(tokens_around(text, a, b)) == expected


@given(st.text(ALPHABET, max_size=80))
def test_exported_token_list_is_the_tokenizer_output(text: str) -> None:
    import json

    from annotator.export.jsonl import document_line
    from annotator.model.document import Document, Layer

    doc = Document(1, "d", "", text, "")
    line = json.loads(document_line(doc, [Layer("layla", "done")], multi=False))
    assert line["text"] == text
    assert line["tokens"] == [
        {"id": t.id, "text": t.text, "start": t.start, "end": t.end} for t in tokenize(text)
    ]


@given(
    st.text(st.characters(max_codepoint=0xFFFF), max_size=80)
    | st.text(ALPHABET.filter(lambda c: c <= "\uffff"), max_size=80)
)
@example("وقال\ud800 ـ ٣٫٥")  # a lone surrogate (JSON can carry one) takes the fast path too
def test_the_bmp_pattern_splits_like_the_general_one(text: str) -> None:
    from annotator.text.tokens import _SPLIT_RE, _TOKEN_RE, _bmp_patterns, split_tokens

    fast_tokens, fast_split = _bmp_patterns()
    assert fast_split.split(text) == _SPLIT_RE.split(text) == split_tokens(text)
    assert [(m.span(), m.lastgroup) for m in fast_tokens.finditer(text)] == [
        (m.span(), m.lastgroup) for m in _TOKEN_RE.finditer(text)
    ]
    assert [(t.start, t.end, t.kind) for t in tokenize(text)] == [
        (m.start(), m.end(), m.lastgroup) for m in _TOKEN_RE.finditer(text)
    ]


# The tokenizer's definition in its plainest form, kept as the reference for the fast pattern.
_M = f"[{EXTEND_BMP}{EXTEND_ASTRAL}]"  # what extends a grapheme cluster
_V = "[^\\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"  # visible
_REFERENCE = re.compile(
    rf"[{PREPEND}]*(?:\d+(?:[.,\u066b\u066c\u060c]\d+)*{_M}*"
    rf"|(?:[^\W\d_]|{_M}|\u0640)+"
    rf"|(?:[{REGIONAL}]{{2}}|{_V}){_M}*(?:(?<=\u200d){_V}{_M}*)*)"
)


@given(st.text(ALPHABET, max_size=80))
def test_fast_pattern_matches_the_reference(text: str) -> None:
    assert [(t.start, t.end) for t in tokenize(text)] == [
        m.span() for m in _REFERENCE.finditer(text)
    ]


@given(st.text(ALPHABET, max_size=60))
@example("🇸🇦🇪🇬 1\ufe0f\u20e3 🏴\U000e0067\U000e007f क\u093f\u0600١٢")
def test_no_token_splits_a_grapheme_cluster(text: str) -> None:
    """Tokens end and start only between grapheme clusters (offsets stay code points); the one
    exception is white space, never part of a token, inside a cluster (a mark after a space)."""
    import regex

    bounds = {0, *(m.end() for m in regex.finditer(r"\X", text))}
    for t in tokenize(text):
        assert t.start in bounds or text[t.start - 1].isspace(), (text, t)
        assert t.end in bounds or text[t.end].isspace(), (text, t)


def test_a_flag_a_keycap_and_a_family_are_one_token_each() -> None:
    text = "رفع 🇸🇦🇪🇬 و1\ufe0f\u20e3 👨\u200d👩\u200d👧!"
    assert [t.text for t in tokenize(text)] == [
        "رفع", "🇸🇦", "🇪🇬", "و", "1\ufe0f\u20e3", "👨\u200d👩\u200d👧", "!",
    ]  # fmt: skip
    assert [(t.start, t.end) for t in tokenize(text)][1:3] == [(4, 6), (6, 8)]  # code points
    # a Devanagari conjunct (consonant, virama, consonant) and its vowel signs: one word
    assert [t.text for t in tokenize("क्षेत्र دنيا")] == ["क्षेत्र", "دنيا"]


def test_the_cluster_classes_are_unicodes() -> None:
    from annotator.text import clusters

    assert {name: getattr(clusters, name) for name in clusters.generated()} == clusters.generated()


@given(st.text(ALPHABET, max_size=60))
@example("\u0600١٢ و\u0600ب \u0600 1\ufe0f\u20e3")
def test_token_kind_of_a_split_token_is_the_tokenizers(text: str) -> None:
    from annotator.text.tokens import split_tokens, token_kind

    assert [token_kind(t) for t in split_tokens(text)[1::2]] == [t.kind for t in tokenize(text)]
