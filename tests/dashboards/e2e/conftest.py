"""Real-browser fixtures: Debian chromium for pytest-playwright and a `streamlit run` server subprocess."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from dashboard_warehouse import ARTEFACTEN, REPO, add_scorekaart_rows
from streamlit_server import draaiende_server, vrije_poort

from wmo_monitor.cli import streamlit_command

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


# Loaded by the server process through PYTHONPATH: writes every address it connects to or looks up, one per line,
# so the tests can show the served app contacts nothing outside this machine (no "what is my IP" at start-up).
_NETWERKLOG_HOOK = """
import os, sys
_pad = os.environ["WMO_TEST_NETWERKLOG"]
def _log(event, args):
    if event == "socket.connect":
        doel = args[1]
    elif event == "socket.getaddrinfo":
        doel = (args[0], args[1])
    else:
        return
    with open(_pad, "a", encoding="utf-8") as fh:
        fh.write(repr(doel) + "\\n")
with open(_pad, "a", encoding="utf-8") as fh:
    fh.write(repr("hook geladen") + "\\n")  # proves the log is live even when nothing else is written
sys.addaudithook(_log)
"""


@pytest.fixture(scope="session")
def netwerklog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file where the server process logs the addresses it connects to (see `_NETWERKLOG_HOOK`)."""
    map_ = tmp_path_factory.mktemp("netwerk")
    (map_ / "sitecustomize.py").write_text(_NETWERKLOG_HOOK, encoding="utf-8")
    return map_ / "verbindingen.txt"


@contextlib.contextmanager
def _streamlit(warehouse: Path, users_file: Path, netwerklog: Path, log: Path) -> Iterator[str]:
    """Run the dashboard as `wmo-monitor serve` would, on a free port against `warehouse`; yields its base URL."""
    if not CHROMIUM.is_file():
        pytest.skip(f"Debian chromium ontbreekt op {CHROMIUM}; e2e-test overgeslagen")
    poort = vrije_poort()
    hook = netwerklog.parent
    env = {
        **os.environ,
        "WMO_WAREHOUSE": str(warehouse),
        "WMO_USERS_FILE": str(users_file),
        "WMO_MIN_CELGROOTTE": "10",
        # The browser stands in for a reverse proxy on this machine: its X-Forwarded-For is the client address.
        "WMO_DASHBOARD_PROXY": "127.0.0.1",
        "WMO_TEST_NETWERKLOG": str(netwerklog),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")])),
    }
    ARTEFACTEN.mkdir(exist_ok=True)
    url = f"http://127.0.0.1:{poort}"
    with draaiende_server(streamlit_command("127.0.0.1", poort), env, url, log, cwd=REPO):
        yield url


@pytest.fixture(scope="session")
def server(_bestanden, netwerklog: Path) -> Iterator[str]:
    """The dashboard against the synthetic warehouse; yields its base URL."""
    with _streamlit(
        _bestanden.warehouse, _bestanden.users_file, netwerklog, ARTEFACTEN / "streamlit-e2e.log"
    ) as url:
        yield url


@pytest.fixture(scope="session")
def scorekaart_server(
    _bestanden, netwerklog: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The dashboard against a copy of the synthetic warehouse with the scorecard's extra rows (marks to show)."""
    kopie = tmp_path_factory.mktemp("scorekaart-e2e") / "warehouse.duckdb"
    shutil.copy(_bestanden.warehouse, kopie)
    add_scorekaart_rows(kopie)
    with _streamlit(
        kopie, _bestanden.users_file, netwerklog, ARTEFACTEN / "streamlit-e2e-scorekaart.log"
    ) as url:
        yield url


@pytest.fixture(scope="session")
def eigen_server(eigen_regio, netwerklog: Path) -> Iterator[str]:
    """The dashboard on the region of the user guide (tests/onboarding), with the users file its steps wrote."""
    with _streamlit(
        eigen_regio.warehouse,
        eigen_regio.users_file,
        netwerklog,
        ARTEFACTEN / "streamlit-e2e-eigen-regio.log",
    ) as url:
        yield url
