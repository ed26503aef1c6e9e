"""Run the suggestion rules over a project and store them as the 'suggestions' layer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from annotator.model.document import Layer
from annotator.store import Project
from annotator.suggest.rules import suggest

LAYER = "suggestions"


def suggest_project(
    store: Project, doc_ref: str | None = None, progress: Callable[[int], None] | None = None
) -> list[tuple[Any, Layer]]:
    """Suggestions for one document or all; stored (replacing earlier ones) and returned."""
    docs = [store.find_document(doc_ref)] if doc_ref else store.documents()
    results: list[tuple[Any, Layer]] = []

    def layers() -> Iterator[tuple[int, Layer]]:
        for n, doc in enumerate(docs, 1):
            if progress is not None:
                progress(n)
            layer = suggest(doc.text)
            results.append((doc, layer))
            yield doc.id, layer

    store.replace_layers(layers())
    return results
