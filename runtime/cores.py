"""`available_cores()`: the cores this process may run on, for sizing its worker pools."""

from __future__ import annotations

import os


def available_cores() -> int:
    """The CPU affinity where the platform has it (a container limited to 2 of 8 cores says 2), else the count."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
