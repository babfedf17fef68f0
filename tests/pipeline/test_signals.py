"""Commands stopped the way a service manager or a terminal stops them (issue 24 item 9, issue 19 item 5):
`serve` on SIGTERM, SIGINT or a closed terminal (SIGHUP) takes its Streamlit child along, with a Dutch line and exit
code 0; `run` on SIGTERM takes its dbt along, says why in Dutch and leaves the publication as it was."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.pipeline.cli_runs import CLI, cli_start, run_env
from tests.pipeline.conftest import second_delivery


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


def _group(pgid: int) -> list[list[str]]:
    """The command lines of the living processes in process group `pgid`."""
    members = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
            argv = (stat_file.parent / "cmdline").read_bytes().split(b"\0")
        except (FileNotFoundError, ProcessLookupError):
            continue  # ended while we looked
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append([a.decode() for a in argv if a])
    return members


@pytest.mark.slow
def test_a_run_stopped_with_sigterm_stops_dbt_and_says_why(two_deliveries, tmp_path):
    landing, warehouse = second_delivery(two_deliveries, tmp_path)
    published = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    run = cli_start(landing, warehouse, own_group=True)
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(run.stdout), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 600
        while not any(a.endswith("/dbt") for argv in _group(run.pid) for a in argv):
            assert run.poll() is None and time.monotonic() < deadline, "".join(output)
            time.sleep(0.1)
        os.kill(run.pid, signal.SIGTERM)  # dbt is running: the signal goes to the command alone
        run.wait(timeout=120)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    reader.join(timeout=10)
    deadline = time.monotonic() + 10
    while _group(run.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _group(run.pid)
    if left:
        os.killpg(run.pid, signal.SIGKILL)
    assert not left, f"na de run draait nog: {left}"
    assert run.returncode == 1, "".join(output)
    assert "onderbroken: de run is gestopt met SIGTERM of Ctrl+C" in "".join(output)
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == published
