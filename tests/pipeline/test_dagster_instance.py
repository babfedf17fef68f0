"""Dagster is the console of the CLI's runs: `wmo-monitor run` records its run, materializations and check
evaluations in the warehouse's Dagster instance, and `wmo-monitor dagster` opens that instance with the same
settings, without superseded commands or a dagster.yaml that Dagster ignores."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dagster as dg
import pytest

from pipelines.assets.publish import PUBLISHED_KEY
from pipelines.checks import SUITES_PER_FAMILY
from pipelines.instance import open_instance
from pipelines.sensors import landing_sensor
from runtime import config
from tests.pipeline.cli_runs import CLI, run_command, run_env
from wmo_monitor.console import console_env, console_settings

REPO_ROOT = Path(__file__).resolve().parents[2]
DAGSTER_START_NOISE = ("SupersessionWarning", "will not be used", "No dagster instance configuration file")
"""What Dagster prints when a superseded command starts or when its dagster.yaml is not the instance's."""


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    """One `wmo-monitor run` as its own process, against a DAGSTER_HOME of its own."""
    from demo_region import generate_region

    root = tmp_path_factory.mktemp("console")
    landing, warehouse, home = root / "landing", root / "warehouse.duckdb", root / "dagster_home"
    generate_region(landing, seed=5, scale=0.02, years=(2024, 2024))
    result = subprocess.run(
        run_command(landing, warehouse),
        env={**run_env(), "DAGSTER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [run_id] = [line.split()[1].rstrip(":") for line in result.stdout.splitlines() if line.startswith("Run ")]
    return landing, warehouse, home, run_id


@pytest.mark.slow
def test_the_cli_run_is_recorded_in_the_dagster_instance(cli_run):
    _, _, home, run_id = cli_run
    with open_instance(home) as instance:
        [record] = instance.get_run_records(dg.RunsFilter(run_ids=[run_id]))
        assert record.dagster_run.status == dg.DagsterRunStatus.SUCCESS
        assert record.dagster_run.job_name == "wmo_pipeline"
        materialized = {
            e.dagster_event.asset_key
            for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION)
        }
        assert PUBLISHED_KEY in materialized
        assert instance.fetch_materializations(PUBLISHED_KEY, limit=1).records[0].run_id == run_id
        evaluations = {
            e.dagster_event.event_specific_data.check_name: e.dagster_event.event_specific_data.passed
            for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION)
        }
        assert {f"gx_{familie}" for familie in SUITES_PER_FAMILY} <= evaluations.keys()
        assert any(name.startswith("unique") for name in evaluations), "dbt-tests horen er ook bij"
        assert all(evaluations.values())


def test_without_a_setting_the_instance_lives_in_the_warehouse_state_folder(tmp_path):
    settings = config.from_env({"WMO_WAREHOUSE": str(tmp_path / "w.duckdb")})
    assert settings.effective_dagster_home == tmp_path / "w.state" / "dagster"
    chosen = config.from_env(
        {"WMO_WAREHOUSE": str(tmp_path / "w.duckdb"), "DAGSTER_HOME": str(tmp_path / "d")}
    )
    assert chosen.effective_dagster_home == tmp_path / "d"
    ours = {"DAGSTER_HOME": str(tmp_path / "d"), "WMO_DAGSTER_HOME": str(tmp_path / "wmo")}
    assert config.from_env(ours).effective_dagster_home == tmp_path / "wmo", "WMO_DAGSTER_HOME gaat voor"


def test_after_the_demo_the_console_uses_the_demo_and_the_sensor_reads_its_landing_folder(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WMO_") and k != "DAGSTER_HOME"}
    assert console_settings(None, None, clean)[1] is False, "zonder demo: de gewone standaardwaarden"
    demo_settings = config.demo_settings(clean)
    (demo_settings.landing_dir / "berichten").mkdir(parents=True)
    (demo_settings.landing_dir / "berichten" / "a.xml").write_text("<x/>", encoding="utf-8")
    demo_settings.warehouse.write_bytes(b"")
    settings, demo = console_settings(None, None, clean)
    assert demo and settings.warehouse == demo_settings.warehouse
    assert settings.pseudoniem_sleutel == config.DEMO_SLEUTEL
    env = console_env(settings, clean)
    assert Path(env["DAGSTER_HOME"]) == (tmp_path / "data/demo/warehouse.state/dagster")
    monkeypatch.chdir("/")  # the daemon runs from the repository: the paths must not depend on the folder
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert config.from_env().landing_dir == tmp_path / "data/demo/landing"
    assert isinstance(landing_sensor(dg.build_sensor_context(cursor=None)), dg.RunRequest)


def test_an_explicit_landing_folder_wins_over_the_demo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WMO_")}
    config.demo_settings(clean).warehouse.parent.mkdir(parents=True)
    config.demo_settings(clean).warehouse.write_bytes(b"")
    settings, demo = console_settings(None, None, {**clean, "WMO_LANDING_DIR": "/srv/landing"})
    assert not demo and settings.landing_dir == Path("/srv/landing")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["data"]


@pytest.mark.slow
def test_the_console_starts_cleanly_and_shows_the_cli_run_with_its_checks(cli_run, tmp_path):
    landing, warehouse, home, run_id = cli_run
    port = _free_port()
    env = {**run_env(), "DAGSTER_HOME": str(home), "PYTHONWARNINGS": "always"}
    command = [*CLI, "dagster", "--landing", str(landing), "--warehouse", str(warehouse), "--port", str(port)]
    log = tmp_path / "console.log"
    with log.open("w") as out:
        console = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 240
            while True:
                assert console.poll() is None, log.read_text()
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5)
                    break
                except OSError:
                    assert time.monotonic() < deadline, log.read_text()
                    time.sleep(1)
            runs = _graphql(port, "{ runsOrError { ... on Runs { results { runId status } } } }")
            assert {"runId": run_id, "status": "SUCCESS"} in runs["runsOrError"]["results"]
            checks = _graphql(
                port,
                '{ assetNodeOrError(assetKey: {path: ["raw", "iwmo_berichten"]}) { ... on AssetNode { '
                "assetChecksOrError { ... on AssetChecks { checks { name executionForLatestMaterialization "
                "{ status runId } } } } } } }",
            )
            [gx] = [
                c
                for c in checks["assetNodeOrError"]["assetChecksOrError"]["checks"]
                if c["name"] == "gx_berichten"
            ]
            assert gx["executionForLatestMaterialization"] == {"status": "SUCCEEDED", "runId": run_id}
        finally:
            console.send_signal(signal.SIGINT)
            assert console.wait(timeout=90) == 0, log.read_text()
    output = log.read_text()
    assert not [noise for noise in DAGSTER_START_NOISE if noise in output], output


def test_loading_the_definitions_warns_of_nothing_superseded_or_unstable():
    """What the code server does when the console starts: Dagster's lifecycle warnings must not appear."""
    code = (
        "import warnings\n"
        "warnings.simplefilter('always')\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    import pipelines.definitions as d\n"
        "    d.defs.get_repository_def()\n"
        "print('\\n'.join(f'{w.category.__name__}: {w.message}' for w in caught))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO_ROOT
    )
    assert result.returncode == 0, result.stderr
    lifecycle = ("SupersessionWarning", "PreviewWarning", "BetaWarning")
    assert not [line for line in result.stdout.splitlines() if line.startswith(lifecycle)], result.stdout
