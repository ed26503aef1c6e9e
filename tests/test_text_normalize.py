"""Search normalisation with a map back to stored offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.text.normalize import (
    _fold_char,
    find_all,
    matches,
    normalize_for_search,
    normalize_query,
)

ALPHABET = st.sampled_from(
    [*list("الأسدإآىةؤئ سوريا"), "َ", "ّ", "ً", "ٰ", "ـ", "\u200f", "😀", "🏽", "A", "z", "\n"]
)  # fmt: skip


@given(st.text(ALPHABET, max_size=80))
def test_map_points_every_normalised_character_at_its_source(text: str) -> None:
    norm = normalize_for_search(text)
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(set(norm.origin))
    for ch, i in zip(norm.text, norm.origin, strict=True):
        assert 0 <= i < len(text)
        assert normalize_for_search(text[i]).text == ch


@given(st.text(ALPHABET, max_size=40), st.text(ALPHABET, min_size=1, max_size=6))
def test_find_all_returns_stored_slices_that_normalise_to_the_query(text: str, query: str) -> None:
    needle = normalize_for_search(query.strip()).text
    for start, end in find_all(text, query):
        assert 0 <= start < end <= len(text)
        assert normalize_for_search(text[start:end]).text == needle


def test_hamza_diacritics_and_tatweel_are_ignored() -> None:
    text = "وقالَ الأَسَـــد إنّ الاسد ومؤسسة"
    assert [text[s:e] for s, e in find_all(text, "الاسد")] == ["الأَسَـــد", "الاسد"]
    assert find_all(text, "مءسسة") == []
    assert [text[s:e] for s, e in find_all(text, "موسسه")] == ["مؤسسة"]


def test_marks_on_the_last_letter_stay_in_the_match() -> None:
    text = "مرحباً بكم"
    assert find_all(text, "مرحبا") == [(0, 6)]


def test_matches_for_filtering() -> None:
    assert matches("الرئيس بشار الأسد", "الاسد")
    assert not matches("الرئيس الصيني", "الاسد")


@given(st.text(max_size=60) | st.text(ALPHABET, max_size=60))
def test_the_fast_folding_is_the_character_by_character_one(text: str) -> None:
    expected = "".join(_fold_char(ch) for ch in text)
    assert normalize_query(text) == expected
    assert normalize_for_search(text).text == expected
    assert normalize_query(text + "😀") == expected + "😀"  # the path for text beyond the BMP


def test_hits_can_be_capped() -> None:
    text = "ال" * 50
    assert len(find_all(text, "ال")) == 50
    assert find_all(text, "ال", limit=7) == find_all(text, "ال")[:7]
    norm = normalize_for_search(text)
    assert find_all(text, "ال", norm=norm) == find_all(text, "ال")
