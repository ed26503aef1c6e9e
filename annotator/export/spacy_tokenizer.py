"""The project's tokenizer as a spaCy tokenizer, so a model trains on the tokens the export wrote.

Registered through spaCy's entry points (``spacy_tokenizers`` in pyproject.toml) as
``annotator.Tokenizer.v1``: a ``config.cfg`` with ``[nlp.tokenizer] @tokenizers =
"annotator.Tokenizer.v1"`` tokenises exactly as ``export --format spacy`` did, in training and in
the trained pipeline, and ``spacy debug data`` finds no misaligned span.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from annotator.text.tokens import tokenize

NAME = "annotator.Tokenizer.v1"


def words_and_spaces(
    text: str, bounds: list[tuple[int, int]]
) -> tuple[list[str], list[bool], list[int]]:
    """spaCy words and trailing spaces that rebuild ``text`` exactly from token ``bounds``.

    Gaps between tokens other than one space (line breaks, direction marks, double spaces) become
    whitespace-like tokens of their own; ``index`` maps our token numbers to spaCy's.
    """
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    pos = 0
    for start, end in [*bounds, (len(text), len(text))]:
        gap = text[pos:start]
        if gap.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
        if end > start:
            index.append(len(words))
            words.append(text[start:end])
            spaces.append(False)
        pos = end
    return words, spaces, index


def spacy_words(text: str) -> tuple[list[str], list[bool], list[int]]:
    """The words, spaces and token index of ``text`` under the project's tokenizer."""
    return words_and_spaces(text, [(t.start, t.end) for t in tokenize(text)])


class AnnotatorTokenizer:
    """A spaCy tokenizer: text -> Doc with the project's tokens (nothing to save or load)."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc

        words, spaces, _ = spacy_words(text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Any]:
        for text in texts:
            yield self(text)

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        """Nothing to save: the tokenizer is the installed program's."""

    def from_disk(self, path: Any, **kwargs: Any) -> AnnotatorTokenizer:
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> AnnotatorTokenizer:
        return self


def create_tokenizer() -> Callable[[Any], AnnotatorTokenizer]:
    """The registered function: spaCy calls it from the config, then calls the result with nlp."""

    def make(nlp: Any) -> AnnotatorTokenizer:
        return AnnotatorTokenizer(nlp.vocab)

    return make
