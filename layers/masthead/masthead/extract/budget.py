"""A wall-clock budget for one extraction, enforced by a timer signal.

The parsers are written to run in linear time with budgets checked before parsing; this is the
safety net behind them. When extraction of one upload runs past its budget, the timer raises
ExtractionTimedOut between two bytecodes (the regex engine checks for signals as it runs), so a
slow upload becomes a `too_slow` rejection instead of a Lambda timeout that fails a whole batch.
Only the main thread can receive signals; elsewhere (a worker thread) the budget is not enforced.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from ..errors import ExtractionTimedOut


def _expired(signum, frame):  # noqa: ARG001 - signal handler signature
    raise ExtractionTimedOut()


@contextmanager
def time_budget(seconds: float | None):
    """Raise ExtractionTimedOut inside the block once `seconds` of wall time have passed."""
    if seconds is None or seconds <= 0:
        yield
        return
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
