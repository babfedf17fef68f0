"""The loader over complaint registers and accountability workbooks: copies are duplicates, fixed files load, and
the region's result taxonomy replaces the shipped default (inputs.md intro, §2, §3, §4)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.ingest.tabular.tabular_files import (
    PRODUCTIE,
    RESULTATEN,
    TEVREDENHEID,
    VALID_BSN,
    write_csv,
    write_xlsx,
)
from tests.pipeline.loading import load

KLACHTEN_HEADER = "aanbieder_agb|gemeentecode|klacht_id|datum_ontvangst|categorie"
GOEDE_KLACHTEN = [KLACHTEN_HEADER, "1234567|957|K1|2024-01-15|kwaliteit", "1234567|957|K2|2024-02-01|overig"]


@pytest.fixture
def landing(tmp_path) -> Path:
    root = tmp_path / "landing"
    for familie in ("klachten", "verantwoording", "referentie"):
        (root / familie).mkdir(parents=True)
    return root


def at(path: Path, second: int) -> Path:
    """Give `path` a fixed modification time: scan order (mtime, then name) decides which copy is the original."""
    ns = (1_700_000_000 + second) * 10**9
    os.utime(path, ns=(ns, ns))
    return path


def werkmap(path: Path, *, subresultaten=("1.4",), tevredenheid: bool = True) -> Path:
    """A small valid workbook: one Productie row, one Resultaten row per subresult code, one Tevredenheid row."""
    sheets = {
        "Aanbieder": [
            ["veld", "waarde"],
            ["aanbieder_agb", "12345678"],
            ["aanbieder_naam", "Thuiszorg De Linde B.V."],
            ["boekjaar", 2024],
            ["versie", 1],
            ["omzet_wmo_totaal", "250000"],
            ["datum_productieverantwoording", "2025-03-31"],
        ],
        "Productie": [
            PRODUCTIE,
            [957, "02", "02A01", "14", 100, "1000,00", 3],
        ],
        "Resultaten": [RESULTATEN]
        + [
            [957, 4710 + i, VALID_BSN, code, "verbetering", "behaald", "2024-06-30", None]
            for i, code in enumerate(subresultaten)
        ],
        "Tevredenheid": [
            TEVREDENHEID,
            [957, 4710, VALID_BSN, "2024-11-02", 8, "client"],
        ],
    }
    if not tevredenheid:
        del sheets["Tevredenheid"]
    write_xlsx(path, sheets)
    return path


def statuses(con) -> list[tuple[str, str]]:
    return con.execute("SELECT pad, status FROM audit.bestanden ORDER BY volgnummer").fetchall()


def count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM raw.{table}").fetchall()[0][0]


def counts(con) -> dict[str, int]:
    """Rows in raw.klachten and in the four raw.verantwoording_* tables."""
    sheets = ("aanbieder", "productie", "resultaten", "tevredenheid")
    return {"klachten": count(con, "klachten")} | {s: count(con, f"verantwoording_{s}") for s in sheets}


def quarantine(con) -> list[tuple[str, str, str]]:
    return con.execute(
        "SELECT pad, locatie, reden_code FROM audit.quarantaine ORDER BY pad, locatie"
    ).fetchall()


def test_copies_under_other_names_are_duplicates_in_the_same_and_a_later_run(con, landing):
    """Senders resend the same register or workbook under another name: it is registered as `duplicaat` and its
    rows are not loaded a second time, whether the copy arrives with the original or in a later run."""
    register = landing / "klachten/q1.csv"
    write_csv(register, GOEDE_KLACHTEN)
    at(register, 1)
    workbook = at(werkmap(landing / "verantwoording/2024.xlsx"), 2)
    (landing / "klachten/2024").mkdir()
    at(Path(shutil.copy(register, landing / "klachten/2024/Q1 opnieuw.csv")), 3)
    at(Path(shutil.copy(workbook, landing / "verantwoording/kopie.xlsx")), 4)
    load(con, landing)
    assert statuses(con) == [
        ("klachten/q1.csv", "geladen"),
        ("klachten/2024/Q1 opnieuw.csv", "duplicaat"),
        ("verantwoording/2024.xlsx", "geladen"),
        ("verantwoording/kopie.xlsx", "duplicaat"),
    ]
    loaded = {"klachten": 2, "aanbieder": 1, "productie": 1, "resultaten": 1, "tevredenheid": 1}
    assert counts(con) == loaded

    at(Path(shutil.copy(register, landing / "klachten/later.csv")), 5)
    at(Path(shutil.copy(workbook, landing / "verantwoording/later.xlsx")), 6)
    load(con, landing, "r2")
    assert statuses(con)[4:] == [
        ("klachten/later.csv", "duplicaat"),
        ("verantwoording/later.xlsx", "duplicaat"),
    ]
    assert counts(con) == loaded
    assert quarantine(con) == []


def test_a_quarantined_register_that_is_fixed_loads(con, landing):
    """A register whose every row is bad is quarantined as a file; the sender fixes it and drops it in again under
    the same name (new content): it is not mistaken for the known file and loads."""
    register = landing / "klachten/register.csv"
    write_csv(
        register,
        [KLACHTEN_HEADER, "1234567|957|K1|2024-02-30|kwaliteit", "1234567|957|K2|2024-02-01|klantzorg"],
    )
    at(register, 1)
    load(con, landing)
    assert statuses(con) == [("klachten/register.csv", "quarantaine")]
    assert quarantine(con) == [
        ("klachten/register.csv", "rij 2, kolom datum_ontvangst", "DATUM_ONGELDIG"),
        ("klachten/register.csv", "rij 3, kolom categorie", "WAARDE_ONBEKEND"),
    ]
    assert count(con, "klachten") == 0

    write_csv(register, GOEDE_KLACHTEN)
    at(register, 2)
    load(con, landing, "r2")
    assert statuses(con) == [("klachten/register.csv", "quarantaine"), ("klachten/register.csv", "geladen")]
    assert con.execute("SELECT klacht_id, rij FROM raw.klachten ORDER BY klacht_id").fetchall() == [
        ("K1", 2),
        ("K2", 3),
    ]
    assert len(quarantine(con)) == 2  # the first verdict stays in the audit trail


def test_a_workbook_missing_a_sheet_that_is_fixed_loads(con, landing):
    """A workbook without its Tevredenheid sheet is refused as a whole (TABBLAD_ONTBREEKT); the fixed workbook under
    the same name loads all four sheets."""
    workbook = at(werkmap(landing / "verantwoording/2024.xlsx", tevredenheid=False), 1)
    load(con, landing)
    assert statuses(con) == [("verantwoording/2024.xlsx", "quarantaine")]
    assert quarantine(con) == [("verantwoording/2024.xlsx", "verantwoording/2024.xlsx", "TABBLAD_ONTBREEKT")]
    assert count(con, "verantwoording_aanbieder") == 0

    at(werkmap(workbook), 2)
    load(con, landing, "r2")
    assert statuses(con) == [
        ("verantwoording/2024.xlsx", "quarantaine"),
        ("verantwoording/2024.xlsx", "geladen"),
    ]
    assert counts(con) == {"klachten": 0, "aanbieder": 1, "productie": 1, "resultaten": 1, "tevredenheid": 1}


@pytest.mark.parametrize(
    ("regio_bestand", "geladen", "afgewezen_rij"),
    [(True, "9.1", 3), (False, "1.4", 2)],
    ids=["region-taxonomy", "shipped-default"],
)
def test_the_regions_subresultaten_replace_the_shipped_default(
    con, landing, regio_bestand, geladen, afgewezen_rij
):
    """With referentie/subresultaten.csv the region's own list decides (its '9.1' is known, the default's '1.4'
    that it leaves out is not); without it the shipped default list decides (the other way round)."""
    if regio_bestand:
        write_csv(
            landing / "referentie/subresultaten.csv",
            [
                "subresultaat|deelresultaat|deelresultaat_naam|omschrijving",
                "9.1|9|Regionaal|Eigen code van de regio",
                "1.1|1|Zelfstandig leven|",
            ],
            delimiter=",",
        )
    werkmap(landing / "verantwoording/2024.xlsx", subresultaten=("9.1", "1.4"))  # Resultaten rows 2 and 3
    load(con, landing)
    assert con.execute("SELECT subresultaat FROM raw.verantwoording_resultaten").fetchall() == [(geladen,)]
    assert quarantine(con) == [
        (
            "verantwoording/2024.xlsx",
            f"Resultaten rij {afgewezen_rij}, kolom subresultaat",
            "SUBRESULTAAT_ONBEKEND",
        )
    ]
    assert dict(statuses(con))["verantwoording/2024.xlsx"] == "geladen"
