"""Token-based formats: Hugging Face BIO (JSON lines) and CoNLL (one token per line).

All use the project's tokenizer and widen spans that do not fit tokens (reported in the manifest).
hf-bio and conll write one BIO column per group of labels (see bio.py), so overlaps of different
groups survive; conll2003 writes the one column readers of CoNLL-2003 take, of the --labels given
(every label when none), and lists in the manifest each overlapping span it had to leave out.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.export.base import Writer
from annotator.export.bio import bio_columns, class_names, column_name, tag_columns
from annotator.export.manifest import Manifest
from annotator.export.options import ExportOptions
from annotator.export.tokens import document_tokens, fit_spans
from annotator.model.document import Document, Layer
from annotator.model.schema import Schema


class _TokenWriter(Writer):
    def __init__(
        self, path: Path, schema: Schema, manifest: Manifest, options: ExportOptions, layer: str
    ) -> None:
        super().__init__(path, schema, manifest, options, layer)
        self.columns = self._columns()
        manifest.extra["columns"] = {column_name(g): class_names(g) for g in self.columns}
        manifest.extra["tokenizer"] = "annotator words-numbers-punctuation (clitics not split)"

    def _columns(self) -> list[list[str]]:
        return bio_columns(self.schema)

    def _tags(self, doc: Document, layer: Layer) -> tuple[list[object], dict[str, list[str]]]:
        tokens = document_tokens(doc)
        fitted = fit_spans(doc, layer.spans, tokens, self.manifest.widened)
        tags = tag_columns(doc, len(tokens), fitted, self.columns, self.manifest.dropped)
        return list(tokens), tags


class HfBioWriter(_TokenWriter):
    """``{"id", "tokens", "token_offsets", "<column>_tags"...}`` per document."""

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        tokens, tags = self._tags(doc, layer)
        obj = {
            "id": doc.ext_id,
            "tokens": [t.text for t in tokens],  # type: ignore[attr-defined]
            "token_offsets": [[t.start, t.end] for t in tokens],  # type: ignore[attr-defined]
            **tags,
        }
        self.fh.write(json.dumps(obj, ensure_ascii=False) + "\n")


class ConllWriter(_TokenWriter):
    """``token start end tag...`` per line; a blank line between paragraphs and documents."""

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        tokens, tags = self._tags(doc, layer)
        names = [column_name(g) for g in self.columns]
        self.fh.write(f"# id = {doc.ext_id}\n# columns = token start end {' '.join(names)}\n")
        previous_end = 0
        for i, tok in enumerate(tokens):
            if i and "\n" in doc.text[previous_end : tok.start]:  # type: ignore[attr-defined]
                self.fh.write("\n")
            row = [tok.text, str(tok.start), str(tok.end)] + [tags[n][i] for n in names]  # type: ignore[attr-defined]
            self.fh.write("\t".join(row) + "\n")
            previous_end = tok.end  # type: ignore[attr-defined]
        self.fh.write("\n")


DOCSTART = "-DOCSTART- -X- O O"  # the exact line spaCy's converter and CoNLL-2003 readers split on


class Conll2003Writer(_TokenWriter):
    """``token _ _ TAG`` per line (CoNLL-2003's four columns, no part of speech or chunk known),
    ``-DOCSTART-`` before each document, a blank line between paragraphs; no comment lines."""

    def _columns(self) -> list[list[str]]:
        return [list(self.options.labels or self.schema.label_ids)]

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        tokens, tags = self._tags(doc, layer)
        (column,) = tags.values()
        self.fh.write(f"{DOCSTART}\n\n")
        previous_end = 0
        for i, tok in enumerate(tokens):
            if i and "\n" in doc.text[previous_end : tok.start]:  # type: ignore[attr-defined]
                self.fh.write("\n")
            self.fh.write(f"{tok.text} _ _ {column[i]}\n")  # type: ignore[attr-defined]
            previous_end = tok.end  # type: ignore[attr-defined]
        self.fh.write("\n")
