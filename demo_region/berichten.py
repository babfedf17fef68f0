"""From the simulation to message files: identifications, retour messages, folders and zip archives."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from demo_region import iwmo_xml as x
from demo_region.clients import Simulatie, Toewijzing
from demo_region.declaraties import Declaratie

TYPE_VOLGORDE = {"315": 0, "317": 1, "319": 2, "301": 3, "305": 4, "307": 5, "323": 6, "325": 7}
RETOUR_VAN = {"301": "302", "305": "306", "307": "308", "315": "316", "317": "318", "319": "320"}
AFWIJZENDE_RETOURCODES = {
    "302": ["9379", "9332"],
    "306": ["9074", "9019"],
    "308": ["9069", "9414"],
    "316": ["9374", "9347"],
    "318": ["9349"],
    "320": ["9365"],
}


@dataclass
class Bericht:
    type_: str
    afzender: str
    ontvanger: str
    dagtekening: date
    volgorde: int
    bouw: Callable[[x.Kop, x.Stijl], bytes]
    identificatie: str = ""
    data: bytes = b""
    pad: str = ""
    stijl: x.Stijl | None = None
    extra: dict = field(default_factory=dict)

    @property
    def kop(self) -> x.Kop:
        return x.Kop(self.type_, self.afzender, self.ontvanger, self.identificatie, self.dagtekening)


def _301_berichten(sim: Simulatie) -> list[Bericht]:
    uit: list[Bericht] = []
    for c in sim.clienten:
        per_aanbieder: dict[str, list[Toewijzing]] = {}
        for t in c.toewijzingen:
            per_aanbieder.setdefault(t.aanbieder.agb, []).append(t)
        for agb, ts in sorted(per_aanbieder.items()):
            dagen = sorted({v.datum for t in ts for v in t.versies if v.datum <= sim.horizon})
            for dag in dagen:
                producten = []
                for t in sorted(ts, key=lambda t: t.nummer):
                    geldig = [v for v in t.versies if v.datum <= dag]
                    if not geldig:
                        continue
                    v = geldig[-1]
                    if v.datum == dag or (not v.verwijderd and (v.eind is None or v.eind >= dag)):
                        producten.append((t, v))
                if not producten:
                    continue
                uit.append(
                    Bericht(
                        "301",
                        c.gemeente,
                        agb,
                        dag,
                        len(uit),
                        _builder_301(c, producten),
                        extra={"client": c, "producten": producten},
                    )
                )
    return uit


def _builder_301(c, producten):
    return lambda kop, stijl: x.bericht_301(kop, c, producten, stijl)


def collect_berichten(sim: Simulatie, declaraties: list[Declaratie], seed: int) -> list[Bericht]:
    """All messages of the simulation with identifications, bytes and paths."""
    rng = random.Random(f"{seed}:berichten")
    h = sim.horizon
    berichten = _301_berichten(sim)
    n = len(berichten)

    def add(b: Bericht) -> None:
        nonlocal n
        b.volgorde = n
        n += 1
        berichten.append(b)

    for t in sim.toewijzingen:
        if t.zonder_start_berichten:
            continue
        c = t.client
        for s in t.starts:
            if s.dagtekening <= h:
                add(
                    Bericht(
                        "305",
                        t.aanbieder.agb,
                        t.gemeente,
                        s.dagtekening,
                        0,
                        partial(_build_305_307, c, t, s),
                        extra={"client": c, "t": t, "regels": [s]},
                    )
                )
        for s in t.stops:
            if s.dagtekening <= h:
                add(
                    Bericht(
                        "307",
                        t.aanbieder.agb,
                        t.gemeente,
                        s.dagtekening,
                        0,
                        partial(_build_305_307, c, t, s),
                        extra={"client": c, "t": t, "regels": [s]},
                    )
                )
    for a in sim.aanvragen:
        if a.dagtekening <= h:
            add(
                Bericht(
                    "315",
                    a.aanbieder.agb,
                    a.gemeente,
                    a.dagtekening,
                    0,
                    partial(_build_with, x.bericht_315, a),
                    extra={"a": a},
                )
            )
    for a in sim.antwoorden:
        if a.dagtekening <= h:
            add(
                Bericht(
                    "319",
                    a.gemeente,
                    a.aanbieder.agb,
                    a.dagtekening,
                    0,
                    partial(_build_with, x.bericht_319, a),
                    extra={"a": a},
                )
            )
    for vz in sim.verzoeken:
        if vz.dagtekening <= h:
            add(
                Bericht(
                    "317",
                    vz.aanbieder.agb,
                    vz.gemeente,
                    vz.dagtekening,
                    0,
                    partial(_build_with, x.bericht_317, vz),
                    extra={"vz": vz},
                )
            )
    decl_bericht: dict[int, Bericht] = {}
    for d in declaraties:
        b = Bericht(
            "323",
            d.aanbieder,
            d.gemeente,
            d.dagtekening,
            0,
            partial(_build_with, x.bericht_323, d),
            extra={"dec": d},
        )
        add(b)
        decl_bericht[id(d)] = b
        if d.antwoord_datum:
            add(
                Bericht(
                    "325",
                    d.gemeente,
                    d.aanbieder,
                    d.antwoord_datum,
                    0,
                    partial(_build_325, d, b),
                    extra={"dec": d},
                )
            )

    # identifications per sender, in time order
    berichten.sort(key=lambda b: (b.dagtekening, TYPE_VOLGORDE[b.type_], b.volgorde))
    teller: dict[str, int] = {}
    for b in berichten:
        i = teller.get(b.afzender, 0) + 1
        teller[b.afzender] = i
        b.identificatie = f"{b.dagtekening:%y}{i:08d}"
        if b.type_ == "323":
            b.extra["dec"].identificatie = b.identificatie

    # retour messages for a sample of the traffic
    retours: list[Bericht] = []
    for b in berichten:
        rt = RETOUR_VAN.get(b.type_)
        if rt is None or rng.random() > 0.12:
            continue
        d = b.dagtekening + timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
        if d > h:
            continue
        afwijzend = rng.random() < 0.06
        codes = [rng.choice(AFWIJZENDE_RETOURCODES[rt])] if afwijzend else ["0200"]
        i = teller.get(b.ontvanger, 0) + 1
        teller[b.ontvanger] = i
        kop = x.Kop(
            rt, b.afzender, b.ontvanger, b.identificatie, b.dagtekening, f"{d:%y}{i:08d}", d, ["0200"]
        )
        retours.append(
            Bericht(
                rt,
                b.afzender,
                b.ontvanger,
                d,
                0,
                _retour_builder(b, codes),
                identificatie=b.identificatie,
                extra={"kop": kop, "codes": codes},
            )
        )
    berichten.extend(retours)

    for b in berichten:
        b.stijl = x.Stijl.choose(rng, b.type_)
        kop = b.extra.get("kop") or b.kop
        b.data = b.bouw(kop, b.stijl)
        afz = b.afzender
        if b.type_ in RETOUR_VAN.values():
            b.pad = (
                f"berichten/{b.extra['kop'].dagtekening_retour:%Y/%m}/retour_{x.BERICHTCODES[b.type_]}_"
                f"{b.extra['kop'].identificatie_retour}.xml"
            )
        elif len(afz) == 4:
            b.pad = f"berichten/{b.dagtekening:%Y/%m}/WMO{b.type_}_{afz}_{b.ontvanger}_{b.identificatie}.xml"
        else:
            b.pad = f"berichten/{b.dagtekening:%Y/%m}/{afz}-{x.BERICHTCODES[b.type_]}-{b.identificatie}.xml"
    return berichten


def _retour_builder(b: Bericht, codes: list[str]):
    e = b.extra
    if b.type_ == "301":
        producten = e["producten"]
        retour = {
            "client": ["0200"],
            "contact": ["0200"],
            "product": [codes] + [["0200"]] * (len(producten) - 1),
        }
        return lambda k, st: x.bericht_301(k, e["client"], producten, st, retour=retour)
    if b.type_ in ("305", "307"):
        return lambda k, st: x.bericht_305_307(k, e["client"], e["t"], e["regels"], st, retour=codes)
    if b.type_ == "315":
        return lambda k, st: x.bericht_315(k, e["a"], st, retour=codes)
    if b.type_ == "317":
        return lambda k, st: x.bericht_317(k, e["vz"], st, retour=codes)
    return lambda k, st: x.bericht_319(k, e["a"], st, retour=codes)


def _build_305_307(c, t, s, kop: x.Kop, stijl: x.Stijl) -> bytes:
    return x.bericht_305_307(kop, c, t, [s], stijl)


def _build_with(functie, obj, kop: x.Kop, stijl: x.Stijl) -> bytes:
    return functie(kop, obj, stijl)


def _build_325(d, b: Bericht, kop: x.Kop, stijl: x.Stijl) -> bytes:
    return x.bericht_325(kop, d, b.identificatie, stijl)
