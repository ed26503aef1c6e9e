"""spaCy DocBin: ``doc.ents`` for spans that do not overlap, ``doc.spans["sc"]`` for all of them.

Tokens are the project's tokenizer's (so the spans align); spans that do not fit tokens are widened
and reported. spaCy is an optional extra: ``pip install 'annotator[spacy]'``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.export.base import Writer
from annotator.export.manifest import Manifest
from annotator.export.options import ExportOptions
from annotator.export.tokens import document_tokens, fit_spans
from annotator.model.document import Document, Layer
from annotator.model.schema import Schema


def _words(text: str, bounds: list[tuple[int, int]]) -> tuple[list[str], list[bool], list[int]]:
    """spaCy words and trailing spaces that rebuild ``text`` exactly.

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


class SpacyWriter(Writer):
    """Collects Docs and writes one .spacy file at close."""

    def __init__(
        self, path: Path, schema: Schema, manifest: Manifest, options: ExportOptions, layer: str
    ) -> None:
        super().__init__(path, schema, manifest, options, layer)
        try:
            import spacy
            from spacy.tokens import DocBin
        except ImportError:
            raise AnnotatorError(
                "the spacy format needs spaCy: install it with pip install 'annotator[spacy]'"
            ) from None
        self._nlp = spacy.blank("ar")
        self._bin: Any = DocBin(store_user_data=True)
        self._spacy: Any = spacy

    def write(self, doc: Document, layers: list[Layer]) -> None:
        from spacy.tokens import Doc
        from spacy.util import filter_spans

        (layer,) = layers
        tokens = document_tokens(doc)
        words, spaces, index = _words(doc.text, [(t.start, t.end) for t in tokens])
        sdoc = Doc(self._nlp.vocab, words=words, spaces=spaces)
        assert sdoc.text == doc.text  # the Doc carries the stored text exactly
        sdoc.user_data["id"] = doc.ext_id
        fitted = fit_spans(doc, layer.spans, tokens, self.manifest.widened)
        spans = [sdoc[index[f.first] : index[f.last] + 1] for f in fitted]
        labelled = [
            self._spacy.tokens.Span(sdoc, s.start, s.end, label=f.span.label)
            for s, f in zip(spans, fitted, strict=True)
        ]
        sdoc.spans["sc"] = labelled
        ents = filter_spans(labelled)
        if len(ents) < len(labelled):
            self.manifest.extra.setdefault("not_in_ents", 0)
            self.manifest.extra["not_in_ents"] += len(labelled) - len(ents)
        sdoc.ents = ents
        self._bin.add(sdoc)

    def close(self) -> None:
        self._bin.to_disk(self.path)
