"""Great Expectations suites on the raw layer, as blocking Dagster asset checks (pandas route, see docs)."""

from pathlib import Path

import dagster as dg
import duckdb

from pipelines.assets.ingest import raw_key
from pipelines.resources import WmoSettings
from runtime import progress
from runtime.failpoints import failpoint

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
        from expectations import memo
        from expectations.runner import load_known

        settings = wmo.settings()
        with duckdb.connect(str(settings.work_db), read_only=True) as con:
            known = load_known(con)
            key = memo.fingerprint(con, suites, known)
            outcome = memo.recall(settings.state_dir, familie, key)
            hergebruikt = outcome is not None
            if not hergebruikt:
                progress.report(
                    f"Controle {familie}: Great Expectations-suites {', '.join(suites)}", stap="controle"
                )
                outcome = _validate(settings.work_db, suites, known)
                memo.remember(settings.state_dir, familie, key, outcome)
            else:
                outcome["beschrijving"] = f"{UNCHANGED_NOTE} {outcome['beschrijving']}"
        progress.report(_regel(familie, outcome, hergebruikt), stap="controle")
        failpoint("checks")
        return dg.AssetCheckResult(
            passed=outcome["geslaagd"],
            severity=dg.AssetCheckSeverity.ERROR,
            description=outcome["beschrijving"],
            metadata=outcome["metadata"],
        )

    return _gx


UNCHANGED_NOTE = "Ruwe gegevens ongewijzigd sinds de vorige controle: uitkomst hergebruikt."


def _regel(familie: str, outcome: dict, hergebruikt: bool) -> str:
    """The progress line of a check: 'Controle berichten: geslaagd (212 verwachtingen, 3 waarschuwingen)'."""
    m = outcome["metadata"]
    if not m["verwachtingen"] and outcome["geslaagd"]:
        return f"Controle {familie}: nog geen gegevens, niets te controleren"
    delen = [f"{m['verwachtingen']} verwachtingen"]
    if m["blokkerend_gefaald"]:
        delen.append(f"{m['blokkerend_gefaald']} blokkerend gefaald")
    if m["waarschuwingen"]:
        delen.append(f"{m['waarschuwingen']} waarschuwingen")
    herkomst = "; uitkomst hergebruikt, ruwe gegevens ongewijzigd" if hergebruikt else ""
    return f"Controle {familie}: {'geslaagd' if outcome['geslaagd'] else 'GEFAALD'} ({', '.join(delen)}{herkomst})"


def _validate(database: Path, suites: list[str], known: dict[str, set[str]]) -> dict:
    """Run the family's suites, side by side; the result as plain JSON so it can be remembered
    (expectations/memo.py)."""
    from expectations.parallel import validate_suites

    outcomes = validate_suites(database, suites, known)
    return {
        "geslaagd": all(o.success for o in outcomes),
        "beschrijving": "\n\n".join(o.summary_nl() for o in outcomes),
        "metadata": {
            "verwachtingen": sum(o.evaluated for o in outcomes),
            "blokkerend_gefaald": sum(len(o.blocking_failures) for o in outcomes),
            "waarschuwingen": sum(len(o.warnings) for o in outcomes),
        },
    }


gx_checks = [_check(familie, suites) for familie, suites in SUITES_PER_FAMILY.items()]
