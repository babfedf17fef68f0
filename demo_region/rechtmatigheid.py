"""Injected lawfulness faults: declaration lines that carry exactly one K8 signal (RM01-RM11).

Each injection picks its own assignment (a living client, no other injection), so that signals do not mix.
The manifest lists every (line, signal) pair after the lines have their declaration and reference numbers.
"""

from __future__ import annotations

import random
from datetime import date

from demo_region.clients import Simulatie, Toewijzing
from demo_region.declaraties import Prestatie, make_prestatie, toegestaan, veilig_volume
from demo_region.kalender import maand_eind, volgende_maand
from demo_region.region import Regio, tarief_in_jaar

GEEN_TOEWIJZING_OFFSET = 50_000_000


def inject_signalen(
    regio: Regio, sim: Simulatie, basis: dict[int, list[Prestatie]], rng: random.Random, n: int
) -> list[Prestatie]:
    """Mutate/extend the clean lines; returns the full line list (clean + injected)."""
    grens = date(sim.horizon.year, sim.horizon.month, 1)
    laatste_maand = date(grens.year - (grens.month <= 2), (grens.month - 3) % 12 + 1, 1)  # two months before

    def bruikbaar(t: Toewijzing) -> bool:
        return (
            not t.client.overlijden
            and not t.onopgemerkt_overlijden
            and not t.verwijderd
            and id(t) in basis
            and len(basis[id(t)]) >= 3
        )

    kandidaten = sorted((t for t in sim.toewijzingen if bruikbaar(t)), key=lambda t: (t.gemeente, t.nummer))
    rng.shuffle(kandidaten)
    gebruikt: set[int] = set()
    extra: list[Prestatie] = []

    def vroeg_genoeg(p: Prestatie) -> bool:
        return p.begin < laatste_maand

    def mark(p: Prestatie, code: str, tekst: str) -> None:
        p.signalen.append(code)
        p.omschrijving = tekst
        p.beschermd = True

    def rm01(t: Toewijzing) -> bool:
        bron = next((p for p in basis[id(t)] if vroeg_genoeg(p)), None)
        if bron is None:
            return False
        p = make_prestatie(regio, t, bron.begin, bron.eind, bron.volume)
        p.toewijzingnummer = t.nummer + GEEN_TOEWIJZING_OFFSET
        mark(p, "RM01", f"Toewijzingnummer {p.toewijzingnummer} bestaat niet bij deze gemeente en aanbieder")
        extra.append(p)
        return True

    def rm02(t: Toewijzing) -> bool:
        ing = t.huidig.ingang
        vorige = date(ing.year - (ing.month == 1), (ing.month - 2) % 12 + 1, 1)
        if (
            t.huidig.frequentie not in ("1", "2", "4")
            or vorige < sim.begin
            or not vroeg_genoeg(basis[id(t)][0])
        ):
            return False
        vol = veilig_volume(t.huidig.volume or 1, t.huidig.frequentie, vorige, maand_eind(vorige), 90)
        if vol <= 0:
            return False
        p = make_prestatie(regio, t, vorige, maand_eind(vorige), vol)
        p.apart = True
        mark(p, "RM02", f"Productperiode {vorige} t/m {maand_eind(vorige)} valt voor ingangsdatum {ing}")
        extra.append(p)
        return True

    def rm03(t: Toewijzing) -> bool:
        p = basis[id(t)][1]
        broers = [
            q
            for q in regio.producten
            if q.categorie == t.product.categorie
            and q.code != t.product.code
            and q.eenheid == t.product.eenheid
        ]
        if t.huidig.volume is None or not broers or not vroeg_genoeg(p):
            return False
        q = broers[0]
        p.code = q.code
        p.tarief = regio.tarief(q, p.begin)
        p.bedrag = p.volume * p.tarief
        mark(p, "RM03", f"Productcode {q.code} wijkt af van toegewezen {t.product.code}")
        return True

    def rm04_totaal(t: Toewijzing) -> bool:
        lijst = [p for p in basis[id(t)] if vroeg_genoeg(p)]
        if t.huidig.frequentie != "6" or len(lijst) < 2:
            return False
        for p in basis[id(t)]:
            p.beschermd = True
        laatste = lijst[-1]
        eerder = sum(p.volume for p in lijst[:-1])
        laatste.volume = (t.huidig.volume or 0) - eerder + rng.randint(1, 3)
        laatste.bedrag = laatste.volume * (laatste.tarief or 1)
        mark(
            laatste,
            "RM04",
            f"Cumulatief volume {eerder + laatste.volume} overschrijdt totaal {t.huidig.volume}",
        )
        for p in basis[id(t)]:
            if p.begin > laatste.begin:
                mark(p, "RM04", "Cumulatief volume overschrijdt het toegewezen totaal")
        return True

    def rm04_periode(t: Toewijzing) -> bool:
        p = basis[id(t)][1]
        if t.huidig.frequentie not in ("1", "2", "4") or not vroeg_genoeg(p):
            return False
        teller, noemer = toegestaan(t.huidig.volume or 0, t.huidig.frequentie, p.begin, p.eind)
        p.volume = teller // noemer + rng.randint(1, 3)
        p.bedrag = p.volume * (p.tarief or 1)
        mark(p, "RM04", f"Geleverd volume {p.volume} boven toegewezen {teller / noemer:.2f}")
        return True

    def rm05_dubbel(t: Toewijzing) -> bool:
        twin = basis[id(t)][1]
        if t.huidig.frequentie not in ("1", "2", "4") or not vroeg_genoeg(twin):
            return False
        twin.beschermd = True
        p = make_prestatie(regio, t, twin.begin, twin.eind, twin.volume)
        p.apart = True
        mark(p, "RM05", f"Periode {twin.begin} t/m {twin.eind} is al eerder gedeclareerd")
        extra.append(p)
        return True

    def rm05_referentie(t: Toewijzing) -> bool:
        a, b = basis[id(t)][0], basis[id(t)][1]
        if (
            t.huidig.frequentie not in ("1", "2", "4")
            or not vroeg_genoeg(b)
            or b.begin < volgende_maand(a.begin)
        ):
            return False
        a.beschermd = True
        b.ref_van = a
        mark(b, "RM05", "ReferentieNummer is eerder gebruikt door deze aanbieder")
        return True

    def rm06(t: Toewijzing) -> bool:
        p = basis[id(t)][1]
        if p.tarief is None or not vroeg_genoeg(p):
            return False
        p.bedrag = max(1, p.volume * p.tarief + rng.choice([-1, 1]) * rng.randint(1, 250))
        mark(p, "RM06", f"Ingediend bedrag {p.bedrag} is niet volume x tarief {p.volume * p.tarief}")
        return True

    def rm07(t: Toewijzing) -> bool:
        p = basis[id(t)][1]
        if p.tarief is None or not vroeg_genoeg(p):
            return False
        oud = tarief_in_jaar(t.product.tarief_2022, p.begin.year - 1)
        if oud == p.tarief:
            oud = round(p.tarief * 1.03) + 1
        p.tarief = oud
        p.bedrag = p.volume * oud
        mark(p, "RM07", f"Tarief {oud} wijkt af van contracttarief")
        return True

    def rm09(t: Toewijzing) -> bool:
        if t.einde is None or t.einde[1] not in ("19", "21", "22", "23") or not t.stops:
            return False
        m = volgende_maand(t.einde[0])
        if (
            t.stops[-1].dagtekening > sim.horizon
            or t.huidig.eind is None
            or t.huidig.eind < maand_eind(m)
            or m >= laatste_maand
            or t.huidig.frequentie not in ("1", "2", "4")
        ):
            return False
        vol = veilig_volume(t.huidig.volume or 1, t.huidig.frequentie, m, maand_eind(m), 80)
        if vol <= 0:
            return False
        p = make_prestatie(regio, t, m, maand_eind(m), vol)
        mark(p, "RM09", f"Productperiode begint na einde traject {t.einde[0]}")
        extra.append(p)
        return True

    def rm10(t: Toewijzing) -> bool:
        if not (
            len(t.starts) == 1
            and len(t.stops) <= 1
            and all(s.status == "1" for s in t.stops)
            and 3 <= len(basis[id(t)]) <= 6
        ):
            return False
        t.zonder_start_berichten = True
        for p in basis[id(t)]:
            mark(p, "RM10", "Geen startbericht (305) voor deze toewijzing")
        return True

    for functie in (
        rm01,
        rm02,
        rm03,
        rm04_totaal,
        rm04_periode,
        rm05_dubbel,
        rm05_referentie,
        rm06,
        rm07,
        rm09,
        rm10,
    ):
        gelukt = 0
        for t in kandidaten:
            if gelukt >= n:
                break
            if id(t) in gebruikt:
                continue
            if functie(t):
                gebruikt.add(id(t))
                gelukt += 1

    # RM08: lines after death from providers that did not notice (designed in the simulation)
    for t in sim.toewijzingen:
        if t.onopgemerkt_overlijden and id(t) in basis and t.client.overlijden:
            for p in basis[id(t)]:
                if p.begin > t.client.overlijden:
                    mark(p, "RM08", f"Productperiode begint na overlijden op {t.client.overlijden}")
                else:
                    p.beschermd = True
    # RM11: lines on deleted assignments
    verwijderd = [t for t in sim.toewijzingen if t.verwijderd and not t.client.overlijden]
    for i, t in enumerate(verwijderd[: max(2, n)]):
        ing = t.huidig.ingang
        maanden = [date(ing.year, ing.month, 1)] + ([volgende_maand(ing)] if i < 2 else [])
        for m in maanden:
            if m >= laatste_maand:
                continue
            pb = max(m, ing)
            pe = maand_eind(m)
            v = t.versies[0]
            vol = 1 if v.eenheid != "83" else 10_000
            if v.volume is None:
                vol = 10_000
            p = Prestatie(
                t,
                t.nummer,
                t.product.categorie,
                t.product.code,
                pb,
                pe,
                vol,
                v.eenheid or "83",
                None if (v.eenheid or "83") == "83" else regio.tarief(t.product, pb),
                0,
            )
            p.bedrag = vol * (p.tarief or 1)
            mark(p, "RM11", f"Toewijzing {t.nummer} is verwijderd")
            extra.append(p)

    alle = [p for lijst in basis.values() for p in lijst] + extra
    return alle
