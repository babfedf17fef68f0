"""Crash safety (operations.md, Reliability): a run killed with SIGKILL at any stage leaves the published
warehouse intact, and the next run produces exactly what an uninterrupted run produces."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.pipeline.cli_runs import cli_run, cli_start
from tests.pipeline.conftest import second_delivery
from tests.pipeline.fingerprints import audit_fingerprint, marts_fingerprint

pytestmark = pytest.mark.slow

FAILPOINTS = (
    "run_start",  # the run registered as bezig, nothing loaded
    "ingest",  # inside the first batch's transaction, before COMMIT
    "ingest_committed",  # one batch committed, the rest of the delivery not yet
    "checks",  # the first family's Great Expectations outcome remembered, the others not
    "dbt_start",  # everything loaded and checked, dbt not started
    "dbt",  # dbt half-way through its build
    "dbt_done",  # dbt built and its outcome remembered, nothing published
    "publish_start",  # the run registered as publiceren
    "publish",  # the new publication written next to the old one, not swapped in
    "published",  # swapped in, the work database not yet told
    "reminders",  # published, the reminder list not yet written
)
"""Ten-plus points spread over a run, in the order a run passes them (runtime/failpoints.py names them)."""
AFTER_SWAP = ("published", "reminders")


def test_killed_runs_leave_publication_intact_readers_never_error_and_late_files_wait(
    two_deliveries, tmp_path
):
    """One working copy goes through a kill at each failpoint in turn, with a dashboard-like reader running all along.

    Each killed run starts from the state the previous kill left and has to get past it to reach its own, later,
    failpoint (so every run is also the recovery of the kill before it); the run at the end completes from the
    last and produces exactly what an uninterrupted run produces. A file dropped while that run is ingesting waits
    for the run after it.
    """
    landing, warehouse = second_delivery(two_deliveries, tmp_path)
    published = marts_fingerprint(warehouse)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(warehouse)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for stage in FAILPOINTS:
        killed = cli_run(landing, warehouse, failpoint=stage)
        assert killed.returncode == -9, (
            f"de run had bij {stage} moeten sterven:\n{killed.stdout}\n{killed.stderr}"
        )
        # before the swap readers keep the previous publication; from the swap on, the new one is complete
        verwacht = two_deliveries["reference"] if stage in AFTER_SWAP else published
        assert marts_fingerprint(warehouse) == verwacht, f"publicatie onvolledig na een kill bij {stage}"

    late = landing / "berichten" / "laat" / "na-de-scan.xml"
    run = cli_start(landing, warehouse)
    output = []
    for line in run.stdout:  # drop a file once ingest of messages has begun: this run must not need it
        output.append(line)
        if "berichten:" in line and not late.exists():
            late.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(next((two_deliveries["full"] / "berichten").rglob("*.xml")), late)
            os.utime(late, ns=(time.time_ns(), time.time_ns()))
    assert run.wait() == 0, "".join(output)
    assert marts_fingerprint(warehouse) == two_deliveries["reference"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        statussen = [s for (s,) in con.execute("SELECT status FROM audit.runs ORDER BY start").fetchall()]
    # the first delivery's run, the killed ones closed as afgebroken by the run after them (the kill after the
    # swap was published as geslaagd already), and the recovery
    assert statussen[1:-1].count("afgebroken") >= len(FAILPOINTS) - 2, statussen
    assert statussen[-1] == "geslaagd", statussen
    assert (
        audit_fingerprint(warehouse) == two_deliveries["reference_audit"]
    )  # so the late file is not registered yet

    assert cli_run(landing, warehouse).returncode == 0
    reader.send_signal(signal.SIGINT)
    out, err = reader.communicate(timeout=30)
    assert "FOUT" not in out + err, out + err
    assert int(out.split()[-1]) > 0, "de lezer heeft geen enkele query gedaan"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        status = con.execute(
            "SELECT status FROM audit.bestanden WHERE pad = 'berichten/laat/na-de-scan.xml'"
        ).fetchall()
    assert status == [("duplicaat",)], "het late bestand (een kopie) hoort bij de volgende run geregistreerd"
    assert marts_fingerprint(warehouse) == two_deliveries["reference"]


READER = """
import signal, sys, time, duckdb
path, n, stop = sys.argv[1], 0, []
# SIGINT ends the loop after the current query; as KeyboardInterrupt it would interrupt a query mid-way, and
# DuckDB reports that as an error of its own ('Query interrupted'), which is not what this reader looks for
signal.signal(signal.SIGINT, lambda *_: stop.append(True))
try:
    while not stop:
        with duckdb.connect(path, read_only=True) as con:
            con.execute("SELECT count(*) FROM marts.fct_prestaties").fetchall()
        n += 1
        time.sleep(0.05)
except Exception as exc:
    print("FOUT", type(exc).__name__, exc)
finally:
    print(n)
"""
