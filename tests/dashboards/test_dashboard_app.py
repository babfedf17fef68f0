"""Streamlit AppTest tests: login, role-based pages, municipality restriction, suppression and hand-computed numbers.

Expected values come from the rows in `dashboard_warehouse.py` (jaar 2024 unless stated):
- K1 Zorg Plus: behaald 12+6=18, deels 4+2=6, aantal 30 → % behaald 60,0; realisatiescore (18+3)/30 = 70,0 %.
  Thuishulp: aantal 5 < 10 → suppressed. Total: (21+3,5)/35 = 70,0 %.
- K2 total: som 116 / 16 respondents = 7,25 → "7,3"; Thuishulp 4 respondents → suppressed.
- K3 Zorg Plus: uitval 5 / (15+5) = 25,0 %; overstap 3 → "<10".
- K4 start Zorg Plus: 12 started, 7 on time → 58,3 %; median of 1..12 = 6,5; p90 = 10,9.
- K6 total: (12×800 + 2×600) / (12×1000 + 2×500) = 83,1 %; the assignment without a tariff is left out.
- K7 total: 14 complaints / 18 active clients × 100 = 77,8.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd
import pytest
from dashboard_warehouse import APP
from streamlit.testing.v1 import AppTest

from dashboards.navigatie import PAGINAS, pagina_bestanden

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


def tabel(at: AppTest, kolom: str, waarde: object) -> pd.DataFrame:
    """The first dataframe on the page that has `kolom` and a row with `waarde` in it."""
    for df in at.dataframe:
        frame = df.value
        if kolom in frame.columns and (frame[kolom] == waarde).any():
            return frame
    raise AssertionError(f"geen tabel met {kolom} = {waarde!r}")


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


# --- numbers and suppression ---------------------------------------------------------------------------------


def test_overzicht_numbers(omgeving: Omgeving) -> None:
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
    assert math.isnan(kaart.loc["Thuishulp Midden", "Realisatiescore (%)"])  # 5 results < 10
    assert kaart.loc["Thuishulp Midden", "Resultaten"] == "<10"


def test_doelrealisatie_suppresses_small_cells(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/doelrealisatie.py")
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV").set_index("Aanbieder")
    assert per_a.loc["Zorg Plus BV", "Resultaten"] == "30"  # a column with suppressed cells is shown as text
    assert per_a.loc["Zorg Plus BV", "Behaald (%)"] == pytest.approx(60.0)
    assert per_a.loc["Zorg Plus BV", "Realisatiescore (%)"] == pytest.approx(70.0)
    thuishulp = per_a.loc["Thuishulp Midden"]
    assert list(thuishulp[["Resultaten", "Behaald", "Deels behaald", "Niet behaald"]]) == ["<10"] * 4
    assert thuishulp[["Behaald (%)", "Realisatiescore (%)"]].isna().all()
    assert "5" not in set(per_a["Resultaten"])
    assert any("onderdrukt" in c.value and "‘<10’" in c.value for c in at.caption)


def test_uitval_overstap_suppressed_and_ratio_shown(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/uitval.py")
    assert metrics(at)["Overstap (38)"] == "<10"
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV").set_index("Aanbieder")
    assert per_a.loc["Zorg Plus BV", "Uitval (%)"] == pytest.approx(25.0)
    assert per_a.loc["Zorg Plus BV", "Overstap (38)"] == "<10"


def test_wachttijden_medians(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/wachttijden.py")
    start = tabel(at, "Gestart", "12").set_index("Aanbieder").loc["Zorg Plus BV"]
    assert start["Tijdig gestart (%)"] == pytest.approx(700 / 12)
    assert start["Mediaan dagen"] == pytest.approx(6.5)
    assert start["P90 dagen"] == pytest.approx(10.9)
    wachtlijst = tabel(at, "Wachtenden", "<10")  # 3 assignments without a start on the peildatum
    assert list(wachtlijst["Aanbieder"]) == ["Thuishulp Midden", "Zorg Plus BV"] or "Zorg Plus BV" in set(
        wachtlijst["Aanbieder"]
    )


def test_klachten_per_100_clients(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/klachten.py")
    m = metrics(at)
    assert m["Per 100 cliënten"] == "77,8"
    assert m["Binnen 6 weken"] == "50,0 %"  # (4 + 2) / 12 handled
    per_a = tabel(at, "Aanbieder", "Zorg Plus BV").set_index("Aanbieder")
    assert per_a.loc["Zorg Plus BV", "Per 100 cliënten"] == pytest.approx(12 / 15 * 100)


def test_klachten_denominator_is_the_marts_active_clients(omgeving: Omgeving, tmp_path, monkeypatch) -> None:
    """The page divides by dbt's active clients (cut off at the definitive stop and the peildatum), not by its own
    count over fct_toewijzingen: with three of Zorg Plus' clients no longer active in the mart, the rate follows."""
    import shutil

    import duckdb

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
    assert per_a.loc["Zorg Plus BV", "Cliënten"] == "12"
    assert per_a.loc["Zorg Plus BV", "Per 100 cliënten"] == pytest.approx(100)


def test_money_is_dutch_formatted(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "contractmanager"), "app_pages/budgetuitputting.py")
    m = metrics(at)
    assert m["Toegewezen"] == "€ 13.000,00"
    assert m["Goedgekeurd"] == "€ 10.850,00"
    assert m["Uitputting"] == "83,1 %"


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
    assert set(bench["Gemeente"]) == {"Utrecht", "Regio (alle gemeenten)"}


def test_restricted_user_small_municipality_is_suppressed(omgeving: Omgeving) -> None:
    at = open_pagina(login(omgeving, "zeist"), "app_pages/doelrealisatie.py")
    assert metrics(at)["Geëvalueerde resultaten"] == "<10"
    assert metrics(at)["Realisatiescore"] == "–"
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
    assert vraag.loc["Zeist", "Cliënten"] == "<10"
    product = tabel(at, "Productcategorie", "Begeleiding").set_index("Productcategorie")
    assert product.loc["Begeleiding", "Gestart"] == "12"
    assert product.loc["Begeleiding", "Mediaan dagen tot start"] == pytest.approx(6.5)
    assert product.loc["Begeleiding", "Tijdig gestart (%)"] == pytest.approx(700 / 12)
    doelen = tabel(at, "Resultaten", "30").set_index("Wijk")
    assert doelen.loc["Binnenstad", "Realisatiescore (%)"] == pytest.approx(70.0)
    for df in at.dataframe:
        assert "Cliëntpseudoniem" not in df.value.columns
