"""K9 Verantwoording: accountability status per provider × boekjaar, reconciliation and the reminder list."""

import pandas as pd
import streamlit as st

from dashboards import db, downloads, formatting, raadsrapport, termijnen, ui
from dashboards.ui import Kolom

ui.pagina(
    "Verantwoording",
    ("verantwoording",),
    "K9 · Productieverantwoording vóór 1 maart en accountants- of bestuursverklaring vóór 1 april van het jaar na het "
    "boekjaar; aansluiting van de verantwoorde productie op de goedgekeurde declaraties per gemeente.",
)

STATUS = {
    "akkoord": "Akkoord",
    "verwacht": "Verwacht",
    "ontbreekt": "Ontbreekt",
    "te_laat": "Te laat",
    "verklaring_ontbreekt": "Verklaring ontbreekt",
    "afwijking": "Afwijking",
}
ACTIE = {
    "verwacht": "Nog binnen de termijn; herinner de aanbieder aan de deadline.",
    "ontbreekt": "Productieverantwoording ontbreekt (deadline 1 maart): rappelleren.",
    "te_laat": "Productieverantwoording te laat ontvangen: vastleggen en bespreken in het contractgesprek.",
    "verklaring_ontbreekt": "Vereiste verklaring ontbreekt of is te laat (deadline 1 april): opvragen.",
    "afwijking": "Verantwoorde productie sluit niet aan op goedgekeurde declaraties: verschil laten verklaren.",
}
VERKLARING = {"accountantsverklaring": "Accountantsverklaring", "bestuursverklaring": "Bestuursverklaring"}

if ui.vereist("marts.verantwoording_status"):
    f = ui.filters(
        ui.jaren("SELECT DISTINCT boekjaar AS jaar FROM marts.verantwoording_status"),
        wijk=False,
        niet_van_toepassing="Het jaar is hier het boekjaar; het wijkfilter geldt hier niet.",
    )
    heeft_recon = db.heeft_tabel("marts.verantwoording_reconciliatie")
    extra: tuple[str, ...] = ()
    params_extra: tuple = ()
    if f.gemeente_scope and heeft_recon:
        # A provider belongs to the selection when it has a reconciliation row for a selected municipality.
        extra = (
            "aanbieder_agb IN (SELECT aanbieder_agb FROM marts.verantwoording_reconciliatie r "
            "WHERE r.boekjaar = s.boekjaar AND list_contains(?::VARCHAR[], r.gemeentecode))",
        )
        params_extra = (f.gemeente_scope,)
    w, params = ui.where(f, jaar="boekjaar", gemeente=None, wijk=None, extra=extra)
    status = db.query(
        f"SELECT * FROM marts.verantwoording_status s {w} ORDER BY aanbieder_agb", params_extra + params
    )
    if f.gemeente_scope and not heeft_recon:
        st.info(
            "Zonder aansluitingstabel kan niet per gemeente worden gefilterd; alle aanbieders worden getoond."
        )
    status = ui.met_namen(status) if not status.empty else status

    telling = status["status"].value_counts() if not status.empty else pd.Series(dtype=int)
    c = st.columns(len(STATUS))
    for kol, (code, label) in zip(c, STATUS.items(), strict=True):
        kol.metric(label, formatting.aantal(int(telling.get(code, 0))))

    peildatum = db.publicatie().peildatum
    if peildatum is not None:
        c = st.columns(2)
        for kol, (naam, termijn) in zip(c, termijnen.termijnen(f.jaar).items(), strict=True):
            kol.metric(
                f"Termijn {naam} {formatting.datum(termijn)}",
                termijnen.aftelling(termijn, peildatum),
                help=f"Geteld vanaf de peildatum {formatting.datum(peildatum)}.",
            )

    st.subheader(f"Status per aanbieder, boekjaar {f.jaar}")
    if not status.empty:
        status["status_label"] = status["status"].map(lambda s: STATUS.get(s, s))
        for col in ("verklaring_vereist", "soort_verklaring"):
            status[col] = status[col].map(lambda v: VERKLARING.get(v, v) if isinstance(v, str) else v)
    ui.tabel(
        status,
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("aanbieder_agb", "AGB-code"),
            Kolom("status_label", "Status"),
            Kolom("ontvangen", "Ontvangen", "bool"),
            Kolom("versie", "Versie"),
            Kolom("productie_tijdig", "Productie tijdig", "bool"),
            Kolom("omzet_wmo_totaal_cent", "Omzet Wmo totaal", "euro_cent"),
            Kolom("verklaring_vereist", "Vereiste verklaring"),
            Kolom("soort_verklaring", "Geleverde verklaring"),
            Kolom("verklaring_ok", "Verklaring in orde", "bool"),
            Kolom("aantal_gemeenten_afwijking", "Gemeenten met afwijking", "aantal"),
        ],
        naam=f"Verantwoording status {f.jaar}",
        onderdrukken=False,  # counts of providers, not of persons or events
    )

    st.subheader("Aansluiting per gemeente")
    if heeft_recon:
        w, params = ui.where(f, jaar="boekjaar", wijk=None)
        recon = db.query(
            f"SELECT * FROM marts.verantwoording_reconciliatie {w} ORDER BY afwijking DESC, abs(verschil_cent) DESC",
            params,
        )
        ui.tabel(
            ui.met_namen(recon) if not recon.empty else recon,
            [
                Kolom("aanbieder", "Aanbieder"),
                Kolom("gemeente", "Gemeente"),
                Kolom("verantwoord_bedrag_cent", "Verantwoord", "euro_cent"),
                Kolom("goedgekeurd_bedrag_cent", "Goedgekeurd", "euro_cent"),
                Kolom("verschil_cent", "Verschil", "euro_cent"),
                Kolom("afwijking", "Afwijking", "bool"),
            ],
            naam=f"Verantwoording aansluiting {f.jaar}",
            onderdrukken=False,
        )
        st.subheader("Rapport voor de gemeenteraad")
        gemeenten = sorted(set(recon["gemeentecode"]), key=lambda g: ui.gemeente_namen().get(g, g))
        if gemeenten and peildatum is not None:
            code = st.selectbox(
                "Gemeente",
                gemeenten,
                format_func=lambda g: ui.gemeente_namen().get(g, g),
                key="raad_gemeente",
            )
            rapport = raadsrapport.build_raadsrapport(
                status,
                recon[recon["gemeentecode"] == code],
                gemeente=ui.gemeente_namen().get(code, code),
                boekjaar=f.jaar,
                peildatum=peildatum,
                status_labels=STATUS,
                verklaringen=VERKLARING,
            )
            st.caption(
                f"{rapport.titel}: {formatting.aantal(len(rapport.regels))} aanbieders met status, verklaring en "
                "aansluiting, om aan de raad te sturen."
            )
            downloads.rapport_knoppen(
                rapport.titel, xlsx=lambda: raadsrapport.xlsx(rapport), pdf=lambda: raadsrapport.pdf(rapport)
            )
    else:
        ui.vereist("marts.verantwoording_reconciliatie")

    st.subheader("Herinneringen")
    if db.heeft_tabel("marts.verantwoording_herinneringen"):
        kol = db.kolommen("marts.verantwoording_herinneringen")
        w, params = ui.where(
            f,
            jaar="boekjaar" if "boekjaar" in kol else None,
            gemeente="gemeentecode" if "gemeentecode" in kol else None,
            aanbieder="aanbieder_agb" if "aanbieder_agb" in kol else None,
            wijk=None,
        )
        herinneringen = db.query(f"SELECT * FROM marts.verantwoording_herinneringen {w}", params)
        herinneringen = ui.met_namen(herinneringen) if not herinneringen.empty else herinneringen
        kolommen = [Kolom("aanbieder", "Aanbieder")] if "aanbieder" in herinneringen.columns else []
        kolommen += [
            Kolom(c, c.replace("_", " ").capitalize(), "datum" if "datum" in c else "tekst")
            for c in herinneringen.columns
            if c not in ("aanbieder", "aanbieder_agb")
        ]
        ui.tabel(herinneringen, kolommen, naam=f"Herinneringen {f.jaar}", onderdrukken=False)
    else:
        st.caption("Afgeleid uit de status: alle aanbieders waarvoor nog iets moet gebeuren.")
        open_ = status[status["status"].isin(list(ACTIE))].copy() if not status.empty else status
        if not open_.empty:
            open_["actie"] = open_["status"].map(ACTIE)
        ui.tabel(
            open_,
            [
                Kolom("aanbieder", "Aanbieder"),
                Kolom("aanbieder_agb", "AGB-code"),
                Kolom("status_label", "Status"),
                Kolom("actie", "Actie"),
            ],
            naam=f"Herinneringen {f.jaar}",
            onderdrukken=False,
        )
