"""The provider scorecard (issue 18 item 1): landing page, hand-computed funnel marks, suppression, roles, restriction.

The synthetic warehouse of `dashboard_warehouse.py` plus, in a copy, its `add_scorekaart_rows`: one more provider
(44444444, with a long name) in Utrecht and De Bilt and more K3 stops for Zorg Plus, chosen so that numerator, denominator and complement of
every asserted share are ≥ 10 (they stay visible under the stricter suppression rule as well). K3 uitval in 2024:
- Zorg Plus (Utrecht): uitval 5 + 10, volgens plan 15 + 10 → 15 / 40 = 37,5 %.
- 44444444: Utrecht 40 / 50 and De Bilt 40 / 50 → 80 / 100 = 80,0 %; Utrecht alone 40 / 50 = 80,0 %.
- Thuishulp (Zeist): 1 / 3 → suppressed.
- Region: uitval 15 + 80 + 1 = 96 over 40 + 100 + 3 = 143 → 67,1 %.
Funnel around p = 96/143 (z 1.96 and 3.09): Zorg Plus at n = 40 is below 0,442 (99,8 %) → favourable mark;
44444444 at n = 100 lies between 0,763 (95 %) and 0,816 (99,8 %) → unfavourable 95 % mark; its Utrecht part at n = 50
stays under 0,802 (95 %) → within. 2023: 44444444 20 / 50 = 40,0 %.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from dashboard_warehouse import BREED, BREED_NAAM, ZORGPLUS, add_scorekaart_rows
from test_dashboard_app import audit_regels, login, open_pagina

from dashboards import kpi
from dashboards import scorekaart as sk

PAGINA = "app_pages/scorekaart.py"


@pytest.fixture(scope="module")
def _scorekaart_warehouse(_bestanden: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    kopie = tmp_path_factory.mktemp("scorekaart") / "warehouse.duckdb"
    shutil.copy(_bestanden.warehouse, kopie)
    return add_scorekaart_rows(kopie)


@pytest.fixture
def scorekaart_omgeving(omgeving: Any, _scorekaart_warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("WMO_WAREHOUSE", str(_scorekaart_warehouse))
    return dataclasses.replace(
        omgeving, warehouse=_scorekaart_warehouse
    )  # its audit log sits next to the copy


def _tabellen(at: Any) -> list[pd.DataFrame]:
    """Every table on the page (the scorecard is a dataframe, the comparison tables are static, wrapping tables),
    with the non-breaking spaces that keep a value on one line read as spaces."""
    return [t.value.replace("\u00a0", " ", regex=True) for t in [*at.dataframe, *at.table]]


def tabel(at: Any, kolom: str, waarde: object) -> pd.DataFrame:
    """The first table with `kolom` and a row with `waarde` in it."""
    for frame in _tabellen(at):
        if kolom in frame.columns and (frame[kolom] == waarde).any():
            return frame
    raise AssertionError(f"geen tabel met {kolom} = {waarde!r}")


def _kaart(at: Any) -> pd.DataFrame:
    return tabel(at, "Indicator", "Uitval (%)").set_index("Indicator")


def _kies(at: Any, agb: str) -> Any:
    at.selectbox(key="sk_aanbieder").set_value(agb).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_contract_manager_lands_on_the_scorecard_of_the_first_provider(scorekaart_omgeving: Any) -> None:
    at = login(scorekaart_omgeving, "contractmanager")
    assert [t.value for t in at.title] == ["Scorekaart aanbieder"]
    jaar = at.sidebar.selectbox(key="flt_jaar")
    assert (jaar.options, jaar.value) == (["2023", "2024"], 2024)  # only years with data, the latest opened
    keuze = at.selectbox(key="sk_aanbieder")
    assert keuze.value == BREED  # providers sorted by name: the long "Stichting …" first
    assert BREED_NAAM in keuze.options and "Kleine Stap" not in keuze.options  # no KPI data, not offered
    uitval = _kaart(at).loc["Uitval (%)"]
    assert (uitval["Aanbieder"], uitval["Regio"], uitval["Aantal"]) == ("80,0 % ▲", "67,1 %", "100")
    assert uitval["Trechter"] == "▲ buiten 95 %"
    assert (uitval["2023"], uitval["2024"]) == ("40,0 %", "80,0 %")
    assert (
        _kaart(at).loc["Trajectduur in dagen (mediaan)", "Trechter"] == "geen toets"
    )  # no funnel for medians
    assert at.selectbox(key="sk_trend").value == "k3_uitval"  # the trend opens on the first unfavourable mark
    assert not at.error


def test_scorecard_marks_a_favourable_99_8_outlier_and_suppresses_small_cells(
    scorekaart_omgeving: Any,
) -> None:
    at = _kies(login(scorekaart_omgeving, "contractmanager"), ZORGPLUS)
    uitval = _kaart(at).loc["Uitval (%)"]
    assert (uitval["Aanbieder"], uitval["Aantal"], uitval["Trechter"]) == (
        "37,5 % ▼",
        "40",
        "▼ buiten 99,8 %",
    )
    alle = tabel(at, "Aanbieder", "Regio (alle gemeenten)").set_index("Aanbieder")
    assert alle.loc["Regio (alle gemeenten)", "Uitval"] == "67,1 %"
    assert alle.loc["Zorg Plus BV", "Uitval"] == "37,5 % ▼"
    assert alle.loc[BREED_NAAM, "Uitval"] == "80,0 % ▲"
    assert alle.loc["Thuishulp Midden", "Uitval"] == "–"  # 1 of 3: suppressed, and no mark
    assert alle.loc["Thuishulp Midden", "Realisatie"] == "–"  # 5 results < 10

    at = _kies(at, "22222222")
    kaart = _kaart(at)
    assert list(kaart.loc["Uitval (%)", ["Aanbieder", "Aantal", "Trechter"]]) == ["–", "onderdrukt", "–"]
    assert kaart.loc["Realisatiescore", "Aantal"] == "onderdrukt"
    for frame in _tabellen(at):
        assert not frame.isin(["33,3 %", "3"]).any().any()  # 1/3 and its denominator never reach the page


def test_drill_down_names_municipalities_and_product_categories(scorekaart_omgeving: Any) -> None:
    at = login(scorekaart_omgeving, "contractmanager")
    per_gemeente = tabel(at, "Gemeente", "Utrecht").set_index("Gemeente")
    assert set(per_gemeente.index) == {"Regio (alle gemeenten)", "Utrecht", "De Bilt"}
    assert per_gemeente.loc["Utrecht", "Uitval"] == "80,0 %"  # 40/50 lies within the 95 % limits at n = 50
    at.session_state["sk_dimensie"] = "productcategorie"
    at.run()
    per_categorie = tabel(at, "Productcategorie", "Begeleiding").set_index("Productcategorie")
    assert set(per_categorie.index) == {"Regio (alle gemeenten)", "Begeleiding", "Dagbesteding"}  # 02 and 07
    assert not per_categorie.index.isin(["02", "07"]).any()


def test_restricted_user_sees_no_other_municipality(scorekaart_omgeving: Any) -> None:
    at = login(scorekaart_omgeving, "utrecht")
    assert [t.value for t in at.title] == ["Scorekaart aanbieder"]
    assert at.selectbox(key="sk_aanbieder").value == BREED
    assert _kaart(at).loc["Uitval (%)", "Aanbieder"] == "80,0 %"  # Utrecht's 40/50 only, against the region
    assert _kaart(at).loc["Uitval (%)", "Aantal"] == "50"
    assert (
        _kaart(at).loc["Startbericht (305) tijdig", "Aanbieder"] == "–"
    )  # messages are not per municipality
    per_gemeente = tabel(at, "Gemeente", "Utrecht")
    assert set(per_gemeente["Gemeente"]) == {"Regio (alle gemeenten)", "Utrecht"}
    alle = tabel(at, "Aanbieder", "Regio (alle gemeenten)")
    assert "Thuishulp Midden" not in set(alle["Aanbieder"])  # works only in Zeist
    for frame in _tabellen(at):
        assert not frame.isin(["De Bilt", "Zeist"]).any().any()


@pytest.mark.parametrize("rol", ["controller", "verantwoording", "beheerder", "beleid"])
def test_other_roles_cannot_open_the_scorecard(scorekaart_omgeving: Any, rol: str) -> None:
    at = login(scorekaart_omgeving, rol)
    assert "Scorekaart aanbieder" not in [t.value for t in at.title]
    with pytest.raises(ValueError):
        at.switch_page(PAGINA)


def test_every_scorecard_table_downloads_and_is_logged(scorekaart_omgeving: Any) -> None:
    at = open_pagina(login(scorekaart_omgeving, "contractmanager"), PAGINA)
    knoppen = at.get("download_button")
    assert [k.label for k in knoppen] == ["CSV", "Excel"] * 3  # scorecard, drill-down, all providers
    voor = len(audit_regels(scorekaart_omgeving))
    knoppen[1].click().run()
    regel = audit_regels(scorekaart_omgeving)[voor:][-1]
    assert (regel["gebeurtenis"], regel["formaat"]) == ("export", "xlsx")
    assert regel["tabel"] == f"Scorekaart {BREED_NAAM} 2024"


# --- units ---------------------------------------------------------------------------------------------------


def test_trechtergrenzen_formula_and_clipping() -> None:
    laag, hoog = kpi.trechtergrenzen(0.5, 100.0, 1.96)
    assert (laag, hoog) == pytest.approx((0.402, 0.598))
    laag, hoog = kpi.trechtergrenzen(0.05, np.array([10.0, 1000.0]), 3.09)
    assert laag[0] == 0.0 and laag[1] == pytest.approx(0.05 - 3.09 * np.sqrt(0.0475 / 1000))
    assert kpi.trechtergrenzen(0.99, 10.0, 3.09)[1] == 1.0


def test_trechter_positions_and_no_mark_without_value() -> None:
    regio = pd.DataFrame({"jaar": [2024], "indicator": ["k3_uitval"], "waarde": [96 / 143]})
    rijen = pd.DataFrame(
        {
            "jaar": [2024] * 4,
            "indicator": ["k3_uitval"] * 4,
            "noemer": [40.0, 100.0, 50.0, 5.0],
            "waarde": [0.375, 0.8, 0.8, np.nan],
        }
    )
    uit = sk.trechter(rijen, regio)
    assert list(uit["positie"].iloc[:3]) == [-2.0, 1.0, 0.0]
    assert np.isnan(uit["positie"].iloc[3]) and np.isnan(uit["grens_998_laag"].iloc[3])
    assert [sk.oordeel("k3_uitval", p) for p in uit["positie"].iloc[:3]] == ["goed", "slecht", None]
    assert sk.oordeel("k4_tijdig_gestart", 2.0) == "goed"
    assert sk.signaal("k5_duur", np.nan) == "geen toets"
