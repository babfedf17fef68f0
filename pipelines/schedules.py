"""Schedules: a daily run, and in February to April a daily accountability round with reminders."""

from __future__ import annotations

import dagster as dg

from pipelines.jobs import wmo_pipeline

daily_run = dg.ScheduleDefinition(
    name="dagelijkse_run",
    job=wmo_pipeline,
    cron_schedule="0 6 * * *",
    execution_timezone="Europe/Amsterdam",
    description="Elke ochtend: nieuwe bestanden inlezen, bouwen, testen en publiceren.",
)

accountability_job = dg.define_asset_job(
    name="verantwoordingsronde",
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("landing"),
    executor_def=dg.in_process_executor,
    description="K9-verantwoordingsstatus bijwerken en de herinneringslijst schrijven.",
)

accountability_round = dg.ScheduleDefinition(
    name="verantwoordingsronde_feb_apr",
    job=accountability_job,
    cron_schedule="0 7 * 2-4 *",
    execution_timezone="Europe/Amsterdam",
    description="Februari t/m april dagelijks: wie mist de productieverantwoording (1 maart) of verklaring (1 april)?",
)
