"""K4 Wachttijden: request → answer, assignment → start, and the waiting list on the peildatum."""

import streamlit as st

from dashboards import db, formatting, kpi, suppression, ui
from dashboards.ui import Kolom

ui.pagina(
    "Wachttijden",
    ui.KPI_ROLLEN,
    "K4 · Doorlooptijden in kalenderdagen (mediaan en 90e percentiel); ‘tijdig’ = binnen 5 werkdagen. Jaar = jaar van "
    "de aanvraag (315) respectievelijk van de toewijzing/ingangsdatum.",
)

if ui.vereist("marts.fct_toewijzingen"):
    jaar_sql = f"SELECT DISTINCT {kpi.START_JAAR} AS jaar FROM marts.fct_toewijzingen"
    if db.heeft_tabel("marts.fct_aanvragen"):
        jaar_sql += " UNION SELECT DISTINCT year(aanvraagdatum) FROM marts.fct_aanvragen"
    f = ui.filters(
        ui.jaren(jaar_sql),
        niet_van_toepassing="Aanvragen (315) kennen geen wijk; het wijkfilter geldt daar niet.",
    )
    pub = db.publicatie()

    st.subheader("Toewijzing → start van de zorg")
    start_tot = kpi.start(f).iloc[0]
    c = st.columns(4)
    ui.metric_aantal(c[0], "Gestarte toewijzingen", start_tot["gestart"])
    ui.metric_ratio(c[1], "Tijdig gestart", start_tot["tijdig"], start_tot["beoordeeld"])
    md = (
        start_tot["mediaan_dagen"]
        if not suppression.ratio_is_suppressed(start_tot["gestart"], ui.min_cel())
        else None
    )
    c[2].metric("Mediaan dagen tot start", formatting.getal(md, 1))
    p90 = start_tot["p90_dagen"] if md is not None else None
    c[3].metric("90e percentiel", formatting.getal(p90, 1))
    per_a = ui.met_namen(kpi.start(f, ["aanbieder_agb"])).sort_values("aanbieder")
    START_AANTAL = ["gestart", "beoordeeld", "tijdig"]
    START_RATIOS = {"pct_tijdig": "beoordeeld", "mediaan_dagen": "gestart", "p90_dagen": "gestart"}
    onderdrukt = suppression.suppress_frame(
        per_a, ui.min_cel(), aantallen=START_AANTAL, ratios=START_RATIOS
    ).frame
    ui.staafdiagram(
        onderdrukt,
        "aanbieder",
        "mediaan_dagen",
        titel="Mediaan dagen van toewijzing tot start",
        as_titel="Dagen (mediaan)",
    )
    ui.tabel(
        per_a,
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("gestart", "Gestart", "aantal"),
            Kolom("pct_tijdig", "Tijdig gestart (%)", "pct"),
            Kolom("mediaan_dagen", "Mediaan dagen", "dagen"),
            Kolom("p90_dagen", "P90 dagen", "dagen"),
        ],
        naam="Toewijzing tot start per aanbieder",
        aantallen=START_AANTAL,
        ratios=START_RATIOS,
    )
    trend = kpi.start(kpi.zonder_jaar(f), [f"{kpi.START_JAAR} AS jaar"])
    trend = trend[trend["jaar"].notna()]
    trend = suppression.suppress_frame(trend, ui.min_cel(), aantallen=START_AANTAL, ratios=START_RATIOS).frame
    ui.trendlijn(
        trend, "pct_tijdig", titel="Aandeel tijdig gestart per jaar", as_titel="Tijdig", formaat=".0%"
    )

    st.subheader("Aanvraag (315) → antwoord")
    if ui.vereist("marts.fct_aanvragen"):
        AANV_AANTAL = [
            "aanvragen",
            "beantwoord",
            "beoordeeld",
            "toegewezen",
            "afgewezen",
            "in_onderzoek",
            "open",
        ]
        AANV_RATIOS = {
            "pct_tijdig": "beoordeeld",
            "mediaan_dagen": "beantwoord",
            "p90_dagen": "beantwoord",
            "mediaan_toewijzing": "toegewezen_n",
        }
        per_aanv = ui.met_namen(kpi.aanvragen(f, ["aanbieder_agb"])).sort_values("aanbieder")
        ui.tabel(
            per_aanv,
            [
                Kolom("aanbieder", "Aanbieder"),
                Kolom("aanvragen", "Aanvragen", "aantal"),
                Kolom("pct_tijdig", "Tijdig beantwoord (%)", "pct"),
                Kolom("mediaan_dagen", "Mediaan dagen tot antwoord", "dagen"),
                Kolom("p90_dagen", "P90 dagen tot antwoord", "dagen"),
                Kolom("mediaan_toewijzing", "Mediaan dagen tot toewijzing", "dagen"),
                Kolom("toegewezen", "Toegewezen", "aantal"),
                Kolom("afgewezen", "Afgewezen", "aantal"),
                Kolom("in_onderzoek", "In onderzoek", "aantal"),
                Kolom("open", "Open", "aantal"),
            ],
            naam="Aanvraag tot antwoord per aanbieder",
            aantallen=AANV_AANTAL,
            ratios=AANV_RATIOS,
        )

    peil = formatting.datum(pub.peildatum) if pub.peildatum else "onbekend"
    st.subheader(f"Wachtlijst op de peildatum ({peil})")
    st.caption(
        "Toewijzingen die op de peildatum ingegaan zijn, nog niet gestart zijn en niet vóór de peildatum eindigen. "
        "De wachtlijst hangt niet af van het gekozen jaar."
    )
    wl = kpi.wachtlijst(f, pub.peildatum, ["aanbieder_agb"])
    if wl.empty and pub.peildatum is None:
        st.info("De peildatum is onbekend, dus de wachtlijst kan niet worden bepaald.")
    else:
        ui.tabel(
            ui.met_namen(wl).sort_values("aanbieder") if not wl.empty else wl,
            [
                Kolom("aanbieder", "Aanbieder"),
                Kolom("wachtenden", "Wachtenden", "aantal"),
                Kolom("mediaan_dagen", "Mediaan wachtdagen", "dagen"),
                Kolom("p90_dagen", "P90 wachtdagen", "dagen"),
                Kolom("max_dagen", "Langste wachttijd (dagen)", "dagen"),
            ],
            naam="Wachtlijst per aanbieder",
            aantallen=["wachtenden"],
            ratios={"mediaan_dagen": "wachtenden", "p90_dagen": "wachtenden", "max_dagen": "wachtenden"},
        )
