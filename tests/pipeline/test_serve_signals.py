"""`wmo-monitor serve` as a service manager or a terminal runs it: SIGTERM, SIGINT or a closed terminal (SIGHUP)
stop the command and its Streamlit child, with a Dutch line and exit code 0 (issue 24 item 9)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.pipeline.cli_runs import CLI, run_env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie (a zombie has ended; only its exit status is left)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _wait_until_serving(proc: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().decode().strip() == "ok":
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("het dashboard kwam niet binnen 120 s op")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda s: s.name)
def test_serve_stops_with_its_streamlit_child(tmp_path, signum):
    warehouse = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(warehouse)).close()  # `serve` needs the file; no page is opened, so no tables
    port = _free_port()
    proc = subprocess.Popen(
        [*CLI, "serve", "--warehouse", str(warehouse), "--port", str(port)],
        env=run_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # the signal goes to the command alone, as from `kill` or a service manager
    )
    try:
        _wait_until_serving(proc, port)
        (child,) = _children(proc.pid)
        os.kill(proc.pid, signum)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    left_running = _alive(child)
    if left_running:
        os.kill(child, signal.SIGKILL)  # the old behaviour: do not leave it serving after the test
    assert not left_running, "het Streamlit-proces draait nog na het stoppen van `serve`"
    assert proc.returncode == 0, out + err
    assert f"Dashboard gestopt ({signum.name} ontvangen)." in out
    assert "Traceback" not in err, err
