"""K3 Uitval: dropout by end reason, with the overstap (38) signal."""

import pandas as pd
import streamlit as st

from dashboards import db, kpi, suppression, ui
from dashboards.ui import Kolom

ui.pagina(
    "Uitval",
    ui.KPI_ROLLEN,
    "K3 · Definitieve beëindigingen naar reden (jaar = jaar van de einddatum). Uitval = redenen 21, 22, 23; volgens "
    "plan = 19; extern = 02, 31, 36, 37, 38, 39. Uitvalpercentage = uitval / (volgens plan + uitval).",
)

GROEP_LABELS = {"volgens_plan": "Volgens plan", "uitval": "Uitval", "extern": "Extern"}

if ui.vereist("marts.kpi_uitval"):
    f = ui.filters(ui.jaren("SELECT DISTINCT jaar FROM marts.kpi_uitval"))
    AANTALLEN = ["volgens_plan", "uitval", "extern", "overstap", "totaal", "afgesloten"]
    RATIOS = {"uitval_pct": "afgesloten", "overstap_pct": "totaal"}

    r = kpi.uitval(f).iloc[0]
    c = st.columns(4)
    ui.metric_aantal(c[0], "Beëindigde trajecten", r["totaal"])
    ui.metric_aantal(c[1], "Uitval", r["uitval"])
    ui.metric_ratio(c[2], "Uitvalpercentage", r["uitval"], r["afgesloten"])
    ui.metric_aantal(c[3], "Overstap (38)", r["overstap"], help="Cliënt stapt over naar een andere aanbieder")

    st.subheader("Per aanbieder")
    per_a = ui.met_namen(kpi.uitval(f, ["aanbieder_agb"])).sort_values("aanbieder")
    onderdrukt = suppression.suppress_frame(per_a, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    ui.staafdiagram(
        onderdrukt,
        "aanbieder",
        "uitval_pct",
        titel="Uitvalpercentage per aanbieder",
        as_titel="Uitval",
        formaat=".0%",
        referentie=kpi.deel(r["uitval"], r["afgesloten"]) if r["afgesloten"] >= ui.min_cel() else None,
    )
    lang = onderdrukt.melt(
        id_vars=["aanbieder"],
        value_vars=["volgens_plan", "uitval", "extern"],
        var_name="groep",
        value_name="aantal",
    )
    lang["groep"] = lang["groep"].map(GROEP_LABELS)
    ui.staafdiagram(
        lang,
        "aanbieder",
        "aantal",
        titel="Beëindigingen per aanbieder naar redengroep",
        as_titel="Aantal",
        formaat=",d",
        kleur="groep",
        kleur_titel="Redengroep",
    )
    ui.tabel(
        per_a,
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("aanbieder_agb", "AGB-code"),
            Kolom("volgens_plan", "Volgens plan", "aantal"),
            Kolom("uitval", "Uitval", "aantal"),
            Kolom("extern", "Extern", "aantal"),
            Kolom("uitval_pct", "Uitval (%)", "pct"),
            Kolom("overstap", "Overstap (38)", "aantal"),
        ],
        naam="Uitval per aanbieder",
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )

    st.subheader("Signaal: overstap naar een andere aanbieder (reden 38)")
    st.caption(
        "Een cliënt die overstapt ‘stemt met de voeten’. Aanbieders met relatief veel overstappen verdienen een "
        "gesprek. Aandeel = overstappen / alle beëindigingen van de aanbieder."
    )
    overstap = per_a[per_a["overstap"] > 0]
    ui.tabel(
        overstap.sort_values("overstap_pct", ascending=False),
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("overstap", "Overstappen (38)", "aantal"),
            Kolom("totaal", "Alle beëindigingen", "aantal"),
            Kolom("overstap_pct", "Aandeel overstap (%)", "pct"),
        ],
        naam="Overstap per aanbieder",
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )

    st.subheader("Per reden van beëindiging")
    per_r = kpi.agg(
        "marts.kpi_uitval",
        "sum(aantal)::BIGINT AS aantal",
        f,
        ["reden_beeindiging", "any_value(reden_groep) AS groep"],
    )
    if db.heeft_tabel("marts.dim_reden_beeindiging"):
        oms = db.query(
            "SELECT code AS reden_beeindiging, arg_max(omschrijving, release) AS omschrijving "
            "FROM marts.dim_reden_beeindiging GROUP BY code"
        )
        per_r = per_r.merge(oms, on="reden_beeindiging", how="left")
    else:
        per_r["omschrijving"] = None
    per_r["groep"] = per_r["groep"].map(lambda g: GROEP_LABELS.get(g, g) if isinstance(g, str) else g)
    ui.tabel(
        per_r,
        [
            Kolom("reden_beeindiging", "Code"),
            Kolom("omschrijving", "Reden"),
            Kolom("groep", "Redengroep"),
            Kolom("aantal", "Aantal", "aantal"),
        ],
        naam="Uitval per reden",
        aantallen=["aantal"],
    )

    st.subheader("Ontwikkeling door de jaren")
    trend = kpi.uitval(kpi.zonder_jaar(f), ["jaar"])
    trend = suppression.suppress_frame(trend, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    ui.trendlijn(
        pd.DataFrame(trend), "uitval_pct", titel="Uitvalpercentage per jaar", as_titel="Uitval", formaat=".0%"
    )
