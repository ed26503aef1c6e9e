"""Scripts run in child processes by the reliability tests (they must survive a SIGKILL test)."""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.model.document import Span
from annotator.model.edits import AddSpan
from annotator.store import Project


def edit_stream(db: str, annotator: str, count: int) -> None:
    """Label words one after another, printing each span id once it is committed."""
    with Project.open(Path(db)) as p:
        doc = p.find_document("d")
        words = [(i, i + 4) for i in range(0, len(doc.text) - 4, 5)]
        for n in range(count):
            s, e = words[n % len(words)]
            applied = p.apply(
                AddSpan(Span(s, e, "event", doc.text[s:e], doc_id=doc.id, annotator=annotator)),
                annotator,
            )
            assert isinstance(applied, AddSpan)
            print(applied.span.id, flush=True)


if __name__ == "__main__":
    edit_stream(sys.argv[1], sys.argv[2], int(sys.argv[3]))
