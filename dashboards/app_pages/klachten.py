"""K7 Klachten: complaints per provider, per 100 clients, handling time."""

import pandas as pd
import streamlit as st

from dashboards import db, kpi, ui
from dashboards.suppression import Totaal
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

    def _met_mediaan_en_clienten(df: pd.DataFrame, groep: list[str]) -> pd.DataFrame:
        """Add the median handling days (fct_klachten) and the active clients (K7 denominator) per group."""
        if db.heeft_tabel("marts.fct_klachten"):
            mediaan = kpi.agg(
                "marts.fct_klachten",
                "median(afhandeldagen) AS mediaan_dagen",
                f,
                groep,
                jaar="year(datum_ontvangst)",
                wijk=None,
            )
        else:
            mediaan = pd.DataFrame({**{g: [] for g in groep}, "mediaan_dagen": []})
        clienten = (
            kpi.actieve_clienten(f, groep)
            if db.heeft_tabel("marts.kpi_klachten_clienten")
            else pd.DataFrame({**{g: [] for g in groep}, "clienten": []})
        )
        for extra in (mediaan, clienten):
            df = (
                df.merge(extra, on=groep, how="left")
                if groep
                else df.join(extra.head(1).reset_index(drop=True))
            )
        return kpi.per_100_clienten(df)

    totaal = ui.onderdruk(_met_mediaan_en_clienten(kpi.klachten(f), []), kpi.K7)
    c = st.columns(4)
    ui.tegel(c[0], "Klachten", totaal, "klachten")
    ui.tegel(c[1], "Per 100 cliënten", totaal, "per_100", "getal1")
    ui.tegel(c[2], "Mediaan afhandeldagen", totaal, "mediaan_dagen", "getal1")
    ui.tegel(c[3], "Binnen 6 weken", totaal, "pct_binnen_6_weken", "pct")

    st.subheader("Per aanbieder")
    per_a = ui.onderdruk(
        ui.met_namen(
            _met_mediaan_en_clienten(kpi.klachten(f, ["aanbieder_agb"]), ["aanbieder_agb"])
        ).sort_values("aanbieder"),
        kpi.K7,
        # the tile's clients also count providers without complaints, so only the complaint counts add up
        totalen=[Totaal(totaal, ["klachten", "afgehandeld", "binnen_6_weken"])],
    )
    ui.staafdiagram(
        per_a.frame, "aanbieder", "per_100", titel="Klachten per 100 cliënten", as_titel="Per 100 cliënten"
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
    )

    st.subheader("Per categorie en uitkomst")
    ui.tabel(
        ui.onderdruk(
            kpi.klachten(f, ["categorie", "uitkomst"]),
            kpi.K7,
            totalen=[Totaal(totaal, ["klachten", "afgehandeld", "binnen_6_weken"])],
        ),
        [
            Kolom("categorie", "Categorie"),
            Kolom("uitkomst", "Uitkomst"),
            Kolom("klachten", "Klachten", "aantal"),
            Kolom("afgehandeld", "Afgehandeld", "aantal"),
            Kolom("pct_binnen_6_weken", "Binnen 6 weken (%)", "pct"),
        ],
        naam="Klachten per categorie",
    )
