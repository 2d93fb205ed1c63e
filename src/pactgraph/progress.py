"""A one-line progress bar for long commands, shown only on a terminal.

The command line creates one and passes :meth:`Progress.update` to the library as a
callback; library code itself never writes to the terminal. When the stream is not a
terminal (output piped or redirected, or ``TERM=dumb``) the bar stays silent.

>>> import io
>>> bar = Progress(total=4, stream=io.StringIO())   # not a terminal: silent
>>> bar.enabled
False
"""

from __future__ import annotations

import os
import sys
import time

__all__ = ["Progress", "format_duration"]


def format_duration(seconds: float) -> str:
    """``42s``, ``3m05s`` or ``2h07m``.

    >>> format_duration(185)
    '3m05s'
    """
    seconds = int(max(seconds, 0))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


class Progress:
    """``[#####-----] 120/1000 files  35.2 files/s  410 KB/s  ETA 25s`` on one terminal line.

    Parameters
    ----------
    total : int
        Number of items expected.
    stream : file, optional
        Where to draw (standard error by default).
    unit : str
        What is counted.
    interval : float
        Least seconds between two redraws.
    """

    def __init__(self, total: int, stream=None, unit: str = "files", interval: float = 0.1):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.unit = unit
        self.interval = interval
        self.started = time.monotonic()
        self.done = 0
        self.bytes = 0
        self._drawn = 0.0
        self._width = 0
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"

    def update(self, done: int, nbytes: int = 0, label: str = "") -> None:
        """Record that ``done`` items are finished (``nbytes`` more bytes read); redraw now and then."""
        self.done = done
        self.bytes += nbytes
        now = time.monotonic()
        if not self.enabled or (now - self._drawn < self.interval and done < self.total):
            return
        self._drawn = now
        elapsed = max(now - self.started, 1e-6)
        rate = done / elapsed
        width = 24
        filled = int(width * done / self.total) if self.total else width
        eta = format_duration((self.total - done) / rate) if rate > 0 and done < self.total else "--"
        line = (f"[{'#' * filled}{'-' * (width - filled)}] {done}/{self.total} {self.unit}  {rate:.1f} {self.unit}/s"
                f"  {self.bytes / 1024 / elapsed:.0f} KB/s  ETA {eta}")
        if label:
            line += f"  {label[-40:]}"
        self._write(line)

    def _write(self, line: str) -> None:
        pad = max(self._width - len(line), 0)
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()
        self._width = len(line)

    def clear(self) -> None:
        """Erase the bar (before printing a normal line, and at the end)."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
            self._drawn = 0.0
