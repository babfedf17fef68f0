"""The dbt resource skips dagster-dbt's `dbt --version` subprocess and in-process adapter, and still runs dbt."""

from __future__ import annotations

import importlib.metadata
import subprocess

from dagster_dbt import DbtCliResource
from packaging import version

from pipelines.dbt_cli import WmoDbtCliResource
from pipelines.dbt_project import dbt_project
from pipelines.dbt_setup import dbt_executable
from pipelines.definitions import defs


def _resource() -> WmoDbtCliResource:
    return WmoDbtCliResource(
        project_dir=dbt_project, profiles_dir=str(dbt_project.profiles_dir), dbt_executable=dbt_executable()
    )


def test_overridden_methods_still_exist_in_dagster_dbt():
    """An upgrade that renames them would silently bring back the 7 s start-up cost of every dbt call."""
    assert isinstance(DbtCliResource.__dict__.get("_cli_version"), type(WmoDbtCliResource._cli_version))
    assert callable(DbtCliResource.__dict__.get("_initialize_dbt_core_adapter"))


def test_version_read_in_process_is_what_dbt_prints():
    printed = subprocess.run(
        [dbt_executable(), "--version"], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert f"installed: {_resource()._cli_version}" in printed
    assert _resource()._cli_version.major == 1  # dbt Core, not Fusion: dagster-dbt's Core code path


def test_a_dbt_command_runs_without_a_dagster_side_adapter(tmp_path):
    invocation = _resource().cli(["ls", "--resource-type", "seed", "--quiet"], target_path=tmp_path)
    invocation.wait()
    assert invocation.is_successful()
    assert invocation.adapter is None
    assert invocation.cli_version == version.parse(importlib.metadata.version("dbt-core"))


def test_the_definitions_use_this_resource():
    assert isinstance(defs.resources["dbt"], WmoDbtCliResource)
