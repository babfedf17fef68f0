"""One generated region, run through the whole pipeline once per test session (dbt costs ~10 s a call)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY


@dataclass
class PipelineRun:
    landing: Path
    warehouse: Path
    manifest: dict
    outcome: object
    settings: object


def run_once(landing: Path, warehouse: Path):
    from wmo_monitor import config
    from wmo_monitor.run import run_pipeline

    settings = config.from_env().with_overrides(landing_dir=landing, warehouse=warehouse)
    return settings, run_pipeline(settings)


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory) -> PipelineRun:
    from wmo_monitor.generate import generate_region

    os.environ["WMO_PSEUDONIEM_SLEUTEL"] = TEST_KEY
    root = tmp_path_factory.mktemp("regio")
    landing = root / "landing"
    manifest = generate_region(landing, seed=11, scale=0.02, years=(2023, 2024))
    settings, outcome = run_once(landing, root / "warehouse.duckdb")
    assert outcome.success, outcome.failure
    assert json.loads((landing / "manifest.json").read_text(encoding="utf-8")) == manifest
    return PipelineRun(landing, root / "warehouse.duckdb", manifest, outcome, settings)
