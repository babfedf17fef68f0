"""The work database: one writer, and a run waits briefly for a reader instead of failing on DuckDB's lock."""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb
import pytest

from pipelines import work_database
from runtime import workdb

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("vast", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _reader(path, seconds: float) -> subprocess.Popen:
    """Another process that holds the file read-only (as `wmo-monitor status` does) for `seconds`."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "vast"
    return proc


@pytest.fixture
def work_db(tmp_path):
    path = tmp_path / "wh.work.duckdb"
    with work_database.connect(path):
        pass
    return path


def test_a_run_waits_for_a_brief_reader(work_db):
    reader = _reader(work_db, 1.0)
    start = time.monotonic()
    try:
        with work_database.connect(work_db, wait_s=20) as con:
            waited = time.monotonic() - start
            assert con.execute("SELECT count(*) FROM audit.bestanden").fetchall() == [(0,)]
    finally:
        reader.wait()
    assert waited > 0.3  # it did have to wait: the reader held the lock when the run started


def test_a_reader_that_keeps_the_file_gets_a_clear_dutch_error(work_db):
    reader = _reader(work_db, 5.0)
    try:
        with (
            pytest.raises(workdb.WorkDbBusy, match="in gebruik door een ander proces") as info,
            work_database.connect(work_db, wait_s=0.5),
        ):
            pass
    finally:
        reader.kill()
        reader.wait()
    assert "start de run opnieuw" in str(info.value)


def test_other_io_errors_are_not_retried(tmp_path):
    not_a_database = tmp_path / "kapot.duckdb"
    not_a_database.write_bytes(b"dit is geen duckdb-bestand" * 100)
    start = time.monotonic()
    with pytest.raises(duckdb.Error), work_database.connect(not_a_database, wait_s=10):
        pass
    assert time.monotonic() - start < 5
