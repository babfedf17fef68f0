"""Great Expectations suites on the raw layer, as blocking Dagster asset checks (pandas route, see docs)."""

import dagster as dg
import duckdb

from pipelines.assets.ingest import raw_key
from pipelines.resources import WmoSettings

# GX family (expectations/suites) -> the ingest asset whose tables it validates.
# The check hangs on the family's first table; a blocking failure stops everything downstream of the ingest step.
CHECKED_TABLE = {
    "berichten": "iwmo_berichten",
    "klachten": "klachten",
    "verantwoording": "verantwoording_aanbieder",
    "referentie": "ref_gemeenten",
}
SUITES_PER_FAMILY = {
    "berichten": [
        "iwmo_berichten",
        "iwmo_toewijzingen",
        "iwmo_start_stop",
        "iwmo_prestaties",
        "iwmo_aanvragen",
        "iwmo_declaratie_antwoorden",
        "iwmo_retour",
    ],
    "klachten": ["klachten"],
    "verantwoording": ["verantwoording"],
    "referentie": ["referentie"],
}


def _check(familie: str, suites: list[str]) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=raw_key(CHECKED_TABLE[familie]),
        name=f"gx_{familie}",
        blocking=True,
        description=f"Great Expectations-suites {', '.join(suites)} op de ruwe laag; een blokkerende fout stopt de publicatie.",
    )
    def _gx(wmo: WmoSettings) -> dg.AssetCheckResult:
        from expectations.runner import load_frames, load_known, validate_family

        settings = wmo.settings()
        outcomes = []
        with duckdb.connect(str(settings.work_db), read_only=True) as con:
            known = load_known(con)
            for suite in suites:
                outcomes.append(validate_family(suite, load_frames(con, suite), known=known))
        failed = [o for o in outcomes if not o.success]
        warnings = [f for o in outcomes for f in o.failed if not f["blocking"]]
        return dg.AssetCheckResult(
            passed=not failed,
            severity=dg.AssetCheckSeverity.ERROR,
            description="\n\n".join(o.summary_nl() for o in outcomes),
            metadata={
                "verwachtingen": sum(o.evaluated for o in outcomes),
                "blokkerend_gefaald": sum(1 for o in outcomes for f in o.failed if f["blocking"]),
                "waarschuwingen": len(warnings),
            },
        )

    return _gx


gx_checks = [_check(familie, suites) for familie, suites in SUITES_PER_FAMILY.items()]
