"""The fictional-but-recognisable demo region: Midden-Limburg plus one neighbour.

Municipality codes and approximate populations are the real CBS values; district names and postcode areas
are real places, grouped the way a contract manager would recognise them (not the exact CBS wijk boundaries).
Providers, AGB codes, products and tariffs are invented, inspired by the seed decks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

REGIO = "Midden-Limburg"

# gemeentecode, naam, inwoners 1 jan 2022, [(wijknaam, [postcode4, ...]), ...]
GEMEENTEN: list[tuple[str, str, int, list[tuple[str, list[str]]]]] = [
    (
        "0957",
        "Roermond",
        58_900,
        [
            ("Binnenstad", ["6041"]),
            ("Roermond-Oost", ["6042"]),
            ("Maasniel", ["6043"]),
            ("Donderberg en Kapel in 't Zand", ["6044", "6045"]),
            ("Roermond-Zuid", ["6046"]),
            ("Herten en Merum", ["6049"]),
            ("Swalmen en Asselt", ["6071"]),
        ],
    ),
    (
        "0988",
        "Weert",
        50_300,
        [
            ("Binnenstad", ["6001"]),
            ("Fatima en Graswinkel", ["6002"]),
            ("Keent en Moesel", ["6003"]),
            ("Groenewoud en Boshoven", ["6004", "6005"]),
            ("Laar en Hushoven", ["6006"]),
            ("Stramproy", ["6039"]),
        ],
    ),
    (
        "1640",
        "Leudal",
        36_100,
        [
            ("Heythuysen", ["6093"]),
            ("Haelen en Buggenum", ["6081", "6082"]),
            ("Horn en Neer", ["6085", "6086"]),
            ("Roggel", ["6088"]),
            ("Baexem en Grathem", ["6095", "6096"]),
            ("Hunsel", ["6013"]),
        ],
    ),
    (
        "1711",
        "Echt-Susteren",
        31_800,
        [
            ("Echt", ["6101", "6102"]),
            ("Pey en Koningsbosch", ["6104", "6105"]),
            ("Susteren", ["6114"]),
            ("Roosteren en Nieuwstadt", ["6116", "6118"]),
        ],
    ),
    (
        "1641",
        "Maasgouw",
        23_800,
        [
            ("Maasbracht", ["6051"]),
            ("Linne", ["6067"]),
            ("Thorn en Wessem", ["6017", "6019"]),
            ("Heel, Beegden en Panheel", ["6097", "6099"]),
            ("Stevensweert en Ohé en Laak", ["6107"]),
        ],
    ),
    (
        "1669",
        "Roerdalen",
        20_800,
        [
            ("Posterholt en Montfort", ["6061", "6065"]),
            ("Vlodrop", ["6063"]),
            ("Melick en Herkenbosch", ["6074", "6075"]),
            ("Sint Odiliënberg", ["6077"]),
        ],
    ),
    (
        "0946",
        "Nederweert",
        17_200,
        [
            ("Nederweert en Budschop", ["6031"]),
            ("Nederweert-Eind", ["6034"]),
            ("Ospel", ["6035"]),
        ],
    ),
    (
        "1894",
        "Peel en Maas",
        44_700,
        [
            ("Panningen en Koningslust", ["5981", "5987"]),
            ("Helden en Beringe", ["5988", "5986"]),
            ("Baarlo", ["5991"]),
            ("Maasbree", ["5993"]),
            ("Kessel", ["5995"]),
            ("Meijel", ["5768"]),
        ],
    ),
]
ONBEKENDE_POSTCODES = ["5211", "6211", "5912"]  # clients who live outside the region's districts

BEVOLKINGSGROEI = {2021: 0.998, 2022: 1.0, 2023: 1.004, 2024: 1.007, 2025: 1.009, 2026: 1.011}

# productcategorie, productcode, omschrijving, eenheid, frequentie, (vol_min, vol_max), tarief 2022 in cent,
# looptijd in maanden (choices), leeftijdsprofiel ('oud', 'jong', 'alle')
PRODUCTEN: list[tuple[str, str, str, str, str, tuple[int, int], int, tuple[int, ...], str]] = [
    ("01", "01A01", "Huishoudelijke ondersteuning basis (HO1)", "04", "2", (2, 4), 3010, (12, 24, 0), "oud"),
    (
        "01",
        "01A02",
        "Huishoudelijke ondersteuning plus, incl. regie (HO2)",
        "04",
        "2",
        (2, 5),
        3290,
        (12, 24),
        "oud",
    ),
    (
        "01",
        "01A03",
        "Resultaat schoon en leefbaar huis (maandtarief)",
        "82",
        "4",
        (1, 1),
        23_500,
        (12, 24, 0),
        "oud",
    ),
    (
        "02",
        "02A01",
        "Begeleiding maatwerkbudget (product van EUR 1)",
        "83",
        "4",
        (26_500, 88_000),
        1,
        (6, 12),
        "alle",
    ),
    (
        "02",
        "02Z01",
        "Ondersteuning Zelfstandig Leven (OZL) intensiteit 1",
        "82",
        "4",
        (1, 1),
        28_500,
        (6, 12),
        "alle",
    ),
    (
        "02",
        "02Z02",
        "Ondersteuning Zelfstandig Leven (OZL) intensiteit 2",
        "82",
        "4",
        (1, 1),
        52_000,
        (6, 12),
        "alle",
    ),
    (
        "02",
        "02Z03",
        "Ondersteuning Zelfstandig Leven (OZL) intensiteit 3",
        "82",
        "4",
        (1, 1),
        86_000,
        (6, 12),
        "alle",
    ),
    (
        "02",
        "02M01",
        "Ondersteuning Maatschappelijke Deelname (OMD) intensiteit 1",
        "04",
        "2",
        (1, 2),
        6_350,
        (6, 12),
        "jong",
    ),
    (
        "02",
        "02M02",
        "Ondersteuning Maatschappelijke Deelname (OMD) intensiteit 2",
        "04",
        "2",
        (2, 4),
        6_650,
        (6, 12),
        "jong",
    ),
    (
        "02",
        "02M03",
        "Ondersteuning Maatschappelijke Deelname (OMD) intensiteit 3",
        "04",
        "2",
        (4, 6),
        6_950,
        (6, 12),
        "jong",
    ),
    ("02", "02A05", "Individuele begeleiding (minuten per week)", "01", "2", (60, 240), 108, (6, 12), "alle"),
    ("02", "02A06", "Begeleiding dagstructuur (minuten per dag)", "01", "1", (15, 45), 98, (3, 6), "alle"),
    (
        "04",
        "04A01",
        "Kortdurend verblijf (logeeropvang), totaal per toewijzing",
        "14",
        "6",
        (6, 24),
        14_950,
        (3, 6),
        "oud",
    ),
    (
        "04",
        "04A02",
        "Kortdurend verblijf (logeeropvang) per maand",
        "14",
        "4",
        (2, 4),
        14_950,
        (6, 12),
        "oud",
    ),
    ("07", "07A01", "Dagbesteding basis per dagdeel", "16", "2", (2, 6), 3_890, (12,), "alle"),
    ("07", "07A02", "Dagbesteding intensief per dagdeel", "16", "2", (2, 6), 5_240, (12,), "alle"),
    ("08", "08A01", "Vervoer van en naar dagbesteding per rit", "84", "2", (2, 10), 1_425, (12,), "alle"),
]
BUDGET_PRODUCT = ("02", "02A01")
INDEXATIE = {2022: 1.0, 2023: 1.052, 2024: 1.041, 2025: 1.030, 2026: 1.025, 2027: 1.025}

PROVIDER_NAMEN = [
    ("Thuiszorg Maas en Roer", "01"),
    ("Huishoudelijke Hulp Weerterland", "01"),
    ("Schoon Thuis Limburg BV", "01"),
    ("Zorggroep De Roerstreek Thuis", "01,04,02"),
    ("Stichting Thuis in Leudal", "01,02"),
    ("HHT Midden-Limburg BV", "01"),
    ("Alfa Huishoudelijke Diensten", "01"),
    ("Helpende Hand Echt-Susteren", "01"),
    ("Zorgcoöperatie Maasgouw", "01,02,07"),
    ("Thuishulp Peel en Maas", "01"),
    ("Begeleiding Midden-Limburg BV", "02"),
    ("Stichting Ambulante Begeleiding Roermond", "02"),
    ("Levantogroep Zuid", "02,07"),
    ("De Zorgspecialist Weert", "02"),
    ("Stichting Kompas Begeleiding", "02"),
    ("Vorkmeer Begeleid Wonen", "02,07"),
    ("Spoor Ambulant", "02"),
    ("Daelzicht Ambulant", "02,07,08"),
    ("Begeleidingsbureau Op Koers", "02"),
    ("Stichting Wonen en Welzijn Nederweert", "02,07"),
    ("Coach en Zo Limburg", "02"),
    ("Ambulante Hulp Swalmen", "02"),
    ("Mondriaan-Zuid Ambulant", "02"),
    ("Stichting Vincent Begeleiding", "02,04"),
    ("Dagbesteding De Boomgaard", "07,08"),
    ("Zorgboerderij De Kempkes", "07"),
    ("Zorgboerderij Hoeve Vlodrop", "07"),
    ("Atelier Het Ambacht", "07"),
    ("Dagcentrum De Ortolaan", "07,08"),
    ("Zorgboerderij 't Heukske", "07"),
    ("Stichting Activiteitencentrum Maasbracht", "07"),
    ("Dagbesteding Het Leudal", "07,08"),
    ("Logeerhuis De Wissel", "04"),
    ("Respijthuis Roerdalen", "04,07"),
    ("Zorgcentrum Sint Jozef", "04,01"),
    ("Taxi en Zorgvervoer Midden-Limburg", "08"),
    ("Vervoersdienst Regiotaxi Plus", "08"),
    ("Meander Thuiszorg Limburg", "01,02"),
    ("Stichting Samen Verder", "02,07"),
    ("Buurtzorg Maasland", "01,02"),
]

# the Midden-Limburg result taxonomy (seed 000)
DEELRESULTATEN = {
    "1": (
        "Zelfstandig leven",
        [
            "Cliënt kan zelfstandig wonen",
            "Cliënt kan randvoorwaarden regelen om zelfstandig te wonen",
            "Cliënt kan voorzien in primaire levensbehoeftes",
            "Cliënt kan zelfstandig een huishouden voeren",
            "Cliënt kan zijn financiële situatie op orde brengen",
            "Cliënt kan zijn financiële situatie stabiel houden",
            "Cliënt kan de administratie bijhouden",
            "Cliënt kan iets kopen/betalen",
            "Cliënt kan gezond leven en hier ook naar handelen",
            "Cliënt heeft zicht op zijn lichamelijke/medische toestand en kan omgaan met zijn chronisch medische aandoening",
            "Cliënt heeft controle over zijn lichamelijke/medische/psychische toestand",
            "Cliënt kan zichzelf verzorgen",
        ],
    ),
    "2": (
        "Deelnemen aan het maatschappelijk leven",
        [
            "Cliënt heeft een voor zichzelf gewenst/voldoende sociaal netwerk",
            "Cliënt kan sociale contacten onderhouden",
            "Cliënt kan zichzelf verplaatsen/vervoeren",
            "Cliënt kan sociale vaardigheden toepassen",
            "Cliënt kan deelnemen aan georganiseerde activiteiten",
            "Cliënt kan gesprekken voeren met instanties",
        ],
    ),
    "3": (
        "Dagstructuur",
        [
            "Cliënt heeft een regelmatige dagstructuur en ritme",
            "Cliënt kan een weekplanning maken",
            "Cliënt heeft een zinvolle dagbesteding",
        ],
    ),
    "4": (
        "Regie voeren",
        [
            "Cliënt heeft en houdt eigen regie en autonomie",
            "Cliënt herkent problemen en kan hierop reageren",
            "Cliënt kan vaardigheden toepassen",
            "Cliënt kan besluiten nemen en de gevolgen daarvan wegen",
            "Cliënt kan initiatief nemen",
            "Cliënt kan zich aan regels en afspraken houden",
        ],
    ),
    "5": (
        "Ontlasten mantelzorger",
        [
            "Mantelzorger is in staat mantelzorg vol te houden",
            "Het voorkomen van klachten ten gevolge van overbelasting",
        ],
    ),
}
# which subresults fit which product category
SUBRESULTATEN_PER_CATEGORIE = {
    "01": ["1.4", "1.1", "1.12"],
    "02": ["1.2", "1.5", "1.6", "1.7", "1.11", "2.1", "2.2", "2.6", "4.1", "4.2", "4.4"],
    "04": ["5.1", "5.2"],
    "07": ["3.1", "3.3", "2.5", "2.4"],
    "08": ["2.3"],
}


@dataclass(frozen=True)
class Product:
    categorie: str
    code: str
    naam: str
    eenheid: str
    frequentie: str
    volume: tuple[int, int]
    tarief_2022: int
    looptijden: tuple[int, ...]
    profiel: str

    @property
    def is_budget(self) -> bool:
        return (self.categorie, self.code) == BUDGET_PRODUCT


@dataclass(frozen=True)
class Aanbieder:
    agb: str
    naam: str
    categorieen: tuple[str, ...]
    gewicht: float


@dataclass(frozen=True)
class Wijk:
    wijkcode: str
    wijknaam: str
    gemeentecode: str
    postcodes: tuple[str, ...]


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    inwoners_2022: int
    wijken: tuple[Wijk, ...]

    def inwoners(self, jaar: int) -> int:
        return round(self.inwoners_2022 * BEVOLKINGSGROEI.get(jaar, 1.0))

    def huishoudens(self, jaar: int) -> int:
        return round(self.inwoners(jaar) / 2.17)


@dataclass
class Regio:
    gemeenten: list[Gemeente]
    aanbieders: list[Aanbieder]
    producten: list[Product]
    jaren: tuple[int, int]
    product_index: dict[tuple[str, str], Product] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.product_index = {(p.categorie, p.code): p for p in self.producten}

    def tarief(self, product: Product, dag: date) -> int:
        """Contract tariff in eurocent valid on `dag` (one tariff per calendar year)."""
        if product.eenheid == "83":
            return 1
        return tarief_in_jaar(product.tarief_2022, dag.year)

    def aanbieders_voor(self, categorie: str) -> list[Aanbieder]:
        return [a for a in self.aanbieders if categorie in a.categorieen]


def tarief_in_jaar(tarief_2022: int, jaar: int) -> int:
    factor = 1.0
    for j in range(2023, jaar + 1):
        factor *= INDEXATIE.get(j, 1.025)
    if jaar < 2022:
        factor = 0.97 ** (2022 - jaar)
    return round(tarief_2022 * factor)


def _agb(rng: random.Random, gebruikt: set[str], prefix: str) -> str:
    while True:
        code = prefix + f"{rng.randrange(10 ** (8 - len(prefix))):0{8 - len(prefix)}d}"
        if code not in gebruikt:
            gebruikt.add(code)
            return code


def build_regio(seed: int, jaren: tuple[int, int]) -> Regio:
    rng = random.Random(f"{seed}:regio")
    gemeenten = []
    for code, naam, inw, wijken in GEMEENTEN:
        ws = tuple(
            Wijk(f"WK{code}{i:02d}", wijknaam, code, tuple(pcs)) for i, (wijknaam, pcs) in enumerate(wijken)
        )
        gemeenten.append(Gemeente(code, naam, inw, ws))
    gebruikt: set[str] = set()
    aanbieders = []
    for i, (naam, cats) in enumerate(PROVIDER_NAMEN):
        # every fifth provider has an AGB code with a leading zero (Excel drops it in complaint files)
        prefix = "0" + str(rng.choice("3567")) if i % 5 == 2 else rng.choice(["98", "98", "98", "75"])
        gewicht = round(rng.uniform(0.3, 3.0), 2)
        aanbieders.append(Aanbieder(_agb(rng, gebruikt, prefix), naam, tuple(cats.split(",")), gewicht))
    aanbieders.sort(key=lambda a: a.agb)
    producten = [Product(*p) for p in PRODUCTEN]
    return Regio(gemeenten, aanbieders, producten, jaren)
