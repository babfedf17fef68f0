"""The Dagster instance that records a warehouse's runs: `wmo-monitor run` executes the job in it and
`wmo-monitor dagster` (`make dagster`) opens it, so the UI shows the CLI's runs, checks and materializations."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

TEMPLATE = Path(__file__).with_name("dagster.yaml")
"""Instance configuration (sqlite storage in the folder, one run at a time, no telemetry)."""


def prepare_home(home: Path) -> Path:
    """Create the instance folder with its dagster.yaml; an existing dagster.yaml is the operator's and stays."""
    home.mkdir(parents=True, exist_ok=True)
    target = home / "dagster.yaml"
    if not target.exists():
        shutil.copyfile(TEMPLATE, target)
    return home


@contextmanager
def open_instance(home: Path) -> Iterator[dg.DagsterInstance]:
    """`DagsterInstance.get()`, the documented way to open a persistent instance, on `home`.

    DAGSTER_HOME points at `home` only while the instance is open: a test (or a second warehouse) in the same
    process must not find the first one's instance afterwards.
    """
    prepare_home(home)
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        with dg.DagsterInstance.get() as instance:
            yield instance
    finally:
        if previous is None:
            os.environ.pop("DAGSTER_HOME", None)
        else:
            os.environ["DAGSTER_HOME"] = previous
