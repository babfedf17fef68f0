"""Every fault the generator injects is caught where the spec says, and nothing clean is flagged."""

from __future__ import annotations

import duckdb
import pytest

pytestmark = pytest.mark.slow


def _query(pipeline_run, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_every_injected_lawfulness_fault_is_flagged_with_its_code(pipeline_run):
    expected = {
        (f["aanbieder_agb"], f["declaratienummer"], f["referentienummer"], f["signaal_code"])
        for f in pipeline_run.manifest["rechtmatigheid"]
    }
    assert {code for *_, code in expected} >= {f"RM{n:02d}" for n in range(1, 12)}
    found = set(
        _query(
            pipeline_run,
            "SELECT aanbieder_agb, declaratienummer, referentienummer, signaal_code FROM marts.rechtmatigheid_signalen",
        )
    )
    assert expected - found == set(), "Ingebouwde rechtmatigheidsfouten die niet gesignaleerd zijn"


def test_no_clean_prestatie_is_flagged(pipeline_run):
    expected = {
        (f["aanbieder_agb"], f["declaratienummer"], f["referentienummer"], f["signaal_code"])
        for f in pipeline_run.manifest["rechtmatigheid"]
    }
    found = set(
        _query(
            pipeline_run,
            "SELECT aanbieder_agb, declaratienummer, referentienummer, signaal_code FROM marts.rechtmatigheid_signalen",
        )
    )
    assert found - expected == set(), "Signalen op prestaties die volgens het manifest schoon zijn"


def test_every_bad_file_lands_in_quarantine_with_its_reason(pipeline_run):
    quarantine = _query(pipeline_run, "SELECT pad, locatie, reden_code FROM audit.quarantaine")
    statuses = dict(_query(pipeline_run, "SELECT pad, status FROM audit.bestanden"))
    missing = []
    for fault in pipeline_run.manifest["bestanden"]:
        if fault.get("verwachte_status") == "duplicaat":
            if statuses.get(fault["pad"]) != "duplicaat":
                missing.append(fault)
            continue
        hits = [q for q in quarantine if q[0] == fault["pad"] and q[2] == fault["reden_code"]]
        if not hits:
            missing.append(fault)
    assert not missing, f"Niet (juist) in quarantaine: {missing}"


def test_nothing_is_silently_dropped(pipeline_run):
    """Every landing file is registered with a status; every quarantined file has a reason."""
    landing_files = {
        p.relative_to(pipeline_run.landing).as_posix()
        for p in pipeline_run.landing.rglob("*")
        if p.is_file() and p.name != "manifest.json"
    }
    registered = dict(_query(pipeline_run, "SELECT pad, status FROM audit.bestanden"))
    assert landing_files - set(registered) <= {"manifest.json"}
    quarantined_files = {p for p, s in registered.items() if s == "quarantaine"}
    with_reason = {r[0] for r in _query(pipeline_run, "SELECT DISTINCT pad FROM audit.quarantaine")}
    assert quarantined_files <= with_reason


def test_accountability_status_matches_the_generated_cases(pipeline_run):
    status = dict(
        ((agb, jaar), s)
        for agb, jaar, s in _query(
            pipeline_run, "SELECT aanbieder_agb, boekjaar, status FROM marts.verantwoording_status"
        )
    )
    wrong = [
        (
            c["aanbieder_agb"],
            c["boekjaar"],
            c["verwachte_status"],
            status.get((c["aanbieder_agb"], c["boekjaar"])),
        )
        for c in pipeline_run.manifest["verantwoording"]
        if status.get((c["aanbieder_agb"], c["boekjaar"])) != c["verwachte_status"]
    ]
    assert not wrong, f"(agb, boekjaar, verwacht, gevonden): {wrong}"
