"""Order-independent fingerprints of a published warehouse, to compare two runs table by table."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb


def _mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts' ORDER BY 1"
        ).fetchall()
    ]


def marts_fingerprint(warehouse) -> dict[str, str]:
    """A content hash per published mart, independent of row order."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = _mart_tables(con)
        result = {}
        for table in tables:
            rows = sorted(repr(r) for r in con.execute(f"SELECT * FROM marts.{table}").fetchall())
            result[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        return result


def audit_fingerprint(warehouse: Path) -> dict[str, list]:
    """What the registry and the quarantine say about each file, without the run-dependent timestamps."""
    queries = {
        "bestanden": "SELECT pad, sha256, familie, status, aantal_records FROM audit.bestanden",
        "quarantaine": "SELECT pad, familie, locatie, reden_code, melding FROM audit.quarantaine",
    }
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {name: sorted(con.execute(sql).fetchall()) for name, sql in queries.items()}


def marts_as_csv(warehouse: Path, folder: Path) -> dict[str, bytes]:
    """Every table of the `marts` schema exported by DuckDB as CSV, rows sorted on all columns, as bytes.

    The bytes DuckDB itself writes, so two builds compare byte for byte and a difference can be read line by line; a
    DOUBLE is written in its shortest round-trip form, so a difference in its last bit shows. Run ids and timestamps
    live in `audit`, not in `marts`, so nothing has to be left out.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = _mart_tables(con)
        for table in tables:
            con.execute(f"COPY (SELECT * FROM marts.{table} ORDER BY ALL) TO '{folder / table}.csv' (HEADER)")
    return {table: (folder / f"{table}.csv").read_bytes() for table in tables}
