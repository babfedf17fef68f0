"""dbt's unit tests (hand-computed inputs and outputs in the models' YAML) run here, against the built work database.

The production run excludes them (`--exclude-resource-type unit_test`): they test the SQL, not the data.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from pipelines.dbt_setup import DBT_PROJECT_DIR, dbt_executable

pytestmark = pytest.mark.slow


def test_every_dbt_unit_test_passes(pipeline_run, tmp_path):
    env = {
        **os.environ,
        "WMO_WORK_DB": str(pipeline_run.settings.work_db.resolve()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    result = subprocess.run(
        [
            dbt_executable(),
            "test",
            "--select",
            "test_type:unit",
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        cwd=DBT_PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    results = json.loads((tmp_path / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]
    failed = [r["unique_id"] for r in results if r["status"] != "pass"]
    assert result.returncode == 0 and not failed, f"{failed}\n{result.stdout[-3000:]}"
    assert len(results) >= 40, "minder dbt-unittests dan verwacht: zijn er YAML-bestanden niet meer gevonden?"
