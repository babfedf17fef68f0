"""`wmo-monitor run`: the Dagster job executed in this process, with a summary a person can read."""

from __future__ import annotations

import logging
import uuid
from contextlib import redirect_stdout
from dataclasses import dataclass
from datetime import datetime

import duckdb

from pipelines import work_database
from pipelines.dbt_setup import ensure_manifest
from runtime import config, disk_space, private_files, progress, runs, workdb


@dataclass
class RunOutcome:
    success: bool
    run_id: str
    summary: dict
    failure: str | None


def run_pipeline(settings: config.Settings) -> RunOutcome:
    """Ingest, build, test and publish once; the same job `dagster dev` and the sensor start."""
    settings.require_key()
    ensure_manifest()
    from dagster import DagsterInstance

    from pipelines.definitions import build_definitions
    from pipelines.resources import WmoSettings

    wmo = WmoSettings(
        landing_dir=str(settings.landing_dir),
        warehouse=str(settings.warehouse),
        peildatum=settings.peildatum.isoformat() if settings.peildatum else "",
    )
    job = build_definitions(wmo).resolve_job_def("wmo_pipeline")
    logging.getLogger("dagster").setLevel(logging.WARNING)
    log_dir = settings.state_dir / "logs"
    private_files.private_dir(log_dir)
    log_file = log_dir / f"run-{datetime.now():%Y%m%d-%H%M%S}.log"
    run_id = str(uuid.uuid4())  # chosen here, so that the JSON log carries it from its first line
    with workdb.run_lock(settings.state_dir), disk_space.reserve(settings.state_dir) as reserve:
        json_log = progress.log_json_to(log_file.with_suffix(".jsonl"), run_id)
        progress.report(f"Run gestart: landingsmap {settings.landing_dir}, warehouse {settings.warehouse}")
        progress.report(f"Volledige log (o.a. dbt): {log_file}")
        # dbt's own output goes to the log file; progress lines keep going to the terminal and the JSON log.
        result, log_complete = None, True
        try:
            with (
                private_files.private_file(log_file).open("w", encoding="utf-8") as log,
                redirect_stdout(log),
            ):
                result = job.execute_in_process(
                    instance=DagsterInstance.ephemeral(),
                    raise_on_error=False,
                    run_id=run_id,
                    run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
                )
        except OSError as exc:  # the log's last lines did not fit on the disk; the run's outcome still counts
            if not disk_space.is_disk_full(exc):
                raise
            log_complete = False
        finally:
            progress.stop_logging_to(json_log)
        success = result is not None and result.success
        failure = None if success else (_failure_text(result) if result is not None else "")
        if not log_complete or (failure is not None and disk_space.is_disk_full(failure)):
            disk_space.release(reserve)  # the space to record the failure (and for the summary) below
            if success:
                progress.report(f"Let op: de log {log_file} is onvolledig, de schijf is vol.")
            else:
                failure = f"{disk_space.explanation(settings.warehouse.parent)}\n{failure}".rstrip()
        if failure is not None:
            failure = _record_failure(settings, run_id, failure)
    return RunOutcome(success, run_id, read_run(settings, run_id), failure)


def _record_failure(settings: config.Settings, run_id: str, failure: str) -> str:
    """Close the run in audit.runs as 'mislukt' with its reason; returns the reason for the summary.

    On a disk so full that even this does not fit, the summary says so instead of ending in a traceback;
    the next run then closes it as 'afgebroken'."""
    try:
        with work_database.connect(settings.work_db) as con:
            runs.start_run(con, run_id, datetime.now())
            runs.finish_run(con, run_id, "mislukt", datetime.now(), melding=failure[:4000])
    except (duckdb.Error, OSError) as exc:
        if not disk_space.is_disk_full(exc):
            raise
        failure += "\nDe mislukte run kon niet in audit.runs worden vastgelegd: ook daarvoor was geen ruimte."
    return failure


def _failure_text(result) -> str:
    parts = []
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            error = event.event_specific_data.error
            parts.append(f"Stap {event.step_key} mislukt: {_root_cause(error)}")
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if not evaluation.passed:
                parts.append(f"Controle {evaluation.check_name} mislukt:\n{evaluation.description or ''}")
    return "\n".join(parts) or "De run is mislukt; zie de Dagster-log."


def _root_cause(error) -> str:
    """The innermost error's message: Dagster wraps the step's own error ('Error occurred while executing op'),
    and only the cause says what went wrong (a DuckDB 'No space left on device', a dbt error)."""
    if error is None:
        return ""
    while error.cause is not None:
        error = error.cause
    if error.cls_name == "DagsterExecutionInterruptedError":  # Dagster's own SIGTERM/SIGINT handler
        return "onderbroken: de run is gestopt met SIGTERM of Ctrl+C. Start hem opnieuw wanneer het uitkomt."
    return error.message.strip()


def read_run(settings: config.Settings, run_id: str) -> dict:
    with duckdb.connect(str(settings.work_db), read_only=True) as con:
        rel = con.sql("SELECT * FROM audit.runs WHERE run_id = ?", params=[run_id])
        rows = rel.fetchall()
        if not rows:
            return {}
        summary = dict(zip(rel.columns, rows[0], strict=True))
        # the table exists once a run has created the work database's tables, which this run did
        summary["waarschuwingen"] = con.execute(
            "SELECT count(*) FROM audit.waarschuwingen WHERE run_id = ?", [run_id]
        ).fetchall()[0][0]
        return summary


def format_summary(outcome: RunOutcome) -> str:
    s = outcome.summary
    lines = [
        f"Run {outcome.run_id}: {'GESLAAGD' if outcome.success else 'MISLUKT'}",
        f"  nieuwe bestanden: {s.get('bestanden_nieuw') or 0}  geladen: {s.get('bestanden_geladen') or 0}  "
        f"duplicaat: {s.get('bestanden_duplicaat') or 0}  quarantaine: {s.get('bestanden_quarantaine') or 0}",
        f"  records: {s.get('records_raw') or 0}  afgekeurde berichten/rijen: {s.get('quarantaine_items') or 0}  "
        f"waarschuwingen: {s.get('waarschuwingen') or 0}",
        f"  dbt-tests geslaagd: {s.get('dbt_tests_geslaagd') or 0}  gefaald: {s.get('dbt_tests_gefaald') or 0}",
        f"  peildatum: {s.get('peildatum') or '-'}",
    ]
    if outcome.failure:
        lines.append("  Oorzaak:\n" + "\n".join(f"    {line}" for line in outcome.failure.splitlines()))
        lines.append("  De vorige publicatie blijft staan; herstel de oorzaak en start de run opnieuw.")
    return "\n".join(lines)
