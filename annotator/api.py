"""The Python API: a project opened read-only, as the model's dataclasses, for notebooks and scripts.

    import annotator
    with annotator.open("news.db") as project:
        for span in project.spans(annotator="layla"):
            print(span.doc_id, span.label, span.text)
        frame = project.to_pandas()          # one row per span (needs pandas)

Nothing here writes annotations: the file is opened read-only, so a notebook can read a project
while annotators work in it (a project made by an older version is first upgraded, as the program
does whenever it opens one). Relations name their spans by the ids exports use (``s1``), together with
the document and annotator that make them unique.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from annotator.errors import AnnotatorError
from annotator.model.document import Document, Relation, Span
from annotator.model.layers import SUGGESTIONS_LAYER
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.identity import identify

SPAN_COLUMNS = ("doc_id", "document", "annotator", "sid", "label", "start", "end", "text",
                "attributes")  # fmt: skip
RELATION_COLUMNS = ("doc_id", "document", "annotator", "rid", "label", "head", "child")
SUGGESTIONS = SUGGESTIONS_LAYER


class ReadOnlyProject:
    """A project file opened for reading; iterate its documents, spans and relations."""

    def __init__(self, path: str | Path) -> None:
        p = Path(path)
        if p.is_file() and identify(p).pending and os.access(p, os.W_OK):
            # made by an older version: upgrade its schema once, as the program does on opening
            # it (no annotation changes), then read it read-only like any other
            Project.open(p).close()
        self._project = Project.open(p, readonly=True)

    @property
    def path(self) -> Path:
        """The project file."""
        return self._project.path

    @property
    def schema(self) -> Schema:
        """The project's label schema."""
        return self._project.schema

    def annotators(self) -> list[str]:
        """Every layer name in the project (annotators, and 'suggestions' when there are some)."""
        return self._project.annotators()

    def documents(self) -> Iterator[Document]:
        """Every document in import order, streamed."""
        return self._project.documents()

    def _layers(self, annotator: str | None, suggestions: bool) -> Iterator[tuple[Document, Any]]:
        names = [annotator] if annotator is not None else None
        for doc, layers in self._project.stream_layers(names):
            for name, layer in layers.items():
                if name == SUGGESTIONS and not suggestions and annotator != SUGGESTIONS:
                    continue
                yield doc, layer

    def spans(self, annotator: str | None = None, *, suggestions: bool = False) -> Iterator[Span]:
        """Every span (of one annotator, when given), document by document in text order.

        Machine suggestions are left out unless ``suggestions`` is true or asked for by name.
        """
        for _doc, layer in self._layers(annotator, suggestions):
            yield from layer.spans

    def relations(
        self, annotator: str | None = None, *, suggestions: bool = False
    ) -> Iterator[Relation]:
        """Every relation; ``head`` and ``child`` are span ids (``sid``) within its layer."""
        for _doc, layer in self._layers(annotator, suggestions):
            yield from layer.relations

    def to_pandas(self, what: str = "spans", annotator: str | None = None) -> Any:
        """A DataFrame of ``spans`` (default), ``relations`` or ``documents``; needs pandas."""
        try:
            pandas = importlib.import_module("pandas")  # optional, and typed as Any on purpose
        except ImportError:
            raise AnnotatorError("to_pandas needs pandas: pip install pandas") from None
        if what == "documents":
            rows: list[tuple[Any, ...]] = [
                (d.id, d.ext_id, d.title, d.text, d.meta, d.source) for d in self.documents()
            ]
            return pandas.DataFrame(rows, columns=["doc_id", "document", "title", "text", "meta", "source"])  # fmt: skip
        if what not in ("spans", "relations"):
            raise AnnotatorError(f"to_pandas gives spans, relations or documents, not {what!r}")
        rows = []
        for doc, layer in self._layers(annotator, False):
            if what == "spans":
                rows += [(doc.id, doc.ext_id, s.annotator, s.sid, s.label, s.start, s.end, s.text,
                          s.attributes) for s in layer.spans]  # fmt: skip
            else:
                rows += [(doc.id, doc.ext_id, r.annotator, r.rid, r.label, r.head, r.child)
                         for r in layer.relations]  # fmt: skip
        columns = SPAN_COLUMNS if what == "spans" else RELATION_COLUMNS
        return pandas.DataFrame(rows, columns=list(columns))

    def close(self) -> None:
        """Close the file."""
        self._project.close()

    def __enter__(self) -> ReadOnlyProject:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
