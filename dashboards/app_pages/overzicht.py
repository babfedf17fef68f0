"""Overzicht: the headline KPIs and a scorecard per provider for the chosen year."""

from functools import reduce

import pandas as pd
import streamlit as st

from dashboards import db, kpi, ui
from dashboards.suppression import Totaal
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
# K4's columns get a prefix here: its `tijdig` and medians would clash with other KPIs in one row
START = {
    "gestart": "start_gestart",
    "beoordeeld": "start_n",
    "tijdig": "start_tijdig",
    "pct_tijdig": "pct_tijdig_gestart",
    "mediaan_dagen": "start_mediaan_dagen",
    "p90_dagen": "start_p90_dagen",
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

KPIS = {
    "k1": (kpi.doelrealisatie, kpi.K1),
    "k2": (kpi.tevredenheid, kpi.K2),
    "k3": (kpi.uitval, kpi.K3),
    "k4": (lambda f, groep=(): kpi.start(f, groep).rename(columns=START), kpi.K4_START.hernoemd(START)),
    "k6": (kpi.budget, kpi.K6),
    "k7": (kpi.klachten, kpi.K7),
}
gekozen = [KPIS[k] for k in aanwezig]
regels = reduce(lambda a, b: a | b, (r for _, r in gekozen))
# One row with every KPI's totals (the tiles) and one row per provider (the scorecard), suppressed as on the KPI's
# own page: the provider rows against the totals.
totaal = ui.onderdruk(pd.concat([q(f).reset_index(drop=True) for q, _ in gekozen], axis=1), regels)
kaart_df = reduce(
    lambda a, b: a.merge(b, on="aanbieder_agb", how="outer"), (q(f, ["aanbieder_agb"]) for q, _ in gekozen)
)
kaart = ui.onderdruk(ui.met_namen(kaart_df).sort_values("aanbieder"), regels, totalen=[Totaal(totaal)])

cols = st.columns(6)
ui.tegel(
    cols[0],
    "Realisatiescore",
    totaal,
    "realisatiescore",
    "pct",
    help="K1: (behaald + ½ × deels behaald) / alle geëvalueerde resultaten",
)
ui.tegel(
    cols[1],
    "Gemiddeld cijfer",
    totaal,
    "gemiddeld_cijfer",
    "getal1",
    help="K2: gemiddeld rapportcijfer (1–10) van de cliënten",
)
ui.tegel(cols[2], "Uitval", totaal, "uitval_pct", "pct", help="K3: uitval / (volgens plan + uitval)")
ui.tegel(
    cols[3],
    "Tijdig gestart",
    totaal,
    "pct_tijdig_gestart",
    "pct",
    help="K4: gestart binnen 5 werkdagen na toewijzing",
)
ui.tegel(
    cols[4],
    "Budgetuitputting",
    totaal,
    "uitputting_pct",
    "pct",
    help="K6: goedgekeurd / toegewezen bedrag (toewijzingen met bekend bedrag)",
)
ui.tegel(cols[5], "Klachten", totaal, "klachten", help="K7: aantal ontvangen klachten")

st.subheader("Scorekaart per aanbieder")
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
)
