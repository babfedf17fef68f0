"""K6 Budgetuitputting: assigned versus declared and approved amounts."""

import streamlit as st

from dashboards import kpi, ui
from dashboards.suppression import Totaal
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

if ui.vereist("marts.fct_budget_jaar"):
    f = ui.filters(ui.jaren("SELECT DISTINCT jaar FROM marts.fct_budget_jaar"))
    totaal = ui.onderdruk(kpi.budget(f), kpi.K6)
    c = st.columns(4)
    ui.tegel(c[0], "Toegewezen", totaal, "toegewezen", "euro_kort")
    ui.tegel(c[1], "Goedgekeurd", totaal, "goedgekeurd", "euro_kort")
    ui.tegel(
        c[2],
        "Uitputting",
        totaal,
        "uitputting_pct",
        "pct",
        help="Goedgekeurd / toegewezen, over toewijzingen met een bekend bedrag",
    )
    ui.tegel(c[3], "In behandeling", totaal, "in_behandeling", "euro_kort")

    st.subheader("Per aanbieder")
    per_a = ui.onderdruk(
        ui.met_namen(kpi.budget(f, ["aanbieder_agb"])).sort_values("aanbieder"),
        kpi.K6,
        totalen=[Totaal(totaal)],
    )
    ui.staafdiagram(
        per_a.frame,
        "aanbieder",
        "uitputting_pct",
        titel="Budgetuitputting per aanbieder",
        as_titel="Uitputting",
        formaat=".0%",
        referentie=1.0,
    )
    ui.tabel(per_a, [Kolom("aanbieder", "Aanbieder"), *KOL], naam="Budgetuitputting per aanbieder")

    st.subheader("Per aanbieder en productcategorie")
    per_pc = ui.met_namen(kpi.budget(f, ["aanbieder_agb", "productcategorie"])).sort_values(
        ["aanbieder", "productcategorie"]
    )
    ui.tabel(
        ui.onderdruk(per_pc, kpi.K6, totalen=[Totaal(per_a, per=["aanbieder_agb"])]),
        [Kolom("aanbieder", "Aanbieder"), Kolom("productcategorie", "Productcategorie"), *KOL],
        naam="Budgetuitputting per productcategorie",
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
        ui.onderdruk(
            ui.met_namen(onbekend) if not onbekend.empty else onbekend,
            kpi.K6_ONBEKEND,
            # per provider, these rows add up to its assignments and approved money without a known amount
            totalen=[
                Totaal(
                    per_a,
                    {"toewijzingen": "onbekend", "goedgekeurd": "goedgekeurd_onbekend"},
                    per=["aanbieder_agb"],
                )
            ],
        ),
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("reden", "Reden"),
            Kolom("toewijzingen", "Toewijzingen", "aantal"),
            Kolom("goedgekeurd", "Goedgekeurd", "euro_cent"),
        ],
        naam="Toewijzingen met onbekend bedrag",
    )

    st.subheader("Ontwikkeling door de jaren")
    trend_df = kpi.budget(kpi.zonder_jaar(f), ["jaar"])
    trend = ui.onderdruk(trend_df, kpi.K6, totalen=[Totaal(totaal, rijen=trend_df["jaar"] == f.jaar)])
    ui.trendlijn(
        trend.frame, "uitputting_pct", titel="Budgetuitputting per jaar", as_titel="Uitputting", formaat=".0%"
    )
