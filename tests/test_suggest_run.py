"""``annotator suggest`` over whole projects: no document ends the run, pages are committed as
they are done (a window keeps saving), workers give the same result as one process."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from annotator.cli import cli
from annotator.jobs import suggest as job
from annotator.model.document import Document, DocumentRecord, Layer
from annotator.model.schema import default_schema
from annotator.model.validate import layer_problem
from annotator.store import Project
from annotator.suggest.rules import Suggester, lexicon, suggest

ARTICLE = "قال وزير الخارجية إن المحادثات كانت مثمرة.\nوأكدت الوزارة أن الزيارة ستتم قريبا."


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("وأكد الوزير أن الاتفاق قريب ... موضحا أن", ["الاتفاق قريب"]),  # seen in the issue
        ("قال الوزير إن", []),
        ("وأضاف أن", []),
        ("قال الوزير إن .", []),
        ("وتحدث الوزير عن", []),
        ("وقال المتحدث: «", []),
        ("بحسب", []),
    ],
)
def test_a_clause_cut_off_by_the_end_of_the_text_is_no_claim(text: str, claims: list[str]) -> None:
    layer = suggest(text)
    assert [s.text for s in layer.spans if s.label == "claim"] == claims
    assert layer_problem(layer, text, default_schema()) is None


def _cue_words() -> list[str]:
    lex = lexicon()
    words = sorted(lex.verbs)[:40] + sorted(lex.participles) + sorted(lex.complementizers)
    words += sorted(lex.events)[:20] + sorted(lex.stances)[:20] + ["عن", "بحسب", "وفقا", "ل"]
    return [*words, "الوزير", "الحكومة", "وكالة", "الأنباء", "المحادثات", "مثمرة", "وَقَالَ"]


_PIECES = st.sampled_from([*_cue_words(), ".", "،", ":", "«", "»", '"', "(", ")", "\n", "؟", "٣"])


@given(st.lists(_PIECES, max_size=40), st.sampled_from([" ", "", "\u0640", "\u064e"]))
def test_the_rules_never_fail_and_every_span_fits(words: list[str], joiner: str) -> None:
    text = " ".join(w + joiner for w in words)
    layer = Suggester().suggest(text)
    assert layer_problem(layer, text, default_schema()) is None


def _project(path: Path, texts: list[str]) -> Project:
    project = Project.create(path, default_schema())
    project.add_documents(DocumentRecord(f"d{i}", f"t{i}", t) for i, t in enumerate(texts))
    return project


def test_a_document_the_rules_fail_on_is_skipped_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path / "p.db", [ARTICLE, ARTICLE + " مكسور", ARTICLE + "\nوأضاف أن"]).close()
    real = Suggester.suggest

    def breaks_on_one(self: Suggester, text: str) -> object:
        if "مكسور" in text:
            raise IndexError("list index out of range")
        return real(self, text)

    monkeypatch.setattr(Suggester, "suggest", breaks_on_one)
    result = CliRunner().invoke(cli, ["suggest", str(tmp_path / "p.db")])
    assert result.exit_code == 0
    assert "in 2 documents" in result.stdout
    assert "skipped document d1" in result.stderr and "IndexError" in result.stderr
    with Project.open(tmp_path / "p.db") as p:
        assert p.layer(p.find_document("d0").id, "suggestions").spans
        assert p.layer(p.find_document("d2").id, "suggestions").spans
        assert not p.layer(p.find_document("d1").id, "suggestions").spans


def test_each_page_is_committed_so_another_connection_can_save_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(job, "PAGE", 1)
    store = _project(tmp_path / "p.db", [ARTICLE + f" رقم {i}." for i in range(3)])
    store.ensure_annotator("layla")
    monkeypatch.setattr("annotator.store.connection.BUSY_TIMEOUT_S", 0.5)  # fail fast if locked
    window = Project.open(tmp_path / "p.db")  # another connection, as the window has
    saved: list[int] = []

    def window_saves(doc: Document, _layer: Layer) -> None:
        doc_id = doc.id
        window.set_status(doc_id, "layla", "done")  # refused as busy if suggest held the lock
        saved.append(doc_id)

    report = job.suggest_project(store, each=window_saves)
    assert report.documents == 3 and len(saved) == 3
    assert [window.status(i, "layla") for i in saved] == ["done"] * 3
    window.close()
    store.close()


def test_workers_store_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(job, "PAGE", 2)
    monkeypatch.setattr(job, "WORTH_PAGES", 2)
    monkeypatch.setattr(job, "workers_for", lambda pages: 2)
    texts = [ARTICLE + f" رقم {i}." for i in range(9)]
    with _project(tmp_path / "a.db", texts) as alone, _project(tmp_path / "b.db", texts) as shared:
        one = job.suggest_project(alone)
        two = job.suggest_project(shared, parallel=True)
        assert (one.documents, one.by_label, one.relations) == (9, two.by_label, two.relations)
        assert two.documents == 9
        for doc in alone.documents():  # row ids differ (pages are written in any order)
            assert _content(alone.layer(doc.id, "suggestions")) == _content(
                shared.layer(doc.id, "suggestions")
            )


def _content(layer: Layer) -> tuple[object, ...]:
    """A layer without row ids: its spans and relations as their ids in files name them."""
    spans = [(s.sid, s.start, s.end, s.label, s.text, s.attributes) for s in layer.spans]
    relations = sorted((r.rid, r.label, str(r.head), str(r.child)) for r in layer.relations)
    return layer.status, spans, relations


def test_a_long_text_without_punctuation_gives_no_endless_claims() -> None:
    # every "إن" once started a claim running to the end of the text: quadratic, and useless
    text = "وقال الوزير إن الوضع مستقر " * 3000
    layer = suggest(text)
    claims = [s for s in layer.spans if s.label == "claim"]
    assert len(claims) < 50 and all(s.start > len(text) - 1200 for s in claims)  # only the end
    assert layer_problem(layer, text, default_schema()) is None
    punctuated = "وقال الوزير إن الوضع مستقر. " * 3000
    assert len([s for s in suggest(punctuated).spans if s.label == "claim"]) == 3000


def _group(pgid: int) -> set[int]:
    """The live (not zombie) processes of process group ``pgid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.skipif(job.workers_for(job.WORTH_PAGES) == 0, reason="one core: no workers")
def test_a_killed_suggest_leaves_no_process_behind(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    _project(db, [f"{ARTICLE} رقم {i}" for i in range(job.PAGE * job.WORTH_PAGES * 2)]).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from annotator.cli import main; main()", "suggest", str(db)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:  # every process it starts stays in its process group (spawn is fork and exec)
        deadline = time.monotonic() + 60
        while len(_group(proc.pid)) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)  # suggest, the resource tracker, a worker
        assert len(_group(proc.pid)) >= 3, "suggest started no worker"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 5
        while _group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _group(proc.pid)
    finally:
        proc.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # leave nothing running whatever the outcome
