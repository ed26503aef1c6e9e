"""Helpers for merge tests: a lead's project assigned to layla, packages of it, work marked in
either, and the real ``annotator merge --json``."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.jobs.package import package_for
from annotator.model.document import DocumentRecord, Span, Status
from annotator.model.edits import AddSpan
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_cli import run

TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"


def lead_project(db: Path, documents: int) -> Path:
    """A new project at ``db`` with ``documents`` documents d0, d1, … of TEXT, all layla's."""
    with Project.create(db, default_schema()) as p:
        p.add_documents([DocumentRecord(f"d{i}", "t", f"{TEXT} {i}") for i in range(documents)])
        p.assign(["layla"], 0.0, 0, 1)
    return db


def mark(
    path: Path, ext_id: str, annotator: str, word: str, label: str, status: str = Status.DONE
) -> None:
    """Label ``word`` of document ``ext_id`` in ``annotator``'s layer and give it ``status``."""
    with Project.open(path) as p:
        doc = p.find_document(ext_id)
        i = doc.text.index(word)
        p.apply(AddSpan(Span(i, i + len(word), label, word, doc_id=doc.id)), annotator)
        p.set_status(doc.id, annotator, status)


def texts(path: Path, ext_id: str, annotator: str) -> list[str]:
    """The words of ``annotator``'s spans in document ``ext_id``, sorted."""
    with Project.open(path) as p:
        return sorted(s.text for s in p.spans(p.find_document(ext_id).id, annotator))


def package(lead: Path, out: str = "layla #1.db", name: str = "layla") -> Path:
    """``name``'s package of the lead's project, beside it as ``out``."""
    pkg = lead.with_name(out)
    with Project.open(lead) as p:
        package_for(p, name, pkg)
    return pkg


def merge(lead: Path, pkg: Path, on_conflict: str = "fail") -> dict[str, object]:
    """``annotator merge LEAD PKG --json``: what it says of the package."""
    got = run("merge", str(lead), str(pkg), "--on-conflict", on_conflict, "--json")
    assert got.returncode == 0, got.stderr
    data: dict[str, object] = json.loads(got.stdout)[str(pkg)]
    return data
