"""Code points versus UTF-16 units and grapheme clusters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.text.offsets import OffsetConverter

ALPHABET = st.sampled_from([*list("قال ب"), "😀", "🏽", "ً", "ّ", "\n", "A"])


@given(st.text(ALPHABET, max_size=50))
def test_utf16_round_trip_matches_python_encoding(text: str) -> None:
    conv = OffsetConverter(text)
    for cp in range(len(text) + 1):
        unit = conv.to_utf16(cp)
        assert unit == len(text[:cp].encode("utf-16-le")) // 2
        assert conv.from_utf16(unit) == cp
    assert conv.utf16_length() == len(text.encode("utf-16-le")) // 2


def test_emoji_shifts_utf16_but_not_code_points() -> None:
    text = "😀 قال"
    conv = OffsetConverter(text)
    assert text[2:5] == "قال"
    assert (conv.to_utf16(2), conv.to_utf16(5)) == (3, 6)


def test_grapheme_counts_a_letter_with_tanween_as_one() -> None:
    text = "كتاباً جديداً"
    conv = OffsetConverter(text)
    assert conv.grapheme_count() == 11
    assert conv.from_grapheme(6) == 7  # after "كتاباً" (6 graphemes, 7 code points)
    assert conv.to_grapheme(7) == 6
