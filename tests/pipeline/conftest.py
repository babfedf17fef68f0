"""One generated region, run through the whole pipeline once per test session (dbt costs ~10 s a call)."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY
from tests.pipeline.cli_runs import cli_run
from tests.pipeline.fingerprints import audit_fingerprint, marts_fingerprint


@dataclass
class PipelineRun:
    landing: Path
    warehouse: Path
    manifest: dict
    outcome: object
    settings: object


def run_once(landing: Path, warehouse: Path):
    from runtime import config
    from wmo_monitor.run import run_pipeline

    settings = config.from_env().with_overrides(landing_dir=landing, warehouse=warehouse)
    return settings, run_pipeline(settings)


def sensor_triggered_run(landing: Path, warehouse: Path):
    """The way production starts a run: the landing sensor sees new files and requests the pipeline job."""
    import dagster as dg

    from pipelines.dbt_setup import ensure_manifest
    from pipelines.definitions import defs
    from pipelines.sensors import landing_sensor
    from runtime import config
    from wmo_monitor.run import RunOutcome, read_run

    os.environ["WMO_LANDING_DIR"], os.environ["WMO_WAREHOUSE"] = str(landing), str(warehouse)
    ensure_manifest()
    request = landing_sensor(dg.build_sensor_context(cursor=None))
    assert isinstance(request, dg.RunRequest), request
    result = defs.resolve_job_def("wmo_pipeline").execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), tags=request.tags, raise_on_error=False
    )
    settings = config.from_env()
    return settings, RunOutcome(result.success, result.run_id, read_run(settings, result.run_id), None)


@pytest.fixture
def con(tmp_path):
    """An empty warehouse with the raw and audit schemas, for tests that drive the Loader directly."""
    import duckdb

    from ingest.raw_schema import create_all

    connection = duckdb.connect(str(tmp_path / "w.duckdb"))
    create_all(connection)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory) -> PipelineRun:
    from demo_region import generate_region

    os.environ["WMO_PSEUDONIEM_SLEUTEL"] = TEST_KEY
    root = tmp_path_factory.mktemp("regio")
    landing = root / "landing"
    manifest = generate_region(landing, seed=11, scale=0.02, years=(2023, 2024))
    settings, outcome = sensor_triggered_run(landing, root / "warehouse.duckdb")
    assert outcome.success, outcome.summary
    assert json.loads((landing / "manifest.json").read_text(encoding="utf-8")) == manifest
    return PipelineRun(landing, root / "warehouse.duckdb", manifest, outcome, settings)


@pytest.fixture(scope="session")
def second_build(pipeline_run, tmp_path_factory) -> PipelineRun:
    """The landing of `pipeline_run` built once more from nothing, the way `wmo-monitor run` does it (so with the run
    log and the JSON log): for comparing two builds and for scanning everything a run writes."""
    from wmo_monitor.run import run_pipeline

    root = tmp_path_factory.mktemp("herbouw")
    # The assets read the key from the environment when the run starts: set the first build's key, whatever a test
    # in between left there (a monkeypatch undone after this fixture's first use restores the value before it).
    os.environ["WMO_PSEUDONIEM_SLEUTEL"] = TEST_KEY
    os.environ.pop("WMO_PSEUDONIEM_SLEUTEL_FILE", None)
    settings = dataclasses.replace(
        pipeline_run.settings.with_overrides(warehouse=root / "warehouse.duckdb"), pseudoniem_sleutel=TEST_KEY
    )
    outcome = run_pipeline(settings)
    assert outcome.success, outcome.failure
    return PipelineRun(pipeline_run.landing, settings.warehouse, pipeline_run.manifest, outcome, settings)


@pytest.fixture(scope="session")
def two_deliveries(tmp_path_factory):
    """A small region in two deliveries. The first is run once into a template that tests copy (the published
    state before a delivery); the reference is the template plus the second delivery, run without interruption."""
    from demo_region import generate_region

    root = tmp_path_factory.mktemp("crash")
    full = root / "volledig"
    generate_region(full, seed=5, scale=0.01, years=(2024, 2024))
    template = root / "sjabloon"
    shutil.copytree(full, template / "landing")
    for path in sorted((template / "landing" / "berichten").rglob("*.xml"))[1::2]:
        path.unlink()
    first = cli_run(template / "landing", template / "wh.duckdb")
    assert first.returncode == 0, first.stdout + first.stderr
    reference = root / "referentie"
    shutil.copytree(template, reference)
    shutil.copytree(full, reference / "landing", dirs_exist_ok=True)
    assert cli_run(reference / "landing", reference / "wh.duckdb").returncode == 0
    return {
        "full": full,
        "template": template,
        "reference": marts_fingerprint(reference / "wh.duckdb"),
        "reference_audit": audit_fingerprint(reference / "wh.duckdb"),
    }


def second_delivery(region, tmp_path) -> tuple[Path, Path]:
    """A copy of the published first delivery with the second delivery dropped into its landing zone."""
    shutil.copytree(region["template"], tmp_path / "w")
    shutil.copytree(region["full"], tmp_path / "w" / "landing", dirs_exist_ok=True)
    return tmp_path / "w" / "landing", tmp_path / "w" / "wh.duckdb"
