"""Decoding imported bytes: every encoding real Arabic archives use ends as the same stored text."""

from __future__ import annotations

import codecs

import pytest

from annotator.errors import InputError
from annotator.text.decode import decode_bytes, prepare_text

ARTICLE = "قال الوزير: «سنواصل المحادثات» مع الصين.\nوأضاف أن الزيارة ستتم في 2025."


ENCODINGS = {
    "utf8": lambda t: t.encode("utf-8"),
    "utf8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf16": lambda t: t.encode("utf-16"),  # with BOM, native order
    "utf16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "cp1256": lambda t: t.encode("cp1256"),
    "iso8859-6": lambda t: t.encode("iso8859_6"),
}
# ISO-8859-6 has no guillemets, so the shared article uses plain quotes.
PLAIN = ARTICLE.replace("«", '"').replace("»", '"')


@pytest.mark.parametrize("name", ENCODINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_encoding_gives_the_same_stored_text(name: str, newline: str) -> None:
    data = ENCODINGS[name](PLAIN.replace("\n", newline))
    assert decode_bytes(data, "a.txt") == PLAIN


def test_cp1256_with_letters_that_differ_from_iso8859_6() -> None:
    # ط and ـ sit where cp1256 and ISO-8859-6 disagree
    text = "طلب الطرفان تخطيط الخطوط"
    assert decode_bytes(text.encode("cp1256")) == text
    assert decode_bytes(text.encode("iso8859_6")) == text


def test_crlf_and_cr_become_lf_and_text_is_nfc() -> None:
    decomposed = "ا\u0654سد"  # alef + combining hamza above
    data = f"سطر\r\nآخر\r{decomposed}".encode()
    assert decode_bytes(data) == "سطر\nآخر\nأسد"


def test_nfkc_is_never_applied() -> None:
    assert prepare_text("ﻻ ﷺ") == "ﻻ ﷺ"


def test_binary_file_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match=r"^x\.bin: this looks like a binary file"):
        decode_bytes(b"\x7fELF\x00\x01\x02" * 50, "x.bin")


def test_empty_bytes_decode_to_empty_text() -> None:
    assert decode_bytes(b"") == ""
