"""Scorekaart aanbieder: the contract manager's landing page (issue 18 item 1).

One provider, every KPI on one screen: its value, the region's, its values over all loaded years and a mark where it
lies outside the region's funnel limits; a trend chart per indicator; a drill-down to municipality or product
category; and all providers side by side, coloured against the region. The figures come from `dashboards.scorekaart`
(the KPI functions of `kpi.py`); every value passes `_onderdruk`, the page's only call into the suppression module.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from dashboards import db, downloads, formatting, suppression, ui
from dashboards import scorekaart as sk
from dashboards.suppression import Regels, gemiddelde, proportie
from dashboards.ui import Filters
from ingest.iwmo.codelists import CODELIJSTEN

ROLLEN = ("contractmanager",)
ui.pagina(
    "Scorekaart aanbieder",
    ROLLEN,
    "Alle KPI's van één aanbieder naast de regio (alle gemeenten en aanbieders samen, verhouding van de totalen). "
    "Bij percentages staat een markering als de aanbieder buiten de trechtergrenzen van de regio valt (95 % of "
    "99,8 %, bij het eigen aantal): dan is het verschil groter dan toeval verklaart.",
)

KLEUREN = {"goed": "#1e8449", "slecht": "#c0392b", "neutraal": "#2e86c1"}
ACHTERGROND = {  # (oordeel, outside 99,8 %) → cell colour; lighter outside 95 % only
    ("goed", True): "background-color: #abebc6",
    ("goed", False): "background-color: #e9f7ef",
    ("slecht", True): "background-color: #f5b7b1",
    ("slecht", False): "background-color: #fdedec",
    ("neutraal", True): "background-color: #aed6f1",
    ("neutraal", False): "background-color: #ebf5fb",
}
PRODUCTCATEGORIEEN = CODELIJSTEN["LDT_ProductCategorie"]
REGIO = "Regio (alle gemeenten)"


# --- suppression: the one place ------------------------------------------------------------------------------


PROPORTIES = Regels(aantallen=("teller", "noemer"), maten={"waarde": proportie("teller", "noemer")})
ANDERE_MATEN = Regels(aantallen=("n",), maten={"waarde": gemiddelde("n")})


def _onderdruk(df: pd.DataFrame) -> pd.DataFrame:
    """Suppress a long indicator frame (kpis.md § Suppression) through `ui.onderdruk`: a share of persons or events
    needs its numerator, denominator and complement at the minimum, any other value the count `n` behind it. The
    rows are different indicators or years, never parts of a total, so each kind is suppressed on its own. A
    suppressed row also loses its teller and noemer (never shown; the funnel limits need the noemer), so no limit or
    mark is drawn for it. `onderdrukt` marks the rows whose value is hidden."""
    is_proportie = df["indicator"].map(lambda c: sk.PER_CODE[c].proportie).astype(bool)
    delen = []
    for kies, regels in ((is_proportie, PROPORTIES), (~is_proportie, ANDERE_MATEN)):
        if not kies.any():
            continue
        res = ui.onderdruk(df[kies], regels)
        deel = res.frame.copy()
        deel["onderdrukt"] = res.onderdrukt("waarde") | res.onderdrukt("n")
        delen.append(deel)
    out = pd.concat(delen).loc[df.index] if delen else df.assign(onderdrukt=False)
    out.loc[out["onderdrukt"], ["waarde", "teller", "noemer"]] = np.nan
    return out


# --- formatting ----------------------------------------------------------------------------------------------


def _fmt(indicator: str, waarde: object) -> str:
    soort = sk.PER_CODE[indicator].soort
    if soort == "pct":
        return formatting.procent(waarde, 1, fractie=True)
    return formatting.getal(waarde, 1)


def _schaal(indicator: str) -> float:
    """Percentages as 0–100 in downloads (as every other export); other values as they are."""
    return 100.0 if sk.PER_CODE[indicator].soort == "pct" else 1.0


EENHEDEN = {"pct": "%", "getal1": "cijfer / aantal", "dagen": "dagen"}


def _aantal_tekst(rij: pd.Series) -> str:
    if rij["onderdrukt"]:
        return suppression.LABEL
    return formatting.aantal(rij["n"])


def _aantal_export(rij: pd.Series | None) -> object:
    """The count for a download: a number, or the `<10` label when suppressed (as `ui.tabel` exports)."""
    if rij is None:
        return np.nan
    return suppression.LABEL if rij["onderdrukt"] else rij["n"]


def _stijl(oordeel: str | None, positie: float) -> str:
    return "" if oordeel is None else ACHTERGROND[(oordeel, abs(positie) == 2)]


def _markering(positie: float) -> str:
    if pd.isna(positie) or positie == 0:
        return ""
    return " ▲" if positie > 0 else " ▼"


def _onderwerp(indicator: str) -> str:
    return sk.KPI_NAMEN[sk.PER_CODE[indicator].kpi]


# --- data ----------------------------------------------------------------------------------------------------

aanwezig = [b for b in sk.BRONNEN.values() if db.heeft_tabel(b.tabellen[0])]
if not aanwezig:  # no warehouse, or none of the KPI tables: say which, in Dutch
    ui.vereist(*dict.fromkeys(b.tabellen[0] for b in sk.BRONNEN.values()))
    st.stop()
f = ui.filters(
    ui.jaren(" UNION ".join(f"SELECT DISTINCT {b.jaar} AS jaar FROM {b.tabellen[0]}" for b in aanwezig)),
    aanbieder=False,
    wijk=False,
    niet_van_toepassing="De scorekaart kiest de aanbieder op de pagina zelf; een wijkfilter geldt hier niet "
    "(klachten en berichten kennen geen wijk). De regiowaarde geldt altijd voor alle gemeenten.",
)
if f.jaar is None:
    st.info("Er zijn nog geen KPI-gegevens gepubliceerd.")
    st.stop()
jaar = int(f.jaar)
scope = Filters(None, f.gemeenten, (), (), f.toegestaan)
regio = _onderdruk(sk.meet(sk.regio_filters(), ["jaar"]))
alle = sk.trechter(_onderdruk(sk.meet(scope, ["jaar", "aanbieder_agb"])), regio)
namen = ui.aanbieder_namen()
met_data = alle.loc[alle["n"].fillna(0).gt(0) | alle["onderdrukt"], "aanbieder_agb"].astype(str).unique()
opties = sorted(met_data, key=lambda c: namen.get(c, c).lower())
if not opties:
    st.info("Geen aanbieders met gegevens voor deze selectie.")
    st.stop()
if st.session_state.get("sk_aanbieder") not in opties:
    st.session_state["sk_aanbieder"] = opties[0]
kies, info = st.columns([3, 2], vertical_alignment="bottom")
agb = kies.selectbox("Aanbieder", opties, key="sk_aanbieder", format_func=lambda c: namen.get(c, c))
info.caption(
    f"AGB-code {agb} · jaar {jaar}"
    + (" · " + ", ".join(ui.gemeente_namen().get(g, g) for g in f.gemeente_scope) if f.gemeente_scope else "")
)
eigen = alle[alle["aanbieder_agb"].astype(str) == agb]
indicatoren = [i.code for i in sk.INDICATOREN]


# --- the scorecard -------------------------------------------------------------------------------------------


def _scorekaart(eigen: pd.DataFrame, regio: pd.DataFrame, jaar: int) -> None:
    zichtbaar = pd.concat([eigen, regio])
    jaren = sorted(set(zichtbaar.loc[zichtbaar["waarde"].notna(), "jaar"]) | {jaar})
    dit = eigen[eigen["jaar"] == jaar].set_index("indicator")
    reg = regio[regio["jaar"] == jaar].set_index("indicator")
    rijen, export, stijlen = [], [], []
    for ind in sk.INDICATOREN:
        r = dit.loc[ind.code] if ind.code in dit.index else None
        waarde = r["waarde"] if r is not None else np.nan
        positie = r["positie"] if r is not None else np.nan
        oordeel = sk.oordeel(ind.code, positie)
        reeks = eigen[eigen["indicator"] == ind.code].set_index("jaar")["waarde"]
        rij = {
            "Indicator": ind.label,
            "Aanbieder": _fmt(ind.code, waarde) + _markering(positie),
            "Regio": _fmt(ind.code, reg["waarde"].get(ind.code, np.nan)),
            "Aantal": _aantal_tekst(r) if r is not None else formatting.LEEG,
            "Trechter": sk.signaal(ind.code, positie),
            **{str(j): _fmt(ind.code, reeks.get(j, np.nan)) for j in jaren},
        }
        rijen.append(rij)
        stijlen.append(_stijl(oordeel, positie))
        schaal = _schaal(ind.code)
        export.append(
            {
                "Onderwerp": _onderwerp(ind.code),
                "Indicator": ind.label,
                "Eenheid": EENHEDEN[ind.soort],
                "Aanbieder": waarde * schaal,
                "Regio": reg["waarde"].get(ind.code, np.nan) * schaal,
                "Aantal": _aantal_export(r),
                "95 % laag": (r["grens_95_laag"] if r is not None else np.nan) * schaal,
                "95 % hoog": (r["grens_95_hoog"] if r is not None else np.nan) * schaal,
                "99,8 % laag": (r["grens_998_laag"] if r is not None else np.nan) * schaal,
                "99,8 % hoog": (r["grens_998_hoog"] if r is not None else np.nan) * schaal,
                "Trechter": rij["Trechter"],
                **{str(j): reeks.get(j, np.nan) * schaal for j in jaren},
            }
        )
    tabel = pd.DataFrame(rijen)
    opmaak = pd.DataFrame("", index=tabel.index, columns=tabel.columns)
    opmaak["Aanbieder"] = stijlen
    opmaak["Trechter"] = stijlen
    st.dataframe(
        tabel.style.apply(lambda _: opmaak, axis=None),
        hide_index=True,
        height=38 + 35 * len(tabel),
        column_config={
            "Indicator": st.column_config.TextColumn(pinned=True, width=270),
            "Aanbieder": st.column_config.TextColumn(
                f"Aanbieder {jaar}", width=105, help=namen.get(agb, agb)
            ),
            "Regio": st.column_config.TextColumn(
                f"Regio {jaar}", width=90, help="Alle gemeenten en aanbieders samen"
            ),
            "Aantal": st.column_config.TextColumn(
                "Aantal",
                width=65,
                help="Het aantal personen of gebeurtenissen achter de waarde van de aanbieder",
            ),
            "Trechter": st.column_config.TextColumn(
                "Trechter",
                width=125,
                help="Positie ten opzichte van de 95 %- en 99,8 %-grenzen rond de regiowaarde",
            ),
            **{str(j): st.column_config.TextColumn(width=70, help=f"Aanbieder in {j}") for j in jaren},
        },
    )
    ex = pd.DataFrame(export)
    downloads.download_knoppen(
        ex,
        f"Scorekaart {namen.get(agb, agb)} {jaar}",
        {c: "getal1" for c in ex.columns if c not in ("Onderwerp", "Indicator", "Eenheid", "Trechter")},
        key="scorekaart",
    )


_scorekaart(eigen, regio, jaar)
eerder = regio[regio["waarde"].notna()].groupby("indicator")["jaar"].max()
later = sorted({_onderwerp(c) for c, j in eerder.items() if j < jaar})
if later:
    st.info(
        f"Voor {jaar} zijn er (nog) geen regiocijfers voor {', '.join(later).lower()}; de jaarkolommen tonen de "
        "eerdere jaren. Doelrealisatie en tevredenheid komen uit de productieverantwoording, die pas na afloop van "
        "het boekjaar binnenkomt (uiterlijk 1 maart).",
        icon=":material/info:",
    )
st.caption(
    "▲/▼ en kleur: buiten de trechtergrenzen van de regio (donker: 99,8 %, licht: 95 %); groen is gunstig, rood "
    "ongunstig, blauw zonder goede of slechte kant. Alleen percentages hebben grenzen (zoals de benchmark); "
    "gemiddelden, medianen en bedragen worden zonder toets naast de regio gezet. "
    + suppression.toelichting(ui.min_cel())
)


# --- trend ---------------------------------------------------------------------------------------------------


def _standaard_trend() -> int:
    """Open the trend on the first unfavourable mark of this year, else on the realisation score."""
    dit = eigen[eigen["jaar"] == jaar]
    for i, code in enumerate(indicatoren):
        rij = dit[dit["indicator"] == code]
        if not rij.empty and sk.oordeel(code, rij["positie"].iloc[0]) == "slecht":
            return i
    return 0


st.subheader("Ontwikkeling door de jaren")
if st.session_state.get("sk_trend") not in indicatoren or st.session_state.get("sk_trend_aanbieder") != agb:
    # another provider opens on its own first unfavourable mark
    st.session_state["sk_trend"] = indicatoren[_standaard_trend()]
    st.session_state["sk_trend_aanbieder"] = agb
code = st.selectbox(
    "Indicator",
    indicatoren,
    key="sk_trend",
    format_func=lambda c: f"{_onderwerp(c)} · {sk.PER_CODE[c].label}",
)
ind = sk.PER_CODE[code]
reeks = eigen[(eigen["indicator"] == code) & eigen["waarde"].notna()].copy()
reeks_regio = regio[(regio["indicator"] == code) & regio["waarde"].notna()].copy()
if reeks.empty and reeks_regio.empty:
    st.info("Geen (zichtbare) waarden voor deze indicator.")
else:
    fmt = ".0%" if ind.soort == "pct" else ",.1f"
    naam = namen.get(agb, agb)
    lijnen = pd.concat(
        [reeks.assign(reeks=naam), reeks_regio.assign(reeks="Regio")], ignore_index=True
    ).assign(jaar_txt=lambda d: d["jaar"].astype(str))
    lijnen["markering"] = [
        sk.signaal(code, p) if r == naam else ""
        for r, p in zip(lijnen["reeks"], lijnen["positie"], strict=True)
    ]
    x = alt.X(
        "jaar_txt:O", title="Jaar", sort=sorted(lijnen["jaar_txt"].unique()), axis=alt.Axis(labelAngle=0)
    )
    lagen: list = []
    band = reeks[reeks["grens_998_laag"].notna()].assign(jaar_txt=lambda d: d["jaar"].astype(str))
    if not band.empty:
        for laag, hoog, tekst in (
            ("grens_998_laag", "grens_998_hoog", "99,8 %-grenzen"),
            ("grens_95_laag", "grens_95_hoog", "95 %-grenzen"),
        ):
            lagen.append(
                alt.Chart(band.assign(band=tekst))
                .mark_area(opacity=0.8)
                .encode(
                    x=x,
                    y=alt.Y(f"{laag}:Q", title=ind.label, axis=alt.Axis(format=fmt)),
                    y2=f"{hoog}:Q",
                    color=alt.Color(
                        "band:N",
                        title=None,
                        scale=alt.Scale(
                            domain=["99,8 %-grenzen", "95 %-grenzen"], range=["#e5e8e8", "#ccd1d1"]
                        ),
                        legend=alt.Legend(orient="bottom", labelLimit=0) if not lagen else None,
                    ),
                )
            )
    lagen.append(
        alt.Chart(lijnen)
        .mark_line(point=alt.OverlayMarkDef(size=80))
        .encode(
            x=x,
            y=alt.Y("waarde:Q", title=ind.label, axis=alt.Axis(format=fmt)),
            strokeDash=alt.StrokeDash(
                "reeks:N",
                title=None,
                scale=alt.Scale(domain=[naam, "Regio"], range=[[1, 0], [6, 4]]),
                legend=alt.Legend(orient="bottom", labelLimit=0),
            ),
            color=alt.value("#2c3e50"),
            tooltip=[
                alt.Tooltip("reeks:N", title=""),
                alt.Tooltip("jaar_txt:O", title="Jaar"),
                alt.Tooltip("waarde:Q", title=ind.label, format=".1%" if ind.soort == "pct" else ",.1f"),
                alt.Tooltip("markering:N", title="Trechter"),
            ],
        )
    )
    buiten = reeks[reeks["positie"].abs() == 2].assign(jaar_txt=lambda d: d["jaar"].astype(str))
    if not buiten.empty:
        buiten["oordeel"] = [sk.oordeel(code, p) for p in buiten["positie"]]
        lagen.append(
            alt.Chart(buiten)
            .mark_point(size=260, filled=True, shape="diamond")
            .encode(
                x=x,
                y="waarde:Q",
                color=alt.Color(
                    "oordeel:N",
                    title="Buiten 99,8 %-grens",
                    scale=alt.Scale(domain=list(KLEUREN), range=list(KLEUREN.values())),
                    legend=alt.Legend(orient="bottom"),
                ),
            )
        )
    ui.grafiek(
        alt.layer(*lagen, title=f"{ind.label}: {naam} en de regio")
        .resolve_scale(color="independent")
        .properties(height=300)
    )
    if ind.proportie:
        st.caption(
            "De grijze banden zijn de trechtergrenzen van de regio bij het aantal van de aanbieder per jaar."
        )
    st.caption(f"{ind.label}: {ind.uitleg}.")


# --- comparison tables (drill-down and all providers) --------------------------------------------------------


def _kolommen(filters: Filters, groep: Sequence[str]) -> list[str]:
    """The headline indicators whose source can be split by `groep` for these filters."""
    return [c for c in sk.HOOFD if sk.bron_beschikbaar(sk.PER_CODE[c].bron, filters, groep)]


def _vergelijking(
    df: pd.DataFrame,
    regio_jaar: pd.DataFrame,
    codes: Sequence[str],
    rij_kolom: str,
    rij_namen: dict[str, str],
    titel: str,
    *,
    naam: str,
    met_aantal: bool,
) -> None:
    """A table of rows (providers, municipalities or categories) × the headline indicators `codes` of one year, each cell
    coloured against the region's funnel limits, with a region row on top; downloads in long form. `met_aantal`: the
    download lists the count behind each value; not for parts of the provider's total shown above (municipalities,
    categories), where one suppressed part's count would follow from the total minus the others."""
    if df.empty or not codes:
        st.info("Geen gegevens voor deze selectie.")
        return
    sleutels = sorted(df[rij_kolom].astype(str).unique(), key=lambda k: rij_namen.get(k, k).lower())
    reg = regio_jaar.set_index("indicator")["waarde"]
    rijen = [
        {
            titel: REGIO,
            **{sk.PER_CODE[c].kort: _fmt(c, reg.get(c, np.nan)).replace(" ", "\u00a0") for c in codes},
        }
    ]
    stijlen = [dict.fromkeys([titel, *(sk.PER_CODE[c].kort for c in codes)], "font-weight: bold")]
    per = df.assign(sleutel=df[rij_kolom].astype(str)).set_index(["sleutel", "indicator"])
    for s in sleutels:
        rij, stijl = {titel: rij_namen.get(s, s)}, {titel: ""}
        for c in codes:
            kop = sk.PER_CODE[c].kort
            if (s, c) in per.index:
                r = per.loc[(s, c)]
                # non-breaking spaces: "80,0 % ▲" stays on one line in the narrow column
                rij[kop] = (_fmt(c, r["waarde"]) + _markering(r["positie"])).replace(" ", "\u00a0")
                stijl[kop] = _stijl(sk.oordeel(c, r["positie"]), r["positie"])
            else:
                rij[kop], stijl[kop] = formatting.LEEG, ""
        rijen.append(rij)
        stijlen.append(stijl)
    tabel = pd.DataFrame(rijen)
    opmaak = pd.DataFrame(stijlen, columns=tabel.columns).fillna("")
    # A static table wraps long provider names instead of cutting them off, and never scrolls sideways.
    st.table(tabel.style.apply(lambda _: opmaak, axis=None).hide(axis="index"))
    st.caption(" · ".join(f"{sk.PER_CODE[c].kort}: {sk.PER_CODE[c].label.lower()}" for c in codes))
    lang = df[df["indicator"].isin(codes)].assign(sleutel=lambda d: d[rij_kolom].astype(str))
    schaal = lang["indicator"].map(_schaal)
    export = pd.DataFrame(
        {
            titel: [rij_namen.get(s, s) for s in lang["sleutel"]],
            "Onderwerp": [_onderwerp(c) for c in lang["indicator"]],
            "Indicator": [sk.PER_CODE[c].label for c in lang["indicator"]],
            "Eenheid": [EENHEDEN[sk.PER_CODE[c].soort] for c in lang["indicator"]],
            "Waarde": lang["waarde"] * schaal,
            "Regio": lang["regio"] * schaal,
            **({"Aantal": [_aantal_export(r) for _, r in lang.iterrows()]} if met_aantal else {}),
            "Trechter": [sk.signaal(c, p) for c, p in zip(lang["indicator"], lang["positie"], strict=True)],
        }
    )
    downloads.download_knoppen(export, naam, {"Waarde": "getal1", "Regio": "getal1"}, key=naam)


DIMENSIES = {"gemeentecode": "Gemeente", "productcategorie": "Productcategorie"}
st.subheader(f"{namen.get(agb, agb)} uitgesplitst")
dim = (
    st.segmented_control(
        "Uitsplitsen naar",
        list(DIMENSIES),
        key="sk_dimensie",
        format_func=DIMENSIES.get,
        default="gemeentecode",
    )
    or "gemeentecode"
)
provider_scope = Filters(None, f.gemeenten, (agb,), (), f.toegestaan)
detail = sk.meet(provider_scope, ["jaar", dim])
detail = sk.trechter(_onderdruk(detail[detail["jaar"] == jaar]), regio)
rij_namen = ui.gemeente_namen() if dim == "gemeentecode" else PRODUCTCATEGORIEEN
codes_detail = _kolommen(provider_scope, ["jaar", dim])
_vergelijking(
    detail,
    regio[regio["jaar"] == jaar],
    codes_detail,
    dim,
    {str(k): v for k, v in rij_namen.items()},
    DIMENSIES[dim],
    naam=f"Scorekaart {namen.get(agb, agb)} per {DIMENSIES[dim].lower()} {jaar}",
    met_aantal=False,
)
ontbreekt = [sk.PER_CODE[c].kort for c in sk.HOOFD if c not in codes_detail]
if ontbreekt:
    st.caption(f"Niet per {DIMENSIES[dim].lower()} beschikbaar: {', '.join(ontbreekt)}.")

st.subheader(f"Alle aanbieders in {jaar}")
_vergelijking(
    alle[alle["jaar"] == jaar],
    regio[regio["jaar"] == jaar],
    _kolommen(scope, ["jaar", "aanbieder_agb"]),
    "aanbieder_agb",
    namen,
    "Aanbieder",
    naam=f"Scorekaart alle aanbieders {jaar}",
    met_aantal=True,
)
