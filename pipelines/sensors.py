"""A sensor on the landing folder: a run starts when files are added or changed."""

import hashlib

import dagster as dg

from ingest.landing import scan
from pipelines.jobs import wmo_pipeline
from runtime import config


def landing_fingerprint(files) -> str:
    """Changes when any file is added, removed, resized or touched; cheap, because nothing is read."""
    digest = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.pad):
        digest.update(f"{f.pad}\0{f.bytes}\0{f.mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(
    job=wmo_pipeline,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Start een run zodra er nieuwe of gewijzigde bestanden in de landingsmap staan.",
)
def landing_sensor(context: dg.SensorEvaluationContext):
    settings = config.from_env()
    if not settings.landing_dir.exists():
        return dg.SkipReason(f"Landingsmap {settings.landing_dir} bestaat (nog) niet.")
    fingerprint = landing_fingerprint(scan(settings.landing_dir))
    if fingerprint == context.cursor:
        return dg.SkipReason("Geen nieuwe bestanden.")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=fingerprint)


@dg.run_failure_sensor(description="Zet een mislukte run in audit.runs met de foutmelding.")
def record_failed_run(context: dg.RunFailureSensorContext):
    from datetime import datetime

    from pipelines import work_database
    from runtime import runs

    settings = config.from_env()
    with work_database.connect(settings.work_db) as con:
        runs.start_run(con, context.dagster_run.run_id, datetime.now())
        runs.finish_run(
            con, context.dagster_run.run_id, "mislukt", datetime.now(), melding=context.failure_event.message
        )
