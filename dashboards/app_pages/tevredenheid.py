"""K2 Tevredenheid: client satisfaction per provider."""

import streamlit as st

from dashboards import kpi, suppression, ui
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
    AANTALLEN = ["respondenten", "beeindigd"]
    RATIOS = {"gemiddeld_cijfer": "respondenten", "pct_voldoende": "respondenten", "respons_pct": "beeindigd"}

    r = kpi.tevredenheid(f).iloc[0]
    c = st.columns(4)
    ui.metric_aantal(c[0], "Respondenten", r["respondenten"])
    ui.metric_ratio(c[1], "Gemiddeld cijfer", r["som_cijfer"], r["respondenten"], soort="getal")
    ui.metric_ratio(c[2], "Voldoende (6+)", r["voldoende"], r["respondenten"])
    ui.metric_ratio(c[3], "Respons", r["respondenten"], r["beeindigd"])

    st.subheader("Per aanbieder")
    per_a = ui.met_namen(kpi.tevredenheid(f, ["aanbieder_agb"])).sort_values("aanbieder")
    onderdrukt = suppression.suppress_frame(per_a, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    ui.staafdiagram(
        onderdrukt,
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
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )

    st.subheader("Per wijk")
    per_w = ui.met_namen(kpi.tevredenheid(f, ["gemeentecode", "wijkcode"])).sort_values(["gemeente", "wijk"])
    ui.tabel(
        per_w,
        [Kolom("gemeente", "Gemeente"), Kolom("wijk", "Wijk"), *KOL],
        naam="Tevredenheid per wijk",
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )

    st.subheader("Ontwikkeling door de jaren")
    trend = kpi.tevredenheid(kpi.zonder_jaar(f), ["jaar"])
    trend = suppression.suppress_frame(trend, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    ui.trendlijn(trend, "gemiddeld_cijfer", titel="Gemiddeld cijfer per jaar", as_titel="Gemiddeld cijfer")
