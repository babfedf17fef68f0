"""Overzicht: the headline KPIs and a scorecard per provider for the chosen year."""

import pandas as pd
import streamlit as st

from dashboards import db, kpi, ui
from dashboards.ui import Kolom

ui.pagina(
    "Overzicht",
    ui.KPI_ROLLEN,
    "De belangrijkste KPI's per aanbieder in één oogopslag. Kies een jaar en eventueel gemeenten, aanbieders of wijken "
    "in de zijbalk; de detailpagina's geven de uitsplitsingen.",
)

BRONNEN = {
    "k1": "marts.kpi_doelrealisatie",
    "k2": "marts.kpi_tevredenheid",
    "k3": "marts.kpi_uitval",
    "k4": "marts.fct_toewijzingen",
    "k6": "marts.fct_budget_jaar",
    "k7": "marts.kpi_klachten",
}
aanwezig = {k: t for k, t in BRONNEN.items() if db.heeft_tabel(t)}
if not aanwezig:
    ui.vereist(*BRONNEN.values())
    st.stop()

jaar_sql = " UNION ".join(
    f"SELECT DISTINCT {kpi.START_JAAR if k == 'k4' else 'jaar'} AS jaar FROM {t}" for k, t in aanwezig.items()
)
f = ui.filters(
    ui.jaren(jaar_sql), niet_van_toepassing="Klachten kennen geen wijk; het wijkfilter geldt daar niet."
)

groep = ["aanbieder_agb"]
delen: list[pd.DataFrame] = []
totaal: dict[str, pd.DataFrame] = {}
if "k1" in aanwezig:
    delen.append(kpi.doelrealisatie(f, groep)[["aanbieder_agb", "aantal", "realisatiescore"]])
    totaal["k1"] = kpi.doelrealisatie(f)
if "k2" in aanwezig:
    delen.append(kpi.tevredenheid(f, groep)[["aanbieder_agb", "respondenten", "gemiddeld_cijfer"]])
    totaal["k2"] = kpi.tevredenheid(f)
if "k3" in aanwezig:
    delen.append(kpi.uitval(f, groep)[["aanbieder_agb", "afgesloten", "uitval_pct", "overstap"]])
    totaal["k3"] = kpi.uitval(f)
if "k4" in aanwezig:
    delen.append(
        kpi.start(f, groep)[["aanbieder_agb", "beoordeeld", "pct_tijdig"]].rename(
            columns={"beoordeeld": "start_n", "pct_tijdig": "pct_tijdig_gestart"}
        )
    )
    totaal["k4"] = kpi.start(f)
if "k6" in aanwezig:
    delen.append(
        kpi.budget(f, groep)[["aanbieder_agb", "toegewezen", "goedgekeurd", "bekend", "uitputting_pct"]]
    )
    totaal["k6"] = kpi.budget(f)
if "k7" in aanwezig:
    delen.append(kpi.klachten(f, groep)[["aanbieder_agb", "klachten"]])
    totaal["k7"] = kpi.klachten(f)


def _rij(key: str) -> pd.Series | None:
    df = totaal.get(key)
    return None if df is None or df.empty else df.iloc[0]


def _paar(key: str, teller: str, noemer: str) -> tuple[object, object]:
    r = _rij(key)
    if r is None:
        return None, None
    t = r["behaald"] + 0.5 * r["deels"] if teller == "score" else r[teller]
    return t, r[noemer]


cols = st.columns(6)
ui.metric_ratio(
    cols[0],
    "Realisatiescore",
    *_paar("k1", "score", "aantal"),
    help="K1: (behaald + ½ × deels behaald) / alle geëvalueerde resultaten",
)
ui.metric_ratio(
    cols[1],
    "Gemiddeld cijfer",
    *_paar("k2", "som_cijfer", "respondenten"),
    soort="getal",
    help="K2: gemiddeld rapportcijfer (1–10) van de cliënten",
)
ui.metric_ratio(
    cols[2], "Uitval", *_paar("k3", "uitval", "afgesloten"), help="K3: uitval / (volgens plan + uitval)"
)
ui.metric_ratio(
    cols[3],
    "Tijdig gestart",
    *_paar("k4", "tijdig", "beoordeeld"),
    help="K4: gestart binnen 5 werkdagen na toewijzing",
)
ui.metric_ratio(
    cols[4],
    "Budgetuitputting",
    *_paar("k6", "goedgekeurd_bekend", "toegewezen"),
    n=_rij("k6")["bekend"] if _rij("k6") is not None else None,
    help="K6: goedgekeurd / toegewezen bedrag (toewijzingen met bekend bedrag)",
)
r = _rij("k7")
ui.metric_aantal(
    cols[5], "Klachten", r["klachten"] if r is not None else None, help="K7: aantal ontvangen klachten"
)

st.subheader("Scorekaart per aanbieder")
if delen:
    kaart = delen[0]
    for d in delen[1:]:
        kaart = kaart.merge(d, on="aanbieder_agb", how="outer")
    kaart = ui.met_namen(kaart).sort_values("aanbieder")
    ui.tabel(
        kaart,
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("aanbieder_agb", "AGB-code"),
            Kolom("aantal", "Resultaten", "aantal"),
            Kolom("realisatiescore", "Realisatiescore (%)", "pct"),
            Kolom("respondenten", "Respondenten", "aantal"),
            Kolom("gemiddeld_cijfer", "Gem. cijfer", "getal1"),
            Kolom("afgesloten", "Afgesloten trajecten", "aantal"),
            Kolom("uitval_pct", "Uitval (%)", "pct"),
            Kolom("overstap", "Overstap (38)", "aantal"),
            Kolom("start_n", "Starts", "aantal"),
            Kolom("pct_tijdig_gestart", "Tijdig gestart (%)", "pct"),
            Kolom("toegewezen", "Toegewezen", "euro_cent"),
            Kolom("goedgekeurd", "Goedgekeurd", "euro_cent"),
            Kolom("uitputting_pct", "Uitputting (%)", "pct"),
            Kolom("klachten", "Klachten", "aantal"),
        ],
        naam="Scorekaart aanbieders",
        aantallen=["aantal", "respondenten", "afgesloten", "overstap", "start_n", "klachten"],
        ratios={
            "realisatiescore": "aantal",
            "gemiddeld_cijfer": "respondenten",
            "uitval_pct": "afgesloten",
            "pct_tijdig_gestart": "start_n",
            "uitputting_pct": "bekend",
        },
    )
