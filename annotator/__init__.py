"""annotator: a desktop tool for annotating Arabic news articles.

From Python, ``annotator.open(path)`` gives a read-only project (see ``annotator.api``). Importing
this package loads nothing else: the store is imported on the first ``open``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.api import ReadOnlyProject

__version__ = "0.1.0"
# The name to pip install: "annotator" on PyPI is an unrelated project. The import name and the
# command stay "annotator".
DISTRIBUTION = "arabic-news-annotator"
__all__ = ["__version__", "open"]


def open(path: str | Path) -> ReadOnlyProject:
    """Open the project file at ``path`` read-only: documents(), spans(), relations(), to_pandas()."""
    from annotator.api import ReadOnlyProject

    return ReadOnlyProject(path)
