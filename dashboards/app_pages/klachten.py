"""K7 Klachten: complaints per provider, per 100 clients, handling time."""

import pandas as pd
import streamlit as st

from dashboards import db, formatting, kpi, suppression, ui
from dashboards.ui import Kolom

ui.pagina(
    "Klachten",
    ui.KPI_ROLLEN,
    "K7 · Klachten uit de klachtregisters van aanbieders (jaar = datum ontvangst). Per 100 cliënten = klachten / "
    "unieke cliënten met een actieve toewijzing bij die aanbieder in die gemeente in het jaar × 100 (actief: "
    "ingegaan, niet verwijderd, niet beëindigd en niet na de peildatum); over meer aanbieders telt een cliënt bij "
    "elke aanbieder mee. Binnen 6 weken = afgehandeld binnen 42 kalenderdagen.",
)

if ui.vereist("marts.kpi_klachten"):
    f = ui.filters(
        ui.jaren("SELECT DISTINCT jaar FROM marts.kpi_klachten"),
        wijk=False,
        niet_van_toepassing="Klachten kennen geen wijk; het wijkfilter geldt hier niet.",
    )
    AANTALLEN = ["klachten", "afgehandeld", "clienten"]
    RATIOS = {"pct_binnen_6_weken": "afgehandeld", "mediaan_dagen": "afgehandeld", "per_100": "clienten"}

    def _mediaan(groep: list[str]) -> pd.DataFrame:
        if not db.heeft_tabel("marts.fct_klachten"):
            return pd.DataFrame(columns=[*groep, "mediaan_dagen"])
        return kpi.agg(
            "marts.fct_klachten",
            "median(afhandeldagen) AS mediaan_dagen",
            f,
            groep,
            jaar="year(datum_ontvangst)",
            wijk=None,
        )

    tot = kpi.klachten_per_100(f).iloc[0]
    n_clienten = tot["clienten"]
    med_tot = _mediaan([])
    c = st.columns(4)
    ui.metric_aantal(c[0], "Klachten", tot["klachten"])
    ui.metric_ratio(c[1], "Per 100 cliënten", tot["klachten"] * 100, n_clienten, soort="getal")
    med = med_tot["mediaan_dagen"].iloc[0] if not med_tot.empty else None
    if suppression.ratio_is_suppressed(tot["afgehandeld"], ui.min_cel()):
        med = None
    c[2].metric("Mediaan afhandeldagen", formatting.getal(med, 1))
    ui.metric_ratio(c[3], "Binnen 6 weken", tot["binnen_6_weken"], tot["afgehandeld"])

    st.subheader("Per aanbieder")
    per_a = kpi.klachten_per_100(f, ["aanbieder_agb"])
    per_a = per_a.merge(_mediaan(["aanbieder_agb"]), on="aanbieder_agb", how="left")
    per_a = ui.met_namen(per_a).sort_values("aanbieder")
    onderdrukt = suppression.suppress_frame(per_a, ui.min_cel(), aantallen=AANTALLEN, ratios=RATIOS).frame
    ui.staafdiagram(
        onderdrukt, "aanbieder", "per_100", titel="Klachten per 100 cliënten", as_titel="Per 100 cliënten"
    )
    ui.tabel(
        per_a,
        [
            Kolom("aanbieder", "Aanbieder"),
            Kolom("klachten", "Klachten", "aantal"),
            Kolom("clienten", "Cliënten", "aantal"),
            Kolom("per_100", "Per 100 cliënten", "getal1"),
            Kolom("afgehandeld", "Afgehandeld", "aantal"),
            Kolom("mediaan_dagen", "Mediaan afhandeldagen", "dagen"),
            Kolom("pct_binnen_6_weken", "Binnen 6 weken (%)", "pct"),
        ],
        naam="Klachten per aanbieder",
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )

    st.subheader("Per categorie en uitkomst")
    per_c = kpi.klachten(f, ["categorie", "uitkomst"])
    ui.tabel(
        per_c,
        [
            Kolom("categorie", "Categorie"),
            Kolom("uitkomst", "Uitkomst"),
            Kolom("klachten", "Klachten", "aantal"),
            Kolom("afgehandeld", "Afgehandeld", "aantal"),
            Kolom("pct_binnen_6_weken", "Binnen 6 weken (%)", "pct"),
        ],
        naam="Klachten per categorie",
        aantallen=AANTALLEN,
        ratios=RATIOS,
    )
