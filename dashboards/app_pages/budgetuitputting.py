"""K6 Budgetuitputting: assigned versus declared and approved amounts."""

import streamlit as st

from dashboards import formatting, kpi, suppression, ui
from dashboards.ui import Kolom

ui.pagina(
    "Budgetuitputting",
    ui.KPI_ROLLEN,
    "K6 · Toegewezen bedrag per kalenderjaar (naar rato van de geldigheid) tegenover ingediende en goedgekeurde "
    "declaraties. Uitputting = goedgekeurd / toegewezen, alleen over toewijzingen met een bekend bedrag; "
    "declaraties zonder antwoord (325) tellen als ‘in behandeling’.",
)

OPMERKINGEN = {
    "tarief_onbekend": "Geen passend tarief bekend",
    "budget_zonder_einddatum": "Budget zonder einddatum",
    "totaal_zonder_einddatum": "Totaalvolume zonder einddatum",
}
KOL = [
    Kolom("toewijzingen", "Toewijzingen", "aantal"),
    Kolom("toegewezen", "Toegewezen", "euro_cent"),
    Kolom("ingediend", "Ingediend", "euro_cent"),
    Kolom("goedgekeurd", "Goedgekeurd", "euro_cent"),
    Kolom("in_behandeling", "In behandeling", "euro_cent"),
    Kolom("uitputting_pct", "Uitputting (%)", "pct"),
    Kolom("onbekend", "Bedrag onbekend (toewijzingen)", "aantal"),
]
AANTALLEN = ["toewijzingen", "onbekend"]
RATIOS = {"uitputting_pct": "bekend"}

if ui.vereist("marts.fct_budget_jaar"):
    f = ui.filters(ui.jaren("SELECT DISTINCT jaar FROM marts.fct_budget_jaar"))
    r = kpi.budget(f).iloc[0]
    c = st.columns(4)
    c[0].metric(
        "Toegewezen",
        formatting.euro_kort(r["toegewezen"], cent=True),
        help=formatting.euro(r["toegewezen"], cent=True),
    )
    c[1].metric(
        "Goedgekeurd",
        formatting.euro_kort(r["goedgekeurd"], cent=True),
        help=formatting.euro(r["goedgekeurd"], cent=True),
    )
    ui.metric_ratio(
        c[2],
        "Uitputting",
        r["goedgekeurd_bekend"],
        r["toegewezen"],
        n=r["bekend"],
        help="Goedgekeurd / toegewezen, over toewijzingen met een bekend bedrag",
    )
    c[3].metric(
        "In behandeling",
        formatting.euro_kort(r["in_behandeling"], cent=True),
        help=formatting.euro(r["in_behandeling"], cent=True),
    )

    st.subheader("Per aanbieder")
    per_a = ui.met_namen(kpi.budget(f, ["aanbieder_agb"])).sort_values("aanbieder")
    onderdrukt = suppression.suppress_frame(per_a, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    ui.staafdiagram(
        onderdrukt,
        "aanbieder",
        "uitputting_pct",
        titel="Budgetuitputting per aanbieder",
        as_titel="Uitputting",
        formaat=".0%",
        referentie=1.0,
    )
    ui.tabel(
        per_a,
        [Kolom("aanbieder", "Aanbieder"), *KOL],
        naam="Budgetuitputting per aanbieder",
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )

    st.subheader("Per aanbieder en productcategorie")
    per_pc = ui.met_namen(kpi.budget(f, ["aanbieder_agb", "productcategorie"])).sort_values(
        ["aanbieder", "productcategorie"]
    )
    ui.tabel(
        per_pc,
        [Kolom("aanbieder", "Aanbieder"), Kolom("productcategorie", "Productcategorie"), *KOL],
        naam="Budgetuitputting per productcategorie",
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )

    st.subheader("Toewijzingen met onbekend bedrag")
    st.caption("Deze toewijzingen tellen niet mee in de uitputting; de reden staat erbij.")
    onbekend = kpi.agg(
        "marts.fct_budget_jaar",
        "count(*) AS toewijzingen, sum(goedgekeurd_bedrag_cent) AS goedgekeurd",
        f,
        ["aanbieder_agb", "opmerking"],
        extra=("toegewezen_bedrag_cent IS NULL",),
    )
    onbekend["reden"] = onbekend["opmerking"].map(lambda o: OPMERKINGEN.get(o, o))
    ui.tabel(
        ui.met_namen(onbekend) if not onbekend.empty else onbekend,
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("reden", "Reden"),
            Kolom("toewijzingen", "Toewijzingen", "aantal"),
            Kolom("goedgekeurd", "Goedgekeurd", "euro_cent"),
        ],
        naam="Toewijzingen met onbekend bedrag",
        aantallen=["toewijzingen"],
    )

    st.subheader("Ontwikkeling door de jaren")
    trend = kpi.budget(kpi.zonder_jaar(f), ["jaar"])
    trend = suppression.suppress_frame(trend, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    ui.trendlijn(
        trend, "uitputting_pct", titel="Budgetuitputting per jaar", as_titel="Uitputting", formaat=".0%"
    )
