"""Order-independent fingerprints of a published warehouse, to compare two runs table by table."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb


def marts_fingerprint(warehouse) -> dict[str, str]:
    """A content hash per published mart, independent of row order."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts' ORDER BY 1"
            ).fetchall()
        ]
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
