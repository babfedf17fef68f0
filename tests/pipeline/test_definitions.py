"""What `dagster dev` shows: assets per layer, GX and dbt checks, the landing sensor and both schedules."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from itertools import takewhile
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
import pytest

from pipelines.definitions import build_definitions, defs
from pipelines.resources import WmoSettings
from pipelines.sensors import landing_sensor
from runtime import config

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_definitions_load_with_sensor_schedules_and_checks():
    dg.Definitions.validate_loadable(defs)
    groups = {spec.group_name for spec in defs.resolve_all_asset_specs()}
    assert {"landing", "ingest", "staging", "intermediate", "marts", "publicatie"} <= groups
    assert {s.name for s in defs.sensors} >= {"landing_sensor", "record_failed_run"}
    assert {s.name for s in defs.schedules} == {"dagelijkse_run", "verantwoordingsronde_feb_apr"}
    check_names = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert {"gx_berichten", "gx_klachten", "gx_verantwoording", "gx_referentie"} <= check_names
    assert any(name.startswith("unique") for name in check_names), (
        "dbt-tests horen als asset checks te verschijnen"
    )


def _accountability_schedule() -> dg.ScheduleDefinition:
    return next(s for s in defs.schedules if s.name == "verantwoordingsronde_feb_apr")


def test_accountability_schedule_runs_daily_in_february_to_april_only():
    # Dagster's own cron iterator (not public API) so the test reads the ticks the daemon would produce.
    from dagster._utils.schedules import cron_string_iterator

    schedule = _accountability_schedule()
    assert schedule.execution_timezone == "Europe/Amsterdam"
    start = datetime(2025, 1, 1, tzinfo=AMSTERDAM).timestamp()
    ticks = list(
        takewhile(
            lambda t: t.year == 2025,
            cron_string_iterator(start, schedule.cron_schedule, schedule.execution_timezone),
        )
    )
    assert {t.month for t in ticks} == {2, 3, 4}
    assert len(ticks) == 28 + 31 + 30, "precies één tik per dag"
    assert {(t.hour, t.minute) for t in ticks} == {(7, 0)}
    assert ticks[0].date() == date(2025, 2, 1) and ticks[-1].date() == date(2025, 4, 30)


@pytest.mark.parametrize(
    ("tick", "peildatum"),
    [
        (datetime(2025, 3, 1, 7, 0, tzinfo=AMSTERDAM), "2025-03-01"),
        (datetime(2025, 4, 1, 7, 0, tzinfo=AMSTERDAM), "2025-04-01"),
        # 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time): the Dutch date counts.
        (datetime(2025, 3, 31, 23, 30, tzinfo=UTC), "2025-04-01"),
    ],
)
def test_accountability_schedule_evaluates_k9_on_the_tick_date(tick, peildatum, monkeypatch):
    monkeypatch.delenv("WMO_PEILDATUM", raising=False)
    monkeypatch.delenv("WMO_WAREHOUSE", raising=False)
    monkeypatch.setenv("WMO_LANDING_DIR", "/srv/wmo/landing")
    context = dg.build_schedule_context(scheduled_execution_time=tick)
    [request] = _accountability_schedule().evaluate_tick(context).run_requests
    wmo = request.run_config["resources"]["wmo"]["config"]
    assert wmo["peildatum"] == peildatum
    # Run config replaces the resource's values, so the other settings still point at the environment.
    assert wmo["landing_dir"] == {"env": "WMO_LANDING_DIR"}
    assert "warehouse" not in wmo, "een niet-gezette variabele houdt zijn standaardwaarde"
    assert request.run_key == f"verantwoordingsronde-{peildatum}"
    assert request.job_name in (None, "verantwoordingsronde")


def test_schedule_peildatum_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("WMO_PEILDATUM", "2024-12-31")
    context = dg.build_schedule_context(scheduled_execution_time=datetime(2025, 2, 3, 7, tzinfo=AMSTERDAM))
    [request] = _accountability_schedule().evaluate_tick(context).run_requests
    assert request.run_config["resources"]["wmo"]["config"]["peildatum"] == "2025-02-03"


def test_resource_is_bound_to_environment_variables_that_are_set(monkeypatch):
    monkeypatch.setenv("WMO_WAREHOUSE", "/srv/wmo/warehouse.duckdb")
    monkeypatch.delenv("WMO_LANDING_DIR", raising=False)
    monkeypatch.delenv("WMO_PEILDATUM", raising=False)
    wmo = WmoSettings.from_environment()
    assert isinstance(wmo.warehouse, dg.EnvVar) and wmo.warehouse.env_var_name == "WMO_WAREHOUSE"
    assert wmo.landing_dir == "" and wmo.peildatum == ""
    # The EnvVar is resolved where Dagster starts a run; build_resources does the same here.
    with dg.build_resources({"wmo": wmo}) as resources:
        settings = resources.wmo.settings()
    assert settings.warehouse == Path("/srv/wmo/warehouse.duckdb")
    assert settings.landing_dir == config.DEFAULT_LANDING, "niet gezet: de standaard, geen fout"
    assert settings.peildatum is None


def test_explicit_settings_from_the_cli_are_used_as_given(tmp_path, monkeypatch):
    monkeypatch.setenv("WMO_WAREHOUSE", "/elders/warehouse.duckdb")
    explicit = WmoSettings(
        landing_dir=str(tmp_path), warehouse=str(tmp_path / "w.duckdb"), peildatum="2025-03-15"
    )
    built = build_definitions(explicit)
    dg.Definitions.validate_loadable(built)
    settings = built.resources["wmo"].settings()
    assert (settings.landing_dir, settings.warehouse) == (tmp_path, tmp_path / "w.duckdb")
    assert settings.peildatum == date(2025, 3, 15)


def test_sensor_requests_a_run_for_new_files_and_skips_when_nothing_changed(tmp_path, monkeypatch):
    landing = tmp_path / "landing"
    (landing / "berichten").mkdir(parents=True)
    monkeypatch.setenv("WMO_LANDING_DIR", str(landing))
    (landing / "berichten" / "a.xml").write_text("<x/>", encoding="utf-8")
    first = landing_sensor(dg.build_sensor_context(cursor=None))
    assert isinstance(first, dg.RunRequest)
    context = dg.build_sensor_context(cursor=first.run_key)
    assert isinstance(landing_sensor(context), dg.SkipReason)
    (landing / "klachten").mkdir()
    (landing / "klachten" / "k.csv").write_text("a;b\n", encoding="utf-8")
    again = landing_sensor(dg.build_sensor_context(cursor=first.run_key))
    assert isinstance(again, dg.RunRequest) and again.run_key != first.run_key


@pytest.mark.slow
def test_workspace_yaml_loads_in_the_dagster_cli(tmp_path):
    result = subprocess.run(
        [str(Path(sys.executable).with_name("dagster")), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=REPO_ROOT,
        env={**os.environ, "DAGSTER_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
