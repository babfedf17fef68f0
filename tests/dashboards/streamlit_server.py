"""Start a dashboard server process for a test and stop it again (shared by the e2e fixture and the serve test)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def draaiende_server(
    command: list[str], env: dict[str, str], url: str, log: Path, cwd: Path | None = None
) -> Iterator[subprocess.Popen]:
    """Run `command` with its output in `log` until `url`'s health check says ok; stop it when the block ends."""
    with log.open("w") as out:
        # Its own process group: `wmo-monitor serve` runs Streamlit as a child, and stopping only the parent
        # would leave that child serving after the test.
        proc = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
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
            yield proc
        finally:
            _stop_group(proc)


def _stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM to the whole group, SIGKILL after 10 s; a group that is already gone is fine."""
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
