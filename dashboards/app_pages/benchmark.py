"""K10 Benchmark: municipalities compared with the region, funnel plot with 95 % and 99,8 % control limits."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from dashboards import db, formatting, kpi, ui
from dashboards.suppression import Totaal
from dashboards.ui import Kolom

ui.pagina(
    "Benchmark",
    ui.KPI_ROLLEN,
    "K10 · Gemeenten vergeleken met de regio (regiowaarde = verhouding van de totalen). Bij percentages toont de "
    "trechtergrafiek de 95 %- en 99,8 %-grenzen rond de regiowaarde; een gemeente buiten de 99,8 %-grens verschilt "
    "meer dan toeval verklaart.",
)

INDICATOREN = {
    "clienten_per_1000": "Cliënten per 1.000 inwoners",
    "kosten_per_inwoner": "Kosten per inwoner",
    "realisatiescore": "Realisatiescore (K1)",
    "gemiddeld_cijfer": "Gemiddeld cijfer (K2)",
    "uitval_pct": "Uitvalpercentage (K3)",
    "pct_tijdig_gestart": "Tijdig gestart (K4)",
}
TELLER_IS_AANTAL = {"clienten_per_1000", "uitval_pct", "pct_tijdig_gestart"}
PER_INWONER = {"clienten_per_1000", "kosten_per_inwoner"}
Z95, Z998 = 1.96, 3.09

if ui.vereist("marts.benchmark_gemeenten"):
    f = ui.filters(
        ui.jaren("SELECT DISTINCT jaar FROM marts.benchmark_gemeenten"),
        gemeente=False,
        aanbieder=False,
        wijk=False,
        niet_van_toepassing="De benchmark vergelijkt gemeenten; filters op gemeente, aanbieder en wijk gelden hier "
        "niet.",
    )
    beschikbaar = db.query("SELECT DISTINCT indicator FROM marts.benchmark_gemeenten")["indicator"].tolist()
    opties = [i for i in INDICATOREN if i in beschikbaar] + sorted(
        i for i in beschikbaar if i not in INDICATOREN
    )
    if not opties:
        st.info("Er zijn nog geen benchmarkcijfers.")
        st.stop()
    indicator = st.selectbox(
        "Indicator", opties, format_func=lambda i: INDICATOREN.get(i, i), key="bm_indicator"
    )
    df = db.query(
        "SELECT * FROM marts.benchmark_gemeenten WHERE jaar = ? AND indicator = ? ORDER BY gemeentecode",
        (int(f.jaar) if f.jaar is not None else 0, indicator),
    )
    if df.empty:
        st.info("Geen benchmarkcijfers voor deze selectie.")
        st.stop()
    df = ui.met_namen(df)
    if indicator == "kosten_per_inwoner":  # suppression tests the clients behind the costs (kpis.md K10)
        clienten = db.query(
            "SELECT gemeentecode, teller AS clienten FROM marts.benchmark_gemeenten "
            "WHERE jaar = ? AND indicator = 'clienten_per_1000'",
            (int(f.jaar) if f.jaar is not None else 0,),
        )
        df = df.merge(clienten, on="gemeentecode", how="left")
    # The mart suppresses already (with the pipeline's minimum); the dashboard applies the same rule with its own
    # minimum on top, including the region: one suppressed municipality beside a published region value would be
    # the region total minus the others, so the next smallest goes too.
    regels = kpi.benchmark_regels(indicator)
    regio_res = ui.onderdruk(
        pd.DataFrame({"teller": [np.nan], "noemer": [np.nan], "waarde": [df["regio_waarde"].dropna().max()]}),
        regels,
        niet_getoond=["teller"],
    )
    res = ui.onderdruk(
        df,
        regels,
        totalen=[Totaal(regio_res, ["teller", "noemer"])],
        vooraf=df["onderdrukt"],
    )
    df = res.frame  # the columns added below go with it into the table
    df["onderdrukt"] = res.onderdrukt("waarde")
    df["toelichting"] = np.where(
        df["onderdrukt"],
        "Onderdrukt: te weinig cliënten of gebeurtenissen om deze gemeente apart te tonen. Kies een hoger niveau: "
        "de regiowaarde, of meer jaren samen.",
        None,
    )

    # Unit of `waarde` relative to teller/noemer (fraction, percentage, per 1,000, cents or euros).
    verhouding = (df["waarde"] / (df["teller"] / df["noemer"])).replace([np.inf, -np.inf], np.nan).dropna()
    schaal = float(verhouding.median()) if not verhouding.empty else 1.0
    is_proportie = indicator in kpi.PROPORTIES_K10
    if indicator == "kosten_per_inwoner":
        soort = "euro" if abs(schaal - 0.01) < 1e-6 else "euro_cent"
    elif indicator in ("uitval_pct", "pct_tijdig_gestart", "realisatiescore") and abs(schaal - 1) < 1e-6:
        soort = "pct"
    else:
        soort = "getal1"

    regio = df["regio_waarde"].dropna()
    regio_waarde = float(regio.iloc[0]) if not regio.empty else None
    g = ui.gebruiker()
    eigen = set(g.gemeenten) if g and g.beperkt else None
    if eigen is not None:
        st.caption(
            "Je account is beperkt tot je eigen gemeenten: andere gemeenten worden niet afzonderlijk getoond, alleen "
            "de regiowaarde (alle gemeenten samen, bovenaan) en de grenzen."
        )
        zichtbaar = df[df["gemeentecode"].isin(eigen)].copy()
    else:
        zichtbaar = df.copy()

    def _fmt(v: float | None) -> str:
        if soort == "pct":
            return formatting.procent(v, 1, fractie=True)
        if soort == "euro":
            return formatting.euro(v)
        if soort == "euro_cent":
            return formatting.euro(v, cent=True)
        return formatting.getal(v, 2 if v is not None and abs(v) < 10 else 1)

    c = st.columns(3)
    c[0].metric("Regiowaarde", _fmt(regio_waarde))
    c[1].metric("Gemeenten in de regio", formatting.aantal(df["gemeentecode"].nunique()))
    c[2].metric(
        "Buiten 99,8 %-grens",
        formatting.aantal(int(zichtbaar["buiten_998"].fillna(False).astype(bool).sum())),
    )

    punten = zichtbaar[zichtbaar["waarde"].notna()].copy()
    punten["status"] = np.where(
        punten["buiten_998"].fillna(False).astype(bool), "Buiten 99,8 %-grens", "Binnen grenzen"
    )
    if is_proportie and regio_waarde is not None and df["noemer"].notna().any():
        p = regio_waarde / schaal
        n_max = float(df["noemer"].max()) * 1.2
        n = np.linspace(max(float(ui.min_cel()), float(df["noemer"].min()) * 0.5), n_max, 200)
        se = np.sqrt(max(p * (1 - p), 0) / n)
        trechter = pd.concat(
            [
                pd.DataFrame(
                    {"noemer": n, "grens": np.clip(p + s * z * se, 0, 1) * schaal, "lijn": naam, "kant": kant}
                )
                for z, naam in ((Z95, "95 %-grens"), (Z998, "99,8 %-grens"))
                for s, kant in ((-1, "laag"), (1, "hoog"))
            ]
        )
        trechter["reeks"] = trechter["lijn"] + " " + trechter["kant"]
        fmt = ".0%" if soort == "pct" else ",.1f"
        lijnen = (
            alt.Chart(trechter)
            .mark_line()
            .encode(
                x=alt.X("noemer:Q", title="Noemer (aantal)", axis=alt.Axis(format=",d")),
                y=alt.Y("grens:Q", title=INDICATOREN.get(indicator, indicator), axis=alt.Axis(format=fmt)),
                detail="reeks:N",
                strokeDash=alt.StrokeDash(
                    "lijn:N",
                    title=None,
                    legend=alt.Legend(orient="bottom"),
                    scale=alt.Scale(domain=["95 %-grens", "99,8 %-grens"], range=[[4, 3], [1, 0]]),
                ),
                color=alt.value("#7f8c8d"),
            )
        )
        regel = alt.Chart(pd.DataFrame({"r": [regio_waarde]})).mark_rule(color="#2c3e50").encode(y="r:Q")
        stippen = (
            alt.Chart(punten)
            .mark_circle(size=120, opacity=0.9)
            .encode(
                x="noemer:Q",
                y="waarde:Q",
                color=alt.Color(
                    "status:N",
                    title=None,
                    legend=alt.Legend(orient="bottom"),
                    scale=alt.Scale(
                        domain=["Binnen grenzen", "Buiten 99,8 %-grens"], range=["#2e86c1", "#c0392b"]
                    ),
                ),
                tooltip=[
                    alt.Tooltip("gemeente:N", title="Gemeente"),
                    alt.Tooltip("waarde:Q", title="Waarde", format=fmt),
                    alt.Tooltip("noemer:Q", title="Noemer", format=",d"),
                ],
            )
        )
        labels = (
            alt.Chart(punten)
            .mark_text(align="left", dx=8, fontSize=12)
            .encode(x="noemer:Q", y="waarde:Q", text="gemeente:N")
        )
        ui.grafiek(alt.layer(lijnen, regel, stippen, labels, title="Trechtergrafiek").properties(height=380))
    elif not punten.empty:
        ui.staafdiagram(
            punten,
            "gemeente",
            "waarde",
            titel=INDICATOREN.get(indicator, indicator),
            as_titel="Waarde",
            referentie=regio_waarde,
            formaat=",.2f" if soort.startswith("euro") else ",.1f",
        )
        if soort == "euro_cent":
            st.caption("Bedragen in de grafiek in eurocent.")

    waarde_soort = "getal2" if soort == "getal1" else soort
    ui.tabel(
        res.rijen(zichtbaar.sort_values("gemeente").index),
        [
            Kolom("gemeente", "Gemeente"),
            Kolom("teller", "Teller", "getal1" if indicator not in TELLER_IS_AANTAL else "aantal"),
            Kolom("noemer", "Noemer", "aantal"),
            Kolom("waarde", "Waarde", waarde_soort),
            Kolom("regio_waarde", "Regiowaarde", waarde_soort),
            Kolom("grens_95_laag", "95 % laag", waarde_soort),
            Kolom("grens_95_hoog", "95 % hoog", waarde_soort),
            Kolom("grens_998_laag", "99,8 % laag", waarde_soort),
            Kolom("grens_998_hoog", "99,8 % hoog", waarde_soort),
            Kolom("buiten_998", "Buiten 99,8 %", "bool"),
            Kolom("toelichting", "Toelichting"),
        ],
        naam=f"Benchmark {INDICATOREN.get(indicator, indicator)}",
    )
    if zichtbaar["onderdrukt"].any():
        st.caption(
            "Onderdrukte gemeenten staan in de tabel als ‘onderdrukt’ en niet in de grafiek. Kies een hoger niveau om "
            "ze toch te vergelijken: de regiowaarde, of meer jaren samen."
        )
