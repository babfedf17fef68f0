"""Failpoints for the crash-safety tests: with WMO_FAILPOINT=<name> the run dies by SIGKILL at that point.

A real crash (power cut, OOM killer, `kill -9`) cannot be timed reliably from outside, so the tests place it
exactly. The whole process group dies, dbt's subprocess included, as it would when a container is killed.
Without the variable a failpoint does nothing.
"""

from __future__ import annotations

import os
import signal


def failpoint(name: str) -> None:
    if os.environ.get("WMO_FAILPOINT") == name:
        os.killpg(os.getpgrp(), signal.SIGKILL)
