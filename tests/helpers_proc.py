"""Scripts run in child processes by the reliability tests (they must survive a SIGKILL test)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from annotator.model.document import DocumentRecord, Span
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


def held_import(db: str, count: int) -> None:
    """Import ``count`` documents in one transaction, pausing after the first until stdin says go."""

    def records() -> Iterator[DocumentRecord]:
        for i in range(count):
            yield DocumentRecord(f"held{i}", "t", f"نص مستورد رقم {i}")
            if i == 0:
                print("importing", flush=True)
                sys.stdin.readline()

    with Project.open(Path(db)) as p:
        print(p.add_documents(records()).documents_added, flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "held-import":
        held_import(sys.argv[2], int(sys.argv[3]))
    else:
        edit_stream(sys.argv[1], sys.argv[2], int(sys.argv[3]))
