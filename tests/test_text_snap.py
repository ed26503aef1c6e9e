"""Snapping raw selections to what an annotator means."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.text.normalize import is_mark
from annotator.text.snap import snap_selection

TEXT = "قالَ الرئيسُ، «والصين» تدعم."


def test_trims_spaces_and_punctuation() -> None:
    start = TEXT.index("«")
    assert snap_selection(TEXT, start - 1, start + 8) == (start + 1, start + 7)


def test_extends_to_whole_words_by_default() -> None:
    s = TEXT.index("الرئيس")
    assert snap_selection(TEXT, s + 2, s + 4) == (s, s + 7)  # keeps the damma


def test_character_precision_leaves_the_clitic_out() -> None:
    s = TEXT.index("والصين")
    assert snap_selection(TEXT, s + 1, s + 6, whole_words=False) == (s + 1, s + 6)
    assert TEXT[s + 1 : s + 6] == "الصين"


def test_never_splits_a_letter_from_its_diacritics() -> None:
    # end just before the fatha of قالَ
    assert snap_selection(TEXT, 0, 3, whole_words=False) == (0, 4)
    # start on the fatha itself moves back to the letter
    assert snap_selection(TEXT, 3, 4, whole_words=False) == (2, 4)


def test_nothing_but_punctuation_is_no_span() -> None:
    assert snap_selection(TEXT, 12, 14) is None


@given(st.integers(0, len(TEXT)), st.integers(0, len(TEXT)), st.booleans())
def test_snapped_spans_are_clean(a: int, b: int, whole: bool) -> None:
    result = snap_selection(TEXT, a, b, whole_words=whole)
    if result is None:
        return
    s, e = result
    assert 0 <= s < e <= len(TEXT)
    assert not TEXT[s].isspace() and not TEXT[e - 1].isspace()
    assert not is_mark(TEXT[s])
    assert e == len(TEXT) or not is_mark(TEXT[e])
