"""The end of a run: record it, publish the warehouse atomically, write the accountability reminder list."""

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

import dagster as dg
import duckdb

from pipelines import publication, work_database
from pipelines.assets.dbt import wmo_dbt_models
from pipelines.dbt_failures import read_test_counts
from pipelines.resources import WmoSettings
from runtime import private_files, progress, runs
from runtime.failpoints import failpoint
from runtime.spreadsheet import veilige_cel

PUBLISH_GROUP = "publicatie"
PUBLISHED_KEY = dg.AssetKey(["publicatie", "warehouse"])


@dg.asset(
    key=PUBLISHED_KEY,
    group_name=PUBLISH_GROUP,
    deps=[wmo_dbt_models],
    description="De gepubliceerde warehouse (schema's marts en audit) die dashboard en BI-tools lezen; "
    "atomair vervangen na een geslaagde run.",
    kinds={"duckdb"},
)
def published_warehouse(context: dg.AssetExecutionContext, wmo: WmoSettings) -> dg.MaterializeResult:
    settings = wmo.settings()
    publication.remove_stale_temporaries(settings.warehouse)
    counts = read_test_counts(settings.state_dir, context.run_id)
    with work_database.connect(settings.work_db) as con:
        runs.start_run(con, context.run_id, datetime.now())
        peildatum = _peildatum(con)
        runs.finish_run(
            con,
            context.run_id,
            "publiceren",
            datetime.now(),
            peildatum=peildatum,
            dbt_tests_geslaagd=counts.get("geslaagd"),
            dbt_tests_gefaald=counts.get("gefaald"),
        )
        failpoint("publish_start")
        tables = publication.publish(con, settings.warehouse, context.run_id)
    progress.report(
        f"Gepubliceerd: {len(tables)} tabellen naar {settings.warehouse} (peildatum {peildatum})",
        stap="publiceren",
    )
    return dg.MaterializeResult(
        metadata={
            "pad": dg.MetadataValue.path(str(settings.warehouse)),
            "tabellen": len(tables),
            "peildatum": str(peildatum),
            "rijen_per_tabel": dg.MetadataValue.json(tables),
        }
    )


def _peildatum(con):
    try:
        return con.execute("SELECT peildatum FROM intermediate.int_peildatum").fetchall()[0][0]
    except (duckdb.Error, IndexError):
        return None


@dg.asset(
    key=dg.AssetKey(["publicatie", "verantwoording_herinneringen"]),
    group_name=PUBLISH_GROUP,
    deps=[PUBLISHED_KEY],
    description="Herinneringslijst (CSV) van aanbieders waarvan de productieverantwoording (1 maart) of de "
    "verklaring (1 april) ontbreekt of te laat is, op de peildatum.",
    kinds={"csv"},
)
def accountability_reminders(context: dg.AssetExecutionContext, wmo: WmoSettings) -> dg.MaterializeResult:
    settings = wmo.settings()
    folder = settings.state_dir / "herinneringen"
    private_files.private_dir(folder)
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        rel = con.sql("SELECT * FROM marts.verantwoording_herinneringen ORDER BY ALL")
        columns, rows = rel.columns, rel.fetchall()
        peildatum = settings.peildatum or _published_peildatum(con, context.run_id) or date.today()
    # Named after the day the reminders were evaluated on, so a re-run for an earlier tick does not
    # overwrite today's list and a list can be traced back to its peildatum.
    target = folder / f"herinneringen-{peildatum:%Y-%m-%d}.csv"
    failpoint("reminders")
    write_reminders(target, columns, rows)
    context.log.info(f"{len(rows)} herinneringen op peildatum {peildatum} geschreven naar {target}")
    return dg.MaterializeResult(
        metadata={
            "aantal": len(rows),
            "peildatum": str(peildatum),
            "bestand": dg.MetadataValue.path(str(target)),
        }
    )


def write_reminders(target: Path, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """The reminder list as `;`-separated CSV. Provider names and reasons come from delivered files, so every text
    cell goes through `veilige_cel` (a cell starting with = + - @ would be a formula in Excel)."""
    with private_files.private_file(target).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([veilige_cel(c) for c in columns])
        writer.writerows([veilige_cel(v) for v in row] for row in rows)


def _published_peildatum(con, run_id: str) -> date | None:
    """The peildatum this run's publication was built on (recorded in audit.runs by `published_warehouse`)."""
    try:
        rows = con.execute("SELECT peildatum FROM audit.runs WHERE run_id = ?", [run_id]).fetchall()
    except duckdb.Error:
        return None
    return rows[0][0] if rows and rows[0][0] else None
