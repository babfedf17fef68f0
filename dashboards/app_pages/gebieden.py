"""Gebieden (beleid): which municipalities, wijken and products show rising demand, waiting lists or poor results?

The policy advisor's question in domain.md at area × product grain. Every number comes from the shared KPI queries
(`dashboards/kpi.py`) and goes through the suppression of `ui.tabel` and `ui.metric_*`, like every page outside the
controller's.
"""

import pandas as pd
import streamlit as st

from dashboards import db, kpi, ui
from dashboards.ui import Kolom
from ingest.iwmo.codelists import CODELIJSTEN

ui.pagina(
    "Gebieden",
    ("beleid",),
    "Waar stijgt de vraag, waar wachten cliënten en waar blijven resultaten achter? Per gemeente en wijk: cliënten "
    "per 1.000 inwoners en hun verloop, de wachtlijst op de peildatum, wachttijden, doelrealisatie en uitval per "
    "productcategorie.",
)

if ui.vereist("marts.fct_toewijzingen"):
    f = ui.filters(
        ui.jaren(f"SELECT DISTINCT {kpi.START_JAAR} AS jaar FROM marts.fct_toewijzingen"),
        aanbieder=False,
        niet_van_toepassing="Het aantal cliënten per 1.000 inwoners bestaat alleen per gemeente; het wijkfilter "
        "geldt daar niet.",
    )
    peildatum = db.publicatie().peildatum

    st.subheader("Vraag: cliënten per 1.000 inwoners")
    if ui.vereist("marts.benchmark_gemeenten"):
        w, params = ui.where(
            kpi.zonder_jaar(f), aanbieder=None, wijk=None, extra=("indicator = 'clienten_per_1000'",)
        )
        vraag = ui.met_namen(
            db.query(
                f"SELECT jaar, gemeentecode, teller, noemer, waarde FROM marts.benchmark_gemeenten {w} ORDER BY jaar",
                params,
            )
        )
        ui.trendlijn(
            vraag, "waarde", titel="Cliënten per 1.000 inwoners", as_titel="Per 1.000", kleur="gemeente"
        )
        ui.tabel(
            ui.onderdruk(
                (vraag[vraag["jaar"] == f.jaar] if f.jaar is not None else vraag).reset_index(drop=True),
                kpi.benchmark_regels("clienten_per_1000"),
            ),
            [
                Kolom("gemeente", "Gemeente"),
                Kolom("jaar", "Jaar"),
                Kolom("teller", "Cliënten", "aantal"),
                Kolom("noemer", "Inwoners", "aantal"),
                Kolom("waarde", "Per 1.000 inwoners", "getal1"),
            ],
            naam=f"Clienten per 1000 inwoners {f.jaar}",
        )

    st.subheader("Wachtlijst op de peildatum, per wijk")
    wacht = ui.met_namen(kpi.wachtlijst(f, peildatum, ["gemeentecode", "wijkcode"]))
    ui.tabel(
        ui.onderdruk(
            wacht.sort_values("wachtenden", ascending=False, ignore_index=True) if not wacht.empty else wacht,
            kpi.K4_WACHTLIJST,
        ),
        [
            Kolom("gemeente", "Gemeente"),
            Kolom("wijk", "Wijk"),
            Kolom("wachtenden", "Wachtenden", "aantal"),
            Kolom("mediaan_dagen", "Mediaan wachtdagen", "dagen"),
            Kolom("p90_dagen", "P90 wachtdagen", "dagen"),
        ],
        naam="Wachtlijst per wijk",
    )

    st.subheader(f"Per productcategorie, {f.jaar}")
    start = kpi.start(f, ["productcategorie"])
    uitval = kpi.uitval(f, ["productcategorie"])
    per_product = start.merge(uitval, on="productcategorie", how="outer")
    per_product["categorie"] = per_product["productcategorie"].map(
        lambda c: CODELIJSTEN["LDT_ProductCategorie"].get(str(c), str(c))
    )
    ui.tabel(
        ui.onderdruk(per_product, kpi.K4_START | kpi.K3),
        [
            Kolom("categorie", "Productcategorie"),
            Kolom("gestart", "Gestart", "aantal"),
            Kolom("mediaan_dagen", "Mediaan dagen tot start", "dagen"),
            Kolom("pct_tijdig", "Tijdig gestart (%)", "pct"),
            Kolom("afgesloten", "Afgesloten trajecten", "aantal"),
            Kolom("uitval", "Uitval", "aantal"),
            Kolom("uitval_pct", "Uitval (%)", "pct"),
        ],
        naam=f"Gebieden per productcategorie {f.jaar}",
    )

    st.subheader(f"Doelrealisatie per wijk, {f.jaar}")
    if ui.vereist("marts.kpi_doelrealisatie"):
        doelen = ui.met_namen(kpi.doelrealisatie(f, ["gemeentecode", "wijkcode"]))
        ui.tabel(
            ui.onderdruk(
                doelen.sort_values("realisatiescore", ignore_index=True) if not doelen.empty else doelen,
                kpi.K1,
            ),
            [
                Kolom("gemeente", "Gemeente"),
                Kolom("wijk", "Wijk"),
                Kolom("aantal", "Resultaten", "aantal"),
                Kolom("pct_behaald", "Behaald (%)", "pct"),
                Kolom("realisatiescore", "Realisatiescore (%)", "pct"),
            ],
            naam=f"Doelrealisatie per wijk {f.jaar}",
        )
        if not doelen.empty and pd.to_numeric(doelen["aantal"], errors="coerce").sum() == 0:
            st.caption("Resultaten van een boekjaar komen met de verantwoording in maart van het jaar erna.")
