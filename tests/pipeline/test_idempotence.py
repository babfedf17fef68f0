"""Running twice over the same landing zone changes nothing; a fixed file dropped in later loads."""

from __future__ import annotations

import hashlib

import duckdb
import pytest

from tests.pipeline.conftest import run_once

pytestmark = pytest.mark.slow


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


def test_second_run_over_the_same_landing_zone_changes_nothing(pipeline_run):
    before = marts_fingerprint(pipeline_run.warehouse)
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        files_before = con.execute("SELECT count(*) FROM audit.bestanden").fetchall()
    _, outcome = run_once(pipeline_run.landing, pipeline_run.warehouse)
    assert outcome.success, outcome.failure
    assert outcome.summary["bestanden_nieuw"] == 0
    json_logs = sorted((pipeline_run.warehouse.parent / "warehouse.state" / "logs").glob("run-*.jsonl"))
    assert json_logs and '"melding": "Run gestart' in json_logs[-1].read_text(encoding="utf-8")
    assert marts_fingerprint(pipeline_run.warehouse) == before
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM audit.bestanden").fetchall() == files_before
