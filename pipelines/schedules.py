"""Schedules: a daily run, and in February to April a daily accountability round with reminders."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import dagster as dg

from pipelines.jobs import wmo_pipeline
from pipelines.resources import run_config

TIMEZONE = "Europe/Amsterdam"

daily_run = dg.ScheduleDefinition(
    name="dagelijkse_run",
    job=wmo_pipeline,
    cron_schedule="0 6 * * *",
    execution_timezone=TIMEZONE,
    description="Elke ochtend: nieuwe bestanden inlezen, bouwen, testen en publiceren.",
)

accountability_job = dg.define_asset_job(
    name="verantwoordingsronde",
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("landing"),
    executor_def=dg.in_process_executor,
    description="K9-verantwoordingsstatus bijwerken en de herinneringslijst schrijven.",
)


def execution_date(context: dg.ScheduleEvaluationContext) -> str:
    """The tick's date in Amsterdam (a naive time counts as Amsterdam time; no tick time means now)."""
    zone = ZoneInfo(TIMEZONE)
    moment = context.scheduled_execution_time or datetime.now(zone)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(zone).date().isoformat()


@dg.schedule(
    name="verantwoordingsronde_feb_apr",
    job=accountability_job,
    cron_schedule="0 7 * 2-4 *",
    execution_timezone=TIMEZONE,
    description="Februari t/m april dagelijks: wie mist de productieverantwoording (1 maart) of verklaring "
    "(1 april)? K9 wordt beoordeeld op de peildatum = de datum van de tik.",
)
def accountability_round(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    # Without a peildatum K9 is evaluated on the latest Dagtekening in the data, which may lie before
    # 1 March or 1 April for ever (no new messages): the deadlines would never pass and nobody be reminded.
    peildatum = execution_date(context)
    return dg.RunRequest(
        run_key=f"verantwoordingsronde-{peildatum}",
        run_config=run_config(peildatum=peildatum),
        tags={"peildatum": peildatum},
    )
