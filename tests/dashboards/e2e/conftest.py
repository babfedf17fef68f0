"""Real-browser fixtures: Debian chromium for pytest-playwright and a `streamlit run` server subprocess."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from dashboard_warehouse import ARTEFACTEN, REPO, add_scorekaart_rows

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.is_file():
        pytest.skip(
            f"Debian chromium ontbreekt op {CHROMIUM} (apt-get install chromium); e2e-test overgeslagen"
        )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1440, "height": 1000}, "accept_downloads": True}


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _streamlit(warehouse: Path, users_file: Path, log: Path) -> Iterator[str]:
    """Run the dashboard on a free port against `warehouse`; yields its base URL and stops the server afterwards."""
    if not CHROMIUM.is_file():
        pytest.skip(f"Debian chromium ontbreekt op {CHROMIUM}; e2e-test overgeslagen")
    poort = _vrije_poort()
    env = {
        **os.environ,
        "WMO_WAREHOUSE": str(warehouse),
        "WMO_USERS_FILE": str(users_file),
        "WMO_MIN_CELGROOTTE": "10",
    }
    ARTEFACTEN.mkdir(exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboards/app.py", "--server.headless", "true",
             "--server.port", str(poort), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        url = f"http://127.0.0.1:{poort}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                        if r.read().decode().strip() == "ok":
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"Streamlit-server start niet; zie {log}")
                time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="session")
def server(_bestanden) -> Iterator[str]:
    """The dashboard against the synthetic warehouse; yields its base URL."""
    with _streamlit(_bestanden.warehouse, _bestanden.users_file, ARTEFACTEN / "streamlit-e2e.log") as url:
        yield url


@pytest.fixture(scope="session")
def scorekaart_server(_bestanden, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard against a copy of the synthetic warehouse with the scorecard's extra rows (marks to show)."""
    kopie = tmp_path_factory.mktemp("scorekaart-e2e") / "warehouse.duckdb"
    shutil.copy(_bestanden.warehouse, kopie)
    add_scorekaart_rows(kopie)
    with _streamlit(kopie, _bestanden.users_file, ARTEFACTEN / "streamlit-e2e-scorekaart.log") as url:
        yield url
