"""Running twice over the same landing zone changes nothing; a fixed file dropped in later loads."""

from __future__ import annotations

import json

import duckdb
import pytest

from runtime.progress import STAPPEN
from tests.pipeline.conftest import run_once
from tests.pipeline.fingerprints import marts_fingerprint

pytestmark = pytest.mark.slow


def test_second_run_over_the_same_landing_zone_changes_nothing(pipeline_run):
    before = marts_fingerprint(pipeline_run.warehouse)
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        files_before = con.execute("SELECT count(*) FROM audit.bestanden").fetchall()
    _, outcome = run_once(pipeline_run.landing, pipeline_run.warehouse)
    assert outcome.success, outcome.failure
    assert outcome.summary["bestanden_nieuw"] == 0
    json_logs = sorted((pipeline_run.warehouse.parent / "warehouse.state" / "logs").glob("run-*.jsonl"))
    log = json_logs[-1].read_text(encoding="utf-8") if json_logs else ""
    assert '"melding": "Run gestart' in log
    lines = [json.loads(line) for line in log.splitlines()]
    assert {line["run_id"] for line in lines} == {outcome.run_id}  # every line names its run
    # ... and its stage, from the run's start to the publication; every family's check reports its outcome
    assert {line["stap"] for line in lines} == set(STAPPEN)
    assert (lines[0]["stap"], lines[-1]["stap"]) == ("run", "publiceren")
    controles = [line["melding"] for line in lines if line["stap"] == "controle"]
    for familie in ("berichten", "klachten", "verantwoording", "referentie"):
        assert any(m.startswith(f"Controle {familie}: geslaagd (") for m in controles), controles
    assert all("uitkomst hergebruikt" in m for m in controles), "nothing new: GX need not run again"
    assert "niets veranderd sinds de vorige geslaagde bouw" in log, "nothing new: dbt need not build again"
    assert marts_fingerprint(pipeline_run.warehouse) == before
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM audit.bestanden").fetchall() == files_before
