"""Monthly declaration lines (WMO323 prestaties), their grouping into declarations, and the answers (WMO325).

Clean lines obey every K8 rule by construction: one line per assignment per calendar month inside a delivery
segment, volume at most Volume x periods (integer arithmetic), the tariff of `tarieven.csv` on the period's
begin date, IngediendBedrag = volume x tariff. Rejected lines are re-declared, approved lines are sometimes
credited and re-declared with a lower volume, both in a follow-up declaration for the same month.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from demo_region.clients import Simulatie, Toewijzing
from demo_region.kalender import dagen_in_maand, maand_eind, plus_werkdagen, volgende_maand
from demo_region.region import Regio

VERRE_TOEKOMST = date(9999, 12, 31)


@dataclass
class Prestatie:
    t: Toewijzing
    toewijzingnummer: int
    categorie: str
    code: str
    begin: date
    eind: date
    volume: int
    eenheid: str
    tarief: int | None
    bedrag: int
    dc: str = "D"
    ref: str = ""
    vorig_ref: str | None = None
    ref_van: Prestatie | None = None  # injected re-use of an earlier line's ReferentieNummer (RM05)
    credit_van: Prestatie | None = None  # the debit this credit line cancels
    signalen: list[str] = field(default_factory=list)
    omschrijving: str = ""
    beschermd: bool = False
    apart: bool = False  # declared in a separate, later declaration for its month
    afgewezen: bool = False
    retourcodes: list[str] = field(default_factory=list)
    declaratie: Declaratie | None = None

    @property
    def schoon(self) -> bool:
        return not self.signalen


@dataclass
class Declaratie:
    aanbieder: str
    gemeente: str
    maand: date
    dagtekening: date
    prestaties: list[Prestatie]
    nummer: str = ""
    identificatie: str = ""
    antwoord_datum: date | None = None
    geheel_afgewezen: bool = False
    antwoord_identificatie: str = ""

    @property
    def totaal(self) -> int:
        return sum(p.bedrag if p.dc == "D" else -p.bedrag for p in self.prestaties)


def toegestaan(volume: int, frequentie: str, begin: date, eind: date) -> tuple[int, int]:
    """Volume x periods over [begin, eind] as an exact fraction (numerator, denominator), K6 definition."""
    dagen = (eind - begin).days + 1
    if frequentie == "1":
        return volume * dagen, 1
    if frequentie == "2":
        return volume * dagen, 7
    if frequentie == "4":
        return volume * dagen, dagen_in_maand(begin.year, begin.month)
    raise ValueError(frequentie)


def veilig_volume(volume: int, frequentie: str, begin: date, eind: date, pct: int) -> int:
    """floor(allowed x pct/100), one less where it would hit a boundary that floating point may miss."""
    teller, noemer = toegestaan(volume, frequentie, begin, eind)
    v = teller * pct // (noemer * 100)
    dagen = (eind - begin).days + 1
    exact_veilig = (
        frequentie == "1"
        or (frequentie == "2" and dagen % 7 == 0)
        or (frequentie == "4" and dagen == dagen_in_maand(begin.year, begin.month))
    )
    if v * noemer == teller and not exact_veilig:
        v -= 1
    return v


def make_prestatie(regio: Regio, t: Toewijzing, begin: date, eind: date, volume: int) -> Prestatie:
    v = t.huidig
    eenheid = v.eenheid or "83"
    tarief = None if eenheid == "83" else regio.tarief(t.product, begin)
    bedrag = volume if tarief is None else volume * tarief
    return Prestatie(
        t, t.nummer, t.product.categorie, t.product.code, begin, eind, volume, eenheid, tarief, bedrag
    )


def basisregels(regio: Regio, sim: Simulatie, rng: random.Random) -> dict[int, list[Prestatie]]:
    """Clean lines per assignment (keyed by id of the Toewijzing), in period order."""
    uit: dict[int, list[Prestatie]] = {}
    for t in sim.toewijzingen:
        if not t.segmenten or t.verwijderd:
            continue
        v = t.huidig
        regels: list[Prestatie] = []
        totaal_dagen = ((v.eind or VERRE_TOEKOMST) - v.ingang).days + 1
        rest = v.budget if v.volume is None else v.volume
        for b, e in t.segmenten:
            e = min(e or VERRE_TOEKOMST, v.eind or VERRE_TOEKOMST, sim.horizon)
            m = date(b.year, b.month, 1)
            while m <= e:
                pb, pe = max(m, b), min(maand_eind(m), e)
                m = volgende_maand(m)
                if pb > pe:
                    continue
                pct = 100 if v.eenheid == "82" else rng.randint(72, 100)
                dagen = (pe - pb).days + 1
                if v.volume is None or v.frequentie == "6":
                    basis = v.budget if v.volume is None else v.volume
                    vol = min(rest, basis * dagen * pct // (totaal_dagen * 100))
                    rest -= vol
                else:
                    vol = veilig_volume(v.volume, v.frequentie or "4", pb, pe, pct)
                if vol <= 0:
                    continue
                regels.append(make_prestatie(regio, t, pb, pe, vol))
        if regels:
            uit[id(t)] = regels
    return uit


def build_declaraties(sim: Simulatie, regels: list[Prestatie], rng: random.Random) -> list[Declaratie]:
    """Group lines into declarations per provider x municipality x month and decide the answers."""
    per_paar: dict[tuple[str, str], list[Prestatie]] = {}
    for p in regels:
        per_paar.setdefault((p.t.aanbieder.agb, p.t.gemeente), []).append(p)
    alle: list[Declaratie] = []
    gedwongen_afwijzing = True
    for (agb, gem), lijst in sorted(per_paar.items()):
        per_maand: dict[tuple[date, bool], list[Prestatie]] = {}
        for p in lijst:
            per_maand.setdefault((date(p.begin.year, p.begin.month, 1), p.apart), []).append(p)
        regulier_datum: dict[date, date] = {}
        declaraties: list[Declaratie] = []
        for (maand, apart), ps in sorted(per_maand.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            if not apart:
                d = plus_werkdagen(volgende_maand(maand), rng.randint(1, 8))
                regulier_datum[maand] = d
            else:
                start = max(
                    [regulier_datum.get(maand, volgende_maand(maand))]
                    + [p.t.startdatum or p.begin for p in ps]
                )
                d = plus_werkdagen(max(start, volgende_maand(maand)), rng.randint(8, 15))
            declaraties.append(Declaratie(agb, gem, maand, d, ps))
        declaraties.sort(key=lambda x: (x.dagtekening, x.maand))
        vervolg: list[Declaratie] = []
        for i, dec in enumerate(declaraties):
            if dec.dagtekening > sim.horizon:
                continue
            dec.antwoord_datum = plus_werkdagen(dec.dagtekening, rng.randint(2, 10))
            if dec.antwoord_datum > sim.horizon:
                dec.antwoord_datum = None
                continue
            alles_schoon = all(p.schoon and not p.beschermd for p in dec.prestaties)
            if alles_schoon and (rng.random() < 0.004 or (gedwongen_afwijzing and i == 3)):
                gedwongen_afwijzing = False
                dec.geheel_afgewezen = True
                for p in dec.prestaties:
                    p.afgewezen = True
                herdeclaratie = [_kopie(p) for p in dec.prestaties]
            else:
                herdeclaratie = []
                for p in dec.prestaties:
                    if p.schoon and not p.beschermd and rng.random() < 0.02:
                        p.afgewezen = True
                        p.retourcodes = ["8187"]
                        herdeclaratie.append(_kopie(p))
                    elif not p.schoon and rng.random() < 0.5:
                        code = _afwijscode(p)
                        if code:
                            p.afgewezen = True
                            p.retourcodes = [code]
                    elif (
                        p.schoon
                        and not p.beschermd
                        and p.dc == "D"
                        and p.t.product.frequentie != "6"
                        and p.tarief is not None
                        and rng.random() < 0.008
                    ):
                        credit = _kopie(p)
                        credit.dc = "C"
                        credit.credit_van = p
                        herdeclaratie.append(credit)
                        lager = p.volume - max(1, p.volume // 5)
                        if lager > 0:
                            nieuw = _kopie(p)
                            nieuw.volume = lager
                            nieuw.bedrag = lager * (p.tarief or 1)
                            herdeclaratie.append(nieuw)
            if herdeclaratie:
                d = plus_werkdagen(dec.antwoord_datum, rng.randint(3, 15))
                if d <= sim.horizon:
                    vervolg.append(Declaratie(agb, gem, dec.maand, d, herdeclaratie))
        for dec in vervolg:
            a = plus_werkdagen(dec.dagtekening, rng.randint(2, 10))
            dec.antwoord_datum = a if a <= sim.horizon else None
        alle.extend(d for d in declaraties + vervolg if d.dagtekening <= sim.horizon)
    return alle


def _kopie(p: Prestatie) -> Prestatie:
    return Prestatie(
        p.t,
        p.toewijzingnummer,
        p.categorie,
        p.code,
        p.begin,
        p.eind,
        p.volume,
        p.eenheid,
        p.tarief,
        p.bedrag,
        beschermd=True,
    )


def _afwijscode(p: Prestatie) -> str | None:
    return (
        {"RM01": "9338", "RM02": "9307", "RM03": "9340", "RM06": "9346", "RM07": "0611", "RM11": "9384"}.get(
            p.signalen[0]
        )
        if p.signalen
        else None
    )


def number_declaraties(declaraties: list[Declaratie]) -> None:
    """Give declarations their DeclaratieNummer and lines their ReferentieNummer, in time order per provider."""
    declaraties.sort(key=lambda d: (d.dagtekening, d.aanbieder, d.gemeente, d.maand))
    dec_teller: dict[str, int] = {}
    ref_teller: dict[str, int] = {}
    for d in declaraties:
        n = dec_teller.get(d.aanbieder, 0) + 1
        dec_teller[d.aanbieder] = n
        d.nummer = f"D{d.maand:%y%m}{n:06d}"
        # credits first, so that a credit sorts before its replacing debit (RM04 ordering)
        d.prestaties.sort(key=lambda x: (x.t.client.nr, x.dc != "C", x.toewijzingnummer, x.begin))
        for p in d.prestaties:
            p.declaratie = d
            if p.ref_van is not None:
                p.ref = p.ref_van.ref
                continue
            r = ref_teller.get(d.aanbieder, 0) + 1
            ref_teller[d.aanbieder] = r
            p.ref = f"{d.aanbieder[-4:]}{r:010d}"
            if p.credit_van is not None:
                p.vorig_ref = p.credit_van.ref
