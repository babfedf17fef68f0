"""What `dagster dev` shows: assets per layer, GX and dbt checks, the landing sensor and both schedules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import defs
from pipelines.sensors import landing_sensor

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


def test_accountability_schedule_runs_daily_in_february_to_april_only():
    schedule = next(s for s in defs.schedules if s.name == "verantwoordingsronde_feb_apr")
    assert schedule.cron_schedule == "0 7 * 2-4 *"


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


def test_only_the_newest_dbt_target_folders_are_kept(tmp_path):
    from pipelines.assets.dbt import prune_target_dirs

    for age in range(8):
        folder = tmp_path / f"wmo_dbt_models-{age}"
        folder.mkdir()
        os.utime(folder, (age, age))
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")
    prune_target_dirs(tmp_path, keep=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "manifest.json",
        "wmo_dbt_models-5",
        "wmo_dbt_models-6",
        "wmo_dbt_models-7",
    ]
