"""Bringing back text that cleaning cut: the same article imported again replaces the stored text.

A document keeps the text it was cleaned from (``original``). When an import brings a document
whose own original (or, with --no-clean, whose text) is that same text, it is the same article
read again with other cleaning: its text is replaced, but only while nothing points into it (no
span, status, gold or suggestion decision, suggestion), because offsets never move, and while it
is neither assigned nor gone out in a package (a merge finds the document by the text it left with).
"""

from __future__ import annotations

import json

from annotator.errors import InputError
from annotator.model.document import DocumentRecord
from annotator.store.base import ProjectBase, text_hash
from annotator.store.search import index_documents, is_indexed, unindex_document


class Recleaning(ProjectBase):
    """The import's side of re-cleaning: find the earlier copy, replace its text if free."""

    _originals: dict[str, tuple[int, str, str]] | None = (
        None  # hash of original -> id, ext_id, hash
    )

    def _forget_originals(self) -> None:
        """Read the stored originals again at the next lookup (each import starts afresh)."""
        self._originals = None

    def _cleaned_copy(self, rec: DocumentRecord) -> tuple[int, str, str] | None:
        """(row id, ext id, text hash) of the document cleaned from the text ``rec`` came from."""
        if self._originals is None:
            self._originals = {
                text_hash(original): (doc_id, ext_id, digest)
                for doc_id, ext_id, digest, original in self.db.execute(
                    "SELECT id, ext_id, sha256, original FROM documents WHERE original IS NOT NULL"
                )
            }
        return self._originals.get(text_hash(rec.original or rec.text))

    def _replace_text(self, copy: tuple[int, str, str], rec: DocumentRecord, digest: str) -> None:
        """Give the stored copy ``rec``'s text (and title, original, cuts), or refuse in a
        sentence naming the file when anything points into the stored text."""
        doc_id, ext_id, _old = copy
        busy = self.db.execute(
            "SELECT 1 FROM spans WHERE doc_id = :d UNION ALL SELECT 1 FROM gold_decisions"
            " WHERE doc_id = :d UNION ALL SELECT 1 FROM suggestion_decisions WHERE doc_id = :d"
            " UNION ALL SELECT 1 FROM doc_status WHERE doc_id = :d AND status != 'todo' LIMIT 1",
            {"d": doc_id},
        ).fetchone()
        if busy is not None:
            raise InputError(
                rec.source or rec.ext_id,
                "document {doc} was imported from this text before and has annotations or"
                " suggestions now, so its text cannot change (their offsets point into it); "
                "its original text stays kept in the project",
                rec.line,
                doc=ext_id,
            )
        if self.db.execute(
            "SELECT 1 FROM assignments WHERE doc_id = :d UNION ALL SELECT 1 FROM package_versions"
            " WHERE doc_id = :d LIMIT 1",
            {"d": doc_id},
        ).fetchone():
            raise InputError(
                rec.source or rec.ext_id,
                "document {doc} was imported from this text before and is assigned or has"
                " gone out in a package, so its text cannot change (the work coming back must"
                " find it as it left); its original text stays kept in the project",
                rec.line,
                doc=ext_id,
            )
        old_text = self.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[
            0
        ]
        if is_indexed(self.db.conn, doc_id):  # else the next search indexes its new text
            unindex_document(self.db.conn, doc_id, old_text)
            index_documents(self.db.conn, [(doc_id, rec.text)])
        self.db.execute(
            "UPDATE documents SET text = ?, sha256 = ?, title = ?, original = ?, removed = ?"
            " WHERE id = ?",
            [rec.text, digest, rec.title, rec.original,
             json.dumps(rec.removed, ensure_ascii=False), doc_id],
        )  # fmt: skip
        self.db.execute("DELETE FROM doc_status WHERE doc_id = ?", [doc_id])  # all were 'todo'
        if self._last_doc is not None and self._last_doc.id == doc_id:
            self._last_doc = None
        assert self._originals is not None
        del self._originals[text_hash(rec.original or rec.text)]
        if rec.original is not None:
            self._originals[text_hash(rec.original)] = (doc_id, ext_id, digest)
        self._log("", "replace text", doc_id, {"source": rec.source, "cuts": len(rec.removed)})
