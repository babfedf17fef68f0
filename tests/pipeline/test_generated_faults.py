"""Every fault the generator injects is caught where the spec says, and nothing clean is flagged."""

from __future__ import annotations

import re
from collections import Counter

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


# The generator writes manifest.json into the landing root. The loader registers every file it sees (inputs.md),
# so it registers the manifest too, under family 'onbekend', and quarantines it as BESTANDSTYPE_ONBEKEND: the one
# quarantine item the manifest cannot list about itself.
MANIFEST_ITEM = ("manifest.json", "BESTANDSTYPE_ONBEKEND", None)

_CEL = re.compile(r"(?:(?P<tab>.+) )?rij (?P<rij>\d+), kolom (?P<kolom>.+)")
_MANIFEST_CEL = re.compile(r"(?:(?P<tab>.+)!)?(?P<rij>\d+):(?P<kolom>.+)")


def _quarantaine_plaats(pad: str, locatie: str | None) -> tuple | None:
    """audit.quarantaine.locatie -> None (the file itself), ('lid', member) or ('cel', sheet, row, column)."""
    if locatie in (None, pad):
        return None
    if locatie.startswith(f"{pad}!"):
        return ("lid", locatie[len(pad) + 1 :])
    cel = _CEL.fullmatch(locatie)
    if cel:
        return ("cel", cel["tab"], int(cel["rij"]), cel["kolom"])
    return ("anders", locatie)


def _manifest_plaats(fault: dict) -> tuple | None:
    """The manifest's locatie in the same form: 'Tabblad!rij:kolom' / 'rij:kolom' for rows, a member name."""
    locatie = fault.get("locatie")
    if locatie is None:
        return None
    cel = _MANIFEST_CEL.fullmatch(locatie) if fault.get("niveau") == "rij" else None
    if cel:
        return ("cel", cel["tab"], int(cel["rij"]), cel["kolom"])
    return ("lid", locatie)


def _expected_quarantine(pipeline_run) -> Counter:
    expected = Counter(
        (f["pad"], f["reden_code"], _manifest_plaats(f))
        for f in pipeline_run.manifest["bestanden"]
        if f.get("verwachte_status") != "duplicaat"
    )
    expected[MANIFEST_ITEM] += 1
    return expected


def _found_quarantine(pipeline_run) -> Counter:
    return Counter(
        (pad, code, _quarantaine_plaats(pad, locatie))
        for pad, locatie, code in _query(
            pipeline_run, "SELECT pad, locatie, reden_code FROM audit.quarantaine"
        )
    )


def test_every_bad_file_lands_in_quarantine_with_its_reason(pipeline_run):
    """Path, reason code and, where the manifest gives one, the location (row/column, zip member)."""
    statuses = dict(_query(pipeline_run, "SELECT pad, status FROM audit.bestanden"))
    duplicates = [f for f in pipeline_run.manifest["bestanden"] if f.get("verwachte_status") == "duplicaat"]
    assert duplicates, "het manifest hoort een identieke herlevering te bevatten"
    assert [f["pad"] for f in duplicates if statuses.get(f["pad"]) != "duplicaat"] == []
    missing = _expected_quarantine(pipeline_run) - _found_quarantine(pipeline_run)
    assert not missing, (
        f"Niet (juist) in quarantaine, of op een andere plaats: {sorted(missing.items(), key=str)}"
    )
    assert any(plaats and plaats[0] == "cel" for _, _, plaats in _expected_quarantine(pipeline_run))
    assert any(plaats and plaats[0] == "lid" for _, _, plaats in _expected_quarantine(pipeline_run))


def test_every_quarantine_item_is_expected_by_the_manifest(pipeline_run):
    """The reverse: nothing clean is quarantined, and nothing bad is quarantined twice or in the wrong place."""
    unexpected = _found_quarantine(pipeline_run) - _expected_quarantine(pipeline_run)
    assert not unexpected, (
        f"Quarantaine die het manifest niet verwacht: {sorted(unexpected.items(), key=str)}"
    )
    statuses = dict(_query(pipeline_run, "SELECT pad, status FROM audit.bestanden"))
    bad = {f["pad"] for f in pipeline_run.manifest["bestanden"]} | {MANIFEST_ITEM[0]}
    assert {pad for pad, status in statuses.items() if status == "quarantaine"} <= bad
    # of the messages, only the manifest's identical re-delivery is a duplicate (header-only complaint registers
    # of providers without complaints are byte-identical across quarters, and so duplicates too: not a fault)
    duplicates = {
        pad for pad, status in statuses.items() if status == "duplicaat" and pad.startswith("berichten/")
    }
    assert duplicates == {
        f["pad"] for f in pipeline_run.manifest["bestanden"] if f.get("verwachte_status") == "duplicaat"
    }


def _variant(head: bytes) -> str | None:
    if head.startswith(b"\xef\xbb\xbf"):
        return "bom"
    if b'encoding="ISO-8859-1"' in head[:100]:
        return "latin1"
    if _RETOUR.search(head):
        return "retour"
    return None


_RETOUR = re.compile(rb"/wmo3(?:02|06|08|16|18|20)/schema")


def test_clean_variants_and_retours_are_loaded_not_quarantined(pipeline_run):
    """The clean variants the generator writes (BOM, ISO-8859-1, retour messages) all load."""
    bad = {f["pad"] for f in pipeline_run.manifest["bestanden"]}
    statuses = dict(_query(pipeline_run, "SELECT pad, status FROM audit.bestanden"))
    quarantined = {pad for pad, *_ in _query(pipeline_run, "SELECT pad FROM audit.quarantaine")}
    seen: dict[str, list[str]] = {"bom": [], "latin1": [], "retour": []}
    for path in (pipeline_run.landing / "berichten").rglob("*.xml"):
        pad = path.relative_to(pipeline_run.landing).as_posix()
        if pad in bad:
            continue
        with path.open("rb") as handle:
            soort = _variant(handle.read(600))
        if soort:
            seen[soort].append(pad)
    assert all(seen.values()), {k: len(v) for k, v in seen.items()}
    wrong = [
        (pad, statuses.get(pad)) for pads in seen.values() for pad in pads if statuses.get(pad) != "geladen"
    ]
    assert wrong == []
    assert quarantined.isdisjoint(pad for pads in seen.values() for pad in pads)


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
