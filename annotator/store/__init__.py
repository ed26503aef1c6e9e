"""The project file: the only package that speaks SQL. Returns dataclasses from annotator.model."""

from annotator.store.base import DocSummary, ImportReport
from annotator.store.project import Project

__all__ = ["DocSummary", "ImportReport", "Project"]
