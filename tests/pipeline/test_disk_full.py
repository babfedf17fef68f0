"""A full disk (issue 24 item 7) on a real, small filesystem (a tmpfs; the tests skip where mounting is not
allowed): the run fails as 'mislukt' with a Dutch reason and no traceback, the publication stays as it was,
and once there is room again the next run produces what an uninterrupted run produces."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import duckdb
import pytest

from pipelines.publication import publish
from runtime import disk_space, progress
from tests.pipeline.cli_runs import cli_run
from tests.pipeline.conftest import second_delivery
from tests.pipeline.fingerprints import audit_fingerprint, marts_fingerprint


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of its own, so that filling it fills nothing else; unmounted afterwards."""
    mount = tmp_path / "schijf"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=128m", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"Geen kleine schijf: mount -t tmpfs is hier niet toegestaan ({done.stderr.strip()})")
    yield mount
    subprocess.run(["umount", "--lazy", str(mount)], check=True)


def fill(disk: Path, leave_bytes: int) -> Path:
    """Take all but `leave_bytes` of the disk's free space with one file (really allocated, not sparse)."""
    stats = os.statvfs(disk)
    filler = disk / "vulling"
    with filler.open("wb") as handle:
        os.posix_fallocate(handle.fileno(), 0, stats.f_bavail * stats.f_frsize - leave_bytes)
    return filler


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_publication_that_does_not_fit_leaves_the_old_one_and_no_half_copy(small_disk, tmp_path):
    work = duckdb.connect(
        str(tmp_path / "w.work.duckdb")
    )  # the work database is elsewhere: only the copy fails
    work.execute("CREATE SCHEMA marts; CREATE SCHEMA audit")
    work.execute("CREATE TABLE marts.fct_x AS SELECT range AS id FROM range(3)")
    work.execute("CREATE TABLE audit.runs AS SELECT 'run1' AS run_id, 'publiceren' AS status")
    target = small_disk / "w.duckdb"
    publish(work, target, "run1")
    before = sha256(target)
    work.execute(
        "CREATE TABLE marts.fct_groot AS SELECT range AS id, md5(range::VARCHAR) AS h FROM range(500000)"
    )
    fill(small_disk, 2 * 1024**2)
    with pytest.raises(duckdb.Error) as info:
        publish(work, target, "run2")
    work.close()
    assert disk_space.is_disk_full(info.value)
    assert sha256(target) == before
    assert not list(small_disk.glob("*.tmp")), "de halve kopie neemt nog ruimte in"


@pytest.mark.slow
def test_a_run_on_a_full_disk_fails_clearly_and_the_next_one_recovers(two_deliveries, small_disk):
    landing, warehouse = second_delivery(two_deliveries, small_disk)
    published = sha256(warehouse)
    # Room for the run's reserve and a little more: the second delivery does not fit.
    filler = fill(small_disk, disk_space.RESERVE_BYTES + 2 * 1024**2)

    failed = cli_run(landing, warehouse)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "Traceback (most recent call last)" not in output
    assert "De schijf is vol: er kon niet meer worden geschreven in" in failed.stdout
    assert sha256(warehouse) == published
    assert not list(warehouse.parent.glob("*.tmp"))
    with duckdb.connect(str(warehouse.with_name("wh.work.duckdb")), read_only=True) as con:
        status, melding = con.execute(
            "SELECT status, melding FROM audit.runs ORDER BY start DESC LIMIT 1"
        ).fetchone()
    assert status == "mislukt", melding
    assert melding.startswith("De schijf is vol")

    filler.unlink()
    recovered = cli_run(landing, warehouse)
    assert recovered.returncode == 0, recovered.stdout + recovered.stderr
    assert marts_fingerprint(warehouse) == two_deliveries["reference"]
    assert audit_fingerprint(warehouse) == two_deliveries["reference_audit"]


def test_progress_lines_that_do_not_fit_in_the_json_log_print_no_traceback(small_disk, capfd):
    handler = progress.log_json_to(small_disk / "run.jsonl", "run1")
    try:
        fill(small_disk, 0)
        for n in range(2000):  # well past the buffer, so the file really is written to
            progress.report(f"regel {n} " + "x" * 200)
    finally:
        progress.stop_logging_to(handler)
    assert "Logging error" not in capfd.readouterr().err
