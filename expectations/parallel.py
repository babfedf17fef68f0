"""Validate several suites at once, one process per core.

Great Expectations spends most of a validation in its own Python bookkeeping per expectation (building the metric
graph), not in pandas, so the seven iWmo suites took 11 s one after the other on one core while the other core
idled. Each worker process reads its suite's tables from the DuckDB file itself (read-only, as several processes
may) and returns the plain `ValidationOutcome`; the outcomes come back in the order of `suites`, so the report is
the same as when the suites run one after the other. Workers are not forked from the caller: it is a Dagster run
with threads of its own, and a forked copy of a process with threads can hang on a lock one of them held.

They come from multiprocessing's fork server instead: a clean process (started like a spawned one, so without the
caller's threads) that imports Great Expectations once and then forks a worker per suite. `warm_up()` starts it
as soon as a run knows that new messages arrived, so the import (4–7 s here) happens while the run is still
scanning and loading files on one core, not when the check needs it. Where there is no fork server (Windows),
the workers are spawned and each imports GX itself.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb

from expectations.runner import ValidationOutcome, load_frames, quiet_environment, validate_family
from runtime.cores import available_cores

_PRELOAD = ["expectations.runner", "great_expectations"]
"""What the fork server imports before it forks workers: everything a validation needs."""


def _context() -> multiprocessing.context.BaseContext:
    quiet_environment()  # inherited by the fork server or the spawned workers, before they import GX
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def warm_up() -> None:
    """Start the fork server now, in the background; it imports GX while the caller goes on."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def validate_suites(
    database: Path, suites: list[str], known: dict[str, set[str]], *, workers: int | None = None
) -> list[ValidationOutcome]:
    """`validate_family` for every suite on the raw tables in `database`; `workers=None` is one per core."""
    if workers is None:
        workers = available_cores()
    workers = min(workers, len(suites))
    if workers <= 1:
        return [validate_suite(database, suite, known) for suite in suites]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        return list(pool.map(validate_suite, [database] * len(suites), suites, [known] * len(suites)))


def validate_suite(database: Path, suite: str, known: dict[str, set[str]]) -> ValidationOutcome:
    with duckdb.connect(str(database), read_only=True) as con:
        frames = load_frames(con, suite)
    return validate_family(suite, frames, known=known)
