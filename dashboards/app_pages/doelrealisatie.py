"""K1 Doelrealisatie: goal realisation by deelresultaat × inschatting vooraf, per provider and over the years."""

import altair as alt
import streamlit as st

from dashboards import db, kpi, suppression, ui
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
    AANTALLEN = ["aantal", "behaald", "deels", "niet"]
    RATIOS = {"pct_behaald": "aantal", "realisatiescore": "aantal"}

    totaal = kpi.doelrealisatie(f)
    c = st.columns(3)
    r = totaal.iloc[0]
    ui.metric_aantal(c[0], "Geëvalueerde resultaten", r["aantal"])
    ui.metric_ratio(c[1], "Behaald", r["behaald"], r["aantal"])
    ui.metric_ratio(c[2], "Realisatiescore", r["behaald"] + 0.5 * r["deels"], r["aantal"])

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
    onderdrukt = suppression.suppress_frame(per_dr, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    data = onderdrukt[onderdrukt["realisatiescore"].notna()]
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
        per_dr,
        [
            Kolom("deelresultaat_label", "Deelresultaat"),
            Kolom("inschatting_vooraf", "Inschatting vooraf"),
            *KOL,
        ],
        naam="Doelrealisatie per deelresultaat",
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )

    st.subheader("Per aanbieder")
    per_a = ui.met_namen(kpi.doelrealisatie(f, ["aanbieder_agb"]))
    onderdrukt = suppression.suppress_frame(per_a, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    ui.staafdiagram(
        onderdrukt,
        "aanbieder",
        "realisatiescore",
        titel="Realisatiescore per aanbieder",
        as_titel="Realisatiescore",
        formaat=".0%",
        referentie=kpi.deel(r["behaald"] + 0.5 * r["deels"], r["aantal"])
        if r["aantal"] >= ui.min_cel()
        else None,
    )
    ui.tabel(
        per_a.sort_values("aanbieder"),
        [Kolom("aanbieder", "Aanbieder"), Kolom("aanbieder_agb", "AGB-code"), *KOL],
        naam="Doelrealisatie per aanbieder",
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )

    st.subheader("Ontwikkeling door de jaren")
    trend = kpi.doelrealisatie(kpi.zonder_jaar(f), ["jaar", "inschatting_vooraf"])
    trend = suppression.suppress_frame(trend, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    ui.trendlijn(
        trend,
        "realisatiescore",
        titel="Realisatiescore per jaar",
        as_titel="Realisatiescore",
        formaat=".0%",
        kleur="inschatting_vooraf",
    )
