"""Disclosure control (dashboards/suppression.py, kpis.md Suppression): property-based tests on random small
tables, and one example per leak of issue 17.

The properties check the output as a reader would: from the shown cells, the totals and their parts and the shown
ratios only. They use their own statement of the rule (`_primair`) and their own exact arithmetic (fractions), not
the module's equations, so a mistake in the module's bookkeeping cannot hide itself.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboards import kpi, suppression
from dashboards.suppression import Totaal, onderdruk

# A table with everything the pages have: parts and their total in a row, a proportion of that total, a score over
# it, a rate of events over persons and a mean over those persons; and a tile with the column totals.
DELEN = ("a", "b", "c")
REGELS = suppression.Regels(
    aantallen=(*DELEN, "totaal", "gebeurtenissen", "personen"),
    maten={
        "aandeel": suppression.proportie("a", "totaal"),
        "score": suppression.verhouding({"a": 1, "b": 0.5}, "totaal", over="totaal"),
        "per_100": suppression.verhouding("gebeurtenissen", "personen", schaal=100),
        "gemiddeld": suppression.gemiddelde("personen"),
    },
    totalen={"totaal": DELEN},
)
AANTALLEN = REGELS.aantallen
# numerator weights × scale and denominator of the ratios that give an equation (the reader's value × denominator)
VERHOUDINGEN = {
    "aandeel": ({"a": 1}, "totaal", 1),
    "score": ({"a": 1, "b": Fraction(1, 2)}, "totaal", 1),
    "per_100": ({"gebeurtenissen": 1}, "personen", 100),
}


def _afgeleid(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["totaal"] = df[list(DELEN)].sum(axis=1)
    df["aandeel"] = kpi.deel(df["a"], df["totaal"])
    df["score"] = kpi.deel(df["a"] + 0.5 * df["b"], df["totaal"])
    df["per_100"] = kpi.deel(df["gebeurtenissen"] * 100, df["personen"])
    return df


rij = st.fixed_dictionaries(
    {
        "a": st.integers(0, 40),
        "b": st.integers(0, 40),
        "c": st.integers(0, 40),
        "gebeurtenissen": st.integers(0, 30),
        "personen": st.integers(0, 60),
        "gemiddeld": st.floats(1, 10),
    }
)
tabellen = st.lists(rij, min_size=1, max_size=5).map(lambda rs: _afgeleid(pd.DataFrame(rs)))
minima = st.sampled_from([3, 5, 10])


def _tegel(df: pd.DataFrame) -> pd.DataFrame:
    som = df[[*DELEN, "gebeurtenissen", "personen"]].sum().to_frame().T
    som["gemiddeld"] = 5.0
    return _afgeleid(som)


def _primair(df: pd.DataFrame, m: int) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """The rule as kpis.md states it: (cells that must be empty, counts that must not be recoverable)."""
    leeg, beschermd = set(), set()
    for i, r in enumerate(df.itertuples(index=False)):
        for c in AANTALLEN:
            if getattr(r, c) < m:
                leeg.add((i, c))
                beschermd.add((i, c))
        if min(r.a, r.totaal, r.totaal - r.a) < m:
            leeg.add((i, "aandeel"))
            if r.totaal - r.a < m:
                beschermd.add((i, "~aandeel"))
        if r.totaal < m:
            leeg.add((i, "score"))
        if min(r.gebeurtenissen, r.personen) < m:
            leeg.add((i, "per_100"))
        if r.personen < m:
            leeg.add((i, "gemiddeld"))
    return leeg, beschermd


def _leeg(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _vergelijkingen(tabel: str, df: pd.DataFrame, getoond: pd.DataFrame) -> list[dict]:
    """What a reader can write down for one table: every row's total = its parts, total = proportion's part + its
    complement, and every shown ratio × its denominator = its numerator (exact, from the true counts)."""
    rijen = []
    for i in range(len(df)):
        rijen.append({(tabel, i, "totaal"): 1, **{(tabel, i, d): -1 for d in DELEN}})
        rijen.append({(tabel, i, "totaal"): 1, (tabel, i, "a"): -1, (tabel, i, "~aandeel"): -1})
        for maat, (teller, noemer, schaal) in VERHOUDINGEN.items():
            if _leeg(getoond[maat].iloc[i]) or df[noemer].iloc[i] == 0:
                continue
            waarde = (
                Fraction(schaal)
                * sum(Fraction(w) * int(df[c].iloc[i]) for c, w in teller.items())
                / int(df[noemer].iloc[i])
            )
            vergelijking = {(tabel, i, c): Fraction(w) * schaal for c, w in teller.items()}
            vergelijking[(tabel, i, noemer)] = vergelijking.get((tabel, i, noemer), 0) - waarde
            rijen.append(vergelijking)
    return rijen


def _bepaald(vergelijkingen: list[dict], onbekend: set) -> set:
    """Unknowns fixed by the equations: exact Gauss-Jordan elimination over the fractions."""
    kolommen = sorted({k for v in vergelijkingen for k in v if k in onbekend})
    index = {k: j for j, k in enumerate(kolommen)}
    matrix = []
    for v in vergelijkingen:
        regel = [Fraction(0)] * len(kolommen)
        for k, a in v.items():
            if k in index:
                regel[index[k]] += Fraction(a)
        if any(regel):
            matrix.append(regel)
    spil_van: dict[int, int] = {}
    r = 0
    for j in range(len(kolommen)):
        spil = next((i for i in range(r, len(matrix)) if matrix[i][j] != 0), None)
        if spil is None:
            continue
        matrix[r], matrix[spil] = matrix[spil], matrix[r]
        matrix[r] = [x / matrix[r][j] for x in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][j] != 0:
                f = matrix[i][j]
                matrix[i] = [x - f * y for x, y in zip(matrix[i], matrix[r], strict=True)]
        spil_van[j] = r
        r += 1
    vrij = [j for j in range(len(kolommen)) if j not in spil_van]
    return {kolommen[j] for j, i in spil_van.items() if all(matrix[i][f] == 0 for f in vrij)}


def _onbekend(tabel: str, getoond: pd.DataFrame) -> set:
    uit = {(tabel, i, "~aandeel") for i in range(len(getoond))}
    for c in AANTALLEN:
        uit |= {(tabel, i, c) for i in range(len(getoond)) if _leeg(getoond[c].iloc[i])}
    return uit


def _controleer(df: pd.DataFrame, res: suppression.Onderdrukt, m: int, tabel: str) -> set:
    """Rule 1 and 2 hold and shown cells are unchanged; returns the protected cells (as equation keys)."""
    getoond = res.frame
    leeg, beschermd = _primair(df, m)
    for i, c in leeg:
        assert _leeg(getoond[c].iloc[i]), (tabel, i, c, df.iloc[i].to_dict())
        assert res.masker[c].iloc[i]
    for c in [*AANTALLEN, *VERHOUDINGEN, "gemiddeld"]:
        for i in range(len(df)):
            if not _leeg(getoond[c].iloc[i]):
                assert getoond[c].iloc[i] == df[c].iloc[i], (tabel, i, c)
                assert not res.masker[c].iloc[i]
            elif not _leeg(df[c].iloc[i]):
                assert res.masker[c].iloc[i]  # empty only where suppressed
    return {(tabel, i, c) for i, c in beschermd}


def _geen_terugrekening(
    delen: list[tuple[str, pd.DataFrame, suppression.Onderdrukt]], beschermd: set
) -> None:
    """Issue 17's three recoveries, and the general one: no protected count follows from what is shown."""
    vergelijkingen, onbekend = [], set()
    for naam, df, res in delen:
        getoond = res.frame
        vergelijkingen += _vergelijkingen(naam, df, getoond)
        onbekend |= _onbekend(naam, getoond)
        for i in range(len(df)):
            # a shown value × a shown denominator is never a suppressed count (for a numerator of one count; the
            # score's numerator a + ½b is no count, and the exact check below covers what it gives away)
            for maat, (teller, noemer, _) in VERHOUDINGEN.items():
                if (
                    len(teller) == 1
                    and not _leeg(getoond[maat].iloc[i])
                    and not _leeg(getoond[noemer].iloc[i])
                ):
                    (c,) = teller
                    assert (naam, i, c) not in beschermd, (naam, i, maat, c)
            # a shown total minus its shown parts is never a suppressed count
            weg = [d for d in DELEN if _leeg(getoond[d].iloc[i])]
            if not _leeg(getoond["totaal"].iloc[i]) and len(weg) == 1:
                assert (naam, i, weg[0]) not in beschermd, (naam, i, weg)
    if len(delen) == 2:  # the tile's columns are totals of the table's rows
        (t, _, tegel), (n, df, res) = delen
        for c in AANTALLEN:
            vergelijkingen.append({(t, 0, c): 1, **{(n, i, c): -1 for i in range(len(df))}})
            weg = [i for i in range(len(df)) if _leeg(res.frame[c].iloc[i])]
            if not _leeg(tegel.frame[c].iloc[0]) and len(weg) == 1:
                assert (n, weg[0], c) not in beschermd, (c, weg)
    teruggerekend = _bepaald(vergelijkingen, onbekend) & beschermd
    assert not teruggerekend, teruggerekend


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tabellen, minima)
def test_property_table_with_tile_leaks_nothing_and_keeps_what_passes(df: pd.DataFrame, m: int) -> None:
    tegel_df = _tegel(df)
    tegel = onderdruk(tegel_df, REGELS, m)
    res = onderdruk(df, REGELS, m, totalen=[Totaal(tegel)])
    beschermd = _controleer(tegel_df, tegel, m, "tegel") | _controleer(df, res, m, "tabel")
    _geen_terugrekening([("tegel", tegel_df, tegel), ("tabel", df, res)], beschermd)
    if not _primair(tegel_df, m)[0] and not _primair(df, m)[0]:
        assert res.aantal == 0 and tegel.aantal == 0  # nothing fails: everything is shown as it is


@settings(max_examples=150, deadline=None)
@given(tabellen, minima)
def test_property_rows_without_totals_are_independent(df: pd.DataFrame, m: int) -> None:
    res = onderdruk(df, REGELS, m)
    beschermd = _controleer(df, res, m, "tabel")
    _geen_terugrekening([("tabel", df, res)], beschermd)
    leeg, _ = _primair(df, m)
    for i in range(len(df)):
        if not any(r == i for r, _ in leeg):  # a row that passes is shown unchanged, whatever the others do
            assert not res.masker.iloc[i].any(), df.iloc[i].to_dict()
    again = onderdruk(df, REGELS, m)
    assert again.masker.equals(res.masker)  # deterministic


# --- issue 17's leaks, one example each -------------------------------------------------------------------------


def test_uitval_overstap_cannot_be_recovered_from_its_share():
    """'<10' overstap next to '11,1 % of 18' gave 2 clients away."""
    df = pd.DataFrame({"volgens_plan": [12], "uitval": [4], "extern": [2], "overstap": [2]})
    df["afgesloten"] = df["volgens_plan"] + df["uitval"]
    df["totaal"] = df["afgesloten"] + df["extern"]
    df["uitval_pct"] = df["uitval"] / df["afgesloten"]
    df["overstap_pct"] = df["overstap"] / df["totaal"]
    res = onderdruk(df, kpi.K3, 10)
    assert res.frame[["overstap", "overstap_pct"]].isna().all(axis=None)
    assert math.isnan(res.frame["uitval_pct"].iloc[0])  # 4 of 16: numerator below 10
    assert res.waarde("totaal") == 18  # alone it gives nothing away


def test_klachten_count_cannot_be_recovered_from_the_rate_per_100_clients():
    """'<10' complaints next to '2,0 per 100 clients' of 100 clients gave 2 away."""
    df = pd.DataFrame({"klachten": [2], "afgehandeld": [2], "binnen_6_weken": [2], "clienten": [100]})
    df["per_100"] = df["klachten"] * 100 / df["clienten"]
    res = onderdruk(df, kpi.K7, 10)
    assert res.frame[["klachten", "per_100"]].isna().all(axis=None)
    assert res.waarde("per_100") is None


def test_doelrealisatie_niet_behaald_is_not_total_minus_the_others():
    """'niet behaald' was recoverable as total − behaald − deels."""
    df = pd.DataFrame({"behaald": [15], "deels": [11], "niet": [4], "aantal": [30]})
    df["pct_behaald"] = df["behaald"] / df["aantal"]
    df["realisatiescore"] = (df["behaald"] + 0.5 * df["deels"]) / df["aantal"]
    res = onderdruk(df, kpi.K1, 10)
    r = res.frame.iloc[0]
    assert math.isnan(r["niet"])
    shown = [c for c in ("behaald", "deels", "niet") if not math.isnan(r[c])]
    assert len(shown) < 2 or math.isnan(r["aantal"]), "total and all parts but one shown"
    # and the score does not give the hidden part away either: (behaald + ½ deels) / aantal with two of them shown
    known = [c for c in ("behaald", "deels", "aantal") if not math.isnan(r[c])]
    assert math.isnan(r["realisatiescore"]) or len(known) < 2
    assert r["pct_behaald"] == 0.5  # 15 of 30, complement 15: passes and is shown as it is


def test_part_of_a_tile_is_not_the_tile_minus_the_other_rows():
    """Klachten tile 14 beside a table of Zorg Plus 12 and Thuishulp '<10': 14 − 12 = 2."""
    tegel_df = pd.DataFrame({"klachten": [14], "clienten": [18]})
    tegel = onderdruk(tegel_df, kpi.K7, 10)
    df = pd.DataFrame({"aanbieder": ["Zorg Plus", "Thuishulp"], "klachten": [12, 2], "clienten": [15, 3]})
    df["per_100"] = df["klachten"] * 100 / df["clienten"]
    res = onderdruk(df, kpi.K7, 10, totalen=[Totaal(tegel)])
    assert res.frame["klachten"].isna().all()  # the next smallest part goes too
    assert math.isnan(res.frame["per_100"].iloc[0])  # else 12 = rate × 15 would give it back
    assert tegel.waarde("klachten") == 14


def test_benchmark_style_region_total_needs_a_second_suppressed_municipality():
    """One suppressed municipality beside a published region value: region × inhabitants − the others = it."""
    regels = kpi.benchmark_regels("clienten_per_1000")
    df = pd.DataFrame(
        {"gemeentecode": ["A", "B", "C"], "teller": [5.0, 40.0, 60.0], "noemer": [4000.0, 20000.0, 30000.0]}
    )
    df["waarde"] = df["teller"] * 1000 / df["noemer"]
    regio = onderdruk(
        pd.DataFrame({"teller": [math.nan], "noemer": [54000.0], "waarde": [105 * 1000 / 54000]}), regels, 10
    )
    res = onderdruk(df, regels, 10, totalen=[Totaal(regio, ["teller", "noemer"])])
    weg = res.onderdrukt("waarde")
    assert list(weg) == [True, True, False]  # A, and B as the next smallest
    assert res.frame.loc[0, ["teller", "waarde"]].isna().all()


def test_configured_minimum_changes_the_rule():
    df = pd.DataFrame({"klachten": [6], "clienten": [40]})
    df["per_100"] = df["klachten"] * 100 / df["clienten"]
    assert onderdruk(df, kpi.K7, 10).is_onderdrukt("per_100")
    assert not onderdruk(df, kpi.K7, 5).is_onderdrukt("per_100")


def test_missing_values_are_not_suppressions():
    df = pd.DataFrame({"klachten": [20], "clienten": [None]})
    df["per_100"] = math.nan
    res = onderdruk(df, kpi.K7, 10)
    assert res.aantal == 0 and res.waarde("per_100") is None


@pytest.mark.parametrize("rijen", [[0], [1, 0]])
def test_a_view_of_some_rows_keeps_the_mask(rijen):
    df = pd.DataFrame({"klachten": [20, 3], "clienten": [40, 30]})
    df["per_100"] = df["klachten"] * 100 / df["clienten"]
    res = onderdruk(df, kpi.K7, 10)
    view = res.rijen(rijen)
    assert list(view.masker["klachten"]) == [res.masker["klachten"].iloc[i] for i in rijen]
