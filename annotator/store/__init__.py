"""The project file: the only package that speaks SQL. Returns dataclasses from annotator.model."""

from annotator.store.project import DocSummary, ImportReport, Project

__all__ = ["DocSummary", "ImportReport", "Project"]
