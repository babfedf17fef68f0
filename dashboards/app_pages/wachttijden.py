"""K4 Wachttijden: request → answer, assignment → start, and the waiting list on the peildatum."""

import streamlit as st

from dashboards import db, formatting, kpi, ui
from dashboards.suppression import Totaal
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
    start = ui.onderdruk(kpi.start(f), kpi.K4_START)
    c = st.columns(4)
    ui.tegel(c[0], "Gestarte toewijzingen", start, "gestart")
    ui.tegel(c[1], "Tijdig gestart", start, "pct_tijdig", "pct")
    ui.tegel(c[2], "Mediaan dagen tot start", start, "mediaan_dagen", "getal1")
    ui.tegel(c[3], "90e percentiel", start, "p90_dagen", "getal1")
    per_a = ui.onderdruk(
        ui.met_namen(kpi.start(f, ["aanbieder_agb"])).sort_values("aanbieder"),
        kpi.K4_START,
        totalen=[Totaal(start)],
    )
    ui.staafdiagram(
        per_a.frame,
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
    )
    trend_df = kpi.start(kpi.zonder_jaar(f), [f"{kpi.START_JAAR} AS jaar"])
    trend_df = trend_df[trend_df["jaar"].notna()]
    trend = ui.onderdruk(trend_df, kpi.K4_START, totalen=[Totaal(start, rijen=trend_df["jaar"] == f.jaar)])
    ui.trendlijn(
        trend.frame, "pct_tijdig", titel="Aandeel tijdig gestart per jaar", as_titel="Tijdig", formaat=".0%"
    )

    st.subheader("Aanvraag (315) → antwoord")
    if ui.vereist("marts.fct_aanvragen"):
        per_aanv = ui.onderdruk(
            ui.met_namen(kpi.aanvragen(f, ["aanbieder_agb"])).sort_values("aanbieder"), kpi.K4_AANVRAAG
        )
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
            ui.onderdruk(
                ui.met_namen(wl).sort_values("aanbieder") if not wl.empty else wl, kpi.K4_WACHTLIJST
            ),
            [
                Kolom("aanbieder", "Aanbieder"),
                Kolom("wachtenden", "Wachtenden", "aantal"),
                Kolom("mediaan_dagen", "Mediaan wachtdagen", "dagen"),
                Kolom("p90_dagen", "P90 wachtdagen", "dagen"),
                Kolom("max_dagen", "Langste wachttijd (dagen)", "dagen"),
            ],
            naam="Wachtlijst per aanbieder",
        )
