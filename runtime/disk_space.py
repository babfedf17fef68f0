"""A full disk during a run: recognised, explained in Dutch, and recorded as the run's reason for failing.

A run that fills the disk fails in whichever write comes first (DuckDB's checkpoint, the publication copy,
dbt's log), and recording that failure in `audit.runs` needs a little space too: without any, the run stayed
'bezig' and the next run closed it as 'afgebroken (proces gestopt)', the real reason lost (issue 24, 7).
So a run keeps a small reserve file in its state folder, written in full when it starts and given back when
the disk turns out to be full: that space is then enough to record the failure.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from runtime import private_files

RESERVE_BYTES = 4 * 1024**2
"""Room for DuckDB to commit the failed run's row in audit.runs (tests/pipeline/test_disk_full.py shows it is)."""

NO_SPACE = os.strerror(errno.ENOSPC)
"""'No space left on device': how DuckDB, dbt and Python put it in the error messages a step failure carries."""


def is_disk_full(error: BaseException | str) -> bool:
    """True for an OSError with ENOSPC, or an error (or its message) that reports one, from any library."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    return NO_SPACE in str(error)


def explanation(folder: Path) -> str:
    """The Dutch line for the user: what happened and what to do (the summary adds that the publication stays)."""
    return (
        f"De schijf is vol: er kon niet meer worden geschreven in {folder}. Maak ruimte vrij op die schijf "
        "(of geef de warehouse een map op een andere schijf)."
    )


@contextlib.contextmanager
def reserve(state_dir: Path) -> Iterator[Path]:
    """A reserve file of RESERVE_BYTES for the duration of a run; `release` gives it back early.

    Written in full (not a sparse file), so that its blocks are really taken. A disk that cannot even hold the reserve gets no reserve, not an error: the
    run then fails at its first write and says why."""
    path = state_dir / "schijfreserve"
    try:
        with private_files.private_file(path).open("wb") as handle:
            handle.write(b"\0" * RESERVE_BYTES)
    except OSError as exc:
        if not is_disk_full(exc):
            raise
        path.unlink(missing_ok=True)
    try:
        yield path
    finally:
        release(path)


def release(reserve_file: Path) -> None:
    reserve_file.unlink(missing_ok=True)
