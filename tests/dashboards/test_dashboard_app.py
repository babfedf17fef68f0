"""Streamlit AppTest tests: login, role-based pages, municipality restriction, suppression, hand-computed numbers
and the downloaded files.

Expected values come from the rows in `dashboard_warehouse.py` (jaar 2024 unless stated). The numbers are checked
with `WMO_MIN_CELGROOTTE=0` (`zonder_onderdrukking`), so that suppression does not hide them; suppression is
checked with the default 10, where the region has one provider with large and one with small cells:
- K1 Zorg Plus: behaald 12+6=18, deels 4+2=6, aantal 30 → % behaald 60,0; realisatiescore (18+3)/30 = 70,0 %.
  Thuishulp: aantal 5 < 10 → suppressed, and so Zorg Plus' counts too (35 − 5); its score stays (70,0 %).
  Total: (21+3,5)/35 = 70,0 %; with deels 7 < 10 beside behaald 21 and aantal 35 the total score would give
  deels away (2 × (0,7 × 35 − 21) = 7), so that tile is suppressed.
- K2 total: som 116 / 16 respondents = 7,25 → "7,3"; Thuishulp 4 respondents → suppressed.
- K3 Zorg Plus: uitval 5 / (15+5) = 25,0 %; overstap 3 → suppressed, with its share 3 / 23.
- K4 start Zorg Plus: 12 started, 7 on time → 58,3 %; median of 1..12 = 6,5; p90 = 10,9.
- K6 total: (12×800 + 2×600) / (12×1000 + 2×500) = 83,1 %; the assignment without a tariff is left out.
- K7 total: 14 complaints / 18 active clients × 100 = 77,8; Zorg Plus 12 beside Thuishulp 2: both suppressed.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from typing import Any

import duckdb
import openpyxl
import pandas as pd
import pytest
import streamlit
from dashboard_warehouse import APP, ZORGPLUS
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from dashboards.navigatie import PAGINAS, pagina_bestanden
from runtime.spreadsheet import FORMULE_BEGIN

Omgeving = Any


def login(omgeving: Omgeving, naam: str, wachtwoord: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    assert not at.exception
    at.text_input(key="login_naam").input(naam)
    at.text_input(key="login_wachtwoord").input(wachtwoord or omgeving.wachtwoorden[naam])
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def open_pagina(at: AppTest, bestand: str) -> AppTest:
    at.switch_page(bestand).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def getoond(df: Any) -> pd.DataFrame:
    """A dataframe element as the browser shows it: the display text of every cell."""
    weergave = df.proto.arrow_data.styler.display_values
    return dataframe_util.convert_arrow_bytes_to_pandas_df(weergave) if weergave else df.value.astype(str)


def tabel(at: AppTest, kolom: str, waarde: object, *, tekst: bool = False) -> pd.DataFrame:
    """The first dataframe on the page that has `kolom` and a row with `waarde` in it (its values, or with
    `tekst=True` its display text)."""
    for df in at.dataframe:
        frame = df.value
        if kolom in frame.columns and (frame[kolom] == waarde).any():
            return getoond(df) if tekst else frame
    raise AssertionError(f"geen tabel met {kolom} = {waarde!r}")


@pytest.fixture
def zonder_onderdrukking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Minimum cell size 0: nothing is suppressed, so every hand-computed number is on the screen."""
    monkeypatch.setenv("WMO_MIN_CELGROOTTE", "0")


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Every download button the pages draw, by file name, with the function that makes its file: calling it gives
    the bytes the browser downloads."""
    gezien: dict[str, Any] = {}
    echt = streamlit.download_button

    def opvangen(label: str, data: Any = None, file_name: str | None = None, **kwargs: Any) -> bool:
        gezien[file_name] = data
        return echt(label, data=data, file_name=file_name, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", opvangen)
    return gezien


def bestand(gezien: dict[str, Any], begin: str, extensie: str) -> bytes:
    [naam] = [n for n in gezien if n.startswith(f"wmo-{begin}-") and n.endswith(extensie)]
    data = gezien[naam]
    return data() if callable(data) else data


def csv_tabel(data: bytes) -> tuple[list[str], pd.DataFrame]:
    """A downloaded CSV: its explanation lines above the header, and the table."""
    regels = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    kop = next(i for i, r in enumerate(regels) if len(r) > 1)
    return [r[0] for r in regels[:kop] if r], pd.DataFrame(regels[kop + 1 :], columns=regels[kop])


def xlsx_tabel(data: bytes) -> tuple[list[str], pd.DataFrame]:
    """A downloaded XLSX, opened as Excel would: no cell may be a formula."""
    blad = openpyxl.load_workbook(io.BytesIO(data)).active
    rijen = [[c.value for c in r] for r in blad.iter_rows()]
    for r in blad.iter_rows():
        for c in r:
            assert c.data_type != "f", (c.coordinate, c.value)
            assert not (isinstance(c.value, str) and c.value.startswith(FORMULE_BEGIN)), (
                c.coordinate,
                c.value,
            )
    kop = next(i for i, r in enumerate(rijen) if sum(v is not None for v in r) > 1)
    return [r[0] for r in rijen[:kop] if r[0]], pd.DataFrame(rijen[kop + 1 :], columns=rijen[kop])


def audit_regels(omgeving: Omgeving) -> list[dict]:
    if not omgeving.audit_log.is_file():
        return []
    return [json.loads(r) for r in omgeving.audit_log.read_text(encoding="utf-8").splitlines()]


# --- login ---------------------------------------------------------------------------------------------------


def test_login_page_shows_only_login_form(omgeving: Omgeving) -> None:
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    assert [t.value for t in at.title] == ["Wmo-monitor"]
    assert not at.metric and not at.dataframe
    with pytest.raises(ValueError):
        at.switch_page("app_pages/overzicht.py")


def test_wrong_password_fails_and_is_logged(omgeving: Omgeving) -> None:
    voor = len(audit_regels(omgeving))
    at = login(omgeving, "controller", "fout-wachtwoord")
    assert "gebruiker" not in at.session_state
    assert any("onjuist wachtwoord" in e.value for e in at.error)
    nieuw = audit_regels(omgeving)[voor:]
    assert [(r["gebeurtenis"], r["gebruikersnaam"]) for r in nieuw] == [("login_mislukt", "controller")]
    assert "fout-wachtwoord" not in omgeving.audit_log.read_text(encoding="utf-8")


def test_successful_login_is_logged_and_sidebar_shows_publication(omgeving: Omgeving) -> None:
    voor = len(audit_regels(omgeving))
    at = login(omgeving, "contractmanager")
    assert [t.value for t in at.title] == ["Scorekaart aanbieder"]  # the contract manager's landing page
    assert audit_regels(omgeving)[voor:][0]["gebeurtenis"] == "login"
    zijbalk = " ".join(c.value for c in at.sidebar.caption)
    assert "Peildatum: **31-12-2024**" in zijbalk
    assert "Laatste geslaagde run: **02-01-2025 09:01**" in zijbalk


# --- pages per role ------------------------------------------------------------------------------------------

ALLE = [bestand for bestand, *_ in PAGINAS]
VERWACHT = {
    "contractmanager": [
        "Scorekaart aanbieder", "Overzicht", "Doelrealisatie", "Tevredenheid", "Uitval", "Wachttijden", "Trajectduur", "Budgetuitputting",
        "Klachten", "Berichtenverkeer", "Benchmark",
    ],
    "verantwoording": ["Verantwoording"],
    "beheerder": ["Datakwaliteit", "Aanlevering"],
    "beleid": ["Gebieden"],
}  # fmt: skip
VERWACHT["controller"] = [*VERWACHT["contractmanager"][1:], "Rechtmatigheid"]


@pytest.mark.parametrize("rol", list(VERWACHT))
def test_pages_per_role(omgeving: Omgeving, rol: str) -> None:
    at = login(omgeving, rol)
    titels = []
    for bestand in pagina_bestanden(rol):
        open_pagina(at, bestand)
        titels.append(at.title[0].value)
        assert not at.error, [e.value for e in at.error]
    assert titels == VERWACHT[rol]
    for bestand in set(ALLE) - set(pagina_bestanden(rol)):
        with pytest.raises(ValueError):
            at.switch_page(bestand)


# --- numbers (suppression off) -------------------------------------------------------------------------------


def test_overzicht_numbers(omgeving: Omgeving, zonder_onderdrukking: None) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/overzicht.py")
    m = metrics(at)
    assert m["Realisatiescore"] == "70,0 %"
    assert m["Gemiddeld cijfer"] == "7,3"
    assert m["Uitval"] == "26,1 %"  # (5+1) / (17+6)
    assert m["Budgetuitputting"] == "83,1 %"
    assert m["Klachten"] == "14"
    kaart = tabel(at, "Aanbieder", "Zorg Plus BV").set_index("Aanbieder")
    assert kaart.loc["Zorg Plus BV", "Realisatiescore (%)"] == pytest.approx(70.0)
    assert kaart.loc["Zorg Plus BV", "Toegewezen"] == pytest.approx(12_000.0)  # euros, not cents
    assert kaart.loc["Thuishulp Midden", "Realisatiescore (%)"] == pytest.approx(70.0)  # (3 + 0,5) / 5
    tekst = tabel(at, "Aanbieder", "Zorg Plus BV", tekst=True).set_index("Aanbieder")
    assert tekst.loc["Zorg Plus BV", "Toegewezen"] == "€ 12.000,00"


def test_doelrealisatie_numbers(omgeving: Omgeving, zonder_onderdrukking: None) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/doelrealisatie.py")
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV").set_index("Aanbieder")
    assert per_a.loc["Zorg Plus BV", "Resultaten"] == 30
    assert per_a.loc["Zorg Plus BV", "Behaald (%)"] == pytest.approx(60.0)
    assert per_a.loc["Zorg Plus BV", "Realisatiescore (%)"] == pytest.approx(70.0)
    assert metrics(at)["Realisatiescore"] == "70,0 %"


def test_uitval_numbers(omgeving: Omgeving, zonder_onderdrukking: None) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/uitval.py")
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV").set_index("Aanbieder")
    assert per_a.loc["Zorg Plus BV", "Uitval (%)"] == pytest.approx(25.0)
    assert per_a.loc["Zorg Plus BV", "Overstap (38)"] == 3
    overstap = tabel(at, "Overstappen (38)", 3).set_index("Aanbieder")
    assert overstap.loc["Zorg Plus BV", "Aandeel overstap (%)"] == pytest.approx(13.0)  # 3 / 23, as shown


def test_wachttijden_medians(omgeving: Omgeving, zonder_onderdrukking: None) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/wachttijden.py")
    start = tabel(at, "Gestart", 12).set_index("Aanbieder").loc["Zorg Plus BV"]
    assert start["Tijdig gestart (%)"] == pytest.approx(58.3)  # 7 / 12, rounded as shown
    assert start["Mediaan dagen"] == pytest.approx(6.5)
    assert start["P90 dagen"] == pytest.approx(10.9)
    wachtlijst = tabel(at, "Wachtenden", 3)  # 3 assignments without a start on the peildatum
    assert "Zorg Plus BV" in set(wachtlijst["Aanbieder"])


def test_klachten_per_100_clients(omgeving: Omgeving, zonder_onderdrukking: None) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/klachten.py")
    m = metrics(at)
    assert m["Per 100 cliënten"] == "77,8"
    assert m["Binnen 6 weken"] == "50,0 %"  # (4 + 2) / 12 handled
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV").set_index("Aanbieder")
    assert per_a.loc["Zorg Plus BV", "Per 100 cliënten"] == pytest.approx(80.0)  # 12 / 15 × 100


def test_klachten_denominator_is_the_marts_active_clients(
    omgeving: Omgeving, zonder_onderdrukking: None, tmp_path, monkeypatch
) -> None:
    """The page divides by dbt's active clients (cut off at the definitive stop and the peildatum), not by its own
    count over fct_toewijzingen: with three of Zorg Plus' clients no longer active in the mart, the rate follows."""
    kopie = tmp_path / "warehouse.duckdb"
    shutil.copy(omgeving.warehouse, kopie)
    with duckdb.connect(str(kopie)) as con:
        con.execute(
            "UPDATE marts.kpi_klachten_clienten SET aantal_clienten_actief = 12, per_100_clienten = 100 "
            "WHERE aanbieder_agb = '11111111'"
        )
    monkeypatch.setenv("WMO_WAREHOUSE", str(kopie))
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/klachten.py")
    assert metrics(at)["Per 100 cliënten"] == "93,3"  # 14 complaints / (12 + 3) clients
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV").set_index("Aanbieder")
    assert per_a.loc["Zorg Plus BV", "Cliënten"] == 12
    assert per_a.loc["Zorg Plus BV", "Per 100 cliënten"] == pytest.approx(100)


def test_money_is_dutch_formatted(omgeving: Omgeving, zonder_onderdrukking: None) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/budgetuitputting.py")
    m = metrics(at)
    assert m["Toegewezen"] == "€ 13.000,00"
    assert m["Goedgekeurd"] == "€ 10.850,00"
    assert m["Uitputting"] == "83,1 %"


# --- suppression (kpis.md, issue 17's leaks in the browser) -------------------------------------------------

ONDERDRUKT = "onderdrukt"


def test_doelrealisatie_suppresses_small_cells_and_what_gives_them_away(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/doelrealisatie.py")
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV", tekst=True).set_index("Aanbieder")
    telling = ["Resultaten", "Behaald", "Deels behaald", "Niet behaald"]
    assert (
        list(per_a.loc["Thuishulp Midden", [*telling, "Behaald (%)", "Realisatiescore (%)"]])
        == [ONDERDRUKT] * 6
    )
    # beside the tile's 35 results, Zorg Plus' 30 would be Thuishulp's 5: its counts go too, its score stays
    assert list(per_a.loc["Zorg Plus BV", telling]) == [ONDERDRUKT] * 4
    assert per_a.loc["Zorg Plus BV", "Realisatiescore (%)"] == "70,0 %"
    assert "5" not in set(per_a["Resultaten"])
    m = metrics(at)
    assert m["Geëvalueerde resultaten"] == "35" and m["Behaald"] == "60,0 %"
    assert m["Realisatiescore"] == ONDERDRUKT  # deels = 2 × (0,7 × 35 − 21) = 7 otherwise
    assert any("cliënten te beschermen" in c.value for c in at.caption)
    for df in at.dataframe:  # niet behaald is never total − behaald − deels
        t = getoond(df)
        if {"Resultaten", "Behaald", "Deels behaald", "Niet behaald"} <= set(t.columns):
            for _, r in t.iterrows():
                verborgen = [c for c in ("Behaald", "Deels behaald", "Niet behaald") if r[c] == ONDERDRUKT]
                assert r["Resultaten"] == ONDERDRUKT or len(verborgen) != 1, r.to_dict()


def test_uitval_overstap_and_its_share_are_suppressed_together(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/uitval.py")
    assert metrics(at)["Overstap (38)"] == ONDERDRUKT
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV", tekst=True).set_index("Aanbieder")
    assert per_a.loc["Zorg Plus BV", "Overstap (38)"] == ONDERDRUKT
    for df in at.dataframe:  # no share of overstap beside a suppressed count: no '<10' next to '11,1 % of 18'
        t = getoond(df)
        if "Aandeel overstap (%)" in t.columns:
            assert (
                not (t["Overstappen (38)"] == ONDERDRUKT).any()
                or (t["Aandeel overstap (%)"] == ONDERDRUKT).all()
            )
            assert "Zorg Plus BV" not in set(
                t["Aanbieder"]
            )  # a suppressed count does not select a row either


def test_klachten_rate_never_stands_beside_a_suppressed_count(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/klachten.py")
    assert metrics(at)["Klachten"] == "14"
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV", tekst=True).set_index("Aanbieder")
    # 14 − 12 would be Thuishulp's 2: the next smallest provider goes too, and its rate (12 = 80 × 15 / 100)
    assert (
        per_a.loc["Thuishulp Midden", "Klachten"] == ONDERDRUKT
        and per_a.loc["Zorg Plus BV", "Klachten"] == ONDERDRUKT
    )
    for _, r in per_a.iterrows():
        assert r["Klachten"] != ONDERDRUKT or r["Per 100 cliënten"] == ONDERDRUKT, r.to_dict()


def test_benchmark_shows_suppressed_municipalities_as_suppressed(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/benchmark.py")
    at.selectbox(key="bm_indicator").select("clienten_per_1000").run()
    bench = tabel(at, "Gemeente", "Zeist", tekst=True).set_index("Gemeente")
    zeist = bench.loc["Zeist"]
    assert list(zeist[["Teller", "Noemer", "Waarde", "Buiten 99,8 %"]]) == [ONDERDRUKT] * 4
    assert "Kies een hoger niveau" in zeist["Toelichting"]
    # Zeist's 3 clients would be the region's 30 minus Utrecht's 15 and De Bilt's 12: the next smallest goes too
    assert bench.loc["De Bilt", "Waarde"] == ONDERDRUKT and bench.loc["Utrecht", "Teller"] == "15"
    assert any("hoger niveau" in c.value for c in at.caption)


def test_configured_minimum_cell_size_applies(omgeving: Omgeving, monkeypatch) -> None:
    monkeypatch.setenv("WMO_MIN_CELGROOTTE", "4")
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/klachten.py")
    per_c = tabel(at, "Categorie", "kwaliteit", tekst=True).set_index("Categorie")
    assert per_c.loc["kwaliteit", "Klachten"] == ONDERDRUKT  # 2 < 4
    assert per_c.loc["bejegening", "Klachten"] == ONDERDRUKT  # 14 − 2 otherwise


# --- downloads: the files themselves ---------------------------------------------------------------------------


def test_downloads_hold_the_page_as_shown_with_suppressed_cells_empty(omgeving: Omgeving, downloads) -> None:
    open_pagina(login(omgeving, "contractmanager"), "app_pages/uitval.py")
    noot, df = csv_tabel(bestand(downloads, "uitval-per-aanbieder", "csv"))
    assert noot and noot[0].startswith("Toelichting: Cellen met ‘onderdrukt’ zijn weggelaten")
    assert list(df.columns) == [
        "Aanbieder", "AGB-code", "Volgens plan", "Uitval", "Extern", "Uitval (%)", "Overstap (38)", "Onderdrukt",
    ]  # fmt: skip
    zp = df.set_index("Aanbieder").loc["Zorg Plus BV"]
    assert zp["Overstap (38)"] == "" and "Overstap (38)" in zp["Onderdrukt"]
    assert "13" not in set(df.to_numpy().ravel()) and "3" not in set(df.to_numpy().ravel())
    noot_x, dfx = xlsx_tabel(bestand(downloads, "uitval-per-aanbieder", "xlsx"))
    assert noot_x == noot and list(dfx.columns) == list(df.columns)
    assert dfx.set_index("Aanbieder").loc["Zorg Plus BV", "Overstap (38)"] is None


def test_downloads_do_not_give_away_what_the_screen_suppresses(omgeving: Omgeving, downloads) -> None:
    """Issue 17's leaks, read from the files: no rate beside an empty complaint count, no 'niet behaald' as the
    total minus the other parts, no share of overstap beside an empty overstap."""
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/klachten.py")
    _, df = csv_tabel(bestand(downloads, "klachten-per-aanbieder", "csv"))
    for _, r in df.iterrows():
        assert r["Klachten"] != "" or r["Per 100 cliënten"] == "", r.to_dict()
    open_pagina(at, "app_pages/doelrealisatie.py")
    for naam in ("doelrealisatie-per-aanbieder", "doelrealisatie-per-deelresultaat"):
        _, df = csv_tabel(bestand(downloads, naam, "csv"))
        for _, r in df.iterrows():
            leeg = [c for c in ("Behaald", "Deels behaald", "Niet behaald") if r[c] == ""]
            assert r["Resultaten"] == "" or len(leeg) != 1, r.to_dict()
        _, dfx = xlsx_tabel(bestand(downloads, naam, "xlsx"))
        for _, r in dfx.iterrows():
            leeg = [c for c in ("Behaald", "Deels behaald", "Niet behaald") if r[c] is None]
            assert r["Resultaten"] is None or len(leeg) != 1, r.to_dict()
    open_pagina(at, "app_pages/uitval.py")
    _, per_a = csv_tabel(bestand(downloads, "uitval-per-aanbieder", "csv"))
    for _, r in per_a.iterrows():
        delen = [r["Volgens plan"], r["Uitval"]]
        assert r["Uitval (%)"] == "" or "" not in delen, r.to_dict()


def test_downloads_round_as_shown_and_write_euros(
    omgeving: Omgeving, downloads, zonder_onderdrukking
) -> None:
    at = login(omgeving, "contractmanager")
    _, df = csv_tabel(bestand(downloads, "scorekaart-aanbieders", "csv"))
    zp = df.set_index("Aanbieder").loc["Zorg Plus BV"]
    assert (zp["Toegewezen"], zp["Realisatiescore (%)"], zp["Resultaten"]) == ("12000,00", "70,0", "30")
    _, dfx = xlsx_tabel(bestand(downloads, "scorekaart-aanbieders", "xlsx"))
    assert dfx.set_index("Aanbieder").loc["Zorg Plus BV", "Toegewezen"] == 12000.0
    open_pagina(at, "app_pages/uitval.py")
    _, overstap = csv_tabel(bestand(downloads, "overstap-per-aanbieder", "csv"))
    assert overstap.set_index("Aanbieder").loc["Zorg Plus BV", "Aandeel overstap (%)"] == "13,0"  # not 13,04…


def test_benchmark_download_marks_the_suppressed_municipalities(omgeving: Omgeving, downloads) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/benchmark.py")
    at.selectbox(key="bm_indicator").select("clienten_per_1000").run()
    _, df = csv_tabel(bestand(downloads, "benchmark-cli-nten-per-1-000-inwoners", "csv"))
    zeist = df.set_index("Gemeente").loc["Zeist"]
    assert (zeist["Teller"], zeist["Noemer"], zeist["Waarde"]) == ("", "", "")
    assert "Waarde" in zeist["Onderdrukt"] and "hoger niveau" in zeist["Toelichting"]


# --- municipality restriction --------------------------------------------------------------------------------


def test_restricted_user_sees_only_own_municipality(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "utrecht"), "app_pages/overzicht.py")
    assert at.sidebar.multiselect(key="flt_gemeente").options == ["Utrecht"]
    kaart = tabel(at, "Aanbieder", "Zorg Plus BV")
    assert set(kaart["Aanbieder"]) == {"Zorg Plus BV"}
    assert metrics(at)["Klachten"] == "12"  # Zeist's 2 complaints are not counted
    open_pagina(at, "app_pages/benchmark.py")
    for df in at.dataframe:
        assert not df.value.isin(["Zeist", "De Bilt"]).any().any()
    bench = tabel(at, "Gemeente", "Utrecht")
    assert set(bench["Gemeente"]) == {"Utrecht"}
    assert metrics(at)["Regiowaarde"] != "–"  # the region value stands above, as a tile


def test_restricted_user_small_municipality_is_suppressed(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "zeist"), "app_pages/doelrealisatie.py")
    assert metrics(at)["Geëvalueerde resultaten"] == ONDERDRUKT
    assert metrics(at)["Realisatiescore"] == ONDERDRUKT
    for df in at.dataframe:
        assert "Zorg Plus BV" not in df.value.to_numpy()


# --- controller, accountability, data steward ----------------------------------------------------------------


def test_controller_lawfulness_detail_unsuppressed(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "controller"), "app_pages/rechtmatigheid.py")
    detail = tabel(at, "Cliëntpseudoniem", "c01")
    assert {"Toewijzingnummer", "Toelichting"} <= set(detail.columns)
    assert len(detail) == 4
    per = tabel(at, "Signaal", "RM02 Buiten periode")
    assert per.loc[per["Signaal"] == "RM02 Buiten periode", "Regels"].iloc[0] == 1  # below 10, still shown
    aandeel = tabel(
        at, "Aandeel met signaal (%)", 10.0
    )  # Zorg Plus: € 100 of € 1.000 approved carries a signal
    assert aandeel["Goedgekeurd"].max() == pytest.approx(1000.0)


def test_contractmanager_never_sees_pseudonyms(omgeving: Omgeving) -> None:
    at = login(omgeving, "contractmanager")
    for bestand in pagina_bestanden("contractmanager"):
        open_pagina(at, bestand)
        for df in at.dataframe:
            assert "Cliëntpseudoniem" not in df.value.columns
            assert not df.value.isin(["c01", "z01"]).any().any()


def test_verantwoording_status_and_reminders(omgeving: Omgeving) -> None:
    at = login(omgeving, "verantwoording")
    m = metrics(at)
    assert (m["Akkoord"], m["Ontbreekt"], m["Te laat"]) == ("1", "1", "1")
    herinneringen = tabel(at, "Actie", "Productieverantwoording ontbreekt (deadline 1 maart): rappelleren.")
    assert set(herinneringen["Aanbieder"]) == {"Thuishulp Midden", "Kleine Stap"}
    recon = tabel(at, "Gemeente", "De Bilt")
    assert recon.loc[recon["Gemeente"] == "De Bilt", "Verschil"].iloc[0] == pytest.approx(200.0)


def test_datakwaliteit_dutch_reasons(omgeving: Omgeving) -> None:
    at = login(omgeving, "beheerder")
    m = metrics(at)
    assert (m["Bestanden"], m["Geladen"], m["Duplicaat"], m["Quarantaine"]) == ("5", "3", "1", "1")
    redenen = tabel(at, "Code", "XML_NIET_WELGEVORMD")
    assert "Geen welgevormde XML" in set(redenen["Reden"])
    [detail] = [df.value for df in at.dataframe if "Technische details" in df.value.columns]
    kapot = detail.loc[detail["Pad"] == "iwmo/kapot.xml"].iloc[0]
    assert kapot["Melding"].startswith("Het bestand is geen welgevormde XML (regel 3).")
    assert kapot["Technische details"].startswith("XMLSyntaxError: "), (
        "parser text apart from the Dutch melding"
    )
    runs = tabel(at, "Run", "run-1")
    assert runs.loc[runs["Run"] == "run-0", "Melding"].iloc[0].startswith("dbt-test")


def audit_tabel(at: AppTest) -> pd.DataFrame:
    [frame] = [
        df.value for df in at.dataframe if {"Tijdstip", "Gebruiker", "Gebeurtenis"} <= set(df.value.columns)
    ]
    return frame


def test_beheerder_sees_the_audit_log_with_the_own_login(omgeving: Omgeving) -> None:
    login(
        omgeving, "indringer", "fout-wachtwoord"
    )  # a failed login to filter on (not a real user: no lockout)
    at = login(omgeving, "beheerder")
    assert [t.value for t in at.title] == ["Datakwaliteit"]
    assert "Auditlog dashboard" in [h.value for h in at.subheader]
    frame = audit_tabel(at)
    assert list(frame.columns) == ["Tijdstip", "Gebruiker", "Gebeurtenis", "Detail"]
    nieuwste = frame.iloc[0]
    assert (nieuwste["Gebruiker"], nieuwste["Gebeurtenis"]) == ("beheerder", "Ingelogd")
    assert "rol: beheerder" in nieuwste["Detail"]
    assert "fout-wachtwoord" not in frame.to_string()
    assert [k.label for k in at.get("download_button")][-2:] == ["CSV", "Excel"]
    at.multiselect(key="audit_gebeurtenis").select("login_mislukt").run()
    assert not at.exception
    gefilterd = audit_tabel(at)
    assert set(gefilterd["Gebeurtenis"]) == {"Inloggen mislukt"}
    assert "indringer" in set(gefilterd["Gebruiker"])


def test_contractmanager_cannot_see_the_audit_log(omgeving: Omgeving) -> None:
    at = login(omgeving, "contractmanager")
    for bestand in pagina_bestanden("contractmanager"):
        open_pagina(at, bestand)
        assert "Auditlog dashboard" not in [h.value for h in at.subheader]
        assert not any("Gebeurtenis" in df.value.columns for df in at.dataframe)
    with pytest.raises(ValueError):
        at.switch_page("app_pages/datakwaliteit.py")


# --- exports and robustness ----------------------------------------------------------------------------------


def test_export_is_logged(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/uitval.py")
    voor = len(audit_regels(omgeving))
    knoppen = at.get("download_button")
    assert [k.label for k in knoppen][:2] == ["CSV", "Excel"]
    knoppen[1].click().run()
    regel = audit_regels(omgeving)[voor:][-1]
    assert (regel["gebeurtenis"], regel["formaat"], regel["tabel"]) == (
        "export",
        "xlsx",
        "Uitval per aanbieder",
    )
    assert regel["gebruikersnaam"] == "contractmanager"


BOOS = '=HYPERLINK("http://evil.example/","klik")'


def test_no_download_holds_a_live_formula(omgeving: Omgeving, downloads, tmp_path, monkeypatch) -> None:
    """Issue 24: a provider name from a workbook and a user name typed into the login form, with no account, reach
    the downloads only as text: Klachten and Verantwoording for the name, the beheerder's audit log for the user."""
    kopie = tmp_path / "warehouse.duckdb"
    shutil.copy(omgeving.warehouse, kopie)
    with duckdb.connect(str(kopie)) as con:
        con.execute(
            "UPDATE marts.dim_aanbieder SET aanbieder_naam = ? WHERE aanbieder_agb = ?", [BOOS, ZORGPLUS]
        )
    monkeypatch.setenv("WMO_WAREHOUSE", str(kopie))
    login(omgeving, "=cmd|' /C calc'!A0", "wat-dan-ook")  # a failed login is logged with the typed name
    login(omgeving, BOOS, "wat-dan-ook")
    gezien: list[tuple[str, bytes]] = []
    for rol, pagina in (
        ("contractmanager", "app_pages/klachten.py"),
        ("verantwoording", "app_pages/verantwoording.py"),
        ("beheerder", "app_pages/datakwaliteit.py"),
    ):
        downloads.clear()
        open_pagina(login(omgeving, rol), pagina)
        gezien += [(n, d() if callable(d) else d) for n, d in downloads.items()]
    namen = [n for n, _ in gezien]
    assert any(n.startswith("wmo-auditlog-dashboard-") for n in namen), namen
    teksten = []
    for naam, data in gezien:
        if naam.endswith(".xlsx"):
            _, df = xlsx_tabel(data)  # asserts that no cell is a formula
        else:
            _, df = csv_tabel(data)
            for cel in df.to_numpy().ravel():
                assert not str(cel).startswith(FORMULE_BEGIN), (naam, cel)
        teksten += [str(v) for v in df.to_numpy().ravel()]
    assert "'" + BOOS in teksten  # the provider name and the typed user name, as text
    assert "'=cmd|' /C calc'!A0" in teksten


def test_missing_table_shows_friendly_message(omgeving: Omgeving, tmp_path, monkeypatch) -> None:
    import shutil

    import duckdb

    kopie = tmp_path / "warehouse.duckdb"
    shutil.copy(omgeving.warehouse, kopie)
    with duckdb.connect(str(kopie)) as con:
        con.execute("DROP TABLE marts.kpi_klachten")
    monkeypatch.setenv("WMO_WAREHOUSE", str(kopie))
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/klachten.py")
    assert any("marts.kpi_klachten" in i.value for i in at.info)
    open_pagina(at, "app_pages/overzicht.py")
    assert metrics(at)["Klachten"] == "–"


def test_missing_warehouse_shows_warning(omgeving: Omgeving, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WMO_WAREHOUSE", str(tmp_path / "bestaat-niet.duckdb"))
    monkeypatch.setenv("WMO_USERS_FILE", str(omgeving.users_file))
    at = login(omgeving, "contractmanager")
    assert any("nog geen gepubliceerde warehouse" in w.value for w in [*at.warning, *at.info])


def test_controller_sees_money_at_risk_and_each_signal_explained(omgeving: Omgeving) -> None:
    """Approved: Zorg Plus € 1.000 (P1 of € 100 carries RM02 and RM10), Thuishulp € 100 (Q1, RM07): € 200 of
    € 1.100 at risk, each line once although P1 has two signals."""
    at = open_pagina(login(omgeving, "controller"), "app_pages/rechtmatigheid.py")
    m = metrics(at)
    assert (m["Goedgekeurd"], m["Waarvan met een signaal"], m["Aandeel in risico"]) == (
        "€ 1.100,00",
        "€ 200,00",
        "18,2 %",
    )
    per_signaal = tabel(at, "Code", "RM07").set_index("Code")
    assert per_signaal.loc["RM07", "Signaal"] == "Tarief afwijkend"
    assert per_signaal.loc["RM07", "Uitleg"].startswith("Het tarief wijkt af")
    assert per_signaal.loc["RM02", "Bedrag"] == pytest.approx(100.0)


def test_policy_advisor_sees_demand_waiting_list_and_results_per_area(omgeving: Omgeving) -> None:
    """The module docstring's K1 and K4 numbers, now per area and product: the 12 starts (7 on time, median 6,5
    days) are Begeleiding; the 30 results with score 70,0 % are in Binnenstad. Demand: De Bilt 12 clients of
    43.000 inhabitants; Zeist's clients are below 10."""
    at = open_pagina(login(omgeving, "beleid"), "app_pages/gebieden.py")
    assert not at.error, [e.value for e in at.error]
    vraag = tabel(at, "Gemeente", "De Bilt").set_index("Gemeente")
    assert vraag.loc["De Bilt", "Cliënten"] == "12"
    assert vraag.loc["De Bilt", "Per 1.000 inwoners"] == pytest.approx(12 / 43_000 * 1000)
    assert vraag.loc["Zeist", "Cliënten"] == "onderdrukt"
    product = tabel(at, "Productcategorie", "Begeleiding").set_index("Productcategorie")
    assert product.loc["Begeleiding", "Gestart"] == "12"
    assert product.loc["Begeleiding", "Mediaan dagen tot start"] == pytest.approx(6.5)
    assert product.loc["Begeleiding", "Tijdig gestart (%)"] == pytest.approx(700 / 12)
    doelen = tabel(at, "Resultaten", "30").set_index("Wijk")
    assert doelen.loc["Binnenstad", "Realisatiescore (%)"] == pytest.approx(70.0)
    for df in at.dataframe:
        assert "Cliëntpseudoniem" not in df.value.columns
