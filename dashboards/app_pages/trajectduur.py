"""K5 Trajectduur: duration of completed trajectories, and of open ones up to the peildatum (separately)."""

import streamlit as st

from dashboards import db, formatting, kpi, suppression, ui
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
RATIOS = {"gemiddeld": "trajecten", "mediaan": "trajecten", "p90": "trajecten"}

if ui.vereist("marts.fct_toewijzingen"):
    f = ui.filters(
        ui.jaren(
            "SELECT DISTINCT year(einddatum_traject) AS jaar FROM marts.fct_toewijzingen "
            "WHERE duur_dagen IS NOT NULL"
        )
    )
    tot = kpi.trajectduur(f).iloc[0]
    c = st.columns(3)
    ui.metric_aantal(c[0], "Afgesloten trajecten", tot["trajecten"])
    zichtbaar = not suppression.ratio_is_suppressed(tot["trajecten"], ui.min_cel())
    c[1].metric("Mediaan duur (dagen)", formatting.getal(tot["mediaan"] if zichtbaar else None, 1))
    c[2].metric("Gemiddelde duur (dagen)", formatting.getal(tot["gemiddeld"] if zichtbaar else None, 1))

    st.subheader("Afgesloten trajecten per productcategorie en redengroep")
    per_pc = kpi.trajectduur(f, ["productcategorie", "reden_groep"])
    per_pc["reden_groep"] = per_pc["reden_groep"].map(
        lambda g: GROEP_LABELS.get(g, g) if isinstance(g, str) else g
    )
    ui.tabel(
        per_pc,
        [Kolom("productcategorie", "Productcategorie"), Kolom("reden_groep", "Redengroep"), *KOL],
        naam="Trajectduur per productcategorie",
        aantallen=["trajecten"],
        ratios=RATIOS,
    )

    st.subheader("Afgesloten trajecten per aanbieder")
    per_a = ui.met_namen(kpi.trajectduur(f, ["aanbieder_agb"])).sort_values("aanbieder")
    onderdrukt = suppression.suppress_frame(per_a, ui.min_cel(), aantallen=["trajecten"], ratios=RATIOS).frame
    ui.staafdiagram(
        onderdrukt,
        "aanbieder",
        "mediaan",
        titel="Mediaan trajectduur per aanbieder",
        as_titel="Dagen (mediaan)",
    )
    ui.tabel(
        per_a,
        [Kolom("aanbieder", "Aanbieder"), *KOL],
        naam="Trajectduur per aanbieder",
        aantallen=["trajecten"],
        ratios=RATIOS,
    )

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
            lopend,
            [Kolom("productcategorie", "Productcategorie"), *KOL],
            naam="Lopende trajecten",
            aantallen=["trajecten"],
            ratios=RATIOS,
        )
