"""K5 Trajectduur: duration of completed trajectories, and of open ones up to the peildatum (separately)."""

import streamlit as st

from dashboards import db, formatting, kpi, ui
from dashboards.suppression import Totaal
from dashboards.ui import Kolom

ui.pagina(
    "Trajectduur",
    ui.KPI_ROLLEN,
    "K5 · Duur = einddatum traject − start + 1 dag, voor trajecten met een start en een definitieve stop (jaar = jaar "
    "van de einddatum). Lopende trajecten worden apart getoond en nooit met afgesloten trajecten gemengd.",
)

GROEP_LABELS = {"volgens_plan": "Volgens plan", "uitval": "Uitval", "extern": "Extern"}
KOL = [
    Kolom("trajecten", "Trajecten", "aantal"),
    Kolom("gemiddeld", "Gemiddeld (dagen)", "dagen"),
    Kolom("mediaan", "Mediaan (dagen)", "dagen"),
    Kolom("p90", "P90 (dagen)", "dagen"),
]
AGG = (
    "count(duur_dagen) AS trajecten, avg(duur_dagen) AS gemiddeld, median(duur_dagen) AS mediaan, "
    "quantile_cont(duur_dagen, 0.9) AS p90"
)
BASIS = ("NOT coalesce(is_verwijderd, false)", "duur_dagen IS NOT NULL")

if ui.vereist("marts.fct_toewijzingen"):
    f = ui.filters(
        ui.jaren(
            "SELECT DISTINCT year(einddatum_traject) AS jaar FROM marts.fct_toewijzingen "
            "WHERE duur_dagen IS NOT NULL"
        )
    )
    tot = ui.onderdruk(
        kpi.agg("marts.fct_toewijzingen", AGG, f, jaar="year(einddatum_traject)", extra=BASIS), kpi.K5
    )
    c = st.columns(3)
    ui.tegel(c[0], "Afgesloten trajecten", tot, "trajecten")
    ui.tegel(c[1], "Mediaan duur (dagen)", tot, "mediaan", "getal1")
    ui.tegel(c[2], "Gemiddelde duur (dagen)", tot, "gemiddeld", "getal1")

    st.subheader("Afgesloten trajecten per productcategorie en redengroep")
    per_pc = kpi.agg(
        "marts.fct_toewijzingen",
        AGG,
        f,
        ["productcategorie", "reden_groep"],
        jaar="year(einddatum_traject)",
        extra=BASIS,
    )
    per_pc["reden_groep"] = per_pc["reden_groep"].map(
        lambda g: GROEP_LABELS.get(g, g) if isinstance(g, str) else g
    )
    ui.tabel(
        ui.onderdruk(per_pc, kpi.K5, totalen=[Totaal(tot)]),
        [Kolom("productcategorie", "Productcategorie"), Kolom("reden_groep", "Redengroep"), *KOL],
        naam="Trajectduur per productcategorie",
    )

    st.subheader("Afgesloten trajecten per aanbieder")
    per_a = ui.onderdruk(
        ui.met_namen(
            kpi.agg(
                "marts.fct_toewijzingen",
                AGG,
                f,
                ["aanbieder_agb"],
                jaar="year(einddatum_traject)",
                extra=BASIS,
            )
        ).sort_values("aanbieder"),
        kpi.K5,
        totalen=[Totaal(tot)],
    )
    ui.staafdiagram(
        per_a.frame,
        "aanbieder",
        "mediaan",
        titel="Mediaan trajectduur per aanbieder",
        as_titel="Dagen (mediaan)",
    )
    ui.tabel(per_a, [Kolom("aanbieder", "Aanbieder"), *KOL], naam="Trajectduur per aanbieder")

    pub = db.publicatie()
    peil = formatting.datum(pub.peildatum) if pub.peildatum else "onbekend"
    st.subheader(f"Lopende trajecten op de peildatum ({peil})")
    if pub.peildatum is None:
        st.info("De peildatum is onbekend, dus de duur van lopende trajecten kan niet worden bepaald.")
    else:
        p = f"DATE '{pub.peildatum.isoformat()}'"
        duur = f"({p} - startdatum + 1)"
        lopend = kpi.agg(
            "marts.fct_toewijzingen",
            f"count(*) AS trajecten, avg({duur}) AS gemiddeld, median({duur}) AS mediaan, "
            f"quantile_cont({duur}, 0.9) AS p90",
            f,
            ["productcategorie"],
            jaar=None,
            extra=(
                "NOT coalesce(is_verwijderd, false)",
                f"startdatum <= {p}",
                f"(einddatum_traject IS NULL OR einddatum_traject > {p})",
            ),
        )
        st.caption("Duur tot peildatum = peildatum − start + 1 dag; het gekozen jaar geldt hier niet.")
        ui.tabel(
            ui.onderdruk(lopend, kpi.K5),
            [Kolom("productcategorie", "Productcategorie"), *KOL],
            naam="Lopende trajecten",
        )
