"""Turn the bytes of an imported file into stored text: decode, drop the BOM, LF line ends, NFC.

Arabic news archives come in UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256 and
ISO-8859-6. UTF-8 is tried strictly first because random bytes almost never decode as UTF-8; the two
legacy single-byte encodings are told apart by how Arabic the result looks; charset-normalizer decides
what is left.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from annotator.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY = ("cp1256", "iso8859_6")


def prepare_text(text: str) -> str:
    """Return text as it is stored: CRLF and CR turned into LF, then Unicode NFC (never NFKC)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _plausibility(text: str) -> float:
    """Share of characters that belong in Arabic news text (Arabic letters, ASCII, spaces, marks)."""
    if not text:
        return 1.0
    good = 0
    for ch in text:
        o = ord(ch)
        if (
            0x20 <= o < 0x7F
            or ch in "\n\r\t"
            or 0x0600 <= o <= 0x06FF
            or ch in "«»“”‘’–—…"
            or ch == "\u00a0"
        ):
            good += 1
    return good / len(text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(2, len(sample) // 100)


def detect_encoding(data: bytes, path: str | Path | None = None) -> str:
    """Name the encoding of ``data``; raise InputError when it is not text in a known encoding."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if _looks_binary(data):
        raise InputError(path, "this looks like a binary file, not text")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best_name, best_score = "", 0.0
    for name in _LEGACY:
        try:
            score = _plausibility(data.decode(name))
        except UnicodeDecodeError:
            continue
        if score > best_score:
            best_name, best_score = name, score
    if best_score >= 0.97:
        return best_name
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is None or guess.encoding is None:
        raise InputError(path, "the text encoding could not be recognised (save it as UTF-8)")
    return str(guess.encoding)


def decode_bytes(data: bytes, path: str | Path | None = None) -> str:
    """Decode a whole file's bytes into stored text (BOM dropped, LF, NFC)."""
    encoding = detect_encoding(data, path)
    for bom, name in _BOMS:
        if encoding == name and data.startswith(bom):
            data = data[len(bom) :]
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(path, f"the bytes are not valid {encoding}") from exc
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise InputError(path, "the text contains NUL characters; is it a binary file?")
    return prepare_text(text)
