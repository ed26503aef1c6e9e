"""Windows in step with the file (issue 15 item 2, issue 13 item 4): what another window or the
CLI writes shows without a restart, and a stale window's edit or undo is refused with a sentence
(a refused undo step leaves the history: tests/test_ui_undo_elsewhere.py)."""

from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.cli import cli
from annotator.store import Project
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session
from annotator.ui.watch import POLL_INTERVAL_MS
from tests.ui_helpers import drag, make_window

TEXT = "قال وزير الخارجية إن المحادثات كانت مثمرة، وأكدت الوزارة أن الزيارة ستتم.\nسطر ثان."
CTRL = Qt.KeyboardModifier.ControlModifier
WAIT = POLL_INTERVAL_MS * 5


def second_window(qtbot: QtBot, path: Path, doc_id: int, annotator: str = "layla") -> MainWindow:
    w = MainWindow(Session(Project.open(path), annotator))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.session.open_document(doc_id)
    return w


def focus(qtbot: QtBot, w: MainWindow) -> None:
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.view.setFocus()


def test_documents_imported_and_suggestions_written_by_the_cli_appear(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    path = w.session.project.path
    assert w.doclist.model.rowCount() == 1
    more = tmp_path / "more"
    more.mkdir()
    for i in range(3):
        (more / f"new{i}.txt").write_text(f"عنوان {i}\n{TEXT}", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path), str(more)])
    assert result.exit_code == 0, result.output
    qtbot.waitUntil(lambda: w.doclist.model.rowCount() == 4, timeout=WAIT)
    assert "suggestions" not in w.status_line.doc_status.text()
    result = CliRunner().invoke(cli, ["suggest", str(path)])
    assert result.exit_code == 0, result.output
    qtbot.waitUntil(lambda: "suggestions: press S" in w.status_line.doc_status.text(), timeout=WAIT)


def test_a_span_labelled_in_another_window_appears_with_the_counts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    a = make_window(qtbot, tmp_path, {"a": TEXT})
    doc = a.session.document
    assert doc is not None
    b = second_window(qtbot, a.session.project.path, doc.id)
    focus(qtbot, b)
    start = TEXT.index("وزير")
    drag(qtbot, b, start, start + len("وزير الخارجية"))
    qtbot.keyClick(b.view, Qt.Key.Key_1)
    assert len(b.session.spans) == 1
    qtbot.waitUntil(lambda: len(a.session.spans) == 1, timeout=WAIT)
    assert a.view.layer.marks()  # drawn
    assert "1 span ·" in a.status_line.doc_status.text()
    row = a.doclist.model.doc_at(0)
    assert row is not None and row.spans == 1


def test_a_stale_window_cannot_revert_or_delete_what_another_changed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    a = make_window(qtbot, tmp_path, {"a": TEXT})
    doc = a.session.document
    assert doc is not None
    start = TEXT.index("وزير")
    drag(qtbot, a, start, start + len("وزير الخارجية"))
    qtbot.keyClick(a.view, Qt.Key.Key_1)  # layla labels a speaker in window A
    (span,) = a.session.spans
    a.session.watch.stop()  # A does not look at the file for a while: it is stale

    b = second_window(qtbot, a.session.project.path, doc.id)
    focus(qtbot, b)
    qtbot.keyClick(b.view, Qt.Key.Key_Tab)  # select the span in B
    qtbot.keyClick(b.view, Qt.Key.Key_2)  # and relabel it a claim
    assert [s.label for s in b.session.spans] == ["claim"]

    focus(qtbot, a)
    index = a.session.undo_stack.index()
    messages: list[str] = []
    a.session.message.connect(messages.append)
    qtbot.keyClick(a.view, Qt.Key.Key_Z, CTRL)  # undo the labelling = delete the span
    assert a.session.undo_stack.index() == index - 1  # refused, and taken off the history
    assert a.session.undo_stack.count() == index - 1
    assert messages and "changed elsewhere" in messages[-1] and "Cannot undo" in messages[-1]
    a.session.select(span.id or 0)
    qtbot.keyClick(a.view, Qt.Key.Key_3)  # relabel from the stale copy: refused too
    assert "changed elsewhere" in messages[-1]
    stored = Project.open(a.session.project.path)
    assert [s.label for s in stored.spans(doc.id, "layla")] == ["claim"]  # B's work stands
    stored.close()

    a.session.watch.start()  # A looks again: it shows B's claim, and may now undo nothing of B's
    qtbot.waitUntil(lambda: [s.label for s in a.session.spans] == ["claim"], timeout=WAIT)
    qtbot.keyClick(a.view, Qt.Key.Key_Z, CTRL)
    assert "Nothing to undo" in messages[-1]
    assert [s.label for s in a.session.spans] == ["claim"]


def test_a_second_window_on_the_same_annotator_and_document_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    a = make_window(qtbot, tmp_path, {"a": TEXT, "b": TEXT + " ب"})
    doc = a.session.document
    assert doc is not None
    assert not a.status_line.shared.isVisible()
    resets: list[int] = []
    a.doclist.model.modelReset.connect(lambda: resets.append(1))
    other = second_window(qtbot, a.session.project.path, doc.id, annotator="omar")
    assert not other.status_line.shared.isVisible()  # another annotator's layer: nothing shared
    b = second_window(qtbot, a.session.project.path, doc.id)
    assert (
        b.status_line.shared.isVisible()
        and "layla also has this document open" in b.status_line.shared.text()
    )
    qtbot.waitUntil(a.status_line.shared.isVisible, timeout=WAIT)  # the first window learns it too
    assert not other.status_line.shared.isVisible()
    assert resets == []  # a window saying hello is not a change of the documents: no re-read
    focus(qtbot, b)
    qtbot.keyClick(b.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # b moves on
    assert b.session.document is not None and b.session.document.id != doc.id
    assert not b.status_line.shared.isVisible()
    qtbot.waitUntil(lambda: not a.status_line.shared.isVisible(), timeout=WAIT)
    focus(qtbot, b)
    qtbot.keyClick(b.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # and back
    qtbot.waitUntil(a.status_line.shared.isVisible, timeout=WAIT)
    b.close()  # closing says goodbye
    qtbot.waitUntil(lambda: not a.status_line.shared.isVisible(), timeout=WAIT)


def test_a_window_that_died_is_not_counted(qtbot: QtBot, tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    a = make_window(qtbot, tmp_path, {"a": TEXT})
    doc = a.session.document
    assert doc is not None
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    project = a.session.project
    with project.transaction():
        project.db.execute(
            "INSERT INTO open_windows VALUES ('dead', 'layla', ?, ?, ?, '2999-01-01')",
            [doc.id, socket.gethostname(), int(gone.stdout)],
        )
    assert a.session.other_windows() == []


def test_a_window_killed_with_sigkill_is_not_counted_and_its_row_is_dropped(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A real window process, killed with SIGKILL and not yet reaped (its pid still answers), or
    whose pid another process has since (a sandboxed window in its own pid namespace)."""
    import os
    import signal
    import subprocess
    import sys

    from annotator.store.presence import lock_path

    a = make_window(qtbot, tmp_path, {"a": TEXT})
    doc = a.session.document
    assert doc is not None
    path = a.session.project.path
    a.close()  # only the window in the other process has the document open now
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", "gui", str(path), "--annotator", "layla", "--doc", "a"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        with Project.open(path) as look:

            def rows() -> list[tuple[str, int]]:
                found = look.db.execute("SELECT id, pid FROM open_windows").fetchall()
                return [(str(r[0]), int(r[1])) for r in found]

            qtbot.waitUntil(lambda: [pid for _wid, pid in rows()] == [proc.pid], timeout=60_000)
            ((wid, _pid),) = rows()
            alive = second_window(qtbot, path, doc.id)
            assert alive.status_line.shared.isVisible()  # the live window is counted
            alive.close()
            assert lock_path(path, wid).exists()
            proc.send_signal(signal.SIGKILL)
            qtbot.waitUntil(lambda: _state(proc.pid) in ("Z", ""), timeout=10_000)
            assert os.path.exists(f"/proc/{proc.pid}")  # not reaped: kill(pid, 0) still answers
            b = second_window(qtbot, path, doc.id)
            assert not b.status_line.shared.isVisible()  # no "second window" that is gone
            assert [r for r in rows() if r[0] == wid] == []  # its row is dropped
            assert not lock_path(path, wid).exists()  # and its lock file
            with look.transaction():  # a row of a dead window carrying a live pid: this one's
                look.db.execute(
                    "INSERT INTO open_windows VALUES ('gone', 'layla', ?, ?, ?, ?)",
                    [doc.id, socket.gethostname(), os.getpid(), "2999-01-01"],
                )
            lock_path(path, "gone").touch()  # its lock file, left behind, held by nobody
            assert b.session.other_windows() == []
            assert [r for r in rows() if r[0] == "gone"] == []
    finally:
        proc.kill()
        proc.wait(timeout=30)
        assert proc.stderr is not None
        proc.stderr.close()


def _state(pid: int) -> str:
    """The process state letter from /proc ("" when there is no such process)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


def test_a_window_on_another_machine_is_trusted_even_when_its_lock_looks_free(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A lock on a network share may be taken here without the other machine knowing: its row
    stays counted (until it is a day old) rather than drop a window that is alive."""
    from annotator.store.presence import lock_path

    a = make_window(qtbot, tmp_path, {"a": TEXT})
    doc = a.session.document
    assert doc is not None
    project = a.session.project
    with project.transaction():
        project.db.execute(
            "INSERT INTO open_windows VALUES ('far', 'layla', ?, 'another-machine', 1, ?)",
            [doc.id, "2999-01-01"],
        )
    lock_path(project.path, "far").touch()
    assert [w.host for w in a.session.other_windows()] == ["another-machine"]
    assert lock_path(project.path, "far").exists()
