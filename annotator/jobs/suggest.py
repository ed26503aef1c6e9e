"""Run the suggestion rules over a project and store them as the 'suggestions' layer.

Documents are read a page at a time and each page's layers are written in a transaction of their
own, so memory stays flat on any project and the write lock is held for a fraction of a second at
a time: an open window keeps saving edits while suggest runs. A document the rules fail on is
skipped and named; it never costs the others their suggestions.

Large projects are shared with worker processes (one per core): each opens the project itself,
takes pages of consecutive row ids, suggests and writes them. Workers are started with "spawn"
(safe beside the window's threads and open connections), ignore Ctrl+C, which the main process
handles by stopping them, and end themselves when the main process is killed (workers.py); every
page already written is complete, and running again replaces all.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from annotator.errors import Told
from annotator.jobs.workers import become_worker
from annotator.model.document import Document, Layer
from annotator.model.layers import SUGGESTIONS_LAYER
from annotator.store import Project
from annotator.suggest.rules import Suggester

LAYER = SUGGESTIONS_LAYER
PAGE = 250  # documents per read and per write transaction (about a tenth of a second of work)
WORTH_PAGES = 8  # fewer pages than this are done at once in this process (a worker costs ~0.5 s)
MAX_WORKERS = 4

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """A document the rules could not suggest for: its id and why (its earlier suggestions stay)."""

    document: str
    reason: str


@dataclass
class SuggestReport:
    """What a suggest run did: documents given suggestions, spans per label, relations, failures."""

    documents: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    relations: int = 0
    failed: list[Failure] = field(default_factory=list)

    def add(self, other: SuggestReport) -> None:
        """Count in another part of the run (a worker's page)."""
        self.documents += other.documents
        self.relations += other.relations
        for label, n in other.by_label.items():
            self.by_label[label] = self.by_label.get(label, 0) + n
        self.failed.extend(other.failed)


def suggest_page(
    store: Project,
    page: Iterable[Document],
    suggester: Suggester,
    each: Callable[[Document, Layer], None] | None = None,
    write_lock: AbstractContextManager[object] | None = None,
) -> SuggestReport:
    """Suggest for ``page`` and store the layers in one transaction; failures are named, not raised.

    ``write_lock`` is held around the write: workers take turns instead of waiting on SQLite's
    busy timeout, which sleeps in steps of up to a tenth of a second."""
    report = SuggestReport()
    made: list[tuple[Document, Layer]] = []
    for doc in page:
        try:
            made.append((doc, suggester.suggest(doc.text)))
        except Exception as exc:  # one document's bug must not end a run over thousands
            log.exception("suggest failed on document %s", doc.ext_id)
            report.failed.append(Failure(doc.ext_id, f"{type(exc).__name__}: {exc}"))
    refused: set[int] = set()

    def refuse(doc: Document, reason: Told) -> None:
        refused.add(doc.id)
        report.failed.append(Failure(doc.ext_id, str(reason)))

    store.replace_layers(made, on_problem=refuse, turn=write_lock)
    for doc, layer in made:
        if doc.id in refused:
            continue
        report.documents += 1
        report.relations += len(layer.relations)
        for span in layer.spans:
            report.by_label[span.label] = report.by_label.get(span.label, 0) + 1
        if each is not None:
            each(doc, layer)
    return report


def workers_for(pages: int) -> int:
    """How many worker processes a run of ``pages`` pages uses beside this one (0: alone)."""
    # sched_getaffinity counts the cores this process may use (containers, taskset); not on macOS
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if cpus < 2 or pages < WORTH_PAGES:
        return 0
    return min(cpus - 1, MAX_WORKERS)


def suggest_project(
    store: Project,
    doc_ref: str | None = None,
    progress: Callable[[int], None] | None = None,
    each: Callable[[Document, Layer], None] | None = None,
    *,
    parallel: bool = False,
) -> SuggestReport:
    """Suggest for one document or all, replacing earlier suggestions page by page.

    ``each`` sees every stored (document, layer) once its page is committed (``suggest --json``);
    it keeps the run in this process. With ``parallel``, large projects are shared with workers;
    the calling program's main module must then be import-safe, as for any spawned process.
    """
    suggester = Suggester()
    if doc_ref:
        return suggest_page(store, [store.find_document(doc_ref)], suggester, each)
    ranges = store.document_ranges(PAGE)
    workers = workers_for(len(ranges)) if parallel and each is None else 0
    if workers:
        return _with_workers(store, ranges, workers, suggester, progress)
    report = SuggestReport()
    for first, end in ranges:
        report.add(suggest_page(store, store.documents_between(first, end), suggester, each))
        if progress is not None:
            progress(report.documents)
    return report


_store: Project | None = None  # a worker's own connection
_suggester: Suggester | None = None
_lock: AbstractContextManager[object] | None = None  # the processes' turn to write


def _start_worker(path: str, parent: int, lock: AbstractContextManager[object]) -> None:
    become_worker(parent)
    global _store, _suggester, _lock
    _store = Project.open(path)
    _suggester = Suggester()
    _lock = lock


def _worker_page(ids: tuple[int, int]) -> SuggestReport:
    if _store is None or _suggester is None:  # pragma: no cover - the initializer runs first
        raise RuntimeError("suggest worker started without a project")
    return suggest_page(_store, _store.documents_between(*ids), _suggester, write_lock=_lock)


def _with_workers(
    store: Project,
    ranges: list[tuple[int, int]],
    workers: int,
    suggester: Suggester,
    progress: Callable[[int], None] | None,
) -> SuggestReport:
    """Every page done by this process and ``workers`` others, which take turns to write; at
    most two pages per worker are handed out at a time (flat memory). A page whose worker died
    is done here."""
    report = SuggestReport()
    todo = list(reversed(ranges))  # the next page last
    running: dict[Future[SuggestReport], tuple[int, int]] = {}
    context = multiprocessing.get_context("spawn")
    turn = context.Lock()
    pool = ProcessPoolExecutor(
        workers, context, initializer=_start_worker, initargs=(str(store.path), os.getpid(), turn)
    )

    def here(ids: tuple[int, int]) -> None:
        report.add(suggest_page(store, store.documents_between(*ids), suggester, write_lock=turn))

    try:
        while todo or running:
            while todo and len(running) < 2 * workers:
                try:
                    running[pool.submit(_worker_page, todo[-1])] = todo[-1]
                except BrokenProcessPool:  # the workers are gone: the rest is done here
                    break
                todo.pop()
            if todo:
                here(todo.pop())  # this process works too, between handing out pages
            done = (
                [f for f in running if f.done()]
                if todo
                else wait(running, return_when=FIRST_COMPLETED)[0]
            )
            for future in done:
                ids = running.pop(future)
                try:
                    report.add(future.result())
                except BrokenProcessPool:
                    here(ids)
            if progress is not None:
                progress(report.documents)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return report
