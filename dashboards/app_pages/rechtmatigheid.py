"""K8 Rechtmatigheid (controller only): lawfulness signals per provider and year, and the unsuppressed detail."""

import altair as alt
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
UITLEG = {
    "RM01": "Er is geen toewijzing met dit toewijzingnummer van deze gemeente aan deze aanbieder.",
    "RM02": "De productperiode valt (deels) buiten de ingangs- en einddatum van de toewijzing.",
    "RM03": "Productcategorie, productcode of eenheid wijkt af van de toewijzing.",
    "RM04": "Het gedeclareerde volume gaat boven het toegewezen volume uit.",
    "RM05": "Dezelfde zorg is eerder gedeclareerd (overlappende periode of hetzelfde referentienummer).",
    "RM06": "Het ingediende bedrag is niet gelijk aan geleverd volume × tarief.",
    "RM07": "Het tarief wijkt af van het afgesproken tarief op de begindatum van de periode.",
    "RM08": "De productperiode begint na het overlijden van de cliënt (stopreden 02).",
    "RM09": "De productperiode begint na de definitieve beëindiging van de toewijzing.",
    "RM10": "Voor de toewijzing is geen startbericht (305) ontvangen; alleen een signaal.",
    "RM11": "De toewijzing bestaat maar is verwijderd.",
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

    st.subheader("Geld in risico: goedgekeurd bedrag met minstens één signaal")
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
        aandeel = ui.met_namen(aandeel) if not aandeel.empty else aandeel
        goedgekeurd, met_signaal = aandeel["goedgekeurd"].sum(), aandeel["met_signaal"].sum()
        c = st.columns(3)
        c[0].metric(
            "Goedgekeurd",
            formatting.euro_kort(goedgekeurd, cent=True),
            help=formatting.euro(goedgekeurd, cent=True),
        )
        c[1].metric(
            "Waarvan met een signaal",
            formatting.euro_kort(met_signaal, cent=True),
            help=f"{formatting.euro(met_signaal, cent=True)}: goedgekeurde regels met minstens één signaal, elke regel één keer.",
        )
        c[2].metric("Aandeel in risico", formatting.procent(kpi.deel(met_signaal, goedgekeurd), fractie=True))
        per_aanbieder = aandeel.groupby("aanbieder", as_index=False)[["goedgekeurd", "met_signaal"]].sum()
        if not per_aanbieder.empty:
            lang = per_aanbieder.melt("aanbieder", var_name="soort", value_name="bedrag")
            lang["bedrag_euro"] = lang["bedrag"] / 100
            lang["soort"] = lang["soort"].map(
                {"goedgekeurd": "Goedgekeurd", "met_signaal": "Waarvan met signaal"}
            )
            volgorde = per_aanbieder.sort_values("met_signaal", ascending=False)["aanbieder"].tolist()
            ui.grafiek(
                alt.Chart(lang, title="Goedgekeurd en geld in risico per aanbieder")
                .mark_bar()
                .encode(
                    x=alt.X("bedrag_euro:Q", title="Bedrag (€)", axis=alt.Axis(format=",.0f")),
                    y=alt.Y("aanbieder:N", title=None, sort=volgorde, axis=alt.Axis(labelLimit=320)),
                    yOffset=alt.YOffset("soort:N", sort=["Goedgekeurd", "Waarvan met signaal"]),
                    color=alt.Color(
                        "soort:N",
                        title=None,
                        scale=alt.Scale(
                            domain=["Goedgekeurd", "Waarvan met signaal"], range=["#90a4ae", "#c62828"]
                        ),
                        legend=alt.Legend(orient="bottom"),
                    ),
                    tooltip=[
                        alt.Tooltip("aanbieder:N", title="Aanbieder"),
                        alt.Tooltip("soort:N", title=""),
                        alt.Tooltip("bedrag_euro:Q", title="Bedrag (€)", format=",.2f"),
                    ],
                )
                .properties(height=alt.Step(14))
            )
        ui.tabel(
            aandeel,
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

    st.subheader("Per signaal")
    per_signaal = _agg(
        "count(DISTINCT (aanbieder_agb, declaratienummer, referentienummer)) AS regels, sum(bedrag_cent) AS bedrag",
        ["signaal_code"],
    )
    per_signaal["signaal"] = per_signaal["signaal_code"].map(lambda c: SIGNALEN.get(c, c))
    per_signaal["uitleg"] = per_signaal["signaal_code"].map(lambda c: UITLEG.get(c, ""))
    ui.tabel(
        per_signaal,
        [
            Kolom("signaal_code", "Code"),
            Kolom("signaal", "Signaal"),
            Kolom("uitleg", "Uitleg"),
            Kolom("regels", "Regels", "aantal"),
            Kolom("bedrag", "Bedrag", "euro_cent"),
        ],
        naam="Rechtmatigheid per signaal",
        onderdrukken=False,
    )
    st.caption(
        "Een regel met twee signalen telt bij elk signaal mee; het geld in risico hierboven telt elke regel één keer."
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
