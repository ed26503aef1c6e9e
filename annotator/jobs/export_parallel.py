"""Large exports shared with worker processes, with the same bytes as one process writes.

The documents are cut into chunks of consecutive row ids. The main process writes chunks from the
front straight into the output files; when the first chunk shows that the rest would take more
than a couple of seconds, workers start and take chunks from the back, each into files of its own,
appended in order once the two meet. A chunk is written exactly once and the output is in document
order, so nothing about the dataset depends on how many processes wrote it. Each chunk is read in
one snapshot of the project; edits made in the window during an export may reach later chunks.

Workers are started with "spawn" (safe beside the window's threads and open SQLite connections),
open the project read-only through their own connection and ignore Ctrl+C, which the main process
handles by stopping them and removing every partial file.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.export.base import Writer
from annotator.export.formats import export_format
from annotator.export.manifest import Manifest
from annotator.jobs.export_stream import Plan, write_documents
from annotator.jobs.workers import become_worker
from annotator.store import Project

CHUNK = 100  # documents per chunk: small enough to balance, large enough to amortise
WORTH_S = 2.0  # start workers only when the rest would take longer than this alone
MAX_WORKERS = 3

_store: Project | None = None  # a worker's own read-only connection


def worth_workers(first_chunk_s: float, chunks_left: int) -> bool:
    """Whether the chunks left, each as slow as the first, would take longer than WORTH_S
    in this process alone (starting a worker costs about half a second)."""
    return first_chunk_s * chunks_left > WORTH_S


def workers_for(store: Project) -> int:
    """How many worker processes an export of ``store`` may use (0: write it alone)."""
    # sched_getaffinity counts the cores this process may use (containers, taskset); not on macOS
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if cpus < 2 or store.document_count() <= CHUNK:
        return 0
    return min(cpus - 1, MAX_WORKERS)


def _start_worker(path: str, parent: int) -> None:
    become_worker(parent)
    global _store
    _store = Project.open(path, readonly=True)


def write_chunk(
    store: Project, plan: Plan, ids: tuple[int, int], paths: dict[str | None, Path]
) -> tuple[Manifest, int]:
    """Write the documents with row ids in ``ids`` to ``paths`` (one file per split part);
    return what was written and how many documents were read."""
    manifest = Manifest(plan.fmt, store.schema.name, plan.chosen, plan.filters)
    if plan.parts:
        manifest.split = {"documents": {}}
    cls = export_format(plan.fmt).writer_class()
    writers = {
        part: cls(path, store.schema, manifest, plan.options, plan.chosen)
        for part, path in paths.items()
    }
    try:
        read = write_documents(store, plan, writers, manifest, ids)
    finally:
        for w in writers.values():
            w.close()
    return manifest, read


def _worker_chunk(
    plan: Plan, ids: tuple[int, int], paths: dict[str | None, Path]
) -> tuple[Manifest, int]:
    if _store is None:  # pragma: no cover - the initializer always runs first
        raise AnnotatorError("export worker started without a project")
    try:
        return write_chunk(_store, plan, ids, paths)
    except AnnotatorError as exc:  # as the base class: subclasses' arguments do not pickle
        raise AnnotatorError(exc.told) from None


class _Chunks:
    """The chunk schedule: the main process takes them from the front, workers from the back."""

    def __init__(self, store: Project, plan: Plan, temps: dict[str | None, Path]) -> None:
        self.plan = plan
        self.ranges = store.document_ranges(CHUNK)
        self.pieces = [{part: t.with_name(f"{t.name}.{k}") for part, t in temps.items()}
                       for k in range(len(self.ranges))]  # fmt: skip
        self.front, self.back = 0, len(self.ranges) - 1
        self.given: dict[int, Future[tuple[Manifest, int]]] = {}  # chunk -> its worker's result
        self.running: dict[int, Future[tuple[Manifest, int]]] = {}
        self.read_by_workers = 0  # documents in the chunks workers have finished
        self.broken = False  # a worker died: the main process writes the rest

    def give_to_workers(self, pool: ProcessPoolExecutor, workers: int) -> None:
        """Keep every worker busy with one chunk from the back, never the main process's."""
        for k, future in list(self.running.items()):
            if future.done():
                del self.running[k]
                if future.exception() is None:
                    self.finished(future.result()[1])
        while len(self.running) < workers and self.back > self.front and not self.broken:
            try:
                future = pool.submit(_worker_chunk, self.plan, self.ranges[self.back],
                                     self.pieces[self.back])  # fmt: skip
            except BrokenProcessPool:
                self.broken = True
                return
            self.given[self.back] = self.running[self.back] = future
            self.back -= 1

    def finished(self, read: int) -> None:
        self.read_by_workers += read

    def remove_pieces(self) -> None:
        for paths in self.pieces:
            for piece in paths.values():
                piece.unlink(missing_ok=True)


def _append(src: Path, dst: Path) -> None:
    """Add the bytes of ``src`` at the end of ``dst``, in the kernel where it can."""
    with src.open("rb") as fin, dst.open("r+b") as fout:  # not "ab": sendfile refuses O_APPEND
        fout.seek(0, os.SEEK_END)
        offset, size = 0, os.fstat(fin.fileno()).st_size
        if hasattr(os, "sendfile"):
            try:
                while offset < size:
                    offset += os.sendfile(fout.fileno(), fin.fileno(), offset, size - offset)
                return
            except OSError:  # not for these files: copy the rest through Python
                fin.seek(offset)
                fout.seek(0, os.SEEK_END)
        shutil.copyfileobj(fin, fout, 1 << 22)


def write_in_parallel(
    store: Project,
    plan: Plan,
    writers: dict[str | None, Writer],
    manifest: Manifest,
    temps: dict[str | None, Path],
    progress: Callable[[int], None] | None,
    workers: int,
) -> None:
    """Write every planned document through ``writers`` (closed at the end) with ``workers``
    helper processes; ``progress`` is told how many documents have been read so far."""
    chunks = _Chunks(store, plan, temps)
    pool: ProcessPoolExecutor | None = None  # started once the first chunk shows it is worth it
    read = 0  # documents the main process has read
    started = 0.0  # when the main process began its first chunk

    def report(n: int = 0) -> None:
        if progress is not None:
            progress(read + n + chunks.read_by_workers)

    def document_read(n: int) -> None:  # between documents: hand out work, report progress
        if pool is not None:
            chunks.give_to_workers(pool, workers)
        report(n)

    try:
        while chunks.front <= chunks.back:
            if chunks.front == 0:
                started = time.perf_counter()
            elif pool is None and chunks.front == 1:
                first = time.perf_counter() - started
                if worth_workers(first, chunks.back + 1 - chunks.front):
                    pool = ProcessPoolExecutor(
                        workers,
                        multiprocessing.get_context("spawn"),
                        initializer=_start_worker,
                        initargs=(str(store.path), os.getpid()),
                    )
            if pool is not None:
                chunks.give_to_workers(pool, workers)
            ids = chunks.ranges[chunks.front]
            read += write_documents(store, plan, writers, manifest, ids, document_read)
            chunks.front += 1
        for w in writers.values():
            w.close()
        for k in sorted(chunks.given):
            try:
                chunk_manifest, n = chunks.given[k].result()
                if k in chunks.running:  # finished after the main process's last look
                    chunks.finished(n)
            except BrokenProcessPool:  # its worker died (killed, out of memory): write it here
                chunk_manifest, n = write_chunk(store, plan, chunks.ranges[k], chunks.pieces[k])
                read += n
            manifest.add(chunk_manifest)
            for part, piece in chunks.pieces[k].items():
                _append(piece, temps[part])
                piece.unlink()
            report()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        chunks.remove_pieces()
