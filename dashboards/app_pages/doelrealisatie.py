"""K1 Doelrealisatie: goal realisation by deelresultaat × inschatting vooraf, per provider and over the years."""

import altair as alt
import streamlit as st

from dashboards import db, kpi, ui
from dashboards.suppression import Totaal
from dashboards.ui import Kolom

ui.pagina(
    "Doelrealisatie",
    ui.KPI_ROLLEN,
    "K1 · Behaalde resultaten uit de productieverantwoording (jaar = boekjaar). Realisatiescore = (behaald + ½ × deels "
    "behaald) / alle geëvalueerde resultaten. Let op de inschatting vooraf: een behaalde ‘stabilisatie’ is iets "
    "anders dan een behaalde ‘volledig zelfredzaam’.",
)

if ui.vereist("marts.kpi_doelrealisatie"):
    f = ui.filters(ui.jaren("SELECT DISTINCT jaar FROM marts.kpi_doelrealisatie"))
    KOL = [
        Kolom("aantal", "Resultaten", "aantal"),
        Kolom("behaald", "Behaald", "aantal"),
        Kolom("deels", "Deels behaald", "aantal"),
        Kolom("niet", "Niet behaald", "aantal"),
        Kolom("pct_behaald", "Behaald (%)", "pct"),
        Kolom("realisatiescore", "Realisatiescore (%)", "pct"),
    ]

    # Suppressed top-down: the tiles, then the year trend (its rows of this year add up to the tiles), then every
    # table against what it adds up to, so nothing can be recovered as a total minus the other rows.
    totaal = ui.onderdruk(kpi.doelrealisatie(f), kpi.K1)
    c = st.columns(3)
    ui.tegel(c[0], "Geëvalueerde resultaten", totaal, "aantal")
    ui.tegel(c[1], "Behaald", totaal, "pct_behaald", "pct")
    ui.tegel(c[2], "Realisatiescore", totaal, "realisatiescore", "pct")
    trend_df = kpi.doelrealisatie(kpi.zonder_jaar(f), ["jaar", "inschatting_vooraf"])
    trend = ui.onderdruk(trend_df, kpi.K1, totalen=[Totaal(totaal, rijen=trend_df["jaar"] == f.jaar)])

    st.subheader("Per deelresultaat en inschatting vooraf")
    per_dr = kpi.doelrealisatie(f, ["deelresultaat", "inschatting_vooraf"])
    if db.heeft_tabel("marts.dim_subresultaat"):
        namen = db.query("SELECT DISTINCT deelresultaat, deelresultaat_naam FROM marts.dim_subresultaat")
        per_dr = per_dr.merge(namen.drop_duplicates("deelresultaat"), on="deelresultaat", how="left")
    else:
        per_dr["deelresultaat_naam"] = None
    per_dr["deelresultaat_label"] = [
        f"{d} {n}" if isinstance(n, str) else str(d)
        for d, n in zip(per_dr["deelresultaat"], per_dr["deelresultaat_naam"], strict=True)
    ]
    per_dr["jaar"] = f.jaar
    dr = ui.onderdruk(
        per_dr, kpi.K1, totalen=[Totaal(totaal), Totaal(trend, per=["jaar", "inschatting_vooraf"])]
    )
    data = dr.frame[dr.frame["realisatiescore"].notna()]
    if not data.empty:
        ui.grafiek(
            alt.Chart(data, title="Realisatiescore per deelresultaat")
            .mark_bar()
            .encode(
                x=alt.X(
                    "realisatiescore:Q",
                    title="Realisatiescore",
                    axis=alt.Axis(format=".0%"),
                    scale=alt.Scale(domain=[0, 1]),
                ),
                y=alt.Y("deelresultaat_label:N", title=None),
                yOffset="inschatting_vooraf:N",
                color=alt.Color(
                    "inschatting_vooraf:N", title="Inschatting vooraf", legend=alt.Legend(orient="bottom")
                ),
                tooltip=[
                    alt.Tooltip("deelresultaat_label:N", title="Deelresultaat"),
                    alt.Tooltip("inschatting_vooraf:N", title="Inschatting vooraf"),
                    alt.Tooltip("realisatiescore:Q", title="Realisatiescore", format=".1%"),
                ],
            )
        )
    ui.tabel(
        dr,
        [
            Kolom("deelresultaat_label", "Deelresultaat"),
            Kolom("inschatting_vooraf", "Inschatting vooraf"),
            *KOL,
        ],
        naam="Doelrealisatie per deelresultaat",
    )

    st.subheader("Per aanbieder")
    per_a = ui.onderdruk(
        ui.met_namen(kpi.doelrealisatie(f, ["aanbieder_agb"])).sort_values("aanbieder"),
        kpi.K1,
        totalen=[Totaal(totaal)],
    )
    ui.staafdiagram(
        per_a.frame,
        "aanbieder",
        "realisatiescore",
        titel="Realisatiescore per aanbieder",
        as_titel="Realisatiescore",
        formaat=".0%",
        referentie=totaal.waarde("realisatiescore"),
    )
    ui.tabel(
        per_a,
        [Kolom("aanbieder", "Aanbieder"), Kolom("aanbieder_agb", "AGB-code"), *KOL],
        naam="Doelrealisatie per aanbieder",
    )

    st.subheader("Ontwikkeling door de jaren")
    ui.trendlijn(
        trend.frame,
        "realisatiescore",
        titel="Realisatiescore per jaar",
        as_titel="Realisatiescore",
        formaat=".0%",
        kleur="inschatting_vooraf",
    )
