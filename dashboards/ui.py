"""Shared page building blocks: access check, filters, suppressed and formatted tables, charts, names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from dashboards import db, downloads, formatting, suppression
from dashboards.auth import Gebruiker

FILTER_KEYS = ("flt_jaar", "flt_gemeente", "flt_aanbieder", "flt_wijk")
NL_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "time": {
        "dateTime": "%A %e %B %Y %X",
        "date": "%d-%m-%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
        "months": [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    },
}


# --- access --------------------------------------------------------------------------------------------------


def gebruiker() -> Gebruiker | None:
    return st.session_state.get("gebruiker")


def min_cel() -> int:
    return db.settings().min_celgrootte


def pagina(titel: str, rollen: Iterable[str], uitleg: str | None = None) -> Gebruiker:
    """Check the role (defence in depth next to the navigation), set the title; stops the page when not allowed."""
    g = gebruiker()
    if g is None or g.rol not in tuple(rollen):
        st.error("Je hebt geen toegang tot deze pagina.")
        st.stop()
    st.session_state["huidige_pagina"] = titel
    st.title(titel)
    if uitleg:
        st.caption(uitleg)
    return g


def vereist(*tabellen: str) -> bool:
    """True when all tables exist; otherwise a friendly Dutch message and False."""
    try:
        ontbreekt = db.ontbrekende_tabellen(*tabellen)
    except db.WarehouseFout as exc:
        st.warning(str(exc))
        return False
    if ontbreekt:
        namen = ", ".join(f"`{t}`" for t in ontbreekt)
        st.info(
            f"Deze gegevens zijn (nog) niet beschikbaar: {namen} ontbreekt in de gepubliceerde warehouse. "
            "Ze verschijnen na de eerstvolgende geslaagde run die deze tabel levert.",
            icon=":material/info:",
        )
        return False
    return True


# --- names ---------------------------------------------------------------------------------------------------


def _namen(tabel: str, code: str, naam: str) -> dict[str, str]:
    if not db.heeft_tabel(tabel):
        return {}
    df = db.query(f"SELECT {code} AS code, {naam} AS naam FROM {tabel}")
    return {str(r.code): str(r.naam) if pd.notna(r.naam) else str(r.code) for r in df.itertuples()}


def gemeente_namen() -> dict[str, str]:
    return _namen("marts.dim_gemeente", "gemeentecode", "gemeentenaam")


def aanbieder_namen() -> dict[str, str]:
    return _namen("marts.dim_aanbieder", "aanbieder_agb", "aanbieder_naam")


def wijk_namen() -> dict[str, str]:
    return _namen("marts.dim_wijk", "wijkcode", "wijknaam")


def met_namen(df: pd.DataFrame) -> pd.DataFrame:
    """Add readable `gemeente`, `aanbieder` and `wijk` columns next to the codes present in `df`."""
    out = df.copy()
    for code, naam, lookup in (
        ("gemeentecode", "gemeente", gemeente_namen),
        ("aanbieder_agb", "aanbieder", aanbieder_namen),
        ("wijkcode", "wijk", wijk_namen),
    ):
        if code in out.columns:
            namen = lookup()
            out[naam] = [namen.get(str(c), str(c)) if pd.notna(c) else "onbekend" for c in out[code]]
    return out


# --- filters -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    jaar: int | None
    gemeenten: tuple[str, ...]
    aanbieders: tuple[str, ...]
    wijken: tuple[str, ...]
    toegestaan: tuple[str, ...]  # the user's municipalities; empty = all

    @property
    def gemeente_scope(self) -> tuple[str, ...]:
        """Selected municipalities within what the user may see; empty = no restriction at all."""
        if self.gemeenten:
            return tuple(g for g in self.gemeenten if not self.toegestaan or g in self.toegestaan) or (
                "----",
            )
        return self.toegestaan


def jaren(sql: str) -> list[int]:
    """Distinct years from a query returning one column `jaar`."""
    try:
        df = db.query(sql)
    except db.WarehouseFout:
        return []
    return sorted(int(j) for j in df["jaar"].dropna().unique())


def standaard_jaar(opties: Sequence[int], peildatum: date | None) -> int:
    """The peildatum's year: a later year only holds stray early-dated rows (e.g. a complaint received after
    the last message), so it would open every page nearly empty."""
    if peildatum is not None:
        eerder = [j for j in opties if j <= peildatum.year]
        if eerder:
            return eerder[-1]
    return opties[-1]


def _sanitize(key: str, opties: Sequence[Any]) -> None:
    if key in st.session_state and isinstance(st.session_state[key], list):
        st.session_state[key] = [v for v in st.session_state[key] if v in opties]


def filters(
    jaar_opties: Sequence[int] | None,
    *,
    gemeente: bool = True,
    aanbieder: bool = True,
    wijk: bool = True,
    niet_van_toepassing: str | None = None,
) -> Filters:
    """Sidebar filters (jaar, gemeente, aanbieder, wijk); the choices persist across pages."""
    g = gebruiker()
    toegestaan = g.gemeenten if g else ()
    sb = st.sidebar
    sb.subheader("Filters")
    jaar = None
    if jaar_opties is not None:
        opties = list(jaar_opties)
        if not opties:
            sb.caption("Geen jaren met gegevens.")
        else:
            if st.session_state.get("flt_jaar") not in opties:
                st.session_state["flt_jaar"] = standaard_jaar(opties, db.publicatie().peildatum)
            jaar = sb.selectbox("Jaar", opties, key="flt_jaar")
    gemeenten: tuple[str, ...] = ()
    if gemeente:
        namen = gemeente_namen()
        opties_g = sorted((c for c in namen if not toegestaan or c in toegestaan), key=lambda c: namen[c])
        if toegestaan:
            opties_g += [c for c in toegestaan if c not in opties_g]
        _sanitize("flt_gemeente", opties_g)
        gemeenten = tuple(
            sb.multiselect(
                "Gemeente",
                opties_g,
                key="flt_gemeente",
                format_func=lambda c: namen.get(c, c),
                placeholder="Alle gemeenten" if not toegestaan else "Al mijn gemeenten",
            )
        )
    aanbieders: tuple[str, ...] = ()
    if aanbieder:
        namen_a = aanbieder_namen()
        opties_a = sorted(namen_a, key=lambda c: namen_a[c].lower())
        _sanitize("flt_aanbieder", opties_a)
        aanbieders = tuple(
            sb.multiselect(
                "Aanbieder",
                opties_a,
                key="flt_aanbieder",
                format_func=lambda c: namen_a.get(c, c),
                placeholder="Alle aanbieders",
            )
        )
    f = Filters(jaar, gemeenten, aanbieders, (), toegestaan)
    if wijk:
        wijken_df = pd.DataFrame(columns=["wijkcode", "wijknaam"])
        if db.heeft_tabel("marts.dim_wijk"):
            scope = f.gemeente_scope
            wijken_df = db.query(
                "SELECT wijkcode, wijknaam FROM marts.dim_wijk "
                "WHERE ? OR gemeentecode IS NULL OR list_contains(?::VARCHAR[], gemeentecode) ORDER BY wijknaam",
                (not scope, scope),
            )
        namen_w = dict(
            zip(wijken_df["wijkcode"].astype(str), wijken_df["wijknaam"].astype(str), strict=False)
        )
        _sanitize("flt_wijk", list(namen_w))
        wijken = tuple(
            sb.multiselect(
                "Wijk",
                list(namen_w),
                key="flt_wijk",
                format_func=lambda c: namen_w.get(c, c),
                placeholder="Alle wijken",
            )
        )
        f = Filters(jaar, gemeenten, aanbieders, wijken, toegestaan)
    if niet_van_toepassing:
        sb.caption(niet_van_toepassing)
    return f


def where(
    f: Filters,
    *,
    jaar: str | None = "jaar",
    gemeente: str | None = "gemeentecode",
    aanbieder: str | None = "aanbieder_agb",
    wijk: str | None = "wijkcode",
    extra: Sequence[str] = (),
) -> tuple[str, tuple[Any, ...]]:
    """A WHERE clause and its parameters for the active filters (and always the user's municipality restriction)."""
    delen: list[str] = list(extra)
    params: list[Any] = []
    if jaar and f.jaar is not None:
        delen.append(f"{jaar} = ?")
        params.append(int(f.jaar))
    if gemeente and f.gemeente_scope:
        delen.append(f"list_contains(?::VARCHAR[], {gemeente})")
        params.append(f.gemeente_scope)
    if aanbieder and f.aanbieders:
        delen.append(f"list_contains(?::VARCHAR[], {aanbieder})")
        params.append(f.aanbieders)
    if wijk and f.wijken:
        delen.append(f"list_contains(?::VARCHAR[], {wijk})")
        params.append(f.wijken)
    return ("WHERE " + " AND ".join(delen)) if delen else "", tuple(params)


# --- tables --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    naam: str
    label: str
    soort: str = "tekst"  # tekst, aantal, euro_cent, euro, pct (fraction), getal1, dagen, datum, bool


def _display_formatter(soort: str, onderdrukt_label: str | None) -> Callable[[Any], str]:
    def fmt(v: Any) -> str:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return onderdrukt_label or formatting.LEEG
        if soort == "aantal":
            return formatting.aantal(v)
        if soort in ("euro", "euro_cent"):
            return formatting.euro(v)
        if soort == "pct":
            return formatting.procent(v, 1)
        if soort in ("getal1", "dagen"):
            return formatting.getal(v, 1)
        if soort == "datum":
            return formatting.datum(v)
        return str(v)

    return fmt


def tabel(
    df: pd.DataFrame,
    kolommen: Sequence[Kolom],
    *,
    naam: str,
    aantallen: Iterable[str] = (),
    ratios: Mapping[str, str] | None = None,
    onderdrukken: bool = True,
    max_rijen: int | None = None,
    hoogte: int | str = "auto",
) -> pd.DataFrame:
    """Show a suppressed, Dutch-formatted table with CSV and Excel downloads; returns the export frame.

    `aantallen`: count columns (suppressed below the minimum); `ratios`: {ratio column: denominator column}.
    """
    aantallen = list(aantallen)
    min_c = min_cel()
    if onderdrukken:
        res = suppression.suppress_frame(df, min_c, aantallen=aantallen, ratios=ratios)
        frame, n_onderdrukt = res.frame, res.aantal_onderdrukt
    else:
        frame, n_onderdrukt = df.copy(), 0
    export = pd.DataFrame(index=frame.index)
    soorten: dict[str, str] = {}
    for k in kolommen:
        if k.naam not in frame.columns:
            continue
        s = frame[k.naam]
        if k.soort == "euro_cent":
            s = pd.to_numeric(s, errors="coerce") / 100
        elif k.soort == "pct":
            s = pd.to_numeric(s, errors="coerce") * 100
        elif k.soort == "bool":
            s = s.map(lambda v: formatting.LEEG if v is None or pd.isna(v) else ("ja" if v else "nee"))
        elif k.soort in ("aantal", "getal1", "dagen", "euro"):
            s = pd.to_numeric(s, errors="coerce")
        export[k.label] = s
        soorten[k.label] = k.soort
    export = export.reset_index(drop=True)
    onderdrukt_labels = {
        k.label for k in kolommen if onderdrukken and k.naam in aantallen and k.label in export
    }
    label = suppression.label(min_c)
    getoond = export if max_rijen is None else export.head(max_rijen)
    if getoond.empty:
        st.info("Geen gegevens voor deze selectie.")
    else:
        getoond = getoond.copy()
        formatters = {}
        for col in getoond.columns:
            if col in onderdrukt_labels and getoond[col].isna().any():
                # Streamlit shows a missing cell as empty, so a suppressed count becomes text ("<10").
                getoond[col] = [label if pd.isna(v) else formatting.aantal(v) for v in getoond[col]]
                formatters[col] = str
            else:
                formatters[col] = _display_formatter(soorten[col], None)
        styler = getoond.style.format(formatters)
        st.dataframe(styler, hide_index=True, height=hoogte, placeholder=formatting.LEEG)
    if max_rijen is not None and len(export) > max_rijen:
        st.caption(
            f"Getoond: de eerste {formatting.aantal(max_rijen)} van {formatting.aantal(len(export))} rijen; "
            "de download bevat alle rijen."
        )
    if n_onderdrukt:
        st.caption(suppression.toelichting(min_c))
    download = export.copy()
    for col in onderdrukt_labels:
        download[col] = download[col].astype(object).where(download[col].notna(), label)
    if not export.empty:
        downloads.download_knoppen(download, naam, soorten, key=naam)
    return export


# --- metrics -------------------------------------------------------------------------------------------------


def metric_aantal(
    kol: Any, label: str, waarde: Any, *, onderdrukken: bool = True, help: str | None = None
) -> None:
    tekst = suppression.count_text(waarde, min_cel()) if onderdrukken else formatting.aantal(waarde)
    kol.metric(label, tekst, help=help)


def metric_ratio(
    kol: Any,
    label: str,
    teller: Any,
    noemer: Any,
    *,
    soort: str = "pct",
    schaal: float = 1.0,
    n: Any = None,
    help: str | None = None,
) -> None:
    """A ratio metric, empty (–) when the denominator (or `n`, the number of units behind it) is below the
    minimum cell size."""
    if n is None:
        waarde = suppression.ratio_value(teller, noemer, min_cel())
    else:
        onderdrukt = suppression.ratio_is_suppressed(n, min_cel())
        waarde = None if onderdrukt else suppression.ratio_value(teller, noemer, 1)
    if waarde is None:
        tekst = formatting.LEEG
        help = (help + " " if help else "") + f"Onderdrukt of geen gegevens: noemer kleiner dan {min_cel()}."
    elif soort == "pct":
        tekst = formatting.procent(waarde * schaal, 1, fractie=True)
    elif soort == "euro":
        tekst = formatting.euro(waarde * schaal)
    else:
        tekst = formatting.getal(waarde * schaal, 1)
    kol.metric(label, tekst, help=help)


# --- charts --------------------------------------------------------------------------------------------------


def _toon(chart: alt.TopLevelMixin) -> None:
    st.altair_chart(chart.configure(locale=NL_LOCALE), width="stretch")


def staafdiagram(
    df: pd.DataFrame,
    categorie: str,
    waarde: str,
    *,
    titel: str,
    as_titel: str,
    formaat: str = ",.1f",
    kleur: str | None = None,
    kleur_titel: str | None = None,
    referentie: float | None = None,
) -> None:
    """Horizontal bars (one per provider), sorted; suppressed (NaN) values are left out."""
    data = df[df[waarde].notna()].copy()
    if data.empty:
        return
    as_opties = {"tickMinStep": 1} if formaat.endswith("d") else {}
    x = alt.X(f"{waarde}:Q", title=as_titel, axis=alt.Axis(format=formaat, **as_opties))
    y = alt.Y(f"{categorie}:N", title=None, sort="-x" if kleur is None else None)
    tooltip = [alt.Tooltip(f"{categorie}:N", title="")]
    enc: dict[str, Any] = {"x": x, "y": y}
    if kleur:
        enc["color"] = alt.Color(f"{kleur}:N", title=kleur_titel or kleur, legend=alt.Legend(orient="bottom"))
        tooltip.append(alt.Tooltip(f"{kleur}:N", title=kleur_titel or kleur))
    tooltip.append(alt.Tooltip(f"{waarde}:Q", title=as_titel, format=formaat))
    chart: Any = (
        alt.Chart(data, title=titel).mark_bar().encode(**enc, tooltip=tooltip).properties(height=alt.Step(32))
    )
    if referentie is not None:
        regel = (
            alt.Chart(pd.DataFrame({"ref": [referentie]}))
            .mark_rule(color="#c0392b", strokeDash=[4, 3])
            .encode(x="ref:Q")
        )
        chart = alt.layer(chart, regel)
    _toon(chart)


def trendlijn(
    df: pd.DataFrame,
    waarde: str,
    *,
    titel: str,
    as_titel: str,
    formaat: str = ",.1f",
    kleur: str | None = None,
) -> None:
    """Line per year (optionally one line per category)."""
    data = df[df[waarde].notna()].copy()
    if data.empty or data["jaar"].nunique() < 1:
        return
    data["jaar_txt"] = data["jaar"].astype(int).astype(str)
    enc: dict[str, Any] = {
        "x": alt.X("jaar_txt:O", title="Jaar"),
        "y": alt.Y(f"{waarde}:Q", title=as_titel, axis=alt.Axis(format=formaat)),
        "tooltip": [
            alt.Tooltip("jaar_txt:O", title="Jaar"),
            alt.Tooltip(f"{waarde}:Q", title=as_titel, format=formaat),
        ],
    }
    if kleur:
        enc["color"] = alt.Color(f"{kleur}:N", title=None, legend=alt.Legend(orient="bottom"))
    chart = alt.Chart(data, title=titel).mark_line(point=True).encode(**enc).properties(height=260)
    _toon(chart)


def grafiek(chart: Any) -> None:
    """Show any altair chart with the Dutch number locale."""
    _toon(chart)


KPI_ROLLEN = ("contractmanager", "controller")
