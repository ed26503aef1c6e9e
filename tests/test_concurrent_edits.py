"""Two windows (two connections) on one project: ids are never reused, an edit whose target changed
underneath is refused with a sentence, and no committed span of either session is ever lost."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from annotator.errors import ChangedElsewhereError
from annotator.model.document import DocumentRecord, Relation, Span
from annotator.model.edits import AddRelation, AddSpan, DeleteSpan, Edit, UpdateSpan
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.conftest import ARTICLE

LABELS = ("speaker", "claim", "stance", "event")


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Project, Project, int]]:
    path = tmp_path / "p.db"
    with Project.create(path, default_schema()) as p:
        p.add_documents([DocumentRecord("a1", "t", ARTICLE)])
        doc = p.find_document("a1").id
    a, b = Project.open(path), Project.open(path)
    yield a, b, doc
    a.close()
    b.close()


def _add(p: Project, doc: int, start: int, end: int, who: str, label: str = "event") -> AddSpan:
    done = p.apply(AddSpan(Span(start, end, label, ARTICLE[start:end], doc_id=doc)), who)
    assert isinstance(done, AddSpan)
    return done


def test_a_deleted_id_is_never_given_again(two: tuple[Project, Project, int]) -> None:
    a, b, doc = two
    first = _add(a, doc, 0, 3, "layla")
    a.apply(first.inverse(), "layla")  # undo: the highest id is now free
    second = _add(b, doc, 4, 8, "omar")
    assert second.span.id != first.span.id
    # an import after a deletion does not take the freed id either
    third = _add(a, doc, 9, 12, "layla")
    a.apply(third.inverse(), "layla")
    a.add_documents([DocumentRecord("a2", "t", ARTICLE + "٢", layers=[])])
    assert all(s.id not in (first.span.id, third.span.id) for s in b.spans(doc, "omar"))


def test_undo_cannot_delete_another_windows_span(two: tuple[Project, Project, int]) -> None:
    a, b, doc = two
    mine = _add(a, doc, 0, 3, "layla")
    b.apply(DeleteSpan(b.span(mine.span.id or 0)), "layla")  # the same person in a second window
    theirs = _add(b, doc, 4, 8, "omar")
    with pytest.raises(ChangedElsewhereError, match="another window"):
        a.apply(mine.inverse(), "layla")  # undo of the add: its span is gone
    assert [s.id for s in a.spans(doc, "omar")] == [theirs.span.id]


def test_an_edit_on_a_changed_span_is_refused(two: tuple[Project, Project, int]) -> None:
    a, b, doc = two
    added = _add(a, doc, 0, 3, "layla")
    moved = b.apply(UpdateSpan(added.span, added.span.with_(end=4, text=ARTICLE[0:4])), "layla")
    for stale in (
        UpdateSpan(added.span, added.span.with_(label="claim")),
        DeleteSpan(added.span),
        added.inverse(),
    ):
        with pytest.raises(ChangedElsewhereError):
            a.apply(stale, "layla")
    assert [(s.start, s.end) for s in a.spans(doc, "layla")] == [(0, 4)]
    # redo of an add whose span another window re-created is refused, not a database error
    a.apply(moved.inverse(), "layla")
    b_add = AddSpan(a.span(added.span.id or 0))
    with pytest.raises(ChangedElsewhereError):
        b.apply(b_add, "layla")


def test_a_link_to_a_span_deleted_elsewhere_is_refused(two: tuple[Project, Project, int]) -> None:
    a, b, doc = two
    claim = _add(a, doc, 0, 3, "layla", "claim").span
    speaker = _add(a, doc, 4, 8, "layla", "speaker").span
    b.apply(DeleteSpan(speaker), "layla")
    with pytest.raises(ChangedElsewhereError):
        a.apply(AddRelation(Relation(claim.id or 0, speaker.id or 0, "attributed_to")), "layla")


def test_the_migration_keeps_relations_and_ids(tmp_path: Path) -> None:
    """A project from before 0004 (plain INTEGER PRIMARY KEY) keeps every row and id."""
    path = tmp_path / "old.db"
    with Project.create(path, default_schema()) as p:
        p.add_documents([DocumentRecord("a1", "t", ARTICLE)])
        doc = p.find_document("a1").id
        claim = _add(p, doc, 0, 3, "layla", "claim").span
        speaker = _add(p, doc, 4, 8, "layla", "speaker").span
        p.apply(AddRelation(Relation(claim.id or 0, speaker.id or 0, "attributed_to")), "layla")
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("PRAGMA legacy_alter_table = ON")  # views name spans; keep them as written
    for table, sql in con.execute(
        "SELECT name, sql FROM sqlite_master WHERE name IN ('spans', 'relations')"
    ).fetchall():
        old = re.sub(
            r'TABLE "?\w+"?', f"TABLE old_{table}", sql.replace("AUTOINCREMENT", ""), count=1
        )
        con.execute(old)
        con.execute(f"INSERT INTO old_{table} SELECT * FROM {table}")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE old_{table} RENAME TO {table}")
    con.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_ids_never_reused'")
    con.execute("DELETE FROM sqlite_sequence")
    con.commit()
    con.close()
    with Project.open(path) as p:
        assert [s.id for s in p.spans(doc, "layla")] == [claim.id, speaker.id]
        assert [(r.head, r.child) for r in p.relations(doc, "layla")] == [(claim.id, speaker.id)]
        sql = p.db.execute("SELECT sql FROM sqlite_master WHERE name = 'spans'").fetchone()[0]
        assert "AUTOINCREMENT" in sql
        assert p.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert p.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert p.db.execute("SELECT count(*) FROM span_texts").fetchone()[0] == 2  # views work


class TwoWindows(RuleBasedStateMachine):
    """Two sessions (connections, annotators) on one document, each with its own undo stack.

    Session 0 may also edit session 1's layer (as a lead does), so undos meet spans that changed
    underneath. A model of what each applied edit committed must match the file after every step.
    """

    sessions = Bundle("sessions")

    def __init__(self) -> None:
        super().__init__()
        import tempfile

        self._dir = tempfile.TemporaryDirectory()
        path = Path(self._dir.name) / "p.db"
        with Project.create(path, default_schema()) as p:
            p.add_documents([DocumentRecord("a1", "t", ARTICLE)])
            self.doc = p.find_document("a1").id
        self.stores = [Project.open(path), Project.open(path)]
        self.names = ["layla", "omar"]
        self.undo: list[list[Edit]] = [[], []]
        self.model: dict[
            int, tuple[str, int, int, str]
        ] = {}  # span id -> (layer, start, end, label)
        self.ever: set[int] = set()

    def teardown(self) -> None:
        for s in self.stores:
            s.close()
        self._dir.cleanup()

    def _commit(self, edit: Edit) -> None:
        if isinstance(edit, AddSpan):
            sp = edit.span
            assert sp.id is not None
            self.model[sp.id] = (sp.annotator, sp.start, sp.end, sp.label)
            self.ever.add(sp.id)
        elif isinstance(edit, DeleteSpan):
            del self.model[edit.span.id or 0]
        elif isinstance(edit, UpdateSpan):
            a = edit.after
            self.model[a.id or 0] = (a.annotator, a.start, a.end, a.label)

    def _still_there(self, edit: Edit, who: str) -> bool:
        """Is the edit's target, as the model says, what the edit expects (the span it saw)?
        A span to add must have no twin (same layer, words and label) in the file."""
        if isinstance(edit, AddSpan):
            sp = edit.span
            twin = (sp.annotator or who, sp.start, sp.end, sp.label) in self.model.values()
            return (sp.id is None or sp.id not in self.model) and not twin
        seen = edit.span if isinstance(edit, DeleteSpan) else edit.before  # type: ignore[union-attr]
        if isinstance(edit, UpdateSpan):
            a = edit.after
            others = (v for k, v in self.model.items() if k != seen.id)
            if (seen.annotator, a.start, a.end, a.label) in others:
                return False  # a change onto a twin of another span
        return self.model.get(seen.id or 0) == (seen.annotator, seen.start, seen.end, seen.label)

    def _apply(self, who: int, edit: Edit) -> Edit | None:
        expected = self._still_there(edit, self.names[who])
        try:
            done = self.stores[who].apply(edit, self.names[who])
        except ChangedElsewhereError:
            assert not expected, "refused an edit whose target had not changed"
            return None
        assert expected, "applied an edit to a span that changed underneath (someone else's)"
        self._commit(done)
        return done

    @rule(who=st.integers(0, 1), start=st.integers(0, len(ARTICLE) - 2), size=st.integers(1, 6),
          label=st.sampled_from(LABELS))  # fmt: skip
    def add(self, who: int, start: int, size: int, label: str) -> None:
        end = min(start + size, len(ARTICLE))
        if not ARTICLE[start:end].strip():
            return
        ids_before = set(self.ever)
        span = Span(start, end, label, ARTICLE[start:end], doc_id=self.doc)
        done = self._apply(who, AddSpan(span))
        if done is None:  # the same words and label are already in that layer: refused
            return
        assert isinstance(done, AddSpan)
        assert done.span.id not in ids_before  # a new span never gets a used id
        self.undo[who].append(done)

    def _change(self, who: int, layer: int, pick: int, label: str, delete: bool) -> None:
        spans = self.stores[who].spans(self.doc, self.names[layer])
        if not spans:
            return
        span = spans[pick % len(spans)]
        edit: Edit = DeleteSpan(span) if delete else UpdateSpan(span, span.with_(label=label))
        done = self._apply(who, edit)
        if done is None:  # refused only as a relabel onto a twin (_still_there said so)
            assert isinstance(edit, UpdateSpan)
            return
        self.undo[who].append(done)

    @rule(who=st.integers(0, 1), pick=st.integers(0, 50), label=st.sampled_from(LABELS),
          delete=st.booleans())  # fmt: skip
    def change_own(self, who: int, pick: int, label: str, delete: bool) -> None:
        self._change(who, who, pick, label, delete)

    @rule(pick=st.integers(0, 50))
    def lead_relabels_in_the_others_layer(self, pick: int) -> None:
        spans = self.stores[0].spans(self.doc, self.names[1])
        if spans:
            current = spans[pick % len(spans)].label
            self._change(0, 1, pick, LABELS[(LABELS.index(current) + 1) % len(LABELS)], False)

    @rule(pick=st.integers(0, 50))
    def lead_deletes_in_the_others_layer(self, pick: int) -> None:
        self._change(0, 1, pick, "", True)

    @rule(who=st.integers(0, 1))
    def undo_last(self, who: int) -> None:
        if not self.undo[who]:
            return
        before = {k: v for k, v in self.model.items()}
        done = self._apply(who, self.undo[who][-1].inverse())
        if done is None:  # refused: nothing changed, the stack stays where it was
            assert self.model == before
            return
        self.undo[who].pop()

    @invariant()
    def file_matches_what_was_committed(self) -> None:
        for who in (0, 1):
            stored = {
                s.id: (s.annotator, s.start, s.end, s.label)
                for name in self.names
                for s in self.stores[who].spans(self.doc, name)
            }
            assert stored == self.model


TwoWindows.TestCase.settings = settings(
    max_examples=40, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
test_two_windows_never_lose_a_committed_span = TwoWindows.TestCase


def test_edits_are_durable_when_shown(two: tuple[Project, Project, int]) -> None:
    """synchronous=FULL in WAL: a commit returns after the WAL is synced, so a power cut after the
    window shows an edit cannot take it back (NORMAL could); the cost is in the benchmark."""
    a, b, _doc = two
    assert [p.db.execute("PRAGMA synchronous").fetchone()[0] for p in (a, b)] == [2, 2]
    assert a.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
