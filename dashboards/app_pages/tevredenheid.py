"""K2 Tevredenheid: client satisfaction per provider."""

import streamlit as st

from dashboards import kpi, ui
from dashboards.suppression import Totaal
from dashboards.ui import Kolom

ui.pagina(
    "Tevredenheid",
    ui.KPI_ROLLEN,
    "K2 · Rapportcijfers (1–10) van cliënten uit de productieverantwoording (jaar = boekjaar). Voldoende = cijfer 6 of "
    "hoger; respons = respondenten / toewijzingen met een definitieve stop in het jaar.",
)

if ui.vereist("marts.kpi_tevredenheid"):
    f = ui.filters(ui.jaren("SELECT DISTINCT jaar FROM marts.kpi_tevredenheid"))
    KOL = [
        Kolom("respondenten", "Respondenten", "aantal"),
        Kolom("gemiddeld_cijfer", "Gemiddeld cijfer", "getal1"),
        Kolom("pct_voldoende", "Voldoende (%)", "pct"),
        Kolom("beeindigd", "Beëindigde toewijzingen", "aantal"),
        Kolom("respons_pct", "Respons (%)", "pct"),
    ]

    totaal = ui.onderdruk(kpi.tevredenheid(f), kpi.K2)
    c = st.columns(4)
    ui.tegel(c[0], "Respondenten", totaal, "respondenten")
    ui.tegel(c[1], "Gemiddeld cijfer", totaal, "gemiddeld_cijfer", "getal1")
    ui.tegel(c[2], "Voldoende (6+)", totaal, "pct_voldoende", "pct")
    ui.tegel(c[3], "Respons", totaal, "respons_pct", "pct")

    st.subheader("Per aanbieder")
    per_a = ui.onderdruk(
        ui.met_namen(kpi.tevredenheid(f, ["aanbieder_agb"])).sort_values("aanbieder"),
        kpi.K2,
        totalen=[Totaal(totaal)],
    )
    ui.staafdiagram(
        per_a.frame,
        "aanbieder",
        "gemiddeld_cijfer",
        titel="Gemiddeld cijfer per aanbieder",
        as_titel="Gemiddeld cijfer",
        formaat=",.1f",
    )
    ui.tabel(
        per_a,
        [Kolom("aanbieder", "Aanbieder"), Kolom("aanbieder_agb", "AGB-code"), *KOL],
        naam="Tevredenheid per aanbieder",
    )

    st.subheader("Per wijk")
    per_w = ui.onderdruk(
        ui.met_namen(kpi.tevredenheid(f, ["gemeentecode", "wijkcode"])).sort_values(["gemeente", "wijk"]),
        kpi.K2,
        totalen=[Totaal(totaal)],
    )
    ui.tabel(
        per_w,
        [Kolom("gemeente", "Gemeente"), Kolom("wijk", "Wijk"), *KOL],
        naam="Tevredenheid per wijk",
    )

    st.subheader("Ontwikkeling door de jaren")
    trend_df = kpi.tevredenheid(kpi.zonder_jaar(f), ["jaar"])
    trend = ui.onderdruk(trend_df, kpi.K2, totalen=[Totaal(totaal, rijen=trend_df["jaar"] == f.jaar)])
    ui.trendlijn(
        trend.frame, "gemiddeld_cijfer", titel="Gemiddeld cijfer per jaar", as_titel="Gemiddeld cijfer"
    )
