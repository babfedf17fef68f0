"""KPI queries: additive sums from the `kpi_` marts (ratios of sums at query time), medians and percentiles from the
`fct_` marts (kpis.md). Every function takes the active filters and a grouping and returns a pandas frame with the
numerators, denominators and derived ratios (fractions 0–1).

Next to each query stand its suppression rules (`K1` … `K11_DECLARATIES`): which columns count persons or events,
which are proportions, rates or means over them and which add up to which. A page passes the frame and these rules
to `suppression.onderdruk` and shows only what comes back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from dashboards import db
from dashboards.suppression import Maat, Regels, gemiddelde, proportie, verhouding
from dashboards.ui import Filters, where

START_JAAR = "year(greatest(ingangsdatum, toewijzingsdatum))"
TRAJECTDUUR_JAAR = "year(einddatum_traject)"
DECLARATIE_JAAR = "year(periode_begin)"
Z95, Z998 = 1.96, 3.09


def deel(teller: pd.Series | float, noemer: pd.Series | float) -> pd.Series | float:
    """teller / noemer with NaN where the denominator is 0 or missing."""
    t = pd.to_numeric(teller, errors="coerce") if isinstance(teller, pd.Series) else teller
    n = pd.to_numeric(noemer, errors="coerce") if isinstance(noemer, pd.Series) else noemer
    if isinstance(n, pd.Series):
        return (t / n.where(n != 0)).astype("float64")
    return float(t) / float(n) if n and not pd.isna(n) and not pd.isna(t) else np.nan


def trechtergrenzen(
    p: float | np.ndarray, n: np.ndarray | pd.Series | float, z: float
) -> tuple[np.ndarray | pd.Series | float, np.ndarray | pd.Series | float]:
    """Funnel limits p ± z·√(p(1−p)/n) around the region's proportion p at denominator n, clipped to [0, 1]
    (kpis.md K10). Shared by the benchmark's funnel plot and the provider scorecard so both draw the same limits;
    `p` and `n` may be arrays of the same length (one region value per row)."""
    se = np.sqrt(np.maximum(np.multiply(p, 1 - np.asarray(p)), 0.0) / n)
    return np.clip(p - z * se, 0.0, 1.0), np.clip(p + z * se, 0.0, 1.0)


def agg(
    tabel: str,
    aggregaten: str,
    f: Filters,
    groep: Sequence[str] = (),
    *,
    jaar: str | None = "jaar",
    gemeente: str | None = "gemeentecode",
    aanbieder: str | None = "aanbieder_agb",
    wijk: str | None = "wijkcode",
    extra: Sequence[str] = (),
) -> pd.DataFrame:
    """SELECT <groep>, <aggregaten> FROM <tabel> WHERE <filters> GROUP BY ALL."""
    w, params = where(f, jaar=jaar, gemeente=gemeente, aanbieder=aanbieder, wijk=wijk, extra=extra)
    select = ", ".join([*groep, aggregaten])
    order = f" ORDER BY {', '.join(str(i + 1) for i in range(len(groep)))}" if groep else ""
    return db.query(f"SELECT {select} FROM {tabel} {w} GROUP BY ALL{order}", params)


def zonder_jaar(f: Filters) -> Filters:
    """The same filters for all years (trend lines)."""
    return Filters(None, f.gemeenten, f.aanbieders, f.wijken, f.toegestaan)


# --- K1 ------------------------------------------------------------------------------------------------------


K1 = Regels(
    aantallen=("behaald", "deels", "niet", "aantal"),
    maten={
        "pct_behaald": proportie("behaald", "aantal"),
        # a score over the result rows (kpis.md K10: the count tested is the result rows)
        "realisatiescore": verhouding({"behaald": 1, "deels": 0.5}, "aantal", over="aantal"),
    },
    totalen={"aantal": ("behaald", "deels", "niet")},
)


def doelrealisatie(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    df = agg(
        "marts.kpi_doelrealisatie",
        "coalesce(sum(aantal_behaald), 0)::BIGINT AS behaald, coalesce(sum(aantal_deels), 0)::BIGINT AS deels, "
        "coalesce(sum(aantal_niet), 0)::BIGINT AS niet, coalesce(sum(aantal), 0)::BIGINT AS aantal",
        f,
        groep,
    )
    df["pct_behaald"] = deel(df["behaald"], df["aantal"])
    df["realisatiescore"] = deel(df["behaald"] + 0.5 * df["deels"], df["aantal"])
    return df


# --- K2 ------------------------------------------------------------------------------------------------------


K2 = Regels(
    aantallen=("respondenten", "voldoende", "beeindigd"),
    maten={
        "gemiddeld_cijfer": gemiddelde("respondenten"),
        "pct_voldoende": proportie("voldoende", "respondenten"),
        "respons_pct": verhouding("respondenten", "beeindigd"),
    },
    sommen={"som_cijfer": ("respondenten",)},
)


def tevredenheid(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    df = agg(
        "marts.kpi_tevredenheid",
        "coalesce(sum(aantal_respondenten), 0)::BIGINT AS respondenten, coalesce(sum(som_cijfer), 0) AS som_cijfer, "
        "coalesce(sum(aantal_voldoende), 0)::BIGINT AS voldoende, "
        "coalesce(sum(aantal_beeindigd), 0)::BIGINT AS beeindigd",
        f,
        groep,
    )
    df["gemiddeld_cijfer"] = deel(df["som_cijfer"], df["respondenten"])
    df["pct_voldoende"] = deel(df["voldoende"], df["respondenten"])
    df["respons_pct"] = deel(df["respondenten"], df["beeindigd"])
    return df


# --- K3 ------------------------------------------------------------------------------------------------------


K3 = Regels(
    aantallen=("volgens_plan", "uitval", "extern", "overstap", "totaal", "afgesloten"),
    maten={"uitval_pct": proportie("uitval", "afgesloten"), "overstap_pct": proportie("overstap", "totaal")},
    totalen={"afgesloten": ("volgens_plan", "uitval"), "totaal": ("afgesloten", "extern")},
)


def uitval(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    df = agg(
        "marts.kpi_uitval",
        "coalesce(sum(aantal) FILTER (reden_groep = 'volgens_plan'), 0)::BIGINT AS volgens_plan, "
        "coalesce(sum(aantal) FILTER (reden_groep = 'uitval'), 0)::BIGINT AS uitval, "
        "coalesce(sum(aantal) FILTER (reden_groep = 'extern'), 0)::BIGINT AS extern, "
        "coalesce(sum(aantal) FILTER (reden_beeindiging = '38'), 0)::BIGINT AS overstap, "
        "coalesce(sum(aantal), 0)::BIGINT AS totaal",
        f,
        groep,
    )
    df["afgesloten"] = df["volgens_plan"] + df["uitval"]
    df["uitval_pct"] = deel(df["uitval"], df["afgesloten"])
    df["overstap_pct"] = deel(df["overstap"], df["totaal"])
    return df


# --- K4 ------------------------------------------------------------------------------------------------------


K4_START = Regels(
    aantallen=("gestart", "beoordeeld", "tijdig"),
    maten={
        "pct_tijdig": proportie("tijdig", "beoordeeld"),
        "mediaan_dagen": gemiddelde("gestart"),
        "p90_dagen": gemiddelde("gestart"),
    },
)


def start(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    df = agg(
        "marts.fct_toewijzingen",
        "count(startdatum) AS gestart, count(*) FILTER (tijdig_gestart) AS tijdig, "
        "count(tijdig_gestart) AS beoordeeld, median(dagen_tot_start) AS mediaan_dagen, "
        "quantile_cont(dagen_tot_start, 0.9) AS p90_dagen",
        f,
        groep,
        jaar=START_JAAR,
        extra=("NOT coalesce(is_verwijderd, false)",),
    )
    df["pct_tijdig"] = deel(df["tijdig"], df["beoordeeld"])
    return df


K4_AANVRAAG = Regels(
    aantallen=(
        "aanvragen", "beantwoord", "tijdig", "beoordeeld", "toegewezen_n", "toegewezen", "afgewezen",
        "in_onderzoek", "open",
    ),
    maten={
        "pct_tijdig": proportie("tijdig", "beoordeeld"),
        "mediaan_dagen": gemiddelde("beantwoord"),
        "p90_dagen": gemiddelde("beantwoord"),
        "mediaan_toewijzing": gemiddelde("toegewezen_n"),
    },
    totalen={"aanvragen": ("toegewezen", "afgewezen", "in_onderzoek", "open")},
)  # fmt: skip


def aanvragen(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    df = agg(
        "marts.fct_aanvragen",
        "count(*) AS aanvragen, count(antwoorddatum) AS beantwoord, "
        "count(*) FILTER (tijdig_beantwoord) AS tijdig, count(tijdig_beantwoord) AS beoordeeld, "
        "median(dagen_tot_antwoord) AS mediaan_dagen, quantile_cont(dagen_tot_antwoord, 0.9) AS p90_dagen, "
        "count(dagen_tot_toewijzing) AS toegewezen_n, median(dagen_tot_toewijzing) AS mediaan_toewijzing, "
        "count(*) FILTER (status = 'toegewezen') AS toegewezen, count(*) FILTER (status = 'afgewezen') AS afgewezen, "
        "count(*) FILTER (status = 'in_onderzoek') AS in_onderzoek, count(*) FILTER (status = 'open') AS open",
        f,
        groep,
        jaar="year(aanvraagdatum)",
        wijk=None,
    )
    df["pct_tijdig"] = deel(df["tijdig"], df["beoordeeld"])
    return df


K4_WACHTLIJST = Regels(
    aantallen=("wachtenden",),
    maten={c: gemiddelde("wachtenden") for c in ("mediaan_dagen", "p90_dagen", "max_dagen")},
)
K5 = Regels(
    aantallen=("trajecten",),
    maten={c: gemiddelde("trajecten") for c in ("gemiddeld", "mediaan", "p90")},
)


def wachtlijst(f: Filters, peildatum: date | None, groep: Sequence[str] = ()) -> pd.DataFrame:
    """Waiting list on the peildatum: `marts.fct_wachtlijst` when published, else derived from fct_toewijzingen."""
    if db.heeft_tabel("marts.fct_wachtlijst") and {"aanbieder_agb", "wachtdagen"} <= db.kolommen(
        "marts.fct_wachtlijst"
    ):
        kol = db.kolommen("marts.fct_wachtlijst")
        return agg(
            "marts.fct_wachtlijst",
            "count(*) AS wachtenden, median(wachtdagen) AS mediaan_dagen, "
            "quantile_cont(wachtdagen, 0.9) AS p90_dagen, max(wachtdagen) AS max_dagen",
            f,
            groep,
            jaar=None,
            gemeente="gemeentecode" if "gemeentecode" in kol else None,
            wijk="wijkcode" if "wijkcode" in kol else None,
        )
    if peildatum is None:
        return pd.DataFrame()
    p = f"DATE '{peildatum.isoformat()}'"
    return agg(
        "marts.fct_toewijzingen",
        f"count(*) AS wachtenden, median({p} - greatest(ingangsdatum, toewijzingsdatum)) AS mediaan_dagen, "
        f"quantile_cont({p} - greatest(ingangsdatum, toewijzingsdatum), 0.9) AS p90_dagen, "
        f"max({p} - greatest(ingangsdatum, toewijzingsdatum)) AS max_dagen",
        f,
        groep,
        jaar=None,
        extra=(
            "NOT coalesce(is_verwijderd, false)",
            "startdatum IS NULL",
            f"greatest(ingangsdatum, toewijzingsdatum) <= {p}",
            f"(einddatum IS NULL OR einddatum >= {p})",
        ),
    )


# --- K5 ------------------------------------------------------------------------------------------------------


def trajectduur(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    """Completed trajectories (a start and a definitive stop; year of einddatum_traject): count, mean, median, p90."""
    return agg(
        "marts.fct_toewijzingen",
        "count(duur_dagen) AS trajecten, avg(duur_dagen) AS gemiddeld, median(duur_dagen) AS mediaan, "
        "quantile_cont(duur_dagen, 0.9) AS p90",
        f,
        groep,
        jaar=TRAJECTDUUR_JAAR,
        extra=("NOT coalesce(is_verwijderd, false)", "duur_dagen IS NOT NULL"),
    )


# --- K6 ------------------------------------------------------------------------------------------------------


K6 = Regels(
    aantallen=("toewijzingen", "bekend", "onbekend"),
    # money is no count, but a sum over fewer than min_celgrootte assignments is suppressed with them
    sommen={
        "toegewezen": ("bekend",),
        "goedgekeurd_bekend": ("bekend",),
        "goedgekeurd_onbekend": ("onbekend",),
        "goedgekeurd": ("toewijzingen",),
        "ingediend": ("toewijzingen",),
        "in_behandeling": ("toewijzingen",),
    },
    maten={"uitputting_pct": Maat({"goedgekeurd_bekend": 1.0}, "toegewezen", ("bekend",))},
    totalen={
        "toewijzingen": ("bekend", "onbekend"),
        "goedgekeurd": ("goedgekeurd_bekend", "goedgekeurd_onbekend"),
    },
)


def budget(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    df = agg(
        "marts.fct_budget_jaar",
        "sum(toegewezen_bedrag_cent) AS toegewezen, coalesce(sum(ingediend_bedrag_cent), 0) AS ingediend, "
        "coalesce(sum(goedgekeurd_bedrag_cent), 0) AS goedgekeurd, "
        "coalesce(sum(in_behandeling_bedrag_cent), 0) AS in_behandeling, "
        "coalesce(sum(goedgekeurd_bedrag_cent) FILTER (toegewezen_bedrag_cent IS NOT NULL), 0) AS goedgekeurd_bekend, "
        "count(DISTINCT (gemeentecode, toewijzingnummer)) AS toewijzingen, "
        "count(DISTINCT (gemeentecode, toewijzingnummer)) FILTER (toegewezen_bedrag_cent IS NOT NULL) AS bekend, "
        "count(DISTINCT (gemeentecode, toewijzingnummer)) FILTER (toegewezen_bedrag_cent IS NULL) AS onbekend",
        f,
        groep,
    )
    df["goedgekeurd_onbekend"] = df["goedgekeurd"] - df["goedgekeurd_bekend"]
    df["uitputting_pct"] = deel(df["goedgekeurd_bekend"], df["toegewezen"])
    return df


K6_ONBEKEND = Regels(aantallen=("toewijzingen",), sommen={"goedgekeurd": ("toewijzingen",)})


# --- K7 ------------------------------------------------------------------------------------------------------


K7 = Regels(
    aantallen=("klachten", "afgehandeld", "binnen_6_weken", "clienten"),
    maten={
        "pct_binnen_6_weken": proportie("binnen_6_weken", "afgehandeld"),
        "gem_afhandeldagen": gemiddelde("afgehandeld"),
        "mediaan_dagen": gemiddelde("afgehandeld"),
        "per_100": verhouding("klachten", "clienten", schaal=100),
    },
    sommen={"som_afhandeldagen": ("afgehandeld",)},
)


def klachten(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    df = agg(
        "marts.kpi_klachten",
        "coalesce(sum(aantal_klachten), 0)::BIGINT AS klachten, coalesce(sum(aantal_afgehandeld), 0)::BIGINT AS "
        "afgehandeld, coalesce(sum(aantal_binnen_6_weken), 0)::BIGINT AS binnen_6_weken, "
        "coalesce(sum(som_afhandeldagen), 0) AS som_afhandeldagen",
        f,
        groep,
        wijk=None,
    )
    df["pct_binnen_6_weken"] = deel(df["binnen_6_weken"], df["afgehandeld"])
    df["gem_afhandeldagen"] = deel(df["som_afhandeldagen"], df["afgehandeld"])
    return df


def actieve_clienten(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    """The K7 denominator from `marts.kpi_klachten_clienten`, so the dashboard counts "active" exactly as dbt does
    (validity cut off at the definitive stop and at the peildatum, deleted assignments excluded).

    The mart's counts are distinct clients per (jaar, gemeente, aanbieder); over several providers they add up to
    client-provider relations, which is the denominator of a complaint about a provider (docs/kpis-verantwoording.md).
    """
    if f.jaar is None and "jaar" not in groep:  # a client active in two years would be counted twice
        return pd.DataFrame(columns=[*groep, "clienten"])
    return agg(
        "marts.kpi_klachten_clienten",
        "coalesce(sum(aantal_clienten_actief), 0)::BIGINT AS clienten",
        f,
        groep,
        wijk=None,
    )


def klachten_per_100(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    """K7 complaints with the active clients of `actieve_clienten` beside them and `per_100` = klachten / clienten
    × 100 (NaN where the client count is missing or 0)."""
    df = klachten(f, groep)
    clienten = actieve_clienten(f, groep) if db.heeft_tabel("marts.kpi_klachten_clienten") else None
    if clienten is None or clienten.empty:
        df["clienten"] = np.nan
    elif groep:
        df = df.merge(clienten, on=list(groep), how="left")
    else:
        df["clienten"] = clienten["clienten"].iloc[0]
    return per_100_clienten(df)


def per_100_clienten(df: pd.DataFrame) -> pd.DataFrame:
    """K7 per 100 clients on a frame with `klachten` and `clienten` (after `actieve_clienten` was merged in)."""
    df = df.copy()
    df["per_100"] = deel(df["klachten"] * 100, df["clienten"])
    return df


# --- K11 -----------------------------------------------------------------------------------------------------


def berichten_per_gemeente() -> bool:
    """True when `marts.kpi_berichtenverkeer` is split by municipality (the spec's grain is provider × year only)."""
    return "gemeentecode" in db.kolommen("marts.kpi_berichtenverkeer")


def berichtenverkeer(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    """Messages per type: count, on time and with a retour code other than 0200; `pct_tijdig` = tijdig / aantal.

    Without a gemeentecode in the mart the municipality filter cannot apply: the caller decides whether to show the
    region-wide figures (never to a municipality-restricted user)."""
    df = agg(
        "marts.kpi_berichtenverkeer",
        "sum(aantal)::BIGINT AS aantal, sum(aantal_tijdig)::BIGINT AS tijdig, "
        "sum(aantal_met_retourcode)::BIGINT AS met_retourcode",
        f,
        groep,
        gemeente="gemeentecode" if berichten_per_gemeente() else None,
        wijk=None,
    )
    df["pct_tijdig"] = deel(df["tijdig"], df["aantal"])
    return df


def declaraties(f: Filters, groep: Sequence[str] = ()) -> pd.DataFrame:
    """Declaration lines (year of ProductPeriode begin) and the rejection rate = rejected amount / submitted."""
    df = agg(
        "marts.fct_prestaties",
        "count(*) AS regels, count(*) FILTER (status = 'afgewezen') AS afgewezen_regels, "
        "sum(bedrag_cent) AS ingediend, coalesce(sum(bedrag_cent) FILTER (status = 'afgewezen'), 0) AS afgewezen, "
        "coalesce(sum(bedrag_cent) FILTER (status = 'in_behandeling'), 0) AS in_behandeling",
        f,
        groep,
        jaar=DECLARATIE_JAAR,
        wijk=None,
    )
    df["afwijzing_pct"] = deel(df["afgewezen"], df["ingediend"])
    return df


K11_BERICHTEN = Regels(
    aantallen=("aantal", "tijdig", "met_retourcode"),
    maten={"pct_tijdig": proportie("tijdig", "aantal")},
)
K11_DECLARATIES = Regels(
    aantallen=("regels", "afgewezen_regels"),
    sommen={"ingediend": ("regels",), "afgewezen": ("afgewezen_regels",), "in_behandeling": ("regels",)},
    maten={"afwijzing_pct": Maat({"afgewezen": 1.0}, "ingediend", ("regels", "afgewezen_regels"))},
)


# --- K10 -----------------------------------------------------------------------------------------------------

PROPORTIES_K10 = ("uitval_pct", "pct_tijdig_gestart")
PER_INWONER_K10 = ("clienten_per_1000", "kosten_per_inwoner")
LIMIETEN_K10 = ("grens_95_laag", "grens_95_hoog", "grens_998_laag", "grens_998_hoog", "buiten_998")


def benchmark_regels(indicator: str) -> Regels:
    """One row of `marts.benchmark_gemeenten` as the mart suppresses it (kpis.md K10): the count tested is the
    clients for the per-inhabitant indicators (`clienten`, joined from clienten_per_1000 for the costs), the result
    rows or responses for the two means, and numerator, denominator and complement for the proportions. The
    denominator counts as known to a reader (inhabitants are public; other pages show the rest), and the limits and
    the flag go with the value."""
    samen = {"waarde": ("teller", "noemer", *LIMIETEN_K10)}
    if indicator in PROPORTIES_K10:
        return Regels(
            aantallen=("teller", "noemer"),
            maten={"waarde": proportie("teller", "noemer")},
            publiek=("noemer",),
            samen=samen,
        )
    if indicator == "clienten_per_1000":
        return Regels(
            aantallen=("teller",),
            maten={"waarde": verhouding("teller", "noemer", schaal=1000, over="teller")},
            publiek=("noemer",),
            samen=samen,
        )
    if indicator == "kosten_per_inwoner":  # teller in eurocents, waarde in euros per inhabitant
        return Regels(
            aantallen=("clienten",),
            sommen={"teller": ("clienten",)},
            maten={"waarde": Maat({"teller": 1.0}, "noemer", ("clienten",), schaal=0.01)},
            publiek=("noemer",),
            samen=samen,
        )
    return Regels(  # realisatiescore (Σ score) and gemiddeld_cijfer (Σ grades) over their rows
        aantallen=("noemer",),
        sommen={"teller": ("noemer",)},
        maten={"waarde": Maat({"teller": 1.0}, "noemer", ("noemer",))},
        publiek=("noemer",),
        samen=samen,
    )
