"""Find in all documents: an SQLite FTS5 index of the normalised texts, and hits in stored offsets.

The index (``document_search``) holds each document's text normalised for search (diacritics,
tatweel and direction marks dropped, hamza/alef forms folded: ``annotator.text.normalize``),
cut into trigrams (case-sensitive: the normalised text is lowercase already, and folding it
again costs a third of the indexing time). It stores no copy of the text (``content=''``) and no positions
(``detail=none``): it only answers "which documents contain every three-letter piece of the
search", and each of those documents is then searched exactly, with the same function the open
document's find bar uses, so the hits are stored code point offsets. The search text never
reaches FTS5 as query syntax: every piece is quoted, so quotes, ``*``, ``NEAR``, ``AND``, ``-``
and parentheses are letters like any other.

Imports do not index (indexing costs about half again what the rest of an import costs): a
document is indexed by the first search after it arrived, whichever process imported it, in one
write transaction (``index_pending``); ``pending_documents`` says how many wait, so the window
can say it is indexing first. A project that cannot be written to (read-only) searches the
waiting documents one by one instead. A document is in the index when FTS5 keeps its size
(``document_search_docsize``, one row per indexed document), so nothing else records it.
The migration ``0012_document_search`` built the index for projects made before it.
"""

from __future__ import annotations

import heapq
import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from annotator.store.base import ProjectBase
from annotator.text.normalize import find_all, normalize_query

log = logging.getLogger(__name__)

SEARCH_TABLE = "document_search"
INDEXED_TABLE = SEARCH_TABLE + "_docsize"  # FTS5's row per indexed document (rowid = documents.id)
MIN_INDEXED = 3  # normalised characters a project search needs: the index is made of trigrams
MAX_PROJECT_HITS = 1_000  # hits listed at most; the list says when there were more
CONTEXT_CHARS = 40  # characters of context shown on each side of a hit, cut at a word
BUILD_BATCH = 500  # documents read at a time when building the index of an existing project


@dataclass(frozen=True)
class ProjectHit:
    """One occurrence in one document: stored offsets, its line and the words around it."""

    doc_id: int
    ext_id: str
    title: str
    start: int
    end: int
    line: int  # 1 for the first line of the document
    before: str
    match: str
    after: str


@dataclass(frozen=True)
class ProjectSearch:
    """The answer to a search of every document."""

    query: str
    hits: tuple[ProjectHit, ...]
    documents: int  # documents with at least one hit listed
    capped: bool  # there were more hits than listed
    too_short: bool  # under MIN_INDEXED searchable characters once normalised: nothing searched


def is_index_table(name: str) -> bool:
    """True for the index and the tables FTS5 keeps it in: derived from the documents, so a
    restore rebuilds them (``rebuild_index``) instead of copying their rows."""
    return name == SEARCH_TABLE or name.startswith(SEARCH_TABLE + "_")


def create_index(conn: sqlite3.Connection) -> None:
    """Create the (empty) search index."""
    conn.execute(
        f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5("
        "body, tokenize = 'trigram case_sensitive 1', detail = 'none', content = '')"
    )


def index_documents(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Add ``(document id, stored text)`` rows to the index (inside the caller's transaction)."""
    conn.executemany(
        f"INSERT INTO {SEARCH_TABLE} (rowid, body) VALUES (?, ?)",
        ((doc_id, normalize_query(text)) for doc_id, text in rows),
    )


def unindex_document(conn: sqlite3.Connection, doc_id: int, old_text: str) -> None:
    """Take a document out of the index (a contentless index needs the text it was given)."""
    conn.execute(
        f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}, rowid, body) VALUES ('delete', ?, ?)",
        [doc_id, normalize_query(old_text)],
    )


def is_indexed(conn: sqlite3.Connection, doc_id: int) -> bool:
    """Is this document in the index (its current text)?"""
    found = conn.execute(f"SELECT 1 FROM {INDEXED_TABLE} WHERE id = ?", [doc_id]).fetchone()
    return found is not None


_PENDING = f"FROM documents WHERE id NOT IN (SELECT id FROM {INDEXED_TABLE})"


def pending_documents(conn: sqlite3.Connection) -> int:
    """How many documents wait to be indexed (imported since the last search)."""
    return int(conn.execute(f"SELECT count(*) {_PENDING}").fetchone()[0])


def index_pending(conn: sqlite3.Connection) -> int:
    """Index every document not in the index yet (inside the caller's write transaction);
    returns how many were indexed."""
    done = 0
    last = 0
    while True:
        rows = conn.execute(
            f"SELECT id, text {_PENDING} AND id > ? ORDER BY id LIMIT ?", [last, BUILD_BATCH]
        ).fetchall()
        if not rows:
            return done
        index_documents(conn, rows)
        done += len(rows)
        last = rows[-1][0]


def build_index(conn: sqlite3.Connection) -> None:
    """Create the index and index every document (the migration that adds it)."""
    create_index(conn)
    rebuild_index(conn)


def rebuild_index(conn: sqlite3.Connection) -> None:
    """Index every document afresh (after a restore replaced them all)."""
    conn.execute(f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('delete-all')")
    last = 0
    while True:
        rows = conn.execute(
            "SELECT id, text FROM documents WHERE id > ? ORDER BY id LIMIT ?", [last, BUILD_BATCH]
        ).fetchall()
        if not rows:
            return
        index_documents(conn, rows)
        last = rows[-1][0]


_UNQUOTABLE = re.compile("[\x00\ud800-\udfff]")  # FTS5 ends a string at NUL; SQLite cannot
# take a lone surrogate: pieces holding either are left out of the pre-filter (hits are exact)


def match_expression(needle: str) -> str:
    """An FTS5 query asking for every trigram of the normalised ``needle``, each one quoted
    ("" when no piece can be asked for)."""
    grams = dict.fromkeys(needle[i : i + 3] for i in range(len(needle) - 2))
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams
                        if not _UNQUOTABLE.search(g))  # fmt: skip


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """A few words of the line either side of ``text[start:end]``, cut at a word with an
    ellipsis."""
    lo = max(text.rfind("\n", max(0, start - CONTEXT_CHARS), start) + 1, start - CONTEXT_CHARS, 0)
    line_end = text.find("\n", end, end + CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS) if line_end < 0 else line_end
    before, after = text[lo:start], text[end:hi]
    if lo > 0 and text[lo - 1] != "\n":
        cut = before.find(" ")
        before = "…" + (before[cut + 1 :] if 0 <= cut < len(before) - 1 else before)
    if hi < len(text) and text[hi] != "\n":
        cut = after.rfind(" ")
        after = (after[:cut] if cut > 0 else after) + "…"
    return before, after


class Searching(ProjectBase):
    """Searching the text of every document."""

    def search(self, query: str, limit: int = MAX_PROJECT_HITS) -> ProjectSearch:
        """Every occurrence of ``query`` in the project (diacritics, tatweel and hamza forms
        ignored), in document order, at most ``limit`` of them."""
        needle = normalize_query(query.strip())
        expression = match_expression(needle)
        if not expression:
            return ProjectSearch(query, (), 0, False, bool(needle))
        self._index_pending()
        hits: list[ProjectHit] = []
        documents = 0
        capped = False
        indexed = self.db.execute(
            f"SELECT d.id, d.ext_id, d.title, d.text FROM {SEARCH_TABLE} s"
            f" JOIN documents d ON d.id = s.rowid WHERE {SEARCH_TABLE} MATCH ? ORDER BY s.rowid",
            [expression],
        )
        cursor: Iterator[tuple[int, str, str, str]] = heapq.merge(
            indexed, self._waiting(), key=lambda row: int(row[0])
        )
        try:
            for doc_id, ext_id, title, text in cursor:
                room = limit - len(hits)
                found = find_all(text, query, limit=room + 1)
                if not found:  # every trigram is there, but not in a row
                    continue
                documents += 1
                line, counted = 1, 0  # lines counted up to the previous hit (a 1 MB text once)
                for start, end in found[:room]:
                    line += text.count("\n", counted, start)
                    counted = start
                    before, after = context(text, start, end)
                    hits.append(ProjectHit(doc_id, ext_id, title, start, end, line, before,
                                           text[start:end], after))  # fmt: skip
                if len(found) > room:
                    capped = True
                    break
                if len(hits) >= limit:  # full: capped if any other document has a hit
                    capped = any(find_all(row[3], query, limit=1) for row in cursor)
                    break
        finally:
            indexed.close()  # a half-read statement would keep a read transaction open
        return ProjectSearch(query, tuple(hits), documents, capped, False)

    def _waiting(self) -> Iterator[tuple[int, str, str, str]]:
        """Documents not in the index (none, unless the project could not be written to)."""
        ids = [row[0] for row in self.db.execute(f"SELECT id {_PENDING} ORDER BY id")]
        for doc_id in ids:
            row = self.db.execute(
                "SELECT id, ext_id, title, text FROM documents WHERE id = ?", [doc_id]
            ).fetchone()
            if row is not None:
                yield row

    def pending_documents(self) -> int:
        """How many documents the next search indexes first (imported since the last one)."""
        return pending_documents(self.db.conn)

    def _index_pending(self) -> None:
        """Index what was imported since the last search (by any process), when the project can
        be written to at once; otherwise the search reads those documents one by one. It never
        waits for the write lock: a long import elsewhere holds it, and a search must not hang."""
        conn = self.db.conn
        if self.readonly or conn.in_transaction or not pending_documents(conn):
            return
        wait = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            log.info("search index not brought up to date now (%s): reading documents one by one",
                     exc)  # fmt: skip
            return
        finally:
            conn.execute(f"PRAGMA busy_timeout = {wait}")
        try:
            index_pending(conn)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:  # the disk, say: the search itself can still answer
            conn.execute("ROLLBACK")
            log.warning("the search index could not be brought up to date: %s", exc)
