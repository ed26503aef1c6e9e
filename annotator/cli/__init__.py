"""The ``annotator`` command: a thin click layer over the library. With no command it opens the GUI.

One module per command (or family of commands), each registering itself on the group in
``group.py``; the options they share live in ``options.py``. Errors reach the user as one sentence
on stderr and a non-zero exit status, never as a traceback (set ANNOTATOR_DEBUG=1 to see one).
"""

from __future__ import annotations

# importing a command module registers its command on the group
from annotator.cli import (  # noqa: F401
    agreement,
    assign,
    backups,
    datasette,
    exporting,
    gui,
    importing,
    init,
    merge,
    package,
    progress,
    stats,
    suggest,
)
from annotator.cli.group import cli
from annotator.cli.run import main

__all__ = ["cli", "main"]
