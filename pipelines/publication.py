"""Atomic publication: the warehouse readers see is replaced in one rename, never written in place.

DuckDB allows one writer per file and a reader blocks a writer, so readers never open the work database:
they open the published copy, which is built next to it and swapped in with `os.replace`.
"""

from __future__ import annotations

import os
from pathlib import Path

from runtime import private_files, runs
from runtime.failpoints import failpoint

PUBLISHED_SCHEMAS = ("marts", "audit")


def publish(con, warehouse: Path, run_id: str) -> dict[str, int]:
    """Copy every table and view of the published schemas from the work database into `warehouse`.

    Returns the row count per published table. The temporary file is fsynced before the rename, so a
    crash leaves either the old or the new publication.
    """
    private_files.ensure_dir(warehouse.parent)
    tmp = warehouse.with_name(f"{warehouse.name}.{run_id}.tmp")
    tmp.unlink(missing_ok=True)
    placeholders = ", ".join("?" for _ in PUBLISHED_SCHEMAS)
    objects = con.execute(
        f"SELECT table_schema, table_name FROM information_schema.tables "
        f"WHERE table_catalog = current_database() AND table_schema IN ({placeholders}) "
        f"ORDER BY table_schema, table_name",
        list(PUBLISHED_SCHEMAS),
    ).fetchall()
    try:
        counts = _copy(con, tmp, objects, run_id)
    except Exception:
        tmp.unlink(missing_ok=True)  # a copy that failed (a full disk) gives its space back now, not next run
        raise
    failpoint("publish")
    os.replace(tmp, warehouse)
    _fsync_dir(warehouse.parent)
    failpoint("published")
    runs.mark_published(con, run_id)
    return counts


def _copy(con, tmp: Path, objects: list[tuple[str, str]], run_id: str) -> dict[str, int]:
    """Write the published schemas into `tmp` and fsync it; returns the row count per table."""
    counts: dict[str, int] = {}
    con.execute(f"ATTACH '{tmp}' AS publicatie")
    try:
        private_files.restrict(tmp)  # before any row is in it; os.replace keeps the mode
        for schema in PUBLISHED_SCHEMAS:
            con.execute(f"CREATE SCHEMA publicatie.{schema}")
        for schema, table in objects:
            con.execute(f"CREATE TABLE publicatie.{schema}.{table} AS SELECT * FROM {schema}.{table}")
            counts[f"{schema}.{table}"] = con.execute(
                f"SELECT count(*) FROM publicatie.{schema}.{table}"
            ).fetchall()[0][0]
        if ("audit", "runs") in objects:
            runs.mark_published(con, run_id, schema="publicatie.audit")
    finally:
        con.execute("DETACH publicatie")
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    return counts


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temporaries(warehouse: Path) -> None:
    """Delete half-written publications left by a killed run; they were never visible to readers."""
    for leftover in warehouse.parent.glob(f"{warehouse.name}.*.tmp"):
        leftover.unlink(missing_ok=True)
