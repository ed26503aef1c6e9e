"""An export run as its own process, slowed down and with workers from the second chunk on, so a
test can kill it with SIGKILL halfway (see test_export_targets.py).

Run as a script: ``python tests/helpers_export.py PROJECT OUT``. The slowing happens at import, so
the spawned worker processes (which import this script again as ``__mp_main__``) are slow too.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from annotator.export.jsonl import JsonlWriter
from annotator.jobs import export_parallel

_write = JsonlWriter.write


def _slow_write(self: JsonlWriter, *args: Any) -> None:
    time.sleep(0.05)
    _write(self, *args)


JsonlWriter.write = _slow_write  # type: ignore[method-assign,assignment]

if __name__ == "__main__":
    from annotator.cli import main

    export_parallel.CHUNK = 5
    export_parallel.WORTH_S = 0.0
    from annotator.jobs import export as export_job

    export_job.workers_for = lambda store: 2  # type: ignore[attr-defined]
    project, out = sys.argv[1:]
    main(["export", project, "--format", "jsonl", "--annotator", "layla", "--out", out])
