"""Large exports shared with worker processes: the same bytes and manifest as one process writes,
one clear sentence when a document is wrong, nothing left behind when cancelled, and a worker that
dies costs nothing."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from annotator.errors import AnnotatorError
from annotator.export.options import ExportOptions
from annotator.jobs import export as export_job
from annotator.jobs import export_parallel
from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.model.schema import default_schema
from annotator.store import Project

# Written for the tests: a clitic (و) glued to a speaker, digits with separators, an emoji (beyond
# U+FFFF, so the tokenizer's general path runs too) and a line break.
SENTENCES = (
    "قال وزير الخارجية إن المحادثات كانت مثمرة",
    "وأكدت والصين دعمها للاتفاق بنسبة ٣٫٥ بالمئة",
    "وأعلنت الشرطة اعتقال 12 شخصا بعد الاحتجاجات 😀",
)


def _document(i: int) -> DocumentRecord:
    text = "\n".join(SENTENCES[(i + k) % 3] + f" رقم {i}." for k in range(3))
    layers = []
    for who, status in (("layla", "done"), ("omar", "done" if i % 4 else "in_progress")):
        spans = []
        for sid, (word, label) in enumerate(
            (("وزير الخارجية", "speaker"), ("الصين", "speaker"), ("المحادثات كانت مثمرة", "claim"),
             ("اعتقال", "event"), ("دعمها", "stance")), 1):  # fmt: skip
            if word in text and (who == "layla" or sid != 4):  # omar leaves out the event
                start = text.index(word)
                spans.append(Span(start, start + len(word), label, word, {}, f"s{sid}"))
        rels = []
        if {"s1", "s3"} <= {s.sid for s in spans}:
            rels.append(Relation("s3", "s1", "attributed_to", "r1"))
        layers.append(Layer(who, status, spans, rels))
    return DocumentRecord(f"doc-{i:03}", f"مقال {i}", text, {"n": i}, "tests", layers)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("parallel") / "news.db"
    with Project.create(path, default_schema()) as store:
        store.add_documents(_document(i) for i in range(60))
    yield path


class SpyPool(ProcessPoolExecutor):
    """The real pool, counting the chunks handed to workers."""

    submitted = 0

    def submit(self, *args: Any, **kwargs: Any) -> Any:
        SpyPool.submitted += 1
        return super().submit(*args, **kwargs)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers from the second chunk on, in chunks of 7, two of them whatever the machine."""
    monkeypatch.setattr(export_parallel, "CHUNK", 7)
    monkeypatch.setattr(export_parallel, "WORTH_S", 0.0)
    monkeypatch.setattr(export_job, "workers_for", lambda store: 2)
    monkeypatch.setattr(export_parallel, "ProcessPoolExecutor", SpyPool)
    SpyPool.submitted = 0


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}  # fmt: skip


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("jsonl", {"annotator": "layla"}),
        ("jsonl", {"annotator": "omar", "options": ExportOptions(tokens=False)}),
        ("jsonl", {"layer": "all", "split": "70,20,10"}),
        ("hf-bio", {"layer": "majority", "labels": ["speaker", "claim"]}),
        ("doccano", {"annotator": "omar", "status": "done"}),
        ("conll", {"annotator": "layla"}),
    ],
)
def test_parallel_export_writes_what_one_process_writes(
    big: Path, tmp_path: Path, small_chunks: None, fmt: str, options: dict[str, Any]
) -> None:
    manifests, seen = {}, []
    for mode in ("serial", "parallel"):
        with Project.open(big) as store:
            manifests[mode] = export_job.export_dataset(
                store, fmt, tmp_path / mode / "data.out", parallel=mode == "parallel",
                progress=seen.append if mode == "parallel" else None, **options,
            )  # fmt: skip
    assert SpyPool.submitted > 0  # workers wrote chunks
    assert (
        seen == sorted(seen) and seen[-1] == 60
    )  # the progress bar only moves forward, to the end
    serial, parallel = _files(tmp_path / "serial"), _files(tmp_path / "parallel")
    assert serial.keys() == parallel.keys()
    for name in serial:
        if not name.endswith("manifest.json"):
            assert parallel[name] == serial[name], name
    strip = {"files", "manifest"}
    assert {k: v for k, v in manifests["parallel"].items() if k not in strip} == {
        k: v for k, v in manifests["serial"].items() if k not in strip
    }
    assert manifests["serial"]["documents"] > 40
    if fmt == "hf-bio":
        assert manifests["serial"]["widened"]  # the clitic-internal speaker, in document order
        # omar has not finished every fourth document: one annotator is no majority
        assert len(manifests["serial"]["documents_left_out"]) == 15


def test_a_wrong_document_in_a_worker_chunk_is_one_sentence_and_leaves_nothing(
    big: Path, tmp_path: Path, small_chunks: None
) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(big.read_bytes())
    with sqlite3.connect(broken) as con:  # damage the last document, which a worker writes
        con.execute(
            "UPDATE spans SET text = 'خطأ' WHERE doc_id = (SELECT max(id) FROM documents)"
            " AND annotator = 'layla' AND sid = 's1'"
        )
    con.close()
    out = tmp_path / "out"
    with Project.open(broken) as store, pytest.raises(AnnotatorError) as err:
        export_job.export_dataset(store, "jsonl", out / "layla.jsonl", "layla", parallel=True)
    assert str(err.value) == "document doc-059: span s1 of layla does not match its text"
    assert not out.exists() or not list(out.iterdir())
    assert not multiprocessing.active_children()


def test_a_cancelled_parallel_export_leaves_nothing(
    big: Path, tmp_path: Path, small_chunks: None
) -> None:
    class Cancelled(Exception):
        pass

    def progress(n: int) -> None:
        if n > 10:
            raise Cancelled

    out = tmp_path / "out"
    with Project.open(big) as store, pytest.raises(Cancelled):
        export_job.export_dataset(
            store, "jsonl", out / "d.jsonl", "layla", progress=progress, parallel=True
        )
    assert not list(out.iterdir())
    assert not multiprocessing.active_children()


def test_a_killed_worker_costs_nothing(big: Path, tmp_path: Path, small_chunks: None) -> None:
    with Project.open(big) as store:
        export_job.export_dataset(store, "jsonl", tmp_path / "serial.jsonl", "layla")
        killed = []

        def progress(n: int) -> None:
            for child in multiprocessing.active_children():
                if n >= 3 and child.pid and not killed:
                    os.kill(child.pid, signal.SIGKILL)
                    killed.append(child.pid)

        manifest = export_job.export_dataset(
            store, "jsonl", tmp_path / "p" / "d.jsonl", "layla", progress=progress, parallel=True
        )
    assert killed
    assert (tmp_path / "p" / "d.jsonl").read_bytes() == (tmp_path / "serial.jsonl").read_bytes()
    assert manifest["documents"] == 60
    lines = (tmp_path / "p" / "d.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"doc-{i:03}" for i in range(60)]


def test_quick_exports_are_written_by_one_process(
    big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_parallel, "ProcessPoolExecutor", SpyPool)
    SpyPool.submitted = 0
    with Project.open(big) as store:
        assert export_parallel.workers_for(store) == 0  # 60 documents: one chunk
        monkeypatch.setattr(export_parallel, "CHUNK", 7)
        monkeypatch.setattr(export_job, "workers_for", lambda store: 2)
        # However slow this machine, the rest is not worth starting a worker for.
        monkeypatch.setattr(export_parallel, "WORTH_S", float("inf"))
        manifest = export_job.export_dataset(
            store, "jsonl", tmp_path / "d.jsonl", "layla", parallel=True
        )
    assert manifest["documents"] == 60
    assert SpyPool.submitted == 0


def test_folder_formats_are_written_by_one_process(
    big: Path, tmp_path: Path, small_chunks: None
) -> None:
    with Project.open(big) as store:
        manifest = export_job.export_dataset(
            store, "brat", tmp_path / "brat", "layla", parallel=True
        )
    assert manifest["documents"] == 60
    assert len(list((tmp_path / "brat").glob("*.ann"))) == 60
    assert SpyPool.submitted == 0


def test_workers_start_when_the_rest_would_take_longer_than_two_seconds() -> None:
    assert export_parallel.WORTH_S == 2.0
    assert export_parallel.worth_workers(0.05, 50)  # 2.5 s left
    assert not export_parallel.worth_workers(0.05, 30)  # 1.5 s left
    assert not export_parallel.worth_workers(10.0, 0)  # nothing left


@pytest.mark.parametrize("sendfile", ["works", "fails after a first piece", "missing"])
def test_worker_files_are_appended_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sendfile: str
) -> None:
    src, dst = tmp_path / "piece", tmp_path / "out"
    body = ("سطر عربي\n" * 5000).encode()
    src.write_bytes(body)
    dst.write_bytes(b"head\n")
    if sendfile == "missing":
        monkeypatch.delattr(os, "sendfile")
    elif sendfile == "fails after a first piece":
        real = os.sendfile

        def once(out_fd: int, in_fd: int, offset: int, count: int) -> int:
            if offset:
                raise OSError("not supported here")
            return real(out_fd, in_fd, offset, min(count, 1000))

        monkeypatch.setattr(os, "sendfile", once)
    export_parallel._append(src, dst)
    assert dst.read_bytes() == b"head\n" + body
