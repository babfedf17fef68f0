"""K8 Rechtmatigheid (controller only): lawfulness signals per provider and year, and the unsuppressed detail."""

import streamlit as st

from dashboards import db, formatting, kpi, ui
from dashboards.ui import Kolom

ui.pagina(
    "Rechtmatigheid",
    ("controller",),
    "K8 · Signalen per declaratieregel (323-prestatie); een regel kan meerdere signalen hebben. Het bedrag is het "
    "bedrag van de regel (debet positief, credit negatief) en geeft het financiële risico. Jaar = jaar van het begin "
    "van de productperiode.",
)
st.warning(
    "Deze pagina is alleen zichtbaar voor de rol controller en is **niet** onderdrukt: ze toont toewijzingnummers en "
    "cliëntpseudoniemen. Ga zorgvuldig om met exports.",
    icon=":material/lock:",
)

SIGNALEN = {
    "RM01": "Geen toewijzing",
    "RM02": "Buiten periode",
    "RM03": "Product afwijkend",
    "RM04": "Volume overschreden",
    "RM05": "Dubbel gedeclareerd",
    "RM06": "Bedrag onjuist",
    "RM07": "Tarief afwijkend",
    "RM08": "Na overlijden",
    "RM09": "Na beëindiging",
    "RM10": "Zonder start",
    "RM11": "Verwijderde toewijzing",
}

if ui.vereist("marts.rechtmatigheid_signalen"):
    f = ui.filters(
        ui.jaren("SELECT DISTINCT jaar FROM marts.rechtmatigheid_signalen"),
        wijk=False,
        niet_van_toepassing="Signalen kennen geen wijk; het wijkfilter geldt hier niet.",
    )
    codes = st.multiselect(
        "Signalen",
        list(SIGNALEN),
        format_func=lambda c: f"{c} {SIGNALEN[c]}",
        placeholder="Alle signalen",
        key="rm_signalen",
    )
    extra = ("list_contains(?::VARCHAR[], signaal_code)",) if codes else ()

    def _agg(aggs: str, groep: list[str]):
        w, params = ui.where(f, wijk=None, extra=extra)
        if codes:
            params = (tuple(codes), *params)
        select = ", ".join([*groep, aggs])
        order = f" ORDER BY {', '.join(str(i + 1) for i in range(len(groep)))}" if groep else ""
        return db.query(f"SELECT {select} FROM marts.rechtmatigheid_signalen {w} GROUP BY ALL{order}", params)

    tot = _agg(
        "count(DISTINCT (aanbieder_agb, declaratienummer, referentienummer)) AS regels, "
        "sum(bedrag_cent) AS bedrag",
        [],
    ).iloc[0]
    c = st.columns(3)
    c[0].metric("Regels met een signaal", formatting.aantal(tot["regels"]))
    c[1].metric(
        "Bedrag met een signaal",
        formatting.euro(tot["bedrag"] if tot["regels"] else 0, cent=True),
        help="Som over signalen per regel: een regel met twee signalen telt hier één keer per signaal mee.",
    )

    st.subheader("Per aanbieder, jaar en signaal")
    per = _agg("count(*) AS regels, sum(bedrag_cent) AS bedrag", ["aanbieder_agb", "jaar", "signaal_code"])
    per["signaal"] = per["signaal_code"].map(lambda s: f"{s} {SIGNALEN.get(s, '')}".strip())
    per = ui.met_namen(per)
    if not per.empty:
        ui.staafdiagram(
            per.assign(bedrag_euro=per["bedrag"] / 100),
            "aanbieder",
            "bedrag_euro",
            titel="Bedrag met signaal per aanbieder",
            as_titel="Bedrag (€)",
            formaat=",.0f",
            kleur="signaal",
            kleur_titel="Signaal",
        )
    ui.tabel(
        per,
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("jaar", "Jaar"),
            Kolom("signaal", "Signaal"),
            Kolom("regels", "Regels", "aantal"),
            Kolom("bedrag", "Bedrag", "euro_cent"),
        ],
        naam="Rechtmatigheid per aanbieder en signaal",
        onderdrukken=False,
    )

    st.subheader("Aandeel goedgekeurd bedrag met minstens één signaal")
    if ui.vereist("marts.fct_prestaties"):
        w, params = ui.where(
            f,
            jaar="year(p.periode_begin)",
            gemeente="p.gemeentecode",
            aanbieder="p.aanbieder_agb",
            wijk=None,
            extra=("p.status = 'goedgekeurd'",),
        )
        signaal_filter = "WHERE list_contains(?::VARCHAR[], signaal_code)" if codes else ""
        aandeel = db.query(
            f"""
            WITH s AS (SELECT DISTINCT aanbieder_agb, declaratienummer, referentienummer
                       FROM marts.rechtmatigheid_signalen {signaal_filter})
            SELECT p.aanbieder_agb, year(p.periode_begin) AS jaar, sum(p.bedrag_cent) AS goedgekeurd,
                   coalesce(sum(p.bedrag_cent) FILTER (s.aanbieder_agb IS NOT NULL), 0) AS met_signaal
            FROM marts.fct_prestaties p LEFT JOIN s USING (aanbieder_agb, declaratienummer, referentienummer)
            {w} GROUP BY ALL ORDER BY 1, 2
            """,
            ((tuple(codes),) if codes else ()) + params,
        )
        aandeel["pct"] = kpi.deel(aandeel["met_signaal"], aandeel["goedgekeurd"])
        ui.tabel(
            ui.met_namen(aandeel) if not aandeel.empty else aandeel,
            [
                Kolom("aanbieder", "Aanbieder"),
                Kolom("jaar", "Jaar"),
                Kolom("goedgekeurd", "Goedgekeurd", "euro_cent"),
                Kolom("met_signaal", "Goedgekeurd met signaal", "euro_cent"),
                Kolom("pct", "Aandeel met signaal (%)", "pct"),
            ],
            naam="Aandeel goedgekeurd met signaal",
            onderdrukken=False,
        )

    st.subheader("Detail: declaratieregels met signalen")
    w, params = ui.where(f, wijk=None, extra=extra)
    if codes:
        params = (tuple(codes), *params)
    detail = db.query(
        "SELECT aanbieder_agb, gemeentecode, jaar, signaal_code, signaal, declaratienummer, referentienummer, "
        f"toewijzingnummer, client_pseudoniem, bedrag_cent, toelichting FROM marts.rechtmatigheid_signalen {w} "
        "ORDER BY abs(bedrag_cent) DESC NULLS LAST, aanbieder_agb, declaratienummer, referentienummer, signaal_code",
        params,
    )
    detail = ui.met_namen(detail) if not detail.empty else detail
    ui.tabel(
        detail,
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("gemeente", "Gemeente"),
            Kolom("jaar", "Jaar"),
            Kolom("signaal_code", "Code"),
            Kolom("signaal", "Signaal"),
            Kolom("declaratienummer", "Declaratienummer"),
            Kolom("referentienummer", "Referentienummer"),
            Kolom("toewijzingnummer", "Toewijzingnummer"),
            Kolom("client_pseudoniem", "Cliëntpseudoniem"),
            Kolom("bedrag_cent", "Bedrag", "euro_cent"),
            Kolom("toelichting", "Toelichting"),
        ],
        naam="Rechtmatigheid detail",
        onderdrukken=False,
        max_rijen=5000,
    )
