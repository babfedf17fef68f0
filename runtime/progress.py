"""Progress lines for people watching a long run; the CLI shows them on stdout, Dagster keeps its own log."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from runtime import disk_space, private_files

_log = logging.getLogger("wmo_monitor.voortgang")


STAPPEN = ("run", "inlezen", "controle", "dbt", "publiceren")
"""The stages of a run, as the JSON log names them (`stap`): a collector can time and filter a run by them."""


def report(message: str, stap: str = "run") -> None:
    """One progress line; `stap` is the stage of the run it belongs to (one of STAPPEN)."""
    _log.info(message, extra={"stap": stap})


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


class _JsonLines(logging.Formatter):
    def __init__(self, run_id: str) -> None:
        super().__init__()
        self.run_id = run_id

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(
            {
                "tijd": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
                "niveau": record.levelname,
                "run_id": self.run_id,
                "stap": getattr(record, "stap", "run"),
                "melding": record.getMessage(),
            },
            ensure_ascii=False,
        )


class _JsonFile(logging.FileHandler):
    def handleError(self, record: logging.LogRecord) -> None:
        """A line that does not fit on a full disk is left out of the file (the terminal still shows it), instead
        of logging's traceback on stderr for every line, which would bury the run's own Dutch explanation."""
        if not disk_space.is_disk_full(sys.exc_info()[1] or ""):
            super().handleError(record)


def log_json_to(path: Path, run_id: str) -> logging.Handler:
    """Also write every progress line as one JSON object per line, for log collectors; returns the handler.

    Every line carries the Dagster run id, so a collector can group a run's lines and join them to `audit.runs`."""
    handler = _JsonFile(private_files.private_file(path), encoding="utf-8")
    handler.setFormatter(_JsonLines(run_id))
    _log.addHandler(handler)
    _log.setLevel(logging.INFO)
    return handler


def stop_logging_to(handler: logging.Handler) -> None:
    _log.removeHandler(handler)
    try:
        handler.close()
    except OSError as exc:  # the last lines did not fit (disk full): the run's own outcome still counts
        if not disk_space.is_disk_full(exc):
            raise
