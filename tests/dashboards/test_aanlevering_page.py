"""Aanlevering (beheerder): the data steward sees which provider's declarations of a month are missing.

A copy of the synthetic warehouse gets the two aanlevering marts with hand-made rows (peildatum December 2024,
so November is the last month that is expected):
- Zorg Plus / Utrecht, November: 12 of 12 assignments declared → Ontvangen.
- Zorg Plus / Zeist, November: 3 of 11 → Deels; Zorg Plus's month is therefore Deels (the worst).
- Thuishulp / Utrecht, November: 0 of 4 → Ontbreekt; its counts are below 10 and shown as onderdrukt.
- Kleine Stap / De Bilt, December: the running month (Lopende maand), not expected yet.
"""

from __future__ import annotations

import shutil
from datetime import date
from typing import Any

import duckdb
import pytest
from dashboard_warehouse import DE_BILT, KLEINESTAP, THUISHULP, UTRECHT, ZEIST, ZORGPLUS
from test_dashboard_app import login, metrics, open_pagina, tabel

from dashboards.navigatie import pagina_bestanden

PAGINA = "app_pages/aanlevering.py"
NOV, DEC = date(2024, 11, 1), date(2024, 12, 1)
DECLARATIES = [
    (ZORGPLUS, UTRECHT, NOV, 2024, 12, 12, 12, 30, date(2024, 12, 5), "ontvangen"),
    (ZORGPLUS, ZEIST, NOV, 2024, 11, 3, 3, 3, date(2024, 12, 6), "deels"),
    (THUISHULP, UTRECHT, NOV, 2024, 4, 0, 0, 0, None, "ontbreekt"),
    (ZORGPLUS, UTRECHT, DEC, 2024, 12, 0, 0, 0, None, "lopend"),
    (KLEINESTAP, DE_BILT, DEC, 2024, 2, 0, 0, 0, None, "lopend"),
]
BERICHTEN = [
    (
        ZORGPLUS,
        "WMO323",
        "declaratie",
        "aanbieder",
        40,
        date(2024, 1, 5),
        date(2024, 12, 6),
        date(2024, 12, 31),
        25,
    ),
    (
        THUISHULP,
        "WMO323",
        "declaratie",
        "aanbieder",
        3,
        date(2024, 1, 8),
        date(2024, 9, 2),
        date(2024, 12, 31),
        120,
    ),
    (
        ZORGPLUS,
        "WMO301",
        "toewijzing",
        "gemeente",
        25,
        date(2024, 1, 2),
        date(2024, 12, 20),
        date(2024, 12, 31),
        11,
    ),
]


@pytest.fixture
def aanlevering(omgeving: Any, tmp_path, monkeypatch: pytest.MonkeyPatch) -> Any:
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(omgeving.warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "CREATE TABLE marts.aanlevering_declaraties (aanbieder_agb VARCHAR, gemeentecode VARCHAR, maand DATE, "
            "jaar INTEGER, toewijzingen_in_levering BIGINT, toewijzingen_in_levering_gedeclareerd BIGINT, "
            "toewijzingen_gedeclareerd BIGINT, aantal_prestaties BIGINT, laatste_declaratie_dagtekening DATE, "
            "status VARCHAR)"
        )
        con.executemany("INSERT INTO marts.aanlevering_declaraties VALUES (?,?,?,?,?,?,?,?,?,?)", DECLARATIES)
        con.execute(
            "CREATE TABLE marts.aanlevering_berichten (aanbieder_agb VARCHAR, berichttype VARCHAR, "
            "omschrijving VARCHAR, afzender_rol VARCHAR, aantal_berichten BIGINT, eerste_dagtekening DATE, "
            "laatste_dagtekening DATE, peildatum DATE, dagen_sinds_laatste BIGINT)"
        )
        con.executemany("INSERT INTO marts.aanlevering_berichten VALUES (?,?,?,?,?,?,?,?,?)", BERICHTEN)
    monkeypatch.setenv("WMO_WAREHOUSE", str(warehouse))
    return omgeving


def test_only_the_beheerder_has_the_page() -> None:
    assert PAGINA in pagina_bestanden("beheerder")
    for rol in ("contractmanager", "controller", "verantwoording"):
        assert PAGINA not in pagina_bestanden(rol)


def test_the_last_expected_month_opens_with_the_worst_status_per_provider(aanlevering: Any) -> None:
    at = open_pagina(login(aanlevering, "beheerder"), PAGINA)
    assert at.selectbox(key="aanlevering_maand").value == NOV
    m = metrics(at)
    assert (m["Aanbieders verwacht"], m["Ontvangen"], m["Deels ontvangen"], m["Ontbreekt"]) == (
        "2",
        "0",
        "1",
        "1",
    )
    rijen = tabel(at, "Status", "Ontbreekt")
    assert list(rijen["Status"]) == ["Ontbreekt", "Deels ontvangen", "Ontvangen"]  # worst first
    thuishulp = rijen.set_index("Aanbieder").loc["Thuishulp Midden"]
    assert thuishulp["Toewijzingen in levering"] == "onderdrukt"
    zorgplus_utrecht = rijen[(rijen["Aanbieder"] == "Zorg Plus BV") & (rijen["Gemeente"] == "Utrecht")].iloc[
        0
    ]
    assert zorgplus_utrecht["Toewijzingen in levering"] == "12"


def test_the_running_month_is_not_counted_as_missing(aanlevering: Any) -> None:
    at = open_pagina(login(aanlevering, "beheerder"), PAGINA)
    at.selectbox(key="aanlevering_maand").set_value(DEC).run()
    m = metrics(at)
    assert (m["Aanbieders verwacht"], m["Ontbreekt"]) == ("2", "0")
    assert set(tabel(at, "Status", "Lopende maand")["Status"]) == {"Lopende maand"}


def test_last_message_per_provider_and_type(aanlevering: Any) -> None:
    at = open_pagina(login(aanlevering, "beheerder"), PAGINA)
    rijen = tabel(at, "Berichttype", "WMO323 declaratie")
    assert list(rijen["Aanbieder"]) == ["Thuishulp Midden", "Zorg Plus BV"]  # the longest silence first
    assert list(rijen["Berichten"]) == ["onderdrukt", "40"]
    at.radio(key="aanlevering_richting").set_value("gemeente").run()
    assert list(tabel(at, "Berichttype", "WMO301 toewijzing")["Aanbieder"]) == ["Zorg Plus BV"]
