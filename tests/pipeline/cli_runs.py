"""`wmo-monitor run` as its own process, the way an operator or a container starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_KEY

CLI = [sys.executable, "-m", "wmo_monitor.cli"]


def run_env(failpoint: str | None = None) -> dict[str, str]:
    """This environment with the test key, without settings another test may have left behind."""
    env = {**os.environ, "WMO_PSEUDONIEM_SLEUTEL": TEST_KEY}
    for name in ("WMO_FAILPOINT", "WMO_PEILDATUM", "WMO_LANDING_DIR", "WMO_WAREHOUSE"):
        env.pop(name, None)
    if failpoint:
        env["WMO_FAILPOINT"] = failpoint
    return env


def run_command(landing: Path, warehouse: Path) -> list[str]:
    return [*CLI, "run", "--landing", str(landing), "--warehouse", str(warehouse)]


def cli_run(landing: Path, warehouse: Path, failpoint: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        run_command(landing, warehouse),
        env=run_env(failpoint),
        capture_output=True,
        text=True,
        timeout=900,
        start_new_session=True,  # a failpoint kills the whole group, as a container kill would
    )


def cli_start(landing: Path, warehouse: Path, *, own_group: bool = False) -> subprocess.Popen:
    """`wmo-monitor run` in the background, stdout and stderr together to be read line by line while it runs.

    `own_group`: in a process group of its own, so that a test can find the run's children (dbt) by it."""
    return subprocess.Popen(
        run_command(landing, warehouse),
        env=run_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=own_group,
    )
