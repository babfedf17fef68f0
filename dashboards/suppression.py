"""Disclosure control for every dashboard view and download outside the controller's pages (kpis.md, Conventions:
Suppression; docs/privacy.md).

One function, `onderdruk`, takes a frame and the meaning of its columns (`Regels`) and returns an `Onderdrukt`:
the same frame with every suppressed cell NaN, a mask of what was suppressed, and the equations that were checked.
Pages, tiles, charts and downloads all read from that result; none of them tests a count or divides on its own.

The rule, per row:
1. a count of persons or events below `min_celgrootte` is suppressed;
2. a proportion (`proportie`) is suppressed when its numerator, its denominator or its complement (denominator −
   numerator) is below the minimum; a mean, score, rate, median or percentile (`verhouding`, `gemiddelde`) when a
   count it is computed over is; a sum that is no count (money: `Regels.sommen`) with the counts behind it. Where
   a value's numerator, denominator and flags belong to it alone (a benchmark row, `Regels.samen`) they go with it;
   a count that is also a table column of its own stays when it passes and rule 3 finds nothing it gives away;
3. secondary suppression: no count that failed 1., no complement below the minimum and no money suppressed with
   its counts may be recoverable from what stays shown. The shown cells, the totals and their parts
   (`Regels.totalen` within a row, `Totaal` across rows and tables) and every shown ratio (value × denominator =
   numerator) form a system of linear equations in the suppressed cells; while one of those is uniquely
   determined by it, one more shown cell is suppressed: a ratio that gives it away, else the next smallest part
   of a total it belongs to, else the total, else a cell further along the equations.
Cells that pass all of this are returned unchanged.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

LABEL = "onderdrukt"
"""What a suppressed cell shows on screen; in a download the cell is empty and the `Onderdrukt` column names it."""


def toelichting(min_celgrootte: int) -> str:
    """The Dutch explanation under a table, in tiles and in the header of a download."""
    return (
        f"Cellen met ‘{LABEL}’ zijn weggelaten om cliënten te beschermen: een aantal personen of gebeurtenissen onder "
        f"{min_celgrootte}, een percentage waarvan de teller, de noemer of het complement (noemer − teller) onder "
        f"{min_celgrootte} ligt, een gemiddelde, mediaan of verhouding over minder dan {min_celgrootte} personen of "
        "gebeurtenissen, en elke cel waaruit zo’n aantal terug te rekenen zou zijn (uit een totaal min de andere "
        "delen, of uit een percentage maal de noemer). Een hoger niveau (meer jaren, minder uitsplitsing, de hele "
        "regio) laat vaak wel een cijfer zien."
    )


# --- what the columns of a frame mean -------------------------------------------------------------------------


@dataclass(frozen=True)
class Maat:
    """A value computed from counts: waarde = schaal × Σ(gewicht × teller) / noemer.

    `teller`: {count column: weight}, or None when the numerator is not made of counts (a sum of grades or days, a
    median); then the value gives no equation. `noemer`: the column divided by (a count or a public number), or None.
    `over`: the counts of persons or events the value is tested on (rule 2). `proportie`: the numerator is part of
    the denominator, so the complement is tested (and protected) too.
    """

    teller: Mapping[str, float] | None
    noemer: str | None
    over: tuple[str, ...]
    proportie: bool = False
    schaal: float = 1.0


def proportie(teller: str, noemer: str, *, schaal: float = 1.0) -> Maat:
    """A share of a group (`teller` counts a part of `noemer`): numerator, denominator and complement are tested."""
    return Maat({teller: 1.0}, noemer, (teller, noemer), proportie=True, schaal=schaal)


def verhouding(
    teller: str | Mapping[str, float],
    noemer: str,
    *,
    schaal: float = 1.0,
    over: str | Sequence[str] | None = None,
) -> Maat:
    """A score or rate whose numerator is a (weighted) sum of counts, e.g. `verhouding("klachten", "clienten",
    schaal=100)` or `verhouding({"behaald": 1, "deels": 0.5}, "aantal", over="aantal")`.

    `over` defaults to every count behind it (the numerator's columns and the denominator); columns that are not
    counts in `Regels` (public numbers such as inhabitants) are not tested."""
    tel = {teller: 1.0} if isinstance(teller, str) else dict(teller)
    getoetst = (over,) if isinstance(over, str) else tuple(over) if over is not None else (*tel, noemer)
    return Maat(tel, noemer, getoetst, schaal=schaal)


def gemiddelde(over: str | Sequence[str]) -> Maat:
    """A mean, median or percentile over these counts (e.g. mean grade over the respondents): tested on them, and
    no equation (its numerator is not a count)."""
    return Maat(None, None, (over,) if isinstance(over, str) else tuple(over))


@dataclass(frozen=True)
class Regels:
    """The meaning of a frame's columns for suppression. Columns not named here are labels and pass unchanged.

    `aantallen`: counts of persons or events. `maten`: {column: proportie(...) / verhouding(...) / gemiddelde(...)}.
    `totalen`: {total column: its part columns} within one row (e.g. aantal = behaald + deels + niet).
    `sommen`: {column: the counts of persons or events behind it} for sums that are not counts (money, Σ grades,
    Σ scores): not tested themselves, but suppressed (and then protected) with those counts or with a suppressed
    ratio they belong to; they add up over rows like counts.
    `publiek`: numbers a reader knows anyway (inhabitants; a denominator published elsewhere): never treated as
    unknown in the equations, even where a column is also a count and emptied here.
    `samen`: {value column: columns shown only together with it} (a benchmark value's numerator, denominator,
    funnel limits and flag): emptied whenever the value is, by any rule.
    Combine the rules of several KPIs with `|`.
    """

    aantallen: tuple[str, ...] = ()
    maten: Mapping[str, Maat] = field(default_factory=dict)
    totalen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sommen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    publiek: tuple[str, ...] = ()
    samen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __or__(self, other: Regels) -> Regels:
        return Regels(
            tuple(dict.fromkeys((*self.aantallen, *other.aantallen))),
            {**self.maten, **other.maten},
            {**self.totalen, **other.totalen},
            {**self.sommen, **other.sommen},
            tuple(dict.fromkeys((*self.publiek, *other.publiek))),
            {**self.samen, **other.samen},
        )

    @property
    def kolommen(self) -> set[str]:
        return {*self.aantallen, *self.maten, *self.sommen, *self.publiek}

    def hernoemd(self, namen: Mapping[str, str]) -> Regels:
        """The same rules after `frame.rename(columns=namen)`."""

        def n(c: str) -> str:
            return namen.get(c, c)

        return Regels(
            tuple(n(c) for c in self.aantallen),
            {
                n(k): replace(
                    m,
                    teller=None if m.teller is None else {n(c): w for c, w in m.teller.items()},
                    noemer=None if m.noemer is None else n(m.noemer),
                    over=tuple(n(c) for c in m.over),
                )
                for k, m in self.maten.items()
            },
            {n(k): tuple(n(c) for c in v) for k, v in self.totalen.items()},
            {n(k): tuple(n(c) for c in v) for k, v in self.sommen.items()},
            tuple(n(c) for c in self.publiek),
            {n(k): tuple(n(c) for c in v) for k, v in self.samen.items()},
        )


@dataclass(frozen=True)
class Totaal:
    """The rows of the frame being suppressed add up to rows of an earlier result (a tile, a coarser table).

    `kolommen`: {column here: column in `bron`}, or a list of columns with the same name; default every count and
    sum column the two have in common. `per`: key columns; the rows with the same key add up to the row of
    `bron` with that key (no key: all rows add up to `bron`'s single row). `rijen`: only these rows (a boolean
    Series on the frame's index), e.g. the end reasons of one reason group.
    """

    bron: Onderdrukt
    kolommen: Mapping[str, str] | Sequence[str] | None = None
    per: Sequence[str] = ()
    rijen: pd.Series | None = None


# --- the equations ------------------------------------------------------------------------------------------

Sleutel = tuple[int, int, str]  # (result number, row position, column); column "~x" is the complement of x
_uids = itertools.count(1)
_TOL = 1e-9


def _getal(v: Any) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return math.nan


@dataclass
class _Stelsel:
    """Values, suppressed cells and equations of one result and of every result it was checked against."""

    waarde: dict[Sleutel, float] = field(default_factory=dict)
    soort: dict[Sleutel, str] = field(default_factory=dict)  # aantal, som, publiek, maat, complement
    bekend: set[Sleutel] = field(default_factory=set)  # known to a reader whatever is shown (Regels.publiek)
    verborgen: set[Sleutel] = field(default_factory=set)
    beschermd: set[Sleutel] = field(default_factory=set)
    sommen: list[tuple[Sleutel, tuple[Sleutel, ...]]] = field(default_factory=list)
    maten: dict[Sleutel, tuple[dict[Sleutel, float], Sleutel | None, float]] = field(default_factory=dict)
    _som_rijen: list[dict[Sleutel, float]] = field(default_factory=list, repr=False)

    def voeg_toe(self, ander: _Stelsel) -> None:
        self.waarde.update(ander.waarde)
        self.soort.update(ander.soort)
        self.bekend |= ander.bekend
        self.verborgen |= ander.verborgen
        self.beschermd |= ander.beschermd
        bekend = set(self.sommen)
        self.sommen += [s for s in ander.sommen if s not in bekend]
        self.maten.update(ander.maten)

    def onbekend(self, k: Sleutel) -> bool:
        if k in self.bekend:
            return False
        # a missing value (`–` on screen) is known to be missing; a suppressed or unpublished one is unknown
        return k in self.verborgen or self.soort.get(k) == "complement"

    def vergelijkingen(self) -> list[tuple[dict[Sleutel, float], Sleutel | None]]:
        """Every equation a reader can set up, with the ratio it comes from (None for a total = Σ parts): totals =
        Σ parts, and shown value × denominator = numerator."""
        if len(self._som_rijen) != len(self.sommen):  # the totals only grow before rule 3
            self._som_rijen = []
            for totaal, delen in self.sommen:
                rij: dict[Sleutel, float] = {totaal: 1.0}
                for d in delen:
                    rij[d] = rij.get(d, 0.0) - 1.0
                self._som_rijen.append(rij)
        rijen: list[tuple[dict[Sleutel, float], Sleutel | None]] = [(r, None) for r in self._som_rijen]
        for m, (teller, noemer, schaal) in self.maten.items():
            w = self.waarde.get(m, math.nan)
            if m in self.verborgen or math.isnan(w) or noemer is None:
                continue
            rij = {k: a * schaal for k, a in teller.items()}
            rij[noemer] = rij.get(noemer, 0.0) - w
            rijen.append((rij, m))
        return rijen

    def _onbekende_delen(
        self, rijen: list[tuple[dict[Sleutel, float], Sleutel | None]], doelen: set[Sleutel]
    ) -> dict[int, dict[Sleutel, float]]:
        """The equations (by position in `rijen`) restricted to their unknown cells (the shown ones only move to the
        other side), without those that cannot fix anything: an equation with an unknown that is no target and
        occurs in no other equation holds whatever the rest is (that unknown takes up the slack), so it is
        dropped, repeatedly."""
        uit: dict[int, dict[Sleutel, float]] = {}
        for i, (rij, _) in enumerate(rijen):
            r = {k: a for k, a in rij.items() if abs(a) > _TOL and self.onbekend(k)}
            if r:
                uit[i] = r
        waar: dict[Sleutel, list[int]] = {}
        for i, r in uit.items():
            for k in r:
                waar.setdefault(k, []).append(i)
        stapel = [k for k, ii in waar.items() if len(ii) == 1 and k not in doelen]
        while stapel:
            k = stapel.pop()
            levend = [i for i in waar[k] if i in uit]
            if len(levend) != 1:
                continue
            for ander in uit.pop(levend[0]):
                if ander not in doelen and sum(i in uit for i in waar[ander]) == 1:
                    stapel.append(ander)
        return uit

    @staticmethod
    def _matrix(groep: list[dict[Sleutel, float]]) -> tuple[np.ndarray, dict[Sleutel, int], list[float]]:
        """The equations as a matrix over their unknowns, each row scaled to a largest coefficient of 1."""
        kolommen = sorted({k for r in groep for k in r})
        index = {k: i for i, k in enumerate(kolommen)}
        a = np.zeros((len(groep), len(kolommen)))
        schalen = []
        for i, r in enumerate(groep):
            schaal = max(abs(v) for v in r.values())
            schalen.append(schaal)
            for k, v in r.items():
                a[i, index[k]] = v / schaal
        return a, index, schalen

    @staticmethod
    def _rref(a: np.ndarray, transformatie: bool = False) -> tuple[np.ndarray, list[int], np.ndarray | None]:
        """Gauss-Jordan elimination with partial pivoting (plain array operations: no BLAS threads, which thrash on a
        busy machine): the reduced row echelon form R of `a`, its pivot columns and, when asked, E with E·a = R.
        Zero rows of R then mark rows of E that combine the equations to nothing."""
        m, n = a.shape
        werk = np.hstack([a, np.eye(m)]) if transformatie else a.copy()
        drempel = _TOL * max(1.0, float(np.abs(a).max(initial=0.0)))
        spillen: list[int] = []
        r = 0
        for c in range(n):
            if r == m:
                break
            i = r + int(np.argmax(np.abs(werk[r:, c])))
            if abs(werk[i, c]) <= drempel:
                werk[r:, c] = 0.0
                continue
            if i != r:
                werk[[r, i]] = werk[[i, r]]
            werk[r] /= werk[r, c]
            factor = werk[:, c].copy()
            factor[r] = 0.0
            rijen, kolommen = np.flatnonzero(factor), np.flatnonzero(werk[r])  # the systems are sparse
            if rijen.size:
                werk[np.ix_(rijen, kolommen)] -= np.outer(factor[rijen], werk[r, kolommen])
            spillen.append(c)
            r += 1
        return werk[:, :n], spillen, (werk[:, n:] if transformatie else None)

    @classmethod
    def _vast_in(cls, rref: np.ndarray, spillen: list[int]) -> dict[int, int]:
        """{column: its pivot row} for the unknowns the equations fix: a pivot row with nothing in a free column."""
        vrij = np.ones(rref.shape[1], bool)
        vrij[spillen] = False
        rest = np.abs(rref[: len(spillen)][:, vrij]).max(axis=1, initial=0.0) if vrij.any() else None
        return {
            c: r
            for r, c in enumerate(spillen)
            if rest is None or rest[r] <= _TOL * max(1.0, np.abs(rref[r]).max())
        }

    def _vast(self, groep: list[dict[Sleutel, float]], doelen: set[Sleutel]) -> list[Sleutel]:
        """Which of `doelen` one connected group of equations fixes: those whose unit vector lies in the row space
        of the equations."""
        a, index, _ = self._matrix(groep)
        vast = self._vast_in(*self._rref(a)[:2])
        return [k for k, i in index.items() if k in doelen and i in vast]

    def _doelen(self) -> set[Sleutel]:
        return {k for k in self.beschermd if self.onbekend(k)}

    def bepaald(self) -> list[Sleutel]:
        """The protected cells that the equations determine uniquely (in a stable order)."""
        doelen = self._doelen()
        if not doelen:
            return []
        beperkt = list(self._onbekende_delen(self.vergelijkingen(), doelen).values())
        ouder: dict[Sleutel, Sleutel] = {}

        def wortel(k: Sleutel) -> Sleutel:
            while ouder.setdefault(k, k) != k:
                ouder[k] = ouder[ouder[k]]
                k = ouder[k]
            return k

        for r in beperkt:
            eerste, *rest = r
            for k in rest:
                ouder[wortel(k)] = wortel(eerste)
        groepen: dict[Sleutel, list[dict[Sleutel, float]]] = {}
        for r in beperkt:
            groepen.setdefault(wortel(next(iter(r))), []).append(r)
        gevonden = []
        for groep in groepen.values():
            if any(k in doelen for r in groep for k in r):
                gevonden += self._vast(groep, doelen)
        return sorted(gevonden)

    @staticmethod
    def _groep_om(doel: Sleutel, beperkt: dict[int, dict[Sleutel, float]]) -> list[int]:
        """The equations connected to `doel` through unknown cells (their positions)."""
        waar: dict[Sleutel, list[int]] = {}
        for i, r in beperkt.items():
            for k in r:
                waar.setdefault(k, []).append(i)
        genomen: set[int] = set()
        bereikt, stapel = {doel}, [doel]
        while stapel:
            for i in waar.get(stapel.pop(), ()):
                if i not in genomen:
                    genomen.add(i)
                    for k in beperkt[i]:
                        if k not in bereikt:
                            bereikt.add(k)
                            stapel.append(k)
        return sorted(genomen)

    def bepaalt(self, doel: Sleutel) -> bool:
        """Whether `doel` is determined: the same test on the group of equations around it only."""
        beperkt = self._onbekende_delen(self.vergelijkingen(), self._doelen())
        groep = [beperkt[i] for i in self._groep_om(doel, beperkt)]
        return bool(groep) and doel in self._vast(groep, {doel})

    def kies(self, doel: Sleutel, eigen: set[Sleutel]) -> tuple[bool, list[Sleutel], Sleutel | None]:
        """Whether `doel` is still determined, the shown cells that may help (`kandidaten`), and the first of them
        whose suppression alone leaves `doel` undetermined, all from one elimination of its group of equations:
        with y a combination of equations that gives `doel` (yᵀA = e) and L the combinations that give nothing
        (LᵀA = 0), dropping ratio row r helps when every such y uses r (L[r] = 0, y[r] ≠ 0); suppressing shown
        count c, with its coefficients a in the group, helps when no combination can absorb it (Lᵀa = 0, yᵀa ≠ 0).
        A count that also sits in another group of equations is tried the slow way."""
        rijen = self.vergelijkingen()
        beperkt = self._onbekende_delen(rijen, self._doelen())
        posities = self._groep_om(doel, beperkt)
        if not posities:
            return False, [], None
        a, index, schalen = self._matrix([beperkt[i] for i in posities])
        rref, spillen, e = self._rref(a, transformatie=True)
        vast = self._vast_in(rref, spillen)
        if index[doel] not in vast:
            return False, [], None
        kandidaten = self.kandidaten(doel, eigen)
        y = e[vast[index[doel]]]  # yᵀ·a = the unit vector of `doel`
        links = e[len(spillen) :].T  # its columns combine the equations to nothing
        plaats = {i: n for n, i in enumerate(posities)}
        for k in kandidaten:
            if self.soort.get(k) == "maat":
                rij = next((plaats[i] for i, (_, m) in enumerate(rijen) if m == k and i in plaats), None)
                if rij is not None and np.linalg.norm(links[rij]) < 1e-8 and abs(y[rij]) > 1e-8:
                    return True, kandidaten, k
                continue
            kolom, elders, zelf = np.zeros(len(posities)), False, False
            for i, (r, _) in enumerate(rijen):
                if abs(r.get(k, 0.0)) <= _TOL:
                    continue
                if i in plaats:
                    kolom[plaats[i]] = r[k] / schalen[plaats[i]]
                elif i in beperkt:
                    elders = True
                elif not any(self.onbekend(x) for x in r):
                    zelf = True  # its only unknown would be k itself: k is known through it
            if zelf:
                continue
            if elders:
                self.verborgen.add(k)
                helpt = not self.bepaalt(doel)
                self.verborgen.discard(k)
                if helpt:
                    return True, kandidaten, k
                continue
            schaal = max(1.0, float(np.linalg.norm(kolom)))
            if np.linalg.norm(links.T @ kolom) < 1e-8 * schaal and abs(y @ kolom) > 1e-8 * schaal:
                return True, kandidaten, k
        return True, kandidaten, None

    def kandidaten(self, doel: Sleutel, eigen: set[Sleutel]) -> list[Sleutel]:
        """Shown cells of this result whose suppression may make `doel` undeterminable, in order of preference:
        ratios that give it away, then the other parts of a total it is a part of (smallest first), then totals,
        then the ratios and cells of the equations that reach it through other suppressed cells."""

        def toonbaar(k: Sleutel) -> bool:  # shown now, and hiding it would hide something
            return (
                k in eigen
                and k not in self.bekend
                and not self.onbekend(k)
                and not math.isnan(self.waarde.get(k, math.nan))
            )

        def klein(ks: Iterable[Sleutel]) -> list[Sleutel]:
            return sorted((k for k in set(ks) if toonbaar(k)), key=lambda k: (self.waarde[k], k))

        maten, delen, totalen, verder, rest = [], [], [], [], []
        for totaal, ds in self.sommen:
            if doel in ds:
                delen += ds
                totalen.append(totaal)
            elif doel == totaal:
                delen += ds
        for m, (teller, noemer, _) in self.maten.items():
            betrokken = {*teller, *([noemer] if noemer else [])}
            if doel in betrokken:
                maten.append(m)
                rest += betrokken
        # then the ratios and shown cells of every equation that reaches `doel` through unknown cells
        rijen = self.vergelijkingen()
        bereikt, erbij = {doel}, True
        while erbij:
            erbij = False
            for rij, maat in rijen:
                if bereikt.intersection(rij):
                    nieuw = {k for k in rij if self.onbekend(k)} - bereikt
                    rest += [k for k in rij if not self.onbekend(k)]
                    if maat is not None:
                        verder.append(maat)
                    if nieuw:
                        bereikt |= nieuw
                        erbij = True
        volgorde: list[Sleutel] = []
        eerst = [*sorted(m for m in maten if toonbaar(m)), *klein(delen), *klein(totalen)]
        for k in [*eerst, *sorted(m for m in verder if toonbaar(m)), *klein(rest)]:
            if k not in volgorde:
                volgorde.append(k)
        return volgorde

    def secundair(self, eigen: set[Sleutel]) -> None:
        """Suppress shown cells of this result until no protected cell is determined (rule 3).

        Suppressing a cell only takes knowledge away (an extra unknown, or a ratio's equation less), so a cell that
        is not determined stays so: one search over all equations finds the cells to mend, after which each is
        checked again on its own group of equations only."""
        te_doen = self.bepaald()
        while te_doen:
            doel = te_doen[0]
            bepaald, kandidaten, gekozen = self.kies(doel, eigen)
            if not bepaald:
                te_doen.pop(0)
                continue
            if not kandidaten:  # nothing of this result can be taken away; cannot happen for a checked `bron`
                self.beschermd.discard(doel)
                te_doen.pop(0)
                continue
            if gekozen is None:  # no single cell is enough: take the first count (or ratio) and look again
                gekozen = next((k for k in kandidaten if self.soort.get(k) != "maat"), kandidaten[0])
            self.verborgen.add(gekozen)


# --- the result ---------------------------------------------------------------------------------------------


@dataclass
class Onderdrukt:
    """A suppressed frame: `frame` (suppressed cells NaN), `masker` (True = suppressed, for every column the rules
    name) and the checked equations (used when a later table is checked against this one through `Totaal`)."""

    frame: pd.DataFrame
    masker: pd.DataFrame
    regels: Regels
    min_celgrootte: int
    _stelsel: _Stelsel = field(repr=False)
    _uid: int = 0

    @property
    def aantal(self) -> int:
        """The number of suppressed cells."""
        return int(self.masker.to_numpy().sum())

    def onderdrukt(self, kolom: str) -> pd.Series:
        if kolom in self.masker.columns:
            return self.masker[kolom]
        return pd.Series(False, index=self.frame.index)

    def is_onderdrukt(self, kolom: str, rij: int = 0) -> bool:
        return bool(self.onderdrukt(kolom).iloc[rij]) if len(self.frame) > rij else False

    def waarde(self, kolom: str, rij: int = 0) -> float | None:
        """A value for a tile: None when suppressed or missing (row `rij` by position)."""
        if len(self.frame) <= rij or kolom not in self.frame.columns or self.is_onderdrukt(kolom, rij):
            return None
        v = self.frame[kolom].iloc[rij]
        return None if v is None or (not isinstance(v, str) and pd.isna(v)) else v

    def rijen(self, index: Iterable[Any]) -> Onderdrukt:
        """The same result for a selection or order of rows (by index label), e.g. for a sorted or filtered view.
        Sort and filter on `frame` (the suppressed values), never on the frame before suppression."""
        index = list(index)
        return replace(self, frame=self.frame.loc[index], masker=self.masker.loc[index])


def onderdruk(
    df: pd.DataFrame,
    regels: Regels,
    min_celgrootte: int,
    *,
    totalen: Sequence[Totaal] = (),
    vooraf: pd.Series | None = None,
    niet_getoond: Sequence[str] = (),
) -> Onderdrukt:
    """Suppress a copy of `df` by `regels` (module docstring). `totalen` link its rows to earlier results, whose
    cells stay as they are; `vooraf` marks rows that arrive suppressed (the benchmark mart's `onderdrukt`);
    `niet_getoond` names columns that are never published (the region's own totals), so unknown to a reader.
    Every other value in the frame counts as known to a reader, whether or not a page displays it."""
    uid = next(_uids)
    frame = df.copy()
    n_rijen = len(frame)
    st = _Stelsel()
    for t in totalen:
        st.voeg_toe(t.bron._stelsel)
    soorten = {
        **{c: "publiek" for c in regels.publiek},
        **{c: "som" for c in regels.sommen},
        **{c: "aantal" for c in regels.aantallen},
        **{c: "maat" for c in regels.maten},
    }
    soorten = {c: s for c, s in soorten.items() if c in frame.columns}
    eigen: set[Sleutel] = set()
    for c, soort in soorten.items():
        for i, v in enumerate(frame[c]):
            k = (uid, i, c)
            st.waarde[k], st.soort[k] = _getal(v), soort
            eigen.add(k)
            if c in regels.publiek:
                st.bekend.add(k)

    def sleutel(i: int, c: str | None) -> Sleutel | None:
        return (uid, i, c) if c in soorten else None

    # rule 1: counts below the minimum (and the rows that arrive suppressed)
    faalt: set[Sleutel] = {k for k in eigen if st.soort[k] == "aantal" and st.waarde[k] < min_celgrootte}
    if vooraf is not None:
        for i, weg in enumerate(vooraf.reindex(frame.index).fillna(False).astype(bool)):
            if weg:
                faalt |= {(uid, i, c) for c, s in soorten.items() if s != "publiek"}
    verborgen = set(faalt) | {(uid, i, c) for c in niet_getoond if c in soorten for i in range(n_rijen)}

    # rule 2, tested on rule 1 only (so the order of the columns does not matter). Its counts below the minimum went
    # by rule 1 and a complement below it is protected, so rule 3 takes whatever would give either away (a
    # numerator of 25 beside a denominator of 30 shows a complement of 5). Also the equations: a shown ratio × its
    # denominator = its numerator; a total = its parts.
    for m, maat in regels.maten.items():
        if m not in soorten:
            continue
        for i in range(n_rijen):
            km = (uid, i, m)
            teller = {sleutel(i, c): w for c, w in (maat.teller or {}).items()}
            noemer = sleutel(i, maat.noemer)
            volledig = maat.teller is not None and None not in teller and (noemer is not None)
            if volledig:
                st.maten[km] = (teller, noemer, maat.schaal)  # type: ignore[assignment]
            valt = any(sleutel(i, c) in faalt for c in maat.over)
            if maat.proportie and volledig:
                (tk,) = teller
                kc: Sleutel = (uid, i, f"~{m}")
                st.waarde[kc] = st.waarde[noemer] - st.waarde[tk]  # type: ignore[index]
                st.soort[kc] = "complement"
                st.sommen.append((noemer, (tk, kc)))  # type: ignore[arg-type]
                if st.waarde[kc] < min_celgrootte:
                    faalt.add(kc)
                    valt = True
            if valt:
                verborgen.add(km)
    for c, achter in regels.sommen.items():
        if c in soorten:
            for i in range(n_rijen):
                if any(sleutel(i, a) in faalt for a in achter):
                    verborgen.add((uid, i, c))
    # a sum (money) emptied with a suppressed cell is protected like the counts that failed
    beschermd = faalt | {k for k in verborgen if st.soort.get(k) == "som"}
    st.verborgen |= verborgen
    st.beschermd |= beschermd
    for totaal, delen in regels.totalen.items():
        if totaal in soorten and all(d in soorten for d in delen):
            for i in range(n_rijen):
                st.sommen.append(((uid, i, totaal), tuple((uid, i, d) for d in delen)))
    for t in totalen:
        st.sommen += _sommen_over_rijen(frame, soorten, uid, t)

    # rule 3
    st.secundair(eigen)

    masker = pd.DataFrame(
        {
            c: [(uid, i, c) in st.verborgen for i in range(n_rijen)]
            for c, s in soorten.items()
            if s != "publiek"
        },
        index=frame.index,
        dtype=bool,
    )
    for waarde, erbij in regels.samen.items():
        if waarde in masker.columns:
            for c in erbij:
                if c in frame.columns:
                    masker[c] = (masker[c] if c in masker.columns else False) | masker[waarde]
    for c in masker.columns:
        if masker[c].any():
            if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]):
                frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("float64").mask(masker[c])
            else:
                frame[c] = frame[c].astype(object).where(~masker[c], None)
    return Onderdrukt(frame, masker, regels, min_celgrootte, st, uid)


def _sommen_over_rijen(
    frame: pd.DataFrame, soorten: Mapping[str, str], uid: int, t: Totaal
) -> list[tuple[Sleutel, tuple[Sleutel, ...]]]:
    """The equations of a `Totaal`: per group of rows, Σ column here = the matching cell of `bron`."""
    bron = t.bron
    if t.kolommen is None:
        optelbaar = {*bron.regels.aantallen, *bron.regels.sommen}
        paren = {c: c for c, s in soorten.items() if s in ("aantal", "som") and c in optelbaar}
    elif isinstance(t.kolommen, Mapping):
        paren = dict(t.kolommen)
    else:
        paren = {c: c for c in t.kolommen}
    paren = {hier: daar for hier, daar in paren.items() if hier in soorten and daar in bron.regels.kolommen}
    keuze = (
        t.rijen.reindex(frame.index).fillna(False).astype(bool).to_numpy()
        if t.rijen is not None
        else np.ones(len(frame), bool)
    )
    groepen: dict[tuple, list[int]] = {}
    for i in np.flatnonzero(keuze):
        groepen.setdefault(tuple(frame[c].iloc[i] for c in t.per), []).append(int(i))
    sommen = []
    for sleutelwaarden, leden in groepen.items():
        passend = np.ones(len(bron.frame), bool)
        for c, v in zip(t.per, sleutelwaarden, strict=True):
            passend &= (bron.frame[c] == v).to_numpy()
        treffers = np.flatnonzero(passend)
        if len(treffers) != 1:
            continue
        j = int(treffers[0])
        for hier, daar in paren.items():
            sommen.append(((bron._uid, j, daar), tuple((uid, i, hier) for i in leden)))
    return sommen
