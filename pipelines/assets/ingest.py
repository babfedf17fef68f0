"""Ingest assets: one per landing family, each loading only the files it has not seen before."""

from datetime import datetime
from pathlib import Path

import dagster as dg

from expectations.parallel import warm_up
from ingest.landing import FAMILIES, ONBEKEND, LandingFile, scan
from ingest.loader import Loader
from ingest.pseudonymise import Pseudonymiser
from ingest.raw_schema import RAW_TABLES
from pipelines import work_database
from pipelines.dbt_project import family_of_source
from pipelines.resources import WmoSettings
from runtime import progress, runs
from runtime.failpoints import failpoint

LANDING_GROUP = "landing"
INGEST_GROUP = "ingest"

FAMILY_DESCRIPTIONS = {
    "referentie": "Regionale referentiedata: gemeenten, inwoners, wijken, aanbieders, tarieven, subresultaten.",
    "berichten": "iWmo 3.2-berichten (301, 305, 307, 315, 317, 319, 323, 325 en retourberichten), los of in zip.",
    "klachten": "Klachtenregisters van aanbieders (CSV of XLSX).",
    "verantwoording": "Jaarlijkse verantwoordingswerkboeken van aanbieders (XLSX).",
}

landing_specs = [
    dg.AssetSpec(
        key=dg.AssetKey(["landing", familie]),
        group_name=LANDING_GROUP,
        description=f"Landingsmap `{familie}/`: {text}",
        kinds={"file"},
    )
    for familie, text in FAMILY_DESCRIPTIONS.items()
]


def tables_of(familie: str) -> list[str]:
    """The raw tables an ingest family writes (the restricted free-text table is not an asset: never published)."""
    return [table for table in RAW_TABLES if family_of_source(table) == familie]


def raw_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", table])


_scan_of_run: dict[str, tuple[Path, list[LandingFile]]] = {}
"""The landing scan of the latest run in this process (run id -> (landing folder, files))."""


def landing_files(run_id: str, landing: Path) -> list[LandingFile]:
    """One scan per run, shared by the family steps of a run (the job runs them in one process): every step sees
    the same snapshot of the landing folder, and a folder of 80,000 files is listed once instead of once per
    family (0.6 s each here). A file that arrives during the run waits for the next one, as the sensor expects.
    Under an executor with a process per step each step scans for itself, with the same outcome."""
    cached = _scan_of_run.get(run_id)
    if cached is None or cached[0] != landing:
        _scan_of_run.clear()
        cached = _scan_of_run[run_id] = (landing, scan(landing) if landing.exists() else [])
    return cached[1]


def load_family(context: dg.AssetExecutionContext, wmo: WmoSettings, familie: str) -> dict[str, int]:
    """Register and load the family's new files; files outside any family are handled with the references."""
    settings = wmo.settings()
    pseudonymiser = Pseudonymiser(settings.require_key())
    xsd = None
    if settings.iwmo_xsd_dir and familie == "berichten":
        from ingest.iwmo import XsdValidator

        xsd = XsdValidator(settings.iwmo_xsd_dir)
    families = (familie, ONBEKEND) if familie == "referentie" else (familie,)
    with work_database.connect(settings.work_db) as con:
        runs.start_run(con, context.run_id, datetime.now())
        failpoint("run_start")
        loader = Loader(
            con,
            pseudonymiser=pseudonymiser,
            run_id=context.run_id,
            now=datetime.now(),
            limits=settings.limits,
            xsd=xsd,
            progress=lambda message: (context.log.info(message), progress.report(message, stap="inlezen")),
        )
        scanned = landing_files(context.run_id, settings.landing_dir)
        if familie == "referentie":  # the first step of a run
            _warm_up_message_check(loader, scanned)
        files = [f for f in scanned if f.familie in families]
        fresh = loader.new_files(files)
        for name in families:
            loader.load_family(name, fresh)
    summary = loader.summary.family(familie)
    progress.report(
        f"{familie}: {summary.geladen} geladen, {summary.duplicaat} duplicaat, {summary.quarantaine} in quarantaine, "
        f"{summary.records} records, {summary.quarantaine_items} afgekeurde berichten/rijen"
        + (f", {summary.waarschuwingen} waarschuwingen" if summary.waarschuwingen else "")
        + (f", {summary.onleesbaar} onleesbaar (volgende run opnieuw)" if summary.onleesbaar else ""),
        stap="inlezen",
    )
    return {
        "nieuwe_bestanden": summary.nieuw,
        "geladen": summary.geladen,
        "duplicaat": summary.duplicaat,
        "quarantaine": summary.quarantaine,
        "records": summary.records,
        "quarantaine_items": summary.quarantaine_items,
        "waarschuwingen": summary.waarschuwingen,
        "onleesbaar": summary.onleesbaar,
    }


def _warm_up_message_check(loader: Loader, scanned: list[LandingFile]) -> None:
    """When messages may have arrived, let the message check's worker processes import Great Expectations now,
    on the core this step leaves idle, instead of when the check starts (expectations/parallel.py)."""
    if loader.any_unseen(f for f in scanned if f.familie == "berichten"):
        warm_up()


def _ingest_asset(familie: str) -> dg.AssetsDefinition:
    # Reference data loads first: workbooks are checked against the region's result taxonomy.
    after_reference = [] if familie == "referentie" else [raw_key(t) for t in tables_of("referentie")]
    specs = [
        dg.AssetSpec(
            key=raw_key(table),
            group_name=INGEST_GROUP,
            deps=[dg.AssetKey(["landing", familie]), *after_reference],
            description=f"Ruwe tabel raw.{table} ({familie}): gepseudonimiseerd, bestanden geregistreerd in "
            "audit.bestanden, afgekeurde bestanden, berichten en rijen in audit.quarantaine.",
            kinds={"python", "duckdb"},
        )
        for table in tables_of(familie)
    ]

    @dg.multi_asset(name=f"inlezen_{familie}", specs=specs)
    def _asset(context: dg.AssetExecutionContext, wmo: WmoSettings):
        result = load_family(context, wmo, familie)
        for spec in specs:
            yield dg.MaterializeResult(asset_key=spec.key, metadata=result)

    return _asset


ingest_assets = [_ingest_asset(familie) for familie in FAMILIES]
