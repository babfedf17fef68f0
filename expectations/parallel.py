"""Validate several suites at once, one process per core.

Great Expectations spends most of a validation in its own Python bookkeeping per expectation (building the metric
graph), not in pandas, so the seven iWmo suites took 11 s one after the other on one core while the other core
idled. Each worker process reads its suite's tables from the DuckDB file itself (read-only, as several processes
may) and returns the plain `ValidationOutcome`; the outcomes come back in the order of `suites`, so the report is
the same as when the suites run one after the other. Workers are spawned, not forked: the caller is a Dagster run
with threads of its own, and a forked copy of a process with threads can hang on a lock one of them held.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb

from expectations.runner import ValidationOutcome, load_frames, validate_family
from wmo_monitor.cores import available_cores


def validate_suites(
    database: Path, suites: list[str], known: dict[str, set[str]], *, workers: int | None = None
) -> list[ValidationOutcome]:
    """`validate_family` for every suite on the raw tables in `database`; `workers=None` is one per core."""
    if workers is None:
        workers = available_cores()
    workers = min(workers, len(suites))
    if workers <= 1:
        return [validate_suite(database, suite, known) for suite in suites]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return list(pool.map(validate_suite, [database] * len(suites), suites, [known] * len(suites)))


def validate_suite(database: Path, suite: str, known: dict[str, set[str]]) -> ValidationOutcome:
    with duckdb.connect(str(database), read_only=True) as con:
        frames = load_frames(con, suite)
    return validate_family(suite, frames, known=known)
