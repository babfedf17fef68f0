"""Shared page building blocks: access check, filters, suppressed and formatted tables, charts, names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


def onderdruk(
    df: pd.DataFrame,
    regels: suppression.Regels,
    *,
    totalen: Sequence[suppression.Totaal] = (),
    vooraf: pd.Series | None = None,
    niet_getoond: Sequence[str] = (),
) -> suppression.Onderdrukt:
    """`suppression.onderdruk` with the configured minimum cell size (`WMO_MIN_CELGROOTTE`)."""
    return suppression.onderdruk(
        df, regels, min_cel(), totalen=totalen, vooraf=vooraf, niet_getoond=niet_getoond
    )


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
    soort: str = "tekst"  # tekst, aantal, euro_cent, euro, pct (fraction), getal1, getal2, dagen, datum, tijdstip, bool


ONDERDRUKT_KOLOM = "Onderdrukt"


def _cel_tekst(v: Any, soort: str) -> str:
    """One cell as the screen shows it (Dutch formats)."""
    if formatting.ontbreekt(v):
        return formatting.LEEG
    if soort == "aantal":
        return formatting.aantal(v)
    if soort in ("euro", "euro_cent"):
        return formatting.euro(v)
    if soort == "pct":
        return formatting.procent(v, 1)
    if soort in formatting.DECIMALEN:
        return formatting.getal(v, formatting.DECIMALEN[soort])
    if soort == "datum":
        return formatting.datum(v)
    if soort == "tijdstip":
        return formatting.tijdstip(v)
    return str(v)


def _weergave(
    frame: pd.DataFrame, masker: pd.DataFrame | None, kolommen: Sequence[Kolom]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The table in display units (money in euros, percentages 0–100, numbers rounded as shown, ja/nee), with
    suppressed cells empty and, for a suppressed table, the `Onderdrukt` column that names them per row; and which
    of its cells are suppressed (by column label)."""
    uit = pd.DataFrame(index=range(len(frame)))
    weg = pd.DataFrame(False, index=uit.index, columns=[])
    for k in kolommen:
        if k.naam not in frame.columns:
            continue
        s = frame[k.naam].reset_index(drop=True)
        onderdrukt = (
            masker[k.naam].reset_index(drop=True)
            if masker is not None and k.naam in masker.columns
            else pd.Series(False, index=uit.index)
        )
        if k.soort in formatting.DECIMALEN:
            s = pd.to_numeric(s, errors="coerce").astype("float64")
            s = s / 100 if k.soort == "euro_cent" else s * 100 if k.soort == "pct" else s
            d = formatting.DECIMALEN[k.soort]
            s = s.map(lambda v, d=d: v if pd.isna(v) else float(formatting.afgerond(v, d)))
            s = s.mask(onderdrukt)
        elif k.soort == "bool":
            s = s.map(lambda v: None if v is None or pd.isna(v) else ("ja" if v else "nee"))
            s = s.where(~onderdrukt, None)
        else:
            s = s.astype(object).where(~onderdrukt, None)
        uit[k.label] = s
        weg[k.label] = onderdrukt.to_numpy()
    if masker is not None:
        uit[ONDERDRUKT_KOLOM] = ["; ".join(c for c in weg.columns if weg.at[i, c]) or None for i in uit.index]
    return uit, weg


def tabel(
    data: suppression.Onderdrukt | pd.DataFrame,
    kolommen: Sequence[Kolom],
    *,
    naam: str,
    onderdrukken: bool = True,
    max_rijen: int | None = None,
    hoogte: int | str = "auto",
) -> pd.DataFrame:
    """Show a table with CSV and Excel downloads; returns the frame the downloads hold.

    Outside the controller's pages a table is an `Onderdrukt` (`ui.onderdruk(frame, kpi.K…)`):
    its suppressed cells show `onderdrukt` on screen and are empty in the downloads, with an `Onderdrukt` column
    and the explanation in their header. A plain frame is shown only with `onderdrukken=False` (restricted pages,
    counts of files, providers or dashboard users), to make that choice visible in the page's code.
    """
    if isinstance(data, suppression.Onderdrukt):
        export, weg = _weergave(data.frame, data.masker, kolommen)
        toelichting = suppression.toelichting(data.min_celgrootte)
    elif onderdrukken:
        raise TypeError(f"Tabel ‘{naam}’: geef ui.onderdruk(...) door, of onderdrukken=False.")
    else:
        export, weg = _weergave(data, None, kolommen)
        toelichting = None
    soorten = {k.label: k.soort for k in kolommen if k.label in export.columns}
    getoond = export.drop(columns=[ONDERDRUKT_KOLOM], errors="ignore")  # on screen the cells say it
    getoond = getoond if max_rijen is None else getoond.head(max_rijen)
    if getoond.empty:
        st.info("Geen gegevens voor deze selectie.")
    else:
        getoond = getoond.copy()
        schermsoort: dict[str, str] = {}
        for col in getoond.columns:
            onderdrukt = weg[col].loc[getoond.index] if col in weg.columns else None
            if onderdrukt is not None and onderdrukt.any():
                # The grid shows an empty cell as missing, whatever its display text: a column with a suppressed
                # cell becomes the text the screen shows (so it sorts as text).
                soort = soorten.get(col, "tekst")
                getoond[col] = [
                    suppression.LABEL if w else None if formatting.ontbreekt(v) else _cel_tekst(v, soort)
                    for v, w in zip(getoond[col], onderdrukt, strict=True)
                ]
                schermsoort[col] = "tekst"
            else:
                schermsoort[col] = soorten.get(col, "tekst")
        styler = getoond.style
        for col, soort in schermsoort.items():
            styler = styler.format(lambda v, soort=soort: _cel_tekst(v, soort), subset=[col])
        st.dataframe(styler, hide_index=True, height=hoogte, placeholder=formatting.LEEG)
    if max_rijen is not None and len(export) > max_rijen:
        st.caption(
            f"Getoond: de eerste {formatting.aantal(max_rijen)} van {formatting.aantal(len(export))} rijen; "
            "de download bevat alle rijen."
        )
    if toelichting and weg.to_numpy().any():
        st.caption(toelichting)
    if not export.empty:
        downloads.download_knoppen(export, naam, soorten, key=naam, toelichting=toelichting)
    return export


# --- metrics -------------------------------------------------------------------------------------------------


def tegel(
    kol: Any,
    label: str,
    res: suppression.Onderdrukt,
    kolom: str,
    soort: str = "aantal",
    *,
    rij: int = 0,
    help: str | None = None,
) -> None:
    """A KPI tile from a suppressed result: the value as the tables show it, `onderdrukt` when suppressed, `–`
    without data."""
    if res.is_onderdrukt(kolom, rij):
        help = (help + " " if help else "") + suppression.toelichting(res.min_celgrootte)
        kol.metric(label, suppression.LABEL, help=help)
        return
    waarde = res.waarde(kolom, rij)
    if soort == "euro_kort":
        tekst = formatting.euro_kort(waarde, cent=True)
        help = help or (formatting.euro(waarde, cent=True) if waarde is not None else None)
    elif soort == "pct":
        tekst = formatting.procent(waarde, 1, fractie=True)
    elif soort == "euro_cent":
        tekst = formatting.euro(waarde, cent=True)
    else:
        tekst = _cel_tekst(waarde, soort)
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
