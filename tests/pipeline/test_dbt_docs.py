"""Every published mart is documented (marts.md: a description for every table and column) and the dbt docs
site renders from the built warehouse."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from pipelines.dbt_setup import DBT_PROJECT_DIR, dbt_executable

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def docs_target(pipeline_run, tmp_path_factory):
    target = tmp_path_factory.mktemp("dbt-docs")
    env = {
        **os.environ,
        "WMO_WORK_DB": str(pipeline_run.settings.work_db.resolve()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    result = subprocess.run(
        [
            dbt_executable(),
            "docs",
            "generate",
            "--static",
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(target),
            "--log-path",
            str(target / "logs"),
        ],
        cwd=DBT_PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    return target


def test_static_docs_site_is_rendered(docs_target):
    assert (docs_target / "static_index.html").stat().st_size > 100_000


def test_every_mart_and_its_columns_are_described(docs_target):
    manifest = json.loads((docs_target / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((docs_target / "catalog.json").read_text(encoding="utf-8"))
    missing = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or node["schema"] != "marts":
            continue
        if not node["description"].strip():
            missing.append(node["name"])
        built = catalog["nodes"].get(node["unique_id"], {}).get("columns", {})
        described = {
            name.lower() for name, col in node["columns"].items() if col.get("description", "").strip()
        }
        missing += [f"{node['name']}.{c.lower()}" for c in built if c.lower() not in described]
    assert not missing, f"Zonder beschrijving: {missing}"
