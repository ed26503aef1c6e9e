"""Run beside an export: when the export dies before saying "done", remove its hidden files.

Started by export_target.Lease as ``python -I -S export_watch.py WHERE MARK LOCK OUT``; it reads
its standard input until the export closes it. Standard library only (it runs without site-packages).
"""

from __future__ import annotations

import glob
import os
import shutil
import sys
import time
from pathlib import Path

WORKERS_GONE_S = 1.0  # export workers notice their parent is gone within this (workers.py)


def clean(where: Path, mark: str, lock: Path, out: Path) -> None:
    """Remove the dead export's hidden files; put back a folder it had moved aside; free the lock."""
    aside = where / f"{mark}.old"
    if aside.is_dir() and not out.exists():
        os.rename(aside, out)
    for path in where.glob(glob.escape(mark) + "*"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    try:
        import fcntl

        with open(lock, "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.path.samestat(os.fstat(fh.fileno()), os.stat(lock)):
                lock.unlink()
    except (OSError, ImportError):  # another export holds it now, or no flock here
        pass


def main(argv: list[str]) -> None:
    where, mark, lock, out = argv
    if sys.stdin.buffer.read() == b"done\n":
        return
    time.sleep(WORKERS_GONE_S)
    clean(Path(where), mark, Path(lock), Path(out))


if __name__ == "__main__":
    main(sys.argv[1:])
