"""The pipeline's private working database and the lock that keeps it to one run at a time."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from runtime import private_files


class RunLocked(RuntimeError):
    """Another run holds the work database."""


@contextmanager
def run_lock(state_dir: Path) -> Iterator[None]:
    """An exclusive lock for the duration of a run; a second run refuses instead of waiting on DuckDB's lock."""
    private_files.private_dir(state_dir)
    lock_path = private_files.private_file(state_dir / "run.lock")
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


LOCK_WAIT_S = 15.0
"""How long a run waits for a reader of the work database (`wmo-monitor status`, a BI tool) to let go."""


class WorkDbBusy(RuntimeError):
    """Another process kept the work database open for longer than `LOCK_WAIT_S`."""


@contextmanager
def connect(
    work_db: Path,
    *,
    prepare: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
    wait_s: float = LOCK_WAIT_S,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection, passed through `prepare` first (the pipeline's creates its tables there).

    DuckDB allows one writer and no readers beside it, across processes. A reader that holds the file briefly
    (a status call at the moment a run starts) is waited for; one that keeps it longer gets a clear error."""
    private_files.ensure_dir(work_db.parent)
    con = _connect_waiting(work_db, wait_s)
    try:
        private_files.restrict(work_db)  # DuckDB creates it with the umask; also tightens an older 0644 one
        if prepare is not None:
            prepare(con)
        yield con
    finally:
        con.close()


def _connect_waiting(work_db: Path, wait_s: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return duckdb.connect(str(work_db))
        except duckdb.IOException as exc:
            if "Could not set lock" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise WorkDbBusy(
                    f"De werkdatabase {work_db} is al {wait_s:.0f} s in gebruik door een ander proces ({exc}). "
                    "Sluit dat proces (bijvoorbeeld een BI-verbinding op de werkdatabase; lees liever de publicatie) "
                    "en start de run opnieuw."
                ) from None
            time.sleep(0.2)
