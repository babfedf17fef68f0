"""The one place where the product's Dagster definitions are assembled (loaded by workspace.yaml)."""

from __future__ import annotations

import dagster as dg

from pipelines.assets.dbt import wmo_dbt_models
from pipelines.assets.ingest import ingest_assets, landing_specs
from pipelines.assets.publish import accountability_reminders, published_warehouse
from pipelines.checks import gx_checks
from pipelines.dbt_cli import WmoDbtCliResource
from pipelines.dbt_project import dbt_project
from pipelines.dbt_setup import dbt_executable
from pipelines.jobs import wmo_pipeline
from pipelines.resources import WmoSettings
from pipelines.schedules import accountability_job, accountability_round, daily_run
from pipelines.sensors import landing_sensor, record_failed_run


def build_definitions(wmo: WmoSettings | None = None) -> dg.Definitions:
    """Definitions with the given settings resource; the CLI passes its flags, `dagster dev` the environment.

    Without `wmo`, every WMO_* variable that is set becomes a `dg.EnvVar` on the resource (nothing hard-coded,
    resolved when a run starts); unset ones keep their defaults (see `WmoSettings.from_environment`).
    """
    return dg.Definitions(
        assets=[
            *landing_specs,
            *ingest_assets,
            wmo_dbt_models,
            published_warehouse,
            accountability_reminders,
        ],
        asset_checks=gx_checks,
        jobs=[wmo_pipeline, accountability_job],
        schedules=[daily_run, accountability_round],
        sensors=[landing_sensor, record_failed_run],
        resources={
            "wmo": wmo or WmoSettings.from_environment(),
            "dbt": WmoDbtCliResource(
                project_dir=dbt_project,
                profiles_dir=str(dbt_project.profiles_dir),
                dbt_executable=dbt_executable(),
            ),
        },
    )


defs = build_definitions()
