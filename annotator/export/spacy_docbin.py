"""spaCy training data: a folder of sharded ``.spacy`` files and a ``config.cfg`` that trains on it.

Tokens are the project's tokenizer's (spacy_tokenizer.py, registered with spaCy), so every span
aligns; a span that does not fit whole tokens is widened and reported. ``doc.spans["sc"]`` holds
every span, ``doc.ents`` those that do not overlap (the longest wins; the others are counted as
``not_in_ents`` for spancat, and as dropped for ner, which trains on ``doc.ents`` alone). Relations and attribute values ride in ``doc.user_data`` under
``"annotator.relations"`` and ``"annotator.attributes"`` (SPEC section 5). Documents are written in
shards of SHARD_DOCS, so memory stays flat however large the export. spaCy is an optional extra:
``pip install 'arabic-news-annotator[spacy]'`` (the distribution's name; the package is imported as annotator).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator import DISTRIBUTION
from annotator.errors import AnnotatorError, UsageError
from annotator.export.base import Writer
from annotator.export.manifest import Manifest
from annotator.export.options import ExportOptions
from annotator.export.spacy_tokenizer import NAME as TOKENIZER
from annotator.export.spacy_tokenizer import spacy_words
from annotator.export.tokens import document_tokens, fit_spans
from annotator.model.document import Document, Layer
from annotator.model.schema import Schema

SHARD_DOCS = 500  # documents per .spacy file: memory stays that of one shard
SPANS_KEY = "sc"
LANG = "ar"  # Arabic lexical attributes (numbers, stop words); the tokenizer is ours
NER = "ner"
PIPELINES = ("spancat", NER)
NOT_IN_ENTS = "overlaps a longer span: NER entities cannot overlap (kept in doc.spans only)"
MAX_SUGGESTED = 60  # spancat proposes spans of up to this many tokens (claims run to ~35)


class SpacyWriter(Writer):
    """Writes ``NNNN.spacy`` shards into the folder ``path``."""

    def __init__(
        self, path: Path, schema: Schema, manifest: Manifest, options: ExportOptions, layer: str
    ) -> None:
        super().__init__(path, schema, manifest, options, layer)
        try:
            import spacy
            from spacy.tokens import DocBin
        except ImportError:
            raise AnnotatorError(
                "the spacy format needs spaCy: install it with pip install '{distribution}[spacy]'",
                distribution=DISTRIBUTION,
            ) from None
        if options.spacy_pipeline not in PIPELINES:
            raise UsageError(
                "--spacy-pipeline {pipeline!r}: choose {choices}",
                pipeline=options.spacy_pipeline, choices=" or ".join(PIPELINES),
            )  # fmt: skip
        path.mkdir(parents=True, exist_ok=True)
        self._blank: Any = spacy.blank
        self._vocab = spacy.blank(LANG).vocab
        self._docbin: Any = DocBin
        self._bin: Any = None
        self._shards = 0

    def write(self, doc: Document, layers: list[Layer]) -> None:
        from spacy.tokens import Doc, Span
        from spacy.util import filter_spans

        (layer,) = layers
        words, spaces, index = spacy_words(doc.text)
        sdoc = Doc(self._vocab, words=words, spaces=spaces)
        assert sdoc.text == doc.text  # the Doc carries the stored text exactly
        sdoc.user_data["id"] = doc.ext_id
        fitted = fit_spans(doc, layer.spans, document_tokens(doc), self.manifest)
        labelled = [
            Span(sdoc, index[f.first], index[f.last] + 1, label=f.span.label, span_id=f.span.sid)
            for f in fitted
        ]
        sdoc.spans[SPANS_KEY] = labelled
        ents = filter_spans(labelled)
        sdoc.ents = ents
        in_ents = {id(e) for e in ents}
        left = [f.span for f, s in zip(fitted, labelled, strict=True) if id(s) not in in_ents]
        if self.options.spacy_pipeline == NER:  # NER trains on doc.ents only: these are lost to it
            self.manifest.dropped += [
                {"document": doc.ext_id, "span": s.sid, "label": s.label, "start": s.start,
                 "end": s.end, "text": s.text, "reason": NOT_IN_ENTS}
                for s in left
            ]  # fmt: skip
            entities = self.manifest.extra.setdefault("ents_by_label", {})
            for e in ents:
                entities[e.label_] = entities.get(e.label_, 0) + 1
        elif left:  # spancat trains on doc.spans["sc"], which holds them all
            self.manifest.extra["not_in_ents"] = self.manifest.extra.get("not_in_ents", 0) + len(
                left
            )
        longest = max((len(s) for s in labelled), default=0)
        self.manifest.extra["longest_span_tokens"] = max(
            self.manifest.extra.get("longest_span_tokens", 0), longest
        )
        sdoc.user_data["annotator.attributes"] = {
            s.sid: dict(sorted(s.attributes.items())) for s in layer.spans if s.attributes
        }
        sdoc.user_data["annotator.relations"] = [
            {"id": r.rid, "head": str(r.head), "child": str(r.child), "label": r.label}
            for r in layer.relations
        ]
        if self._bin is None:
            self._bin = self._docbin(store_user_data=True)
        self._bin.add(sdoc)
        if len(self._bin) >= SHARD_DOCS:
            self._flush()

    def _flush(self) -> None:
        if self._bin is not None and len(self._bin):
            self._bin.to_disk(self.path / f"{self._shards:04}.spacy")
            self._shards += 1
        self._bin = None
        self._vocab = self._blank(LANG).vocab  # a fresh string store: memory stays one shard's

    def close(self) -> None:
        self._flush()

    @classmethod
    def finish(
        cls, root: Path, finals: dict[str | None, Path], options: ExportOptions, manifest: Manifest
    ) -> dict[str | None, Path]:
        """Write ``config.cfg`` at the folder's root: the project's tokenizer, the chosen
        pipeline, and the corpora at their final places."""
        from spacy.cli.init_config import init_config

        pipeline = options.spacy_pipeline
        config = init_config(lang=LANG, pipeline=[pipeline])
        config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER}
        if None not in finals and "dev" not in finals:  # spacy train would evaluate on other data
            raise UsageError(
                "the split leaves dev empty, so spacy train would evaluate on data it did not hold "
                "out for that: choose another --split (for example 80,10,10)"
            )
        train = finals.get("train", finals.get(None))
        dev = finals.get("dev", train)  # without --split: the summary says it is the train set
        config["paths"]["train"] = str(train)
        config["paths"]["dev"] = str(dev)
        if pipeline == "spancat":
            longest = int(manifest.extra.get("longest_span_tokens", 3))
            config["components"]["spancat"]["suggester"] = {
                "@misc": "spacy.ngram_range_suggester.v1",
                "min_size": 1,
                "max_size": max(1, min(longest, MAX_SUGGESTED)),
            }
        config.to_disk(root / "config.cfg")
        if pipeline == NER:  # labels with spans of which none is an entity: NER never learns them
            entities = dict(sorted(manifest.extra.get("ents_by_label", {}).items()))
            manifest.extra["ents_by_label"] = entities
            manifest.extra["labels_not_in_ner"] = sorted(set(manifest.by_label) - set(entities))
        manifest.extra["spacy"] = {
            "pipeline": pipeline,
            "tokenizer": TOKENIZER,
            "spans_key": SPANS_KEY,
            "config": "config.cfg",
            "train": str(train),
            "dev": str(dev),
            "dev_is_train": dev == train,
        }
        return finals
