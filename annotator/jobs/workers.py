"""What every worker process of a job does first: ignore Ctrl+C and die with the job.

Workers are started with "spawn" by a job (export, suggest) that may be killed, even by SIGKILL,
which runs none of its clean-up. A worker must not outlive it: it would hold the project open
(and, through its pipe, keep multiprocessing's resource tracker alive). So each worker watches
its parent from a daemon thread and ends itself as soon as the parent is gone.
"""

from __future__ import annotations

import os
import signal
import threading
import time

PARENT_POLL_S = (
    0.2  # how soon a worker notices that its job was killed (export_watch.py waits longer)
)


def become_worker(parent: int) -> None:
    """Call first in a worker's initializer, with the job's ``os.getpid()``: Ctrl+C is the job's
    to handle (it stops the workers), and the worker ends within PARENT_POLL_S of the job."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)
