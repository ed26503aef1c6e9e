"""Arabic text handling: decoding, normalisation with offset maps, tokens, snapping, offset units.

The only package that imports pyarabic. Stored text is never changed here: normalised forms are for
search and matching only, and always come with a map back to stored code point offsets.
"""

from annotator.text.decode import decode_bytes, prepare_text
from annotator.text.normalize import NormalizedText, find_all, normalize_for_search
from annotator.text.offsets import OffsetConverter
from annotator.text.snap import snap_selection
from annotator.text.tokens import Token, tokenize

__all__ = [
    "NormalizedText",
    "OffsetConverter",
    "Token",
    "decode_bytes",
    "find_all",
    "normalize_for_search",
    "prepare_text",
    "snap_selection",
    "tokenize",
]
