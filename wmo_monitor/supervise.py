"""A child process (the Streamlit dashboard) that ends with the command that started it.

Started the plain way (`subprocess.call`), the child outlived `wmo-monitor serve` on SIGTERM: Python's default
action ends the parent at once and the dashboard kept serving the port with nobody to stop it (issue 24, 9).
Here the child gets a process group of its own, so a terminal's Ctrl+C or a service manager's SIGTERM reaches
this process only, and this process stops the child's whole group in order (SIGTERM, SIGKILL after
`STOP_WAIT_S`) before it exits with a Dutch line.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence

import click

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
"""SIGHUP too: the child's own group no longer hears a closed terminal, so this process passes it on."""

STOP_WAIT_S = 10.0
"""How long the child may take to stop after SIGTERM (Streamlit closes its sessions) before it is killed."""


def run_child(command: Sequence[str], env: Mapping[str, str], label: str) -> int:
    """Run `command` until it ends or this process is asked to stop; returns the exit code for this process.

    The child's own code when it ended by itself; 0 when it was stopped on request (the request was carried
    out; a service manager counts that as a clean stop)."""
    child = subprocess.Popen(list(command), env=dict(env), start_new_session=True)
    requested: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        requested.append(signum)
        _signal_group(child.pid, signal.SIGTERM)

    previous = {signum: signal.signal(signum, stop) for signum in STOP_SIGNALS}
    try:
        code, killed = _wait(child, requested)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        # Whatever the child left in its group (and the child itself, if waiting failed) goes with it.
        _signal_group(child.pid, signal.SIGKILL)
    if not requested:
        return code
    name = signal.Signals(requested[0]).name
    if killed:
        click.echo(f"{label} reageerde niet binnen {STOP_WAIT_S:.0f} s op {name} en is geforceerd gestopt.")
    else:
        click.echo(f"{label} gestopt ({name} ontvangen).")
    return 0


def _wait(child: subprocess.Popen, requested: list[int]) -> tuple[int, bool]:
    """The child's exit code once it has ended, and whether it had to be killed after a stop request."""
    deadline: float | None = None
    while True:
        try:
            return child.wait(timeout=0.2), deadline is not None and time.monotonic() > deadline
        except subprocess.TimeoutExpired:
            if not requested:
                continue
            deadline = deadline or time.monotonic() + STOP_WAIT_S
            if time.monotonic() > deadline:
                _signal_group(child.pid, signal.SIGKILL)


def _signal_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # the group is empty: everything in it has ended
        os.killpg(pgid, signum)
