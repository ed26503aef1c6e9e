"""Active time: the seconds between an annotator's actions, leaving out idle stretches.

Every action (an edit, opening a document, the window coming to the front) is a tick; the time
since the previous tick counts when it is at most ``IDLE_LIMIT_S``. Leaving the window pauses:
the next tick starts afresh. Pure: the caller gives the clock's readings.
"""

from __future__ import annotations

IDLE_LIMIT_S = 120.0  # a pause longer than two minutes is not work


class ActiveTime:
    """Credits the time between ticks that are at most ``idle_limit`` seconds apart."""

    def __init__(self, idle_limit: float = IDLE_LIMIT_S) -> None:
        self.idle_limit = idle_limit
        self._last: float | None = None

    def tick(self, now: float) -> float:
        """Seconds of work since the previous tick (0 after a pause or an idle stretch)."""
        last, self._last = self._last, now
        if last is None or now < last or now - last > self.idle_limit:
            return 0.0
        return now - last

    def pause(self, now: float) -> float:
        """The work up to ``now``; the next tick starts afresh."""
        credit = self.tick(now)
        self._last = None
        return credit
