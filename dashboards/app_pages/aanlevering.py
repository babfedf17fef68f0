"""Aanlevering (beheerder): did this month's declarations arrive, and when did each provider last send each message?

The data steward's question in domain.md ("Did all files arrive and load?") at provider grain: files per status and
quarantine are on Datakwaliteit; this page says who is late. Definitions in the dbt models
`aanlevering_declaraties` and `aanlevering_berichten`.
"""

from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from dashboards import db, formatting, ui
from dashboards.suppression import Regels
from dashboards.ui import Kolom

ui.pagina(
    "Aanlevering",
    ("beheerder",),
    "Zijn de declaraties van elke maand binnen, en wanneer stuurde elke aanbieder voor het laatst een bericht? "
    "Een maand geldt als verwacht voor een aanbieder en gemeente zodra er een gestarte, niet-verwijderde "
    "toewijzing in levering is; de lopende maand (van de peildatum) wordt nog niet verwacht.",
)

STATUS = {
    "ontvangen": "Ontvangen",
    "deels": "Deels ontvangen",
    "ontbreekt": "Ontbreekt",
    "lopend": "Lopende maand",
    "onverwacht": "Onverwacht (geen toewijzing in levering)",
}
KLEUREN = {
    "Ontvangen": "#2e7d32",
    "Deels ontvangen": "#ef6c00",
    "Ontbreekt": "#c62828",
    "Lopende maand": "#9e9e9e",
    "Onverwacht (geen toewijzing in levering)": "#6a1b9a",
}
# Worst first: a provider's month over all its municipalities takes the worst status among them.
ERNST = ["ontbreekt", "deels", "onverwacht", "lopend", "ontvangen"]
MAANDEN_IN_OVERZICHT = 12
DECLARATIES = Regels(
    aantallen=("toewijzingen_in_levering", "toewijzingen_in_levering_gedeclareerd", "aantal_prestaties")
)
BERICHTEN = Regels(aantallen=("aantal_berichten",))


def maand_label(maand: date) -> str:
    namen = ui.NL_LOCALE["time"]["shortMonths"]
    return f"{namen[maand.month - 1]} {maand.year}"


def slechtste_status(statussen: pd.Series) -> str:
    return min(statussen, key=ERNST.index)


st.subheader("Declaraties per maand")
if ui.vereist("marts.aanlevering_declaraties"):
    maanden = db.query("SELECT DISTINCT maand FROM marts.aanlevering_declaraties ORDER BY maand DESC")[
        "maand"
    ]
    maanden = [pd.Timestamp(m).date() for m in maanden]
    if not maanden:
        st.info("Nog geen toewijzingen in levering of declaraties geladen.")
    else:
        afgesloten = db.query(
            "SELECT max(maand) AS m FROM marts.aanlevering_declaraties WHERE status <> 'lopend'"
        )["m"].iloc[0]
        standaard = maanden.index(pd.Timestamp(afgesloten).date()) if pd.notna(afgesloten) else 0
        gekozen = st.selectbox(
            "Maand", maanden, index=standaard, format_func=maand_label, key="aanlevering_maand"
        )
        alle = ui.met_namen(
            db.query(
                "SELECT * FROM marts.aanlevering_declaraties WHERE maand > ? - INTERVAL 1 YEAR AND maand <= ? "
                "ORDER BY maand",
                [gekozen, gekozen],
            )
        )
        alle["maand"] = pd.to_datetime(alle["maand"]).dt.date
        maand = alle[alle["maand"] == gekozen].copy()
        per_aanbieder = maand.groupby("aanbieder")["status"].agg(slechtste_status)
        c = st.columns(4)
        c[0].metric("Aanbieders verwacht", formatting.aantal(int((per_aanbieder != "onverwacht").sum())))
        for kol, code in zip(c[1:], ("ontvangen", "deels", "ontbreekt"), strict=True):
            kol.metric(STATUS[code], formatting.aantal(int((per_aanbieder == code).sum())))

        overzicht = alle.groupby(["aanbieder", "maand"], as_index=False)["status"].agg(slechtste_status)
        overzicht["status_label"] = overzicht["status"].map(STATUS)
        overzicht["maand_txt"] = overzicht["maand"].map(maand_label)
        volgorde = [maand_label(m) for m in sorted(set(overzicht["maand"]))][-MAANDEN_IN_OVERZICHT:]
        ui.grafiek(
            alt.Chart(
                overzicht[overzicht["maand_txt"].isin(volgorde)], title="Declaraties per aanbieder en maand"
            )
            .mark_rect(stroke="white")
            .encode(
                x=alt.X("maand_txt:O", title=None, sort=volgorde),
                y=alt.Y("aanbieder:N", title=None, axis=alt.Axis(labelLimit=320)),
                color=alt.Color(
                    "status_label:N",
                    title="Status",
                    scale=alt.Scale(domain=list(KLEUREN), range=list(KLEUREN.values())),
                    legend=alt.Legend(orient="bottom", columns=3, labelLimit=320),
                ),
                tooltip=[
                    alt.Tooltip("aanbieder:N", title="Aanbieder"),
                    alt.Tooltip("maand_txt:O", title="Maand"),
                    alt.Tooltip("status_label:N", title="Status"),
                ],
            )
            .properties(height=alt.Step(22))
        )
        st.caption(
            "Per aanbieder de slechtste status over de gemeenten. Een ontbrekende maand is een signaal om na te "
            "vragen, geen oordeel: een tijdelijke stop (reden 20) of een maand zonder zorg declareert niets."
        )

        maand["status_label"] = maand["status"].map(STATUS)
        maand["volgorde"] = maand["status"].map(ERNST.index)
        ui.tabel(
            ui.onderdruk(
                maand.sort_values(["volgorde", "aanbieder", "gemeente"], ignore_index=True), DECLARATIES
            ),
            [
                Kolom("aanbieder", "Aanbieder"),
                Kolom("gemeente", "Gemeente"),
                Kolom("status_label", "Status"),
                Kolom("toewijzingen_in_levering", "Toewijzingen in levering", "aantal"),
                Kolom("toewijzingen_in_levering_gedeclareerd", "Daarvan gedeclareerd", "aantal"),
                Kolom("aantal_prestaties", "Prestatieregels", "aantal"),
                Kolom("laatste_declaratie_dagtekening", "Laatste declaratie", "datum"),
            ],
            naam=f"Aanlevering declaraties {maand_label(gekozen)}",
        )

st.subheader("Laatste bericht per aanbieder en berichttype")
if ui.vereist("marts.aanlevering_berichten"):
    berichten = ui.met_namen(db.query("SELECT * FROM marts.aanlevering_berichten"))
    richting = st.radio(
        "Berichten",
        ["aanbieder", "gemeente"],
        format_func={
            "aanbieder": "verstuurd door de aanbieder",
            "gemeente": "verstuurd door de gemeente",
        }.get,
        horizontal=True,
        key="aanlevering_richting",
    )
    berichten = berichten[berichten["afzender_rol"] == richting].copy()
    berichten["soort"] = berichten["berichttype"] + " " + berichten["omschrijving"]
    ui.tabel(
        ui.onderdruk(
            berichten.sort_values(
                ["dagen_sinds_laatste", "aanbieder"], ascending=[False, True], ignore_index=True
            ),
            BERICHTEN,  # a count of 305s is a count of clients who started
        ),
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("soort", "Berichttype"),
            Kolom("aantal_berichten", "Berichten", "aantal"),
            Kolom("laatste_dagtekening", "Laatste dagtekening", "datum"),
            Kolom("dagen_sinds_laatste", "Dagen tot peildatum", "dagen"),
        ],
        naam="Laatste bericht per aanbieder en berichttype",
    )
