"""Ingest assets: one per landing family, each loading only the files it has not seen before."""

from __future__ import annotations

from datetime import datetime

import dagster as dg

from ingest.landing import FAMILIES, ONBEKEND, scan
from ingest.loader import Loader
from ingest.pseudonymise import Pseudonymiser
from pipelines.resources import WmoSettings
from wmo_monitor import progress, runs, workdb

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


def raw_key(familie: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", familie])


def load_family(context: dg.AssetExecutionContext, wmo: WmoSettings, familie: str) -> dg.MaterializeResult:
    """Register and load the family's new files; files outside any family are handled with the references."""
    settings = wmo.settings()
    pseudonymiser = Pseudonymiser(settings.require_key())
    xsd = None
    if settings.iwmo_xsd_dir and familie == "berichten":
        from ingest.iwmo import XsdValidator

        xsd = XsdValidator(settings.iwmo_xsd_dir)
    families = (familie, ONBEKEND) if familie == "referentie" else (familie,)
    with workdb.connect(settings.work_db) as con:
        runs.start_run(con, context.run_id, datetime.now())
        loader = Loader(
            con,
            pseudonymiser=pseudonymiser,
            run_id=context.run_id,
            now=datetime.now(),
            zip_max_bytes=settings.zip_max_bytes,
            xsd=xsd,
            progress=lambda message: (context.log.info(message), progress.report(message)),
        )
        files = (
            [f for f in scan(settings.landing_dir) if f.familie in families]
            if settings.landing_dir.exists()
            else []
        )
        fresh = loader.new_files(files)
        for name in families:
            loader.load_family(name, fresh)
    summary = loader.summary.family(familie)
    progress.report(
        f"{familie}: {summary.geladen} geladen, {summary.duplicaat} duplicaat, {summary.quarantaine} in quarantaine, "
        f"{summary.records} records, {summary.quarantaine_items} afgekeurde berichten/rijen"
    )
    return dg.MaterializeResult(
        metadata={
            "nieuwe_bestanden": summary.nieuw,
            "geladen": summary.geladen,
            "duplicaat": summary.duplicaat,
            "quarantaine": summary.quarantaine,
            "records": summary.records,
            "quarantaine_items": summary.quarantaine_items,
        }
    )


def _ingest_asset(familie: str, deps: list[dg.AssetKey]) -> dg.AssetsDefinition:
    @dg.asset(
        key=raw_key(familie),
        group_name=INGEST_GROUP,
        deps=[dg.AssetKey(["landing", familie]), *deps],
        description=f"Ruwe laag `raw` voor {familie}: gepseudonimiseerd, geregistreerd in audit.bestanden, "
        "afgekeurde bestanden, berichten en rijen in audit.quarantaine.",
        kinds={"python", "duckdb"},
    )
    def _asset(context: dg.AssetExecutionContext, wmo: WmoSettings) -> dg.MaterializeResult:
        return load_family(context, wmo, familie)

    return _asset


# Reference data loads first: workbooks are checked against the region's result taxonomy.
ingest_assets = [
    _ingest_asset(familie, [] if familie == "referentie" else [raw_key("referentie")]) for familie in FAMILIES
]
