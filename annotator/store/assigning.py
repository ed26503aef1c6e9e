"""Assignments in the project file: who should annotate which document.

A mixin of Project, like Importing and Editing; the plan itself is pure (model/assignment.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.model.assignment import AssignmentPlan, plan
from annotator.store.base import ProjectBase, now


class Assigning(ProjectBase):
    """Planning and reading assignments."""

    def assign(
        self, annotators: Sequence[str], overlap: float, per_overlap: int, seed: int
    ) -> AssignmentPlan:
        """Assign every document nobody is assigned to yet, in one transaction."""
        with self.transaction():
            free = [
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM assignments)"
                )
            ]
            load = dict(self.db.execute("SELECT annotator, count(*) FROM assignments GROUP BY 1"))
            made = plan(free, annotators, overlap, per_overlap, seed, load)
            stamp = now()
            for name in annotators:
                self.db.execute(
                    "INSERT OR IGNORE INTO annotators VALUES (?, ?)", [name.strip(), stamp]
                )
            self.db.conn.executemany(
                "INSERT INTO assignments (doc_id, annotator, overlap, assigned_at) VALUES (?, ?, ?, ?)",
                [(doc, name, int(doc in made.overlap), stamp)
                 for doc, names in made.who.items() for name in names],
            )  # fmt: skip
            self._log("lead", "assign", None, {"documents": len(made.who), "seed": seed,
                                                "overlap": overlap, "per_overlap": per_overlap})  # fmt: skip
        return made

    def assigned(self, annotator: str) -> list[int]:
        """Row ids of the documents assigned to ``annotator``, in order."""
        rows = self.db.execute(
            "SELECT doc_id FROM assignments WHERE annotator = ? ORDER BY doc_id", [annotator]
        )
        return [r[0] for r in rows]

    def assignments(self) -> dict[int, list[str]]:
        """Every assigned document and who should annotate it."""
        out: dict[int, list[str]] = {}
        for doc, name in self.db.execute(
            "SELECT doc_id, annotator FROM assignments ORDER BY doc_id, annotator"
        ):
            out.setdefault(doc, []).append(name)
        return out
