"""K3 Uitval: dropout by end reason, with the overstap (38) signal."""

import streamlit as st

from dashboards import db, kpi, ui
from dashboards.suppression import Regels, Totaal
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

    totaal = ui.onderdruk(kpi.uitval(f), kpi.K3)
    c = st.columns(4)
    ui.tegel(c[0], "Beëindigde trajecten", totaal, "totaal")
    ui.tegel(c[1], "Uitval", totaal, "uitval")
    ui.tegel(c[2], "Uitvalpercentage", totaal, "uitval_pct", "pct")
    ui.tegel(c[3], "Overstap (38)", totaal, "overstap", help="Cliënt stapt over naar een andere aanbieder")

    st.subheader("Per aanbieder")
    per_a = ui.onderdruk(
        ui.met_namen(kpi.uitval(f, ["aanbieder_agb"])).sort_values("aanbieder"),
        kpi.K3,
        totalen=[Totaal(totaal)],
    )
    ui.staafdiagram(
        per_a.frame,
        "aanbieder",
        "uitval_pct",
        titel="Uitvalpercentage per aanbieder",
        as_titel="Uitval",
        formaat=".0%",
        referentie=totaal.waarde("uitval_pct"),
    )
    lang = per_a.frame.melt(
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
    )

    st.subheader("Signaal: overstap naar een andere aanbieder (reden 38)")
    st.caption(
        "Een cliënt die overstapt ‘stemt met de voeten’. Aanbieders met relatief veel overstappen verdienen een "
        "gesprek. Aandeel = overstappen / alle beëindigingen van de aanbieder."
    )
    # selected and sorted on the suppressed values: a suppressed count neither includes nor orders a row
    zichtbaar = per_a.frame[per_a.frame["overstap"] > 0].sort_values("overstap_pct", ascending=False)
    ui.tabel(
        per_a.rijen(zichtbaar.index),
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("overstap", "Overstappen (38)", "aantal"),
            Kolom("totaal", "Alle beëindigingen", "aantal"),
            Kolom("overstap_pct", "Aandeel overstap (%)", "pct"),
        ],
        naam="Overstap per aanbieder",
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
    # the reasons add up to the tile's total, and per reason group to its group count
    per_reden = ui.onderdruk(
        per_r,
        Regels(aantallen=("aantal",)),
        totalen=[
            Totaal(totaal, {"aantal": "totaal"}),
            *(Totaal(totaal, {"aantal": g}, rijen=per_r["groep"] == g) for g in GROEP_LABELS),
            Totaal(totaal, {"aantal": "overstap"}, rijen=per_r["reden_beeindiging"] == "38"),
        ],
    )
    per_reden.frame["groep"] = per_reden.frame["groep"].map(
        lambda g: GROEP_LABELS.get(g, g) if isinstance(g, str) else g
    )
    ui.tabel(
        per_reden,
        [
            Kolom("reden_beeindiging", "Code"),
            Kolom("omschrijving", "Reden"),
            Kolom("groep", "Redengroep"),
            Kolom("aantal", "Aantal", "aantal"),
        ],
        naam="Uitval per reden",
    )

    st.subheader("Ontwikkeling door de jaren")
    trend_df = kpi.uitval(kpi.zonder_jaar(f), ["jaar"])
    trend = ui.onderdruk(trend_df, kpi.K3, totalen=[Totaal(totaal, rijen=trend_df["jaar"] == f.jaar)])
    ui.trendlijn(
        trend.frame, "uitval_pct", titel="Uitvalpercentage per jaar", as_titel="Uitval", formaat=".0%"
    )
