"""The pipeline's private working database and the lock that keeps it to one run at a time."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ingest.raw_schema import create_all


class RunLocked(RuntimeError):
    """Another run holds the work database."""


@contextmanager
def run_lock(state_dir: Path) -> Iterator[None]:
    """An exclusive lock for the duration of a run; a second run refuses instead of waiting on DuckDB's lock."""
    state_dir.mkdir(parents=True, exist_ok=True)
    lock_path = state_dir / "run.lock"
    handle = lock_path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        handle.close()
        raise RunLocked(
            f"Er loopt al een run op deze warehouse (slot: {lock_path}). Wacht tot die klaar is en probeer het opnieuw."
        ) from exc
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


@contextmanager
def connect(work_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection with the raw, restricted and audit tables in place."""
    work_db.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(work_db))
    try:
        create_all(con)
        yield con
    finally:
        con.close()
