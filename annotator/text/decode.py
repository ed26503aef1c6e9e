"""Turn the bytes of an imported file into stored text: decode, drop the BOM, LF line ends, NFC.

Arabic news archives come in UTF-8 (with or without BOM), UTF-16 (with or without BOM),
Windows-1256 and ISO-8859-6, and a French or English page may be Windows-1252/Latin-1. UTF-8 is
tried strictly first because random bytes almost never decode as UTF-8. The single-byte encodings
are told apart by how plausible the result reads (a word mixing Arabic and Latin letters is not);
when two of them read equally well but give different text, the choice is reported as uncertain
(``Decoded.note``) so the user is told, and ``--encoding`` decides instead.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LEGACY = ("cp1256", "iso8859_6", "cp1252")  # in order of preference when they read the same
SURE_SCORE = 0.97  # share of plausible characters above which a legacy decoding is believed
CLEAR_MARGIN = 0.02  # a runner-up this close (with other text) makes the choice uncertain
UTF16_SCORE = 0.9  # a BOM-less UTF-16 reading must be at least this plausible
MAX_ACCENTED = 0.3  # French runs about 4% accented letters; Arabic read as Latin-1, nearly all
_PUNCT = "«»“”‘’–—…"


@dataclass(frozen=True)
class Decoded:
    """Text as written in the file (BOM dropped, nothing else changed) and how it was decoded."""

    raw: str
    encoding: str
    note: str = ""  # set when the encoding was a guess the user should know about

    @property
    def text(self) -> str:
        """The text as it is stored (LF, NFC)."""
        return prepare_text(self.raw)


def prepare_text(text: str) -> str:
    """Return text as it is stored: CRLF and CR turned into LF, then Unicode NFC (never NFKC)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def stored_offsets(raw: str) -> Callable[[int], int]:
    """A map from offsets in ``raw`` (as written) to offsets in ``prepare_text(raw)``.

    Built in one pass over clusters (a character with the combining marks after it, or CR LF), so
    mapping every span of a long document stays linear. An offset inside a cluster maps to where
    that part of the cluster ends up.
    """
    stored = prepare_text(raw)
    if stored == raw:
        return lambda i: i
    starts: list[int] = []  # raw offset of each cluster
    ends: list[int] = [0]  # stored offset after each cluster
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        if raw[i] == "\r" and j < n and raw[j] == "\n":
            j += 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        starts.append(i)
        ends.append(ends[-1] + len(prepare_text(raw[i:j])))
        i = j
    if ends[-1] != len(stored):  # a composition across clusters (Hangul jamo): the slow way
        return lambda k: len(prepare_text(raw[:k]))
    starts.append(n)

    def at(k: int) -> int:
        import bisect

        c = bisect.bisect_right(starts, k) - 1
        if c >= len(starts) - 1:
            return ends[-1]
        inside = raw[starts[c] : k]
        return ends[c] + min(len(prepare_text(inside)), ends[c + 1] - ends[c])

    return at


def _plausibility(text: str) -> float:
    """Share of characters that belong in news text.

    Wrong decodings betray themselves: a word mixing Arabic and Latin letters ("Cafى"), or Latin
    text that is mostly accented letters (Arabic bytes read as Windows-1252: "ÞÇá").
    """
    if not text:
        return 1.0
    accented = sum(1 for ch in text if 0xC0 <= ord(ch) <= 0x24F)
    plain = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    accents_plausible = accented <= MAX_ACCENTED * (accented + plain)
    good = 0
    for word in text.split():
        arabic = any(0x0600 <= ord(ch) <= 0x06FF for ch in word)
        latin = any(0xC0 <= ord(ch) <= 0x24F or (ch.isascii() and ch.isalpha()) for ch in word)
        if arabic and latin:
            continue
        for ch in word:
            o = ord(ch)
            accent = 0xC0 <= o <= 0x24F
            good += (0x21 <= o < 0x7F or 0x0600 <= o <= 0x06FF or ch in _PUNCT) or (
                accent and accents_plausible
            )
    spaces = sum(1 for ch in text if ch in " \n\r\t\u00a0")
    return (good + spaces) / len(text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(2, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    best, best_score = None, UTF16_SCORE
    for name in ("utf-16-le", "utf-16-be"):
        try:
            score = _plausibility(data.decode(name))
        except UnicodeDecodeError:
            continue
        if score >= best_score:
            best, best_score = name, score
    return best


def _legacy(data: bytes, path: str | Path | None) -> tuple[str, str]:
    """The best single-byte reading and a note saying which it is (a guess when another reads as
    well with other text), for every file, .txt or .csv alike."""
    readings: list[tuple[float, str, str]] = []
    for name in LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        readings.append((_plausibility(text), name, text))
    readings.sort(key=lambda r: -r[0])  # stable: ties keep the order of preference
    if readings and readings[0][0] >= SURE_SCORE:
        score, name, text = readings[0]
        rivals = [r for r in readings[1:] if r[2] != text and r[0] >= score - CLEAR_MARGIN]
        if not rivals:  # said all the same: the user may have meant the file to be UTF-8
            return (
                name,
                f"the text is not UTF-8: read as {_label(name)}; give --encoding if it is wrong",
            )
        return name, _uncertain(name, rivals[0][1])
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is None or guess.encoding is None:
        raise InputError(path, "the text encoding could not be recognised (save it as UTF-8)")
    name = str(guess.encoding)
    return name, _uncertain(name, "")


def _uncertain(name: str, rival: str) -> str:
    also = f" (it could also be {_label(rival)})" if rival else ""
    return f"the encoding was a guess: read as {_label(name)}{also}; give --encoding if it is wrong"


def _label(name: str) -> str:
    return {"cp1256": "Windows-1256", "iso8859_6": "ISO-8859-6", "cp1252": "Windows-1252"}.get(
        name, name
    )


def detect_encoding(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """The encoding of ``data`` and a note when it is a guess; InputError when it is not text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, ""
    if _looks_binary(data):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16, ""
        raise InputError(path, "this looks like a binary file, not text")
    try:
        data.decode("utf-8")
        return "utf-8", ""
    except UnicodeDecodeError:
        pass
    return _legacy(data, path)


def decode(data: bytes, path: str | Path | None = None, encoding: str = "") -> Decoded:
    """Decode a whole file's bytes (``encoding`` forces one); the BOM dropped, nothing else."""
    if encoding:
        name, note = encoding, ""
    else:
        name, note = detect_encoding(data, path)
    for bom, bom_name in _BOMS:
        if codecs.lookup(name).name == codecs.lookup(bom_name).name and data.startswith(bom):
            data = data[len(bom) :]
    try:
        raw = data.decode(name)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, "the bytes are not valid {encoding}", line, encoding=name) from None
    except LookupError:
        raise InputError(
            path, "{encoding!r} is not an encoding Python knows", encoding=name
        ) from None
    raw = raw.removeprefix("\ufeff")
    if "\x00" in raw:
        raise InputError(path, "the text contains NUL characters; is it a binary file?")
    return Decoded(raw, name, note)


def decode_bytes(data: bytes, path: str | Path | None = None, encoding: str = "") -> str:
    """Decode a whole file's bytes into stored text (BOM dropped, LF, NFC)."""
    return decode(data, path, encoding).text
