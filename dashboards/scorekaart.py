"""The provider scorecard (issue 18 item 1): every KPI of a provider next to the region, per year, with funnel marks.

The numbers are those of `kpi.py` (the same functions the KPI pages call), so a value on the scorecard is the value
on the KPI's own page. This module only picks one figure per indicator and puts them in one long frame: a row per
(group…, indicator) with `teller`, `noemer`, `n` (the count the suppression rule tests) and `waarde`. The funnel
limits are those of the benchmark (`kpi.trechtergrenzen`, kpis.md K10) around the region's value, drawn only for
proportions, as K10 does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboards import db, kpi
from dashboards.ui import Filters

KPI_NAMEN = {
    "K1": "Doelrealisatie",
    "K2": "Tevredenheid",
    "K3": "Uitval",
    "K4": "Wachttijden",
    "K5": "Trajectduur",
    "K6": "Budgetuitputting",
    "K7": "Klachten",
    "K11": "Berichtenverkeer",
}
INSCHATTINGEN = {
    "volledig zelfredzaam": "volledig zelfredzaam",
    "verbetering": "verbetering",
    "stabilisatie": "stabilisatie",
}


@dataclass(frozen=True)
class Bron:
    """A KPI function of `kpi.py`, the table it reads (to know which groupings it has) and its year expression."""

    functie: Callable[[Filters, Sequence[str]], pd.DataFrame]
    tabellen: tuple[str, ...]
    jaar: str = "jaar"
    extra_groep: tuple[str, ...] = ()


BRONNEN: dict[str, Bron] = {
    "doelrealisatie": Bron(kpi.doelrealisatie, ("marts.kpi_doelrealisatie",)),
    "doelrealisatie_inschatting": Bron(
        kpi.doelrealisatie, ("marts.kpi_doelrealisatie",), extra_groep=("inschatting_vooraf",)
    ),
    "tevredenheid": Bron(kpi.tevredenheid, ("marts.kpi_tevredenheid",)),
    "uitval": Bron(kpi.uitval, ("marts.kpi_uitval",)),
    "start": Bron(kpi.start, ("marts.fct_toewijzingen",), kpi.START_JAAR),
    "aanvragen": Bron(kpi.aanvragen, ("marts.fct_aanvragen",), "year(aanvraagdatum)"),
    "trajectduur": Bron(kpi.trajectduur, ("marts.fct_toewijzingen",), kpi.TRAJECTDUUR_JAAR),
    "budget": Bron(kpi.budget, ("marts.fct_budget_jaar",)),
    "klachten": Bron(kpi.klachten_per_100, ("marts.kpi_klachten", "marts.kpi_klachten_clienten")),
    "berichten": Bron(
        kpi.berichtenverkeer,
        ("marts.kpi_berichtenverkeer",),
        extra_groep=("regexp_replace(upper(berichttype), '^WMO', '') AS berichttype",),
    ),
    "declaraties": Bron(kpi.declaraties, ("marts.fct_prestaties",), kpi.DECLARATIE_JAAR),
}


@dataclass(frozen=True)
class Indicator:
    """One row of the scorecard. `proportie`: a share of persons or events, so funnel limits apply (K10);
    `hoger_beter`: which side of the region is good (None: no good side, e.g. trajectory duration)."""

    code: str
    kpi: str
    label: str
    kort: str
    soort: str  # pct (fraction 0–1), getal1, dagen
    bron: str
    waarde: str
    n: str
    teller: str | None = None
    noemer: str | None = None
    proportie: bool = False
    hoger_beter: bool | None = None
    rij: tuple[str, str] | None = None  # (column, value): only the source rows with this value
    uitleg: str = ""


def _proportie(
    code: str,
    kpi_: str,
    label: str,
    kort: str,
    bron: str,
    teller: str,
    noemer: str,
    *,
    waarde: str,
    **kw: object,
) -> Indicator:
    """A share teller / noemer of persons or events: the denominator is the count behind it and gets funnel limits."""
    return Indicator(
        code, kpi_, label, kort, "pct", bron, waarde, noemer, teller, noemer, proportie=True, **kw
    )


INDICATOREN: tuple[Indicator, ...] = (
    Indicator(
        "k1_score", "K1", "Realisatiescore", "Realisatie", "pct", "doelrealisatie", "realisatiescore", "aantal",
        hoger_beter=True, uitleg="(behaald + ½ × deels behaald) / geëvalueerde resultaten",
    ),
    *(
        _proportie(
            f"k1_behaald_{code.replace(' ', '_')}", "K1", f"Behaald: {label}", f"Behaald ({label})",
            "doelrealisatie_inschatting", "behaald", "aantal", waarde="pct_behaald", hoger_beter=True,
            rij=("inschatting_vooraf", code),
            uitleg=f"Behaalde resultaten / geëvalueerde resultaten met inschatting vooraf ‘{label}’",
        )
        for code, label in INSCHATTINGEN.items()
    ),
    Indicator(
        "k2_cijfer", "K2", "Tevredenheid: gemiddeld cijfer", "Cijfer", "getal1", "tevredenheid", "gemiddeld_cijfer",
        "respondenten", hoger_beter=True, uitleg="Gemiddeld rapportcijfer van de respondenten",
    ),
    _proportie(
        "k2_voldoende", "K2", "Tevredenheid: voldoende (≥ 6)", "Voldoende", "tevredenheid", "voldoende",
        "respondenten", waarde="pct_voldoende", hoger_beter=True, uitleg="Respondenten met cijfer ≥ 6 / respondenten",
    ),
    _proportie(
        "k2_respons", "K2", "Tevredenheid: respons", "Respons", "tevredenheid", "respondenten", "beeindigd",
        waarde="respons_pct", hoger_beter=True,
        uitleg="Respondenten / toewijzingen met een definitieve stop in het jaar",
    ),
    _proportie(
        "k3_uitval", "K3", "Uitval (%)", "Uitval", "uitval", "uitval", "afgesloten", waarde="uitval_pct",
        hoger_beter=False, uitleg="Uitval (21, 22, 23) / (volgens plan (19) + uitval)",
    ),
    _proportie(
        "k3_overstap", "K3", "Overstap naar andere aanbieder", "Overstap", "uitval", "overstap", "totaal",
        waarde="overstap_pct", hoger_beter=False,
        uitleg="Beëindigingen met reden 38 (overstap) / alle definitieve beëindigingen",
    ),
    _proportie(
        "k4_tijdig_gestart", "K4", "Tijdig gestart (≤ 5 werkdagen)", "Start ≤ 5 d", "start", "tijdig",
        "beoordeeld", waarde="pct_tijdig", hoger_beter=True,
        uitleg="Toewijzingen gestart binnen 5 werkdagen na toewijzing / beoordeelde starts",
    ),
    Indicator(
        "k4_dagen_start", "K4", "Dagen tot start (mediaan)", "Dagen tot start", "dagen", "start", "mediaan_dagen",
        "gestart", hoger_beter=False, uitleg="Mediaan kalenderdagen van toewijzing tot start",
    ),
    _proportie(
        "k4_tijdig_beantwoord", "K4", "Aanvraag (315) tijdig beantwoord", "315 tijdig", "aanvragen", "tijdig",
        "beoordeeld", waarde="pct_tijdig", hoger_beter=True,
        uitleg="Verzoeken om toewijzing beantwoord binnen 5 werkdagen (ook K11)",
    ),
    Indicator(
        "k5_duur", "K5", "Trajectduur in dagen (mediaan)", "Duur", "dagen", "trajectduur", "mediaan",
        "trajecten", uitleg="Mediaan van einddatum traject − start + 1 dag, afgesloten trajecten",
    ),
    Indicator(
        "k6_uitputting", "K6", "Budgetuitputting", "Uitputting", "pct", "budget", "uitputting_pct", "bekend",
        uitleg="Goedgekeurd / toegewezen bedrag, over toewijzingen met een bekend bedrag",
    ),
    Indicator(
        "k7_per_100", "K7", "Klachten per 100 cliënten", "Klacht/100", "getal1", "klachten", "per_100",
        "clienten", hoger_beter=False, uitleg="Klachten / cliënten met een actieve toewijzing × 100",
    ),
    _proportie(
        "k7_binnen_6_weken", "K7", "Klacht binnen 6 weken afgehandeld", "Klacht ≤ 6 wk", "klachten",
        "binnen_6_weken", "afgehandeld", waarde="pct_binnen_6_weken", hoger_beter=True,
        uitleg="Klachten afgehandeld binnen 42 kalenderdagen / afgehandelde klachten",
    ),
    _proportie(
        "k11_305", "K11", "Startbericht (305) tijdig", "305 tijdig", "berichten", "tijdig", "aantal",
        waarde="pct_tijdig", hoger_beter=True, rij=("berichttype", "305"),
        uitleg="305 verstuurd binnen 5 werkdagen na de begindatum",
    ),
    _proportie(
        "k11_307", "K11", "Stopbericht (307) tijdig", "307 tijdig", "berichten", "tijdig", "aantal",
        waarde="pct_tijdig", hoger_beter=True, rij=("berichttype", "307"),
        uitleg="307 verstuurd binnen 5 werkdagen na de einddatum",
    ),
    Indicator(
        "k11_afwijzing", "K11", "Afgewezen declaratiebedrag", "Afwijzing", "pct", "declaraties", "afwijzing_pct",
        "regels", hoger_beter=False, uitleg="Afgewezen bedrag / ingediend bedrag (declaratieregels 323)",
    ),
)  # fmt: skip
PER_CODE = {i.code: i for i in INDICATOREN}
# One figure per KPI for the tables that compare providers, municipalities or categories: eight columns next to a
# full provider name fit a 1366 px screen with the sidebar open.
HOOFD = (
    "k1_score", "k2_cijfer", "k3_uitval", "k4_tijdig_gestart", "k5_duur", "k6_uitputting", "k7_per_100", "k11_305",
)  # fmt: skip
KOLOMMEN = ["indicator", "teller", "noemer", "n", "waarde"]


def regio_filters() -> Filters:
    """The whole region: all municipalities and providers, all years (the comparison standard, as in K10)."""
    return Filters(None, (), (), (), ())


def bron_beschikbaar(bron: str, f: Filters, groep: Sequence[str]) -> bool:
    """False when the source's table is missing, lacks a grouping column, or cannot honour the municipality scope
    (the spec's `kpi_berichtenverkeer` has no gemeentecode: it is never shown for a municipality selection)."""
    b = BRONNEN[bron]
    if not db.heeft_tabel(*b.tabellen):
        return False
    if (
        bron == "berichten"
        and not kpi.berichten_per_gemeente()
        and (f.gemeente_scope or "gemeentecode" in groep)
    ):
        return False
    nodig = set(groep) - {"jaar"}
    return all(nodig <= db.kolommen(t) for t in b.tabellen)


def meet(f: Filters, groep: Sequence[str]) -> pd.DataFrame:
    """All indicators for the filters, grouped by `groep` (plain column names; `jaar` becomes each source's own year
    expression). Returns the long frame [*groep, indicator, teller, noemer, n, waarde], unsuppressed."""
    groep = list(groep)
    delen = []
    for naam, bron in BRONNEN.items():
        indicatoren = [i for i in INDICATOREN if i.bron == naam]
        if not indicatoren or not bron_beschikbaar(naam, f, groep):
            continue
        select = [f"{bron.jaar} AS jaar" if g == "jaar" and bron.jaar != "jaar" else g for g in groep]
        df = bron.functie(f, [*select, *bron.extra_groep])
        for ind in indicatoren:
            rijen = df if ind.rij is None else df[df[ind.rij[0]].astype(str) == ind.rij[1]]
            delen.append(
                pd.DataFrame(
                    {
                        **{g: rijen[g].to_numpy() for g in groep},
                        "indicator": ind.code,
                        "teller": rijen[ind.teller].to_numpy(dtype="float64") if ind.teller else np.nan,
                        "noemer": rijen[ind.noemer].to_numpy(dtype="float64") if ind.noemer else np.nan,
                        "n": rijen[ind.n].to_numpy(dtype="float64"),
                        "waarde": pd.to_numeric(rijen[ind.waarde], errors="coerce").to_numpy(dtype="float64"),
                    }
                )
            )
    out = pd.concat(delen, ignore_index=True) if delen else pd.DataFrame(columns=[*groep, *KOLOMMEN])
    if "jaar" in out.columns:
        out = out[out["jaar"].notna()].astype({"jaar": "int64"})
    return out.reset_index(drop=True)


def trechter(df: pd.DataFrame, regio: pd.DataFrame, op: Sequence[str] = ("jaar",)) -> pd.DataFrame:
    """`df` with the region's value (`regio`) and, for proportions, the 95 % and 99,8 % limits around it at the row's
    own denominator, plus `positie`: −2/+2 outside the 99,8 % limits, −1/+1 outside the 95 % limits, 0 within, NaN
    where there are no limits or no value. Both frames must be suppressed already: a suppressed value (NaN) gets no
    limits and no mark, and a suppressed region value gives no limits for anyone."""
    sleutel = [*op, "indicator"]
    r = regio[[*sleutel, "waarde"]].rename(columns={"waarde": "regio"})
    out = df.merge(r, on=sleutel, how="left")
    proportie = out["indicator"].map(lambda c: PER_CODE[c].proportie).astype(bool)
    geldig = proportie & out["regio"].notna() & out["waarde"].notna() & (out["noemer"] > 0)
    p = out["regio"].where(geldig).to_numpy(dtype="float64")
    n = out["noemer"].where(geldig).to_numpy(dtype="float64")
    for z, naam in ((kpi.Z95, "95"), (kpi.Z998, "998")):
        laag, hoog = kpi.trechtergrenzen(np.nan_to_num(p), np.where(geldig, n, 1.0), z)
        out[f"grens_{naam}_laag"] = np.where(geldig, laag, np.nan)
        out[f"grens_{naam}_hoog"] = np.where(geldig, hoog, np.nan)
    w = out["waarde"]
    positie = np.select(
        [
            w > out["grens_998_hoog"],
            w > out["grens_95_hoog"],
            w < out["grens_998_laag"],
            w < out["grens_95_laag"],
        ],
        [2, 1, -2, -1],
        default=0,
    ).astype("float64")
    out["positie"] = np.where(geldig, positie, np.nan)
    return out


def oordeel(indicator: str, positie: float) -> str | None:
    """`goed`, `slecht` or `neutraal` for a position outside the limits (None when within or without limits)."""
    if pd.isna(positie) or positie == 0:
        return None
    richting = PER_CODE[indicator].hoger_beter
    if richting is None:
        return "neutraal"
    return "goed" if (positie > 0) == richting else "slecht"


def signaal(indicator: str, positie: float) -> str:
    """The Dutch mark for a row: where the value lies against the region's funnel limits."""
    if not PER_CODE[indicator].proportie:
        return "geen toets"
    if pd.isna(positie):
        return "–"
    if positie == 0:
        return "binnen"
    return f"{'▲' if positie > 0 else '▼'} buiten {'99,8' if abs(positie) == 2 else '95'} %"
