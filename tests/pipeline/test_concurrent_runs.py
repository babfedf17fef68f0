"""Two runs started at once on one warehouse (issue 21 item 5): the second refuses at once with a Dutch line
and leaves nothing behind. (A dashboard reading during a run is proven by the crash-safety test's reader and
test_publish's snapshot test.)"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT
from tests.pipeline.cli_runs import cli_run

HOLD = """
import sys, time
from pathlib import Path
from runtime import workdb
with workdb.run_lock(Path(sys.argv[1])):
    print("vast", flush=True)
    time.sleep(120)
"""


def test_a_second_run_refuses_clearly_and_writes_nothing(tmp_path):
    landing, warehouse = tmp_path / "landing", tmp_path / "wh.duckdb"
    landing.mkdir()
    state = tmp_path / "wh.state"
    first = subprocess.Popen(  # holds the run lock exactly as a run in progress does
        [sys.executable, "-c", HOLD, str(state)], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert first.stdout.readline().strip() == "vast"
        second = cli_run(landing, warehouse)
    finally:
        first.kill()
        first.wait()
    assert second.returncode == 2, second.stdout + second.stderr
    assert "Er loopt al een run op deze warehouse" in second.stderr
    assert "Traceback" not in second.stdout + second.stderr
    assert not warehouse.exists() and not warehouse.with_name("wh.work.duckdb").exists()
    assert sorted(p.name for p in state.rglob("*") if p.is_file()) == ["run.lock"], (
        "de tweede run schreef toch"
    )
