"""The demo project: the team's own sample articles, created on first run in the user data folder."""

from __future__ import annotations

from pathlib import Path

from annotator.config import resource_path
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.schema import default_schema
from annotator.store import Project


def demo_path() -> Path:
    """Where the demo project lives."""
    from platformdirs import user_data_path

    return user_data_path("annotator", appauthor=False) / "demo.db"


def ensure_demo(path: Path | None = None) -> Path:
    """Create the demo project if it is missing; return its path."""
    path = path or demo_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with Project.create(path, default_schema()) as project:
            project.add_documents(read_inputs([resource_path("demo")], ImportOptions(format="txt")))
    return path
