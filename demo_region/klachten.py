"""Complaint registers (`klachten/`): one file per provider per quarter, in the provider's own dialect."""

from __future__ import annotations

import random
from datetime import date, timedelta

from demo_region.clients import Simulatie, Toewijzing
from demo_region.ids import ongeldige_bsn
from demo_region.region import Regio
from demo_region.tabel import csv_bytes, xlsx_bytes

KOLOMMEN = [
    "aanbieder_agb",
    "gemeentecode",
    "klacht_id",
    "datum_ontvangst",
    "datum_afgehandeld",
    "categorie",
    "uitkomst",
    "toewijzingnummer",
    "bsn",
    "omschrijving",
]
CATEGORIEEN = ["bejegening", "kwaliteit", "communicatie", "organisatie", "financieel", "overig"]
UITKOMSTEN = ["gegrond", "deels gegrond", "ongegrond", "ingetrokken"]
TEKSTEN = [
    "Hulp kwam drie keer niet opdagen zonder bericht; cliënt zat te wachten.",
    "Steeds wisselende medewerkers, mevrouw weet niet meer wie er komt.",
    "Begeleider sprak op onvriendelijke toon tegen cliënt en dochter.",
    "Factuur eigen bijdrage klopt niet met de geleverde uren.",
    "Vervoer naar dagbesteding was een uur te laat, ook na eerdere melding.",
    "Afspraken uit het ondersteuningsplan worden niet nagekomen.",
    "Telefonisch slecht bereikbaar, terugbelverzoek niet opgevolgd.",
    "Schoonmaak badkamer onvoldoende uitgevoerd; 'geen tijd' volgens medewerker.",
    "Zoon van cliënt klaagt over gebrek aan overleg bij wijziging rooster.",
    "Privacy: medewerker besprak situatie van cliënt met buurvrouw.",
]
# dialect per provider: (extension, delimiter, encoding, bom, date format, agb/gemeente as number)
DIALECTEN = [
    ("csv", ";", "utf-8", True, "%d-%m-%Y", False),
    ("csv", ",", "utf-8", False, "%Y-%m-%d", False),
    ("csv", ";", "cp1252", False, "%d/%m/%Y", True),
    ("xlsx", None, None, False, "excel", True),
    ("xlsx", None, None, False, "%d-%m-%Y", False),
]


def _kwartalen(j1: int, j2: int) -> list[date]:
    return [date(j, m, 1) for j in range(j1, j2 + 1) for m in (1, 4, 7, 10)]


def klachten_bestanden(
    regio: Regio, sim: Simulatie, seed: int
) -> tuple[dict[str, tuple[bytes, date]], list[dict]]:
    """Returns {path: (bytes, delivery date)} and the manifest entries of the injected faults."""
    rng = random.Random(f"{seed}:klachten")
    per_aanbieder: dict[str, list[Toewijzing]] = {}
    for t in sim.toewijzingen:
        if t.segmenten:
            per_aanbieder.setdefault(t.aanbieder.agb, []).append(t)
    bestanden: dict[str, tuple[bytes, date]] = {}
    fouten: list[dict] = []
    fout_rijen_gedaan = False
    kolom_fout_gedaan = False
    for i, a in enumerate(regio.aanbieders):
        if a.agb not in per_aanbieder or rng.random() < 0.15:
            continue  # some providers never deliver
        dialect = DIALECTEN[3 if a.agb.startswith("0") and i % 2 else 2 if a.agb.startswith("0") else i % 5]
        ext, sep, enc, bom, datfmt, als_getal = dialect
        volgorde = KOLOMMEN[:]
        if i % 3 == 0:
            rng.shuffle(volgorde)
        extra_kolom = i % 4 == 1
        kop_namen = [k.upper() if i % 7 == 3 else k for k in volgorde] + (
            ["behandelaar"] if extra_kolom else []
        )
        teller = 0
        open_klachten: list[dict] = []
        for kw in _kwartalen(*regio.jaren):
            einde = date(kw.year + (kw.month == 10), (kw.month + 2) % 12 + 1, 1) - timedelta(days=1)
            levering = einde + timedelta(days=rng.randint(10, 40))
            if levering > sim.horizon:
                continue
            actief = [
                t
                for t in per_aanbieder[a.agb]
                if t.segmenten[0][0] <= einde and (t.segmenten[-1][1] is None or t.segmenten[-1][1] >= kw)
            ]
            n = sum(1 for _ in actief if rng.random() < 0.012)
            rijen: list[dict] = []
            for k in open_klachten:  # a later delivery updates open complaints
                k["datum_afgehandeld"] = min(
                    k["datum_ontvangst"] + timedelta(days=rng.randint(30, 80)), einde
                )
                k["uitkomst"] = rng.choice(UITKOMSTEN)
                rijen.append(k)
            open_klachten = []
            for _ in range(n):
                t = rng.choice(actief)
                teller += 1
                ontvangst = kw + timedelta(days=rng.randrange((einde - kw).days + 1))
                k = {
                    "aanbieder_agb": a.agb,
                    "gemeentecode": t.gemeente,
                    "klacht_id": f"KL-{kw.year}-{teller:04d}",
                    "datum_ontvangst": ontvangst,
                    "categorie": rng.choices(CATEGORIEEN, [3, 4, 3, 3, 2, 1])[0],
                    "toewijzingnummer": t.nummer if rng.random() < 0.7 else None,
                    "bsn": t.client.bsn if rng.random() < 0.6 else None,
                    "omschrijving": rng.choice(TEKSTEN),
                    "behandelaar": rng.choice(["JvdB", "MS", "klachtencie"]),
                }
                dagen = rng.randint(3, 40) if rng.random() < 0.8 else rng.randint(41, 90)
                afgehandeld = ontvangst + timedelta(days=dagen)
                if afgehandeld <= einde and rng.random() < 0.9:
                    k["datum_afgehandeld"] = afgehandeld
                    k["uitkomst"] = rng.choices(UITKOMSTEN, [25, 20, 40, 15])[0]
                else:
                    k["datum_afgehandeld"] = None
                    k["uitkomst"] = rng.choice(["in behandeling", None])
                    open_klachten.append(dict(k))
                rijen.append(k)
            if not rijen and rng.random() < 0.7:
                continue
            kolommen = kop_namen
            bestand_fouten: list[dict] = []
            pad = f"klachten/{kw.year}/klachten_{a.agb.lstrip('0') if als_getal else a.agb}_{kw.year}K{kw.month // 3 + 1}"
            if not kolom_fout_gedaan and len(rijen) >= 1 and ext == "csv":
                kolom_fout_gedaan = True
                kolommen = [k for k in kop_namen if k.lower() != "categorie"]
                bestand_fouten.append(
                    {
                        "reden_code": "KOLOM_ONTBREEKT",
                        "niveau": "bestand",
                        "locatie": None,
                        "omschrijving": "Klachtenbestand zonder verplichte kolom categorie",
                    }
                )
            elif not fout_rijen_gedaan and len(rijen) >= 1:
                fout_rijen_gedaan = True
                basis = dict(rijen[0])
                for code, kolom, wijzig in [
                    ("WAARDE_ONBEKEND", "categorie", {"categorie": "klantvriendelijkheid"}),
                    ("DATUM_ONGELDIG", "datum_ontvangst", {"datum_ontvangst": "31-02-" + str(kw.year)}),
                    (
                        "AFGEHANDELD_VOOR_ONTVANGST",
                        "datum_afgehandeld",
                        {
                            "datum_afgehandeld": basis["datum_ontvangst"] - timedelta(days=5),
                            "uitkomst": "ongegrond",
                        },
                    ),
                    ("BSN_ONGELDIG", "bsn", {"bsn": ongeldige_bsn(actief[0].client.bsn)}),
                ]:
                    teller += 1
                    r = dict(basis, klacht_id=f"KL-{kw.year}-{teller:04d}", **wijzig)
                    rijen.append(r)
                    bestand_fouten.append(
                        {
                            "reden_code": code,
                            "niveau": "rij",
                            "locatie": f"{len(rijen) + 1}:{kolom}",
                            "omschrijving": f"Klachtregel met ongeldige waarde in {kolom}",
                        }
                    )
            tabel = [kolommen] + [
                [_waarde(r, kol.lower(), datfmt, als_getal) for kol in kolommen] for r in rijen
            ]
            if ext == "csv":
                data = csv_bytes(tabel, scheiding=sep or ";", codering=enc or "utf-8", bom=bom)
            else:
                data = xlsx_bytes(
                    {"Klachten": tabel},
                    excel_datums=datfmt == "excel",
                    getallen_als_getal={"aanbieder_agb", "gemeentecode"} if als_getal else set(),
                )
            pad = f"{pad}.{ext}"
            bestanden[pad] = (data, levering)
            for f in bestand_fouten:
                fouten.append({"pad": pad, **f})
    # a register saved with an extension the product does not accept
    if bestanden:
        eerste = sorted(p for p in bestanden if p.endswith(".csv"))[0]
        data, d = bestanden[eerste]
        pad = eerste.rsplit("/", 1)[0] + "/export_klachtenregistratie.txt"
        bestanden[pad] = (data.replace(b"KL-", b"KX-"), d)
        fouten.append(
            {
                "pad": pad,
                "reden_code": "BESTANDSTYPE_ONBEKEND",
                "niveau": "bestand",
                "locatie": None,
                "omschrijving": "Klachtenregister met extensie .txt",
            }
        )
    return bestanden, fouten


def _waarde(r: dict, kolom: str, datfmt: str, als_getal: bool) -> object:
    v = r.get(kolom)
    if v is None:
        return ""
    if isinstance(v, date):
        return v if datfmt == "excel" else v.strftime(datfmt if datfmt != "excel" else "%d-%m-%Y")
    if als_getal and kolom in ("aanbieder_agb", "gemeentecode"):
        return str(v).lstrip("0")
    return v
