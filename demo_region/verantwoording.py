"""Annual accountability workbooks (`verantwoording/`) and the K9 status each provider-year should get."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from demo_region.clients import Simulatie
from demo_region.declaraties import Declaratie
from demo_region.region import SUBRESULTATEN_PER_CATEGORIE, Regio
from demo_region.tabel import xlsx_bytes


def drempel(boekjaar: int) -> int:
    """Turnover (euro) from which an auditor's statement is required."""
    return 125_000 if boekjaar <= 2024 else 200_000


def goedgekeurd(
    declaraties: list[Declaratie],
) -> dict[tuple[str, int], dict[tuple[str, str, str, str], list]]:
    """(agb, boekjaar) -> (gemeente, categorie, code, eenheid) -> [bedrag_cent, volume, set(bsn)] of approved lines."""
    uit: dict = defaultdict(lambda: defaultdict(lambda: [0, 0, set()]))
    for d in declaraties:
        if d.antwoord_datum is None:
            continue
        for p in d.prestaties:
            if p.afgewezen:
                continue
            teken = 1 if p.dc == "D" else -1
            cel = uit[(d.aanbieder, p.begin.year)][(d.gemeente, p.categorie, p.code, p.eenheid)]
            cel[0] += teken * p.bedrag
            cel[1] += teken * p.volume
            cel[2].add(p.t.client.bsn)
    return uit


def _euro(cent: int, komma: bool) -> str:
    s = f"{cent / 100:.2f}"
    return s.replace(".", ",") if komma else s


def verantwoording_bestanden(
    regio: Regio, sim: Simulatie, declaraties: list[Declaratie], seed: int, peildatum: date
) -> tuple[dict[str, tuple[bytes, date]], list[dict], list[dict]]:
    """Returns files, expected K9 statuses, and manifest entries of injected faults."""
    rng = random.Random(f"{seed}:verantwoording")
    j1, j2 = regio.jaren
    cijfers = goedgekeurd(declaraties)
    stops_per: dict[tuple[str, int], list] = defaultdict(list)
    for t in sim.toewijzingen:
        if (
            t.einde
            and not t.verwijderd
            and t.stops
            and t.stops[-1].dagtekening <= sim.horizon
            and not t.zonder_start_berichten
        ):
            stops_per[(t.aanbieder.agb, t.einde[0].year)].append(t)
    bestanden: dict[str, tuple[bytes, date]] = {}
    verwacht: list[dict] = []
    fouten: list[dict] = []
    geplande = [
        "akkoord",
        "ontbreekt",
        "te_laat",
        "verklaring_ontbreekt",
        "afwijking",
        "versie2",
        "tabblad",
        "kolom",
        "rijfouten",
    ]
    k = 0
    for b in range(j1, j2 + 1):
        for a in regio.aanbieders:
            per_gem = cijfers.get((a.agb, b))
            if not per_gem or sum(c[0] for c in per_gem.values()) <= 0:
                continue
            if (b + 1) > j2 or date(b + 1, 2, 28) > sim.horizon:
                status = "verwacht" if peildatum < date(b + 1, 3, 1) else "ontbreekt"
                verwacht.append(
                    {
                        "aanbieder_agb": a.agb,
                        "boekjaar": b,
                        "verwachte_status": status,
                        "omschrijving": "Boekjaar nog niet verantwoord op de peildatum",
                    }
                )
                continue
            plan = (
                geplande[k]
                if k < len(geplande)
                else rng.choices(
                    [
                        "akkoord",
                        "ontbreekt",
                        "te_laat",
                        "verklaring_ontbreekt",
                        "afwijking",
                        "versie2",
                        "rijfouten",
                    ],
                    [60, 6, 7, 7, 8, 7, 5],
                )[0]
            )
            k += 1
            totaal_cent = sum(c[0] for c in per_gem.values())
            omzet = totaal_cent // 100 + rng.choice(
                [0, 0, rng.randint(20_000, 400_000), rng.randint(100_000, 3_000_000)]
            )
            vereist = "accountantsverklaring" if omzet >= drempel(b) else "bestuursverklaring"
            if plan == "ontbreekt":
                verwacht.append(
                    {
                        "aanbieder_agb": a.agb,
                        "boekjaar": b,
                        "verwachte_status": "ontbreekt",
                        "omschrijving": "Geen productieverantwoording ontvangen",
                    }
                )
                continue
            datum_prod = date(b + 1, 2, rng.randint(1, 26))
            if plan == "te_laat":
                datum_prod = date(b + 1, 3, 1) + timedelta(days=rng.randint(0, 40))
            soort, datum_verkl = vereist, datum_prod + timedelta(days=rng.randint(5, 30))
            if datum_verkl >= date(b + 1, 4, 1):
                datum_verkl = date(b + 1, 3, 31)
            if plan == "verklaring_ontbreekt":
                if vereist == "accountantsverklaring":
                    soort = "bestuursverklaring"
                else:
                    soort, datum_verkl = "", None
            komma = rng.random() < 0.5
            productie = [
                [
                    "gemeentecode",
                    "productcategorie",
                    "productcode",
                    "eenheid",
                    "volume",
                    "bedrag",
                    "aantal_clienten",
                ]
            ]
            afwijk_gemeente = sorted({g for g, *_ in per_gem})[0]
            for (g, cat, code, eh), (cent, vol, bsns) in sorted(per_gem.items()):
                if plan in ("afwijking", "versie2") and g == afwijk_gemeente:
                    cent = round(cent * 1.06) + 5_000
                productie.append([g, cat, code, eh, vol, _euro(cent, komma), len(bsns)])
            resultaten = [
                [
                    "gemeentecode",
                    "toewijzingnummer",
                    "bsn",
                    "subresultaat",
                    "inschatting_vooraf",
                    "resultaat",
                    "evaluatiedatum",
                    "vervolgadvies",
                ]
            ]
            tevredenheid = [["gemeentecode", "toewijzingnummer", "bsn", "datum", "cijfer", "respondent"]]
            for t in sorted(stops_per.get((a.agb, b), []), key=lambda t: t.nummer):
                einddatum, reden = t.einde  # type: ignore[misc]
                subs = SUBRESULTATEN_PER_CATEGORIE.get(t.product.categorie, ["1.1"])
                for s in rng.sample(subs, min(len(subs), rng.randint(1, 3))):
                    verw = rng.choices(["verbetering", "stabilisatie", "volledig zelfredzaam"], [50, 35, 15])[
                        0
                    ]
                    gewichten = (
                        [65, 25, 10]
                        if reden == "19"
                        else [15, 35, 50]
                        if reden in ("21", "22", "23")
                        else [25, 35, 40]
                    )
                    res = rng.choices(["behaald", "deels behaald", "niet behaald"], gewichten)[0]
                    advies = rng.choices(
                        [
                            "geen verdere ondersteuning",
                            "ongewijzigde verlenging",
                            "herindicatie lichter",
                            "herindicatie zwaarder",
                            "",
                        ],
                        [50, 10, 15, 10, 15],
                    )[0]
                    resultaten.append(
                        [
                            t.gemeente,
                            t.nummer,
                            t.client.bsn,
                            s,
                            verw,
                            res,
                            max(date(b, 1, 1), einddatum - timedelta(days=rng.randint(0, 20))),
                            advies,
                        ]
                    )
                if rng.random() < 0.55:
                    gew = (
                        {4: 2, 5: 4, 6: 10, 7: 30, 8: 34, 9: 15, 10: 5}
                        if reden == "19"
                        else {2: 3, 3: 5, 4: 9, 5: 15, 6: 24, 7: 24, 8: 15, 9: 5}
                    )
                    cijfer = rng.choices(list(gew), list(gew.values()))[0]
                    tevredenheid.append(
                        [
                            t.gemeente,
                            t.nummer,
                            t.client.bsn,
                            min(date(b, 12, 31), einddatum + timedelta(days=rng.randint(0, 30))),
                            cijfer,
                            "client" if rng.random() < 0.8 else "vertegenwoordiger",
                        ]
                    )
            aanbieder_blad = [
                ["veld", "waarde"],
                ["aanbieder_agb", a.agb],
                ["aanbieder_naam", a.naam],
                ["boekjaar", b],
                ["versie", 1],
                ["omzet_wmo_totaal", omzet],
                ["datum_productieverantwoording", datum_prod],
                ["soort_verklaring", soort],
                ["datum_verklaring", datum_verkl or ""],
            ]
            bladen = {
                "Aanbieder": aanbieder_blad,
                "Productie": productie,
                "Resultaten": resultaten,
                "Tevredenheid": tevredenheid,
            }
            pad = f"verantwoording/{b}/verantwoording_{a.agb}_{b}_v1.xlsx"
            status = {
                "afwijking": "afwijking",
                "te_laat": "te_laat",
                "verklaring_ontbreekt": "verklaring_ontbreekt",
                "versie2": "akkoord",
            }.get(plan, "akkoord")
            oms = "Tijdig, verklaring in orde, sluit aan op goedgekeurde declaraties"
            if plan == "tabblad":
                del bladen["Tevredenheid"]
                status, oms = "ontbreekt", "Enige werkboek in quarantaine: tabblad Tevredenheid ontbreekt"
                fouten.append(
                    {
                        "pad": pad,
                        "reden_code": "TABBLAD_ONTBREEKT",
                        "niveau": "bestand",
                        "locatie": None,
                        "omschrijving": "Werkboek zonder tabblad Tevredenheid",
                    }
                )
            elif plan == "kolom":
                resultaten_zonder = [[c for i, c in enumerate(r) if i != 4] for r in resultaten]
                bladen["Resultaten"] = resultaten_zonder
                status, oms = "ontbreekt", "Enige werkboek in quarantaine: kolom inschatting_vooraf ontbreekt"
                fouten.append(
                    {
                        "pad": pad,
                        "reden_code": "KOLOM_ONTBREEKT",
                        "niveau": "bestand",
                        "locatie": None,
                        "omschrijving": "Tabblad Resultaten zonder kolom inschatting_vooraf",
                    }
                )
            elif plan == "rijfouten":
                g = productie[1][0]
                tv = bladen["Tevredenheid"]
                for cijfer in (0, 11, "goed"):
                    tv.append([g, 1, "", date(b, 6, 1), cijfer, "client"])
                    tv[-1][1:3] = _voorbeeld_toewijzing(resultaten, g)
                    fouten.append(
                        {
                            "pad": pad,
                            "reden_code": "CIJFER_ONGELDIG",
                            "niveau": "rij",
                            "locatie": f"Tevredenheid!{len(tv)}:cijfer",
                            "omschrijving": f"Tevredenheidscijfer {cijfer!r} buiten 1-10",
                        }
                    )
                rs = bladen["Resultaten"]
                tw, bsn = _voorbeeld_toewijzing(resultaten, g)
                rs.append([g, tw, bsn, "6.1", "verbetering", "behaald", date(b, 6, 1), ""])
                fouten.append(
                    {
                        "pad": pad,
                        "reden_code": "SUBRESULTAAT_ONBEKEND",
                        "niveau": "rij",
                        "locatie": f"Resultaten!{len(rs)}:subresultaat",
                        "omschrijving": "Subresultaat 6.1 bestaat niet",
                    }
                )
                rs.append([g, tw, bsn, "1.4", "verbetering", "grotendeels behaald", date(b, 6, 1), ""])
                fouten.append(
                    {
                        "pad": pad,
                        "reden_code": "WAARDE_ONBEKEND",
                        "niveau": "rij",
                        "locatie": f"Resultaten!{len(rs)}:resultaat",
                        "omschrijving": "Resultaat 'grotendeels behaald' niet in de lijst",
                    }
                )
            bestanden[pad] = (xlsx_bytes(bladen, excel_datums=rng.random() < 0.7), datum_prod)
            if plan == "versie2":
                correct = [productie[0]] + [
                    [g, cat, code, eh, vol, _euro(cent, komma), len(bsns)]
                    for (g, cat, code, eh), (cent, vol, bsns) in sorted(per_gem.items())
                ]
                bladen2 = dict(bladen, Productie=correct)
                d2 = min(datum_prod + timedelta(days=rng.randint(3, 10)), date(b + 1, 2, 28))
                bladen2["Aanbieder"] = [
                    r
                    if r[0] not in ("versie", "datum_productieverantwoording")
                    else [r[0], 2 if r[0] == "versie" else d2]
                    for r in aanbieder_blad
                ]
                bestanden[f"verantwoording/{b}/verantwoording_{a.agb}_{b}_v2.xlsx"] = (
                    xlsx_bytes(bladen2),
                    d2,
                )
                oms = "Versie 1 week af; versie 2 sluit aan"
            elif status == "afwijking":
                oms = (
                    f"Productie gemeente {afwijk_gemeente} wijkt meer dan 1 % af van goedgekeurde declaraties"
                )
            elif status == "te_laat":
                oms = f"Productieverantwoording verstuurd op {datum_prod}"
            elif status == "verklaring_ontbreekt":
                oms = f"Vereist: {vereist}; geleverd: {soort or 'geen'}"
            verwacht.append(
                {"aanbieder_agb": a.agb, "boekjaar": b, "verwachte_status": status, "omschrijving": oms}
            )
    return bestanden, verwacht, fouten


def _voorbeeld_toewijzing(resultaten: list[list], gemeente: str) -> list:
    for r in resultaten[1:]:
        if r[0] == gemeente:
            return [r[1], r[2]]
    # A provider without evaluations still needs a valid BSN, so the injected fault is the row's only fault.
    return [resultaten[1][1], resultaten[1][2]] if len(resultaten) > 1 else [1, "999900006"]
