"""K11 Berichtenverkeer: timeliness of iWmo messages and declaration rejections per provider."""

import streamlit as st

from dashboards import db, kpi, ui
from dashboards.ui import Kolom

ui.pagina(
    "Berichtenverkeer",
    ui.KPI_ROLLEN,
    "K11 · Tijdigheid van iWmo-berichten (305 en 307 binnen 5 werkdagen na de start- of stopdatum, 315 binnen 5 "
    "werkdagen beantwoord), retourberichten met een code anders dan 0200, en het afwijzingspercentage van declaraties "
    "(afgewezen bedrag / ingediend bedrag).",
)

BERICHTTYPEN = {
    "301": "301 Toewijzing",
    "302": "302 Retour toewijzing",
    "305": "305 Start ondersteuning",
    "306": "306 Retour start",
    "307": "307 Stop ondersteuning",
    "308": "308 Retour stop",
    "315": "315 Verzoek om toewijzing",
    "316": "316 Retour verzoek om toewijzing",
    "317": "317 Verzoek om wijziging",
    "318": "318 Retour verzoek om wijziging",
    "319": "319 Antwoord op verzoek",
    "320": "320 Retour antwoord",
    "323": "323 Declaratie",
    "325": "325 Declaratie-antwoord",
}


def _label(code: object) -> str:
    s = str(code)
    kort = s.upper().removeprefix("WMO")
    return BERICHTTYPEN.get(kort, s)


if ui.vereist("marts.kpi_berichtenverkeer"):
    jaar_sql = "SELECT DISTINCT jaar FROM marts.kpi_berichtenverkeer"
    if db.heeft_tabel("marts.fct_prestaties"):
        jaar_sql += " UNION SELECT DISTINCT year(periode_begin) FROM marts.fct_prestaties"
    f = ui.filters(
        ui.jaren(jaar_sql),
        wijk=False,
        niet_van_toepassing="Berichten kennen geen wijk; het wijkfilter geldt hier niet.",
    )
    per_gemeente = kpi.berichten_per_gemeente()

    st.subheader("Tijdigheid en retourcodes per berichttype")
    if f.toegestaan and not per_gemeente:
        st.info(
            "Het berichtenverkeer is alleen per aanbieder voor de hele regio beschikbaar, niet per gemeente. Omdat je "
            "account beperkt is tot een deel van de gemeenten, wordt dit overzicht niet getoond."
        )
    else:
        if not per_gemeente and f.gemeenten:
            st.caption(
                "Het berichtenverkeer is niet per gemeente uitgesplitst; het gemeentefilter geldt hier niet."
            )
        df = kpi.berichtenverkeer(f, ["aanbieder_agb", "berichttype"])
        df["bericht"] = df["berichttype"].map(_label)
        berichten = ui.onderdruk(ui.met_namen(df).sort_values(["aanbieder", "bericht"]), kpi.K11_BERICHTEN)
        tijdigheid = berichten.frame
        ui.staafdiagram(
            tijdigheid[tijdigheid["berichttype"].astype(str).str.contains("305|307|315")],
            "aanbieder",
            "pct_tijdig",
            titel="Aandeel tijdig per aanbieder",
            as_titel="Tijdig",
            formaat=".0%",
            kleur="bericht",
            kleur_titel="Bericht",
        )
        ui.tabel(
            berichten,
            [
                Kolom("aanbieder", "Aanbieder"),
                Kolom("bericht", "Bericht"),
                Kolom("aantal", "Aantal", "aantal"),
                Kolom("pct_tijdig", "Tijdig (%)", "pct"),
                Kolom("met_retourcode", "Met retourcode (≠ 0200)", "aantal"),
            ],
            naam="Berichtenverkeer per aanbieder",
        )

    st.subheader("Afgewezen declaraties")
    if ui.vereist("marts.fct_prestaties"):
        dec = kpi.declaraties(f, ["aanbieder_agb"])
        ui.tabel(
            ui.onderdruk(
                ui.met_namen(dec).sort_values("aanbieder") if not dec.empty else dec, kpi.K11_DECLARATIES
            ),
            [
                Kolom("aanbieder", "Aanbieder"),
                Kolom("regels", "Prestaties", "aantal"),
                Kolom("afgewezen_regels", "Afgewezen prestaties", "aantal"),
                Kolom("ingediend", "Ingediend", "euro_cent"),
                Kolom("afgewezen", "Afgewezen", "euro_cent"),
                Kolom("in_behandeling", "In behandeling", "euro_cent"),
                Kolom("afwijzing_pct", "Afwijzing (%)", "pct"),
            ],
            naam="Afgewezen declaraties per aanbieder",
        )
