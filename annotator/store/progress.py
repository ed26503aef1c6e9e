"""Progress for the lead: per annotator assigned, done, skipped, active time and spans per hour;
per document who is assigned and where each stands. A mixin of Project."""

from __future__ import annotations

from annotator.errors import EditError
from annotator.model.progress import AnnotatorProgress, DocumentProgress, ProgressReport
from annotator.store.base import PEOPLE_SQL, ProjectBase, now

LISTED = 1000  # documents listed at most (the counts are always whole)


class Progress(ProjectBase):
    """Work time and progress."""

    def add_work_time(self, doc_id: int, annotator: str, seconds: float) -> None:
        """Add active seconds to an annotator's time on a document (one small transaction)."""
        if seconds < 0:
            raise EditError("work time cannot be negative")
        if seconds == 0 or self.readonly:
            return
        with self.transaction():
            self.db.execute("INSERT OR IGNORE INTO annotators VALUES (?, ?)", [annotator, now()])
            self.db.execute(
                "INSERT INTO work_time (doc_id, annotator, seconds, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (doc_id, annotator) DO UPDATE SET"
                " seconds = seconds + excluded.seconds, updated_at = excluded.updated_at",
                [doc_id, annotator, seconds, now()],
            )

    def work_seconds(self, doc_id: int, annotator: str) -> float:
        """Active seconds ``annotator`` spent on a document."""
        row = self.db.execute(
            "SELECT seconds FROM work_time WHERE doc_id = ? AND annotator = ?", [doc_id, annotator]
        ).fetchone()
        return float(row[0]) if row else 0.0

    def progress(self) -> ProgressReport:
        """Per annotator: assigned, done, skipped, in progress, seconds, spans, spans per hour;
        per document (the first LISTED): who is assigned and each one's status."""
        names = [r[0] for r in self.db.execute(f"{PEOPLE_SQL} ORDER BY name")]
        counts: dict[str, dict[str, float]] = {n: {} for n in names}
        queries = {
            "assigned": "SELECT annotator, count(*) FROM assignments GROUP BY 1",
            "spans": "SELECT annotator, count(*) FROM spans GROUP BY 1",
            "seconds": "SELECT annotator, sum(seconds) FROM work_time GROUP BY 1",
        }
        for key, sql in queries.items():
            for name, value in self.db.execute(sql):
                if name in counts:
                    counts[name][key] = value
        # done, skipped and in progress count the documents assigned to the annotator, so that
        # they add up within "assigned"; what they finished beyond that is done_unassigned
        for name, status, n, assigned in self.db.execute(
            "SELECT st.annotator, st.status, count(*), a.doc_id IS NOT NULL FROM doc_status st"
            " LEFT JOIN assignments a ON a.doc_id = st.doc_id AND a.annotator = st.annotator"
            " GROUP BY 1, 2, 4"
        ):
            if name not in counts:
                continue
            if assigned and status in ("done", "skipped", "in_progress"):
                counts[name][status] = n
            elif not assigned and status == "done":
                counts[name]["done_unassigned"] = n
        people = {
            name: AnnotatorProgress(
                **{k: int(v) for k, v in c.items() if k != "seconds"},
                seconds=round(float(c.get("seconds", 0.0)), 1),
            )
            for name, c in counts.items()
        }
        documents: dict[int, DocumentProgress] = {}
        rows = self.db.execute(
            "SELECT d.id, d.ext_id, a.annotator, coalesce(st.status, 'todo') FROM documents d"
            " JOIN assignments a ON a.doc_id = d.id"
            " LEFT JOIN doc_status st ON st.doc_id = d.id AND st.annotator = a.annotator"
            " ORDER BY d.id, a.annotator"
        )
        for doc_id, ext_id, name, status in rows:
            entry = documents.setdefault(doc_id, DocumentProgress(ext_id, {}))
            entry.annotators[name] = status
        return ProgressReport(
            project=str(self.path),
            annotators=people,
            documents=tuple(documents.values())[:LISTED],
            assigned_documents=len(documents),
        )
