"""Failpoints for the crash-safety tests: with WMO_FAILPOINT=<name> the run dies by SIGKILL at that point.

A real crash (power cut, OOM killer, `kill -9`) cannot be timed reliably from outside, so the tests place it
exactly. The whole process group dies, dbt's subprocess included, as it would when a container is killed.
Without the variable a failpoint does nothing. The points, in the order a run passes them: run_start, ingest,
ingest_committed, checks, dbt_start, dbt, dbt_done, publish_start, publish, published, reminders
(tests/pipeline/test_crash_safety.py kills a run at each in turn).
"""

from __future__ import annotations

import os
import signal


def failpoint(name: str) -> None:
    if os.environ.get("WMO_FAILPOINT") == name:
        os.killpg(os.getpgrp(), signal.SIGKILL)
