"""Progress lines for people watching a long run; the CLI shows them on stdout, Dagster keeps its own log."""

from __future__ import annotations

import logging
import sys

_log = logging.getLogger("wmo_monitor.voortgang")


def report(message: str) -> None:
    _log.info(message)


def show_on_stdout() -> None:
    """Print progress with a time stamp; called once by the CLI."""
    if any(getattr(h, "_wmo_voortgang", False) for h in _log.handlers):
        return
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(asctime)s  %(message)s", datefmt="%H:%M:%S"))
    handler._wmo_voortgang = True  # type: ignore[attr-defined]
    _log.addHandler(handler)
    _log.setLevel(logging.INFO)
    _log.propagate = False
