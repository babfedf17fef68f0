"""Care trajectories per client: requests, assignments and their versions, starts, stops, deaths.

The simulation works on plain dataclasses; `iwmo_xml` turns them into messages and `declaraties` derives the
monthly declaration lines from the delivery segments recorded here. Everything after the horizon (31 December of
the last year) is simulated but never emitted.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from demo_region.ids import BsnBron
from demo_region.kalender import plus_maanden, plus_werkdagen, volgende_maand
from demo_region.region import ONBEKENDE_POSTCODES, Aanbieder, Product, Regio

ACHTERNAMEN = [
    ("", "Janssen"),
    ("", "Peeters"),
    ("", "Hendrikx"),
    ("", "Smeets"),
    ("", "Willems"),
    ("", "Geraedts"),
    ("", "Schreurs"),
    ("", "Cremers"),
    ("", "Hermans"),
    ("", "Gielen"),
    ("", "Coenen"),
    ("", "Claessens"),
    ("", "Vossen"),
    ("", "Houben"),
    ("", "Kusters"),
    ("", "Beckers"),
    ("", "Bongers"),
    ("", "Daemen"),
    ("", "Heijnen"),
    ("", "Kessels"),
    ("", "Lemmens"),
    ("", "Maessen"),
    ("", "Nijssen"),
    ("", "Slangen"),
    ("", "Thissen"),
    ("", "Timmermans"),
    ("", "Verheijen"),
    ("", "Wijnen"),
    ("", "Crijns"),
    ("", "Moonen"),
    ("", "Quaedvlieg"),
    ("", "Schmeitz"),
    ("", "Pluijmen"),
    ("", "Sijben"),
    ("van der", "Heijden"),
    ("van", "Dijk"),
    ("de", "Wit"),
    ("van den", "Berg"),
    ("op de", "Camp"),
    ("in 't", "Zandt"),
    ("", "Gëlen"),
]
VOORNAMEN_V = [
    "Maria",
    "Anna",
    "Wilhelmina",
    "Theodora",
    "Elisabeth",
    "Renée",
    "Thérèse",
    "Chantal",
    "Sanne",
    "Lieke",
    "Petronella",
    "José",
    "Anneke",
    "Noëlle",
]
VOORNAMEN_M = [
    "Johannes",
    "Petrus",
    "Hubertus",
    "Gerardus",
    "Jozef",
    "Mathieu",
    "Noël",
    "Lars",
    "Daan",
    "Sjef",
    "Harrie",
    "Jean",
    "Frans",
    "René",
]
STRATEN = [
    "Kerkstraat",
    "Molenweg",
    "Maasboulevard",
    "Schoolstraat",
    "Dorpstraat",
    "Kapelaansweg",
    "Beekstraat",
    "Hoogstraat",
    "Veldweg",
    "Lindelaan",
    "Roerkade",
    "Sint Jozefstraat",
    "Burg. Geuljans",
]

EINDE_GROEP = {"19": "volgens_plan", "21": "uitval", "22": "uitval", "23": "uitval"}


@dataclass
class Client:
    nr: int
    bsn: str
    gemeente: str
    postcode: str
    plaats: str
    straat: str
    huisnummer: int
    voorvoegsel: str
    achternaam: str
    voornaam: str
    geslacht: str
    geboortedatum: date
    oud: bool
    overlijden: date | None = None
    toewijzingen: list[Toewijzing] = field(default_factory=list)

    @property
    def voorletters(self) -> str:
        return self.voornaam[0].upper()


@dataclass
class Versie:
    datum: date
    tijd: str
    ingang: date
    eind: date | None
    reden: str | None
    volume: int | None
    eenheid: str | None
    frequentie: str | None
    budget: int | None

    @property
    def verwijderd(self) -> bool:
        return self.reden == "13" or (self.reden == "01" and self.eind == self.ingang)


@dataclass
class Start:
    dagtekening: date
    begindatum: date
    status: str
    met_product: bool = True


@dataclass
class Stop:
    dagtekening: date
    begindatum: date
    reden: str
    einddatum: date
    status: str


@dataclass
class Toewijzing:
    nummer: int
    gemeente: str
    aanbieder: Aanbieder
    client: Client
    product: Product
    referentie_aanbieder: str | None
    versies: list[Versie] = field(default_factory=list)
    starts: list[Start] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    segmenten: list[tuple[date, date | None]] = field(default_factory=list)
    startdatum: date | None = None
    einde: tuple[date, str] | None = None  # (einddatum_traject, reden) of the definitive stop, if simulated
    onopgemerkt_overlijden: bool = False
    zonder_start_berichten: bool = False

    @property
    def huidig(self) -> Versie:
        return self.versies[-1]

    @property
    def verwijderd(self) -> bool:
        return self.huidig.verwijderd


@dataclass
class Aanvraag:  # WMO315 AangevraagdProduct
    dagtekening: date
    aanbieder: Aanbieder
    gemeente: str
    client: Client
    referentie: str
    product: Product
    ingang: date
    eind: date | None
    volume: int | None
    budget: int | None
    verwijzer: str


@dataclass
class Antwoord:  # WMO319
    dagtekening: date
    gemeente: str
    aanbieder: Aanbieder
    referentie: str
    antwoord: str  # 1 afgewezen, 2 in onderzoek
    reden: str | None


@dataclass
class Wijzigingsverzoek:  # WMO317
    dagtekening: date
    aanbieder: Aanbieder
    gemeente: str
    client: Client
    referentie: str
    te_wijzigen: Toewijzing
    gewenste_ingang: date
    nieuwe_eind: date
    ongewijzigd: list[Toewijzing]


@dataclass
class Simulatie:
    clienten: list[Client]
    toewijzingen: list[Toewijzing]
    aanvragen: list[Aanvraag]
    antwoorden: list[Antwoord]
    verzoeken: list[Wijzigingsverzoek]
    horizon: date
    begin: date


def _tijd(rng: random.Random) -> str:
    return f"{rng.randint(8, 17):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"


def _choose_weighted(rng: random.Random, opties: list[Aanbieder]) -> Aanbieder:
    return rng.choices(opties, weights=[a.gewicht for a in opties], k=1)[0]


class _Simulator:
    def __init__(self, regio: Regio, seed: int, scale: float) -> None:
        self.regio = regio
        self.rng = random.Random(f"{seed}:clienten")
        self.scale = scale
        j1, j2 = regio.jaren
        self.begin = date(j1, 1, 1)
        self.horizon = date(j2, 12, 31)
        self.bsn = BsnBron(self.rng.randrange(100_000))
        self.nummers: dict[str, int] = {}
        self.refs: dict[str, int] = {}
        self.clienten: list[Client] = []
        self.toewijzingen: list[Toewijzing] = []
        self.aanvragen: list[Aanvraag] = []
        self.antwoorden: list[Antwoord] = []
        self.verzoeken: list[Wijzigingsverzoek] = []
        self.gemeenten = regio.gemeenten
        self.gem_gewichten = [g.inwoners_2022 for g in regio.gemeenten]

    # ---- identifiers -------------------------------------------------------------------------------------
    def _toewijzingnummer(self, gemeente: str) -> int:
        n = self.nummers.get(gemeente, int(gemeente) * 100_000) + 1
        self.nummers[gemeente] = n
        return n

    def _referentie(self, agb: str) -> str:
        n = self.refs.get(agb, 0) + 1
        self.refs[agb] = n
        return f"VA{agb[-4:]}{n:06d}"

    # ---- clients -----------------------------------------------------------------------------------------
    def _nieuwe_client(self, nr: int, instroom: date, oud: bool | None = None) -> Client:
        rng = self.rng
        g = rng.choices(self.gemeenten, weights=self.gem_gewichten, k=1)[0]
        wijk = rng.choice(g.wijken)
        pc4 = rng.choice(wijk.postcodes) if rng.random() > 0.02 else rng.choice(ONBEKENDE_POSTCODES)
        postcode = pc4 + rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
        oud = rng.random() < 0.55 if oud is None else oud
        leeftijd = rng.randint(66, 96) if oud else rng.randint(18, 65)
        geboren = instroom - timedelta(days=leeftijd * 365 + rng.randrange(365))
        geslacht = rng.choice("1222") if oud else rng.choice("12")
        voornaam = rng.choice(VOORNAMEN_M if geslacht == "1" else VOORNAMEN_V)
        vv, an = rng.choice(ACHTERNAMEN)
        plaats = wijk.wijknaam.split(" en ")[0].split(",")[0] if wijk.wijknaam != "Binnenstad" else g.naam
        c = Client(
            nr,
            self.bsn.volgende(),
            g.code,
            postcode,
            plaats,
            rng.choice(STRATEN),
            rng.randint(1, 180),
            vv,
            an,
            voornaam,
            geslacht,
            geboren,
            oud,
        )
        if oud and rng.random() < 0.07:
            laatste = self.horizon - timedelta(days=100)
            eerste = instroom + timedelta(days=60)
            if eerste < laatste:
                c.overlijden = eerste + timedelta(days=rng.randrange((laatste - eerste).days))
        return c

    def _behoeften(self, c: Client) -> list[Product]:
        rng = self.rng
        p = self.regio.product_index
        uit: list[Product] = []
        if c.oud:
            if rng.random() < 0.85:
                uit.append(p[("01", rng.choice(["01A01", "01A01", "01A02", "01A03"]))])
            if rng.random() < 0.22:
                uit.append(p[("02", rng.choice(["02Z01", "02Z02", "02A05", "02A06", "02A01"]))])
            if rng.random() < 0.08:
                uit.append(p[("04", rng.choice(["04A01", "04A02"]))])
        else:
            uit.append(
                p[
                    (
                        "02",
                        rng.choice(
                            [
                                "02Z01",
                                "02Z02",
                                "02Z03",
                                "02M01",
                                "02M02",
                                "02M03",
                                "02A05",
                                "02A06",
                                "02A01",
                                "02A01",
                            ]
                        ),
                    )
                ]
            )
        if rng.random() < (0.18 if c.oud else 0.3):
            uit.append(p[("07", rng.choice(["07A01", "07A01", "07A02"]))])
            if rng.random() < 0.45:
                uit.append(p[("08", "08A01")])
        if not uit:
            uit.append(p[("01", "01A01")])
        return uit

    def run(self) -> Simulatie:
        rng = self.rng
        jaren = self.regio.jaren[1] - self.regio.jaren[0] + 1
        n_stock = max(20, round(8000 * self.scale))
        n_nieuw = max(20, round(7000 * self.scale)) * jaren
        forceer_rm08 = 3  # clients whose death one provider does not notice (lawfulness signal RM08)
        dagen = (self.horizon - self.begin).days - 20
        for i in range(n_stock + n_nieuw):
            stock = i < n_stock
            instroom = self.begin if stock else self.begin + timedelta(days=rng.randrange(dagen))
            forceer = forceer_rm08 > 0 and i >= 5 and i % 7 == 0
            c = self._nieuwe_client(i, instroom, oud=True if forceer else None)
            behoeften = self._behoeften(c)
            if forceer:
                p = self.regio.product_index
                behoeften = [p[("01", "01A01")], p[("02", "02Z01")]]
                laatste = self.horizon - timedelta(days=100)
                c.overlijden = min(instroom + timedelta(days=rng.randint(150, 250)), laatste)
                if c.overlijden <= instroom + timedelta(days=60):
                    c.overlijden = None
                else:
                    forceer_rm08 -= 1
            self.clienten.append(c)
            for k, product in enumerate(behoeften):
                t0 = (
                    instroom if (k == 0 or stock or forceer) else instroom + timedelta(days=rng.randrange(90))
                )
                if t0 > self.horizon or (c.overlijden and t0 >= c.overlijden):
                    continue
                onopgemerkt = forceer and k == 1 and c.overlijden is not None
                self._traject(c, product, t0, stock=stock, onopgemerkt=onopgemerkt, lang=forceer)
        return Simulatie(
            self.clienten,
            self.toewijzingen,
            self.aanvragen,
            self.antwoorden,
            self.verzoeken,
            self.horizon,
            self.begin,
        )

    # ---- one need: request, assignment, start, stop --------------------------------------------------------
    def _omvang(self, product: Product) -> tuple[int | None, int | None, int]:
        """(volume, budget, maandbedrag) for a new assignment of this product."""
        rng = self.rng
        lo, hi = product.volume
        if product.eenheid == "83":
            maand = rng.randint(lo // 100, hi // 100) * 100
            if rng.random() < 0.5:
                return None, None, maand  # budget-only: budget set later from the validity
            return maand, None, maand
        return rng.randint(lo, hi), None, 0

    def _traject(
        self,
        c: Client,
        product: Product,
        t0: date,
        *,
        stock: bool,
        onopgemerkt: bool = False,
        lang: bool = False,
        aanbieder: Aanbieder | None = None,
        ingang: date | None = None,
        diepte: int = 0,
    ) -> None:
        rng = self.rng
        aanbieder = aanbieder or _choose_weighted(rng, self.regio.aanbieders_voor(product.categorie))
        gemeente = c.gemeente
        volume, budget, maandbedrag = self._omvang(product)
        looptijd = rng.choice(product.looptijden)
        if lang:
            looptijd = 24
        if (product.is_budget and volume is None) or product.frequentie == "6":
            looptijd = looptijd or 12
        ref = None
        if stock:
            td = plus_werkdagen(self.begin, 1)
            ingang = self.begin
        elif ingang is not None:  # overstap: the new provider takes over the next day
            td = plus_werkdagen(ingang - timedelta(days=rng.randint(3, 10)), 0)
        elif rng.random() < (0.15 if product.categorie == "01" else 0.35) and not lang:
            d315 = plus_werkdagen(t0, 0)
            if d315 > self.horizon:
                return
            ref = self._referentie(aanbieder.agb)
            gewenst = d315 + timedelta(days=rng.randint(0, 14))
            eind315 = plus_maanden(gewenst, looptijd) - timedelta(days=1) if looptijd else None
            self.aanvragen.append(
                Aanvraag(
                    d315,
                    aanbieder,
                    gemeente,
                    c,
                    ref,
                    product,
                    gewenst,
                    eind315,
                    volume,
                    None if volume is not None or not product.is_budget else maandbedrag * looptijd,
                    rng.choice(["01", "02", "02", "06"]),
                )
            )
            r = rng.random()
            if r < 0.07:
                d = plus_werkdagen(d315, rng.randint(1, 8))
                if d <= self.horizon:
                    self.antwoorden.append(
                        Antwoord(d, gemeente, aanbieder, ref, "1", rng.choice(["2", "3", "4", "6", "7"]))
                    )
                return
            if r < 0.16:
                d = plus_werkdagen(d315, rng.randint(1, 5))
                if d <= self.horizon:
                    self.antwoorden.append(Antwoord(d, gemeente, aanbieder, ref, "2", None))
                td = plus_werkdagen(d315, rng.randint(12, 35))
            else:
                vertraging = rng.randint(1, 5) if rng.random() < 0.8 else rng.randint(6, 25)
                td = plus_werkdagen(d315, vertraging)
            ingang = gewenst
        else:
            td = plus_werkdagen(t0, 0)
            ingang = td + timedelta(days=rng.choice([0, 0, 0, 0, rng.randint(1, 14)]))
        if td > self.horizon or (c.overlijden and td >= c.overlijden):
            return
        eind = plus_maanden(ingang, looptijd) - timedelta(days=1) if looptijd else None
        if product.is_budget and volume is None:
            budget = maandbedrag * looptijd

        # a mistaken assignment, deleted a few working days later and replaced by the right one
        if not stock and not lang and diepte == 0 and rng.random() < 0.015:
            broers = [
                p for p in self.regio.producten if p.categorie == product.categorie and p.code != product.code
            ]
            if broers:
                fout_product = rng.choice(broers)
                fv, fb, fm = self._omvang(fout_product)
                if fout_product.is_budget and fv is None:
                    fb = fm * 6
                fout_eind = plus_maanden(ingang, 6) - timedelta(days=1)
                fout = Toewijzing(self._toewijzingnummer(gemeente), gemeente, aanbieder, c, fout_product, ref)
                fout.versies.append(
                    Versie(
                        td,
                        _tijd(rng),
                        ingang,
                        fout_eind,
                        None,
                        fv,
                        fout_product.eenheid if fv is not None else None,
                        fout_product.frequentie if fv is not None else None,
                        fb,
                    )
                )
                td = plus_werkdagen(td, rng.randint(1, 4))
                fv0 = fout.versies[0]
                fout.versies.append(
                    Versie(
                        td,
                        _tijd(rng),
                        fv0.ingang,
                        fv0.ingang,
                        "13" if rng.random() < 0.7 else "01",
                        fv0.volume,
                        fv0.eenheid,
                        fv0.frequentie,
                        fv0.budget,
                    )
                )
                c.toewijzingen.append(fout)
                self.toewijzingen.append(fout)
                if td > self.horizon:
                    return

        t = Toewijzing(self._toewijzingnummer(gemeente), gemeente, aanbieder, c, product, ref)
        t.onopgemerkt_overlijden = onopgemerkt
        t.versies.append(
            Versie(
                td,
                _tijd(rng),
                ingang,
                eind,
                None,
                volume,
                product.eenheid if volume is not None else None,
                product.frequentie if volume is not None else None,
                budget,
            )
        )
        c.toewijzingen.append(t)
        self.toewijzingen.append(t)
        self._levering(t, c, stock=stock, diepte=diepte)

    def _nieuwe_versie(self, t: Toewijzing, datum: date, **wijzig: object) -> None:
        v = t.huidig
        if datum <= v.datum:
            datum = v.datum + timedelta(days=1)
        nieuw = Versie(
            datum, _tijd(self.rng), v.ingang, v.eind, v.reden, v.volume, v.eenheid, v.frequentie, v.budget
        )
        for k, w in wijzig.items():
            setattr(nieuw, k, w)
        t.versies.append(nieuw)

    def _levering(self, t: Toewijzing, c: Client, *, stock: bool, diepte: int) -> None:
        rng = self.rng
        v = t.huidig
        ref = max(v.ingang, v.datum)
        r = rng.random()
        if stock:
            begin = plus_werkdagen(ref, 0) if rng.random() < 0.5 else ref
        elif r < 0.78:
            begin = plus_werkdagen(ref, rng.randint(0, 5))
        elif r < 0.95:
            begin = plus_werkdagen(ref, rng.randint(6, 15))
        elif r < 0.985:
            begin = ref + timedelta(days=rng.randint(20, 70))
        else:
            begin = None  # never started: stays on the waiting list
        dood = c.overlijden
        if begin is None or (v.eind and begin > v.eind) or (dood and begin >= dood) or begin > self.horizon:
            if dood and (v.eind is None or v.eind > dood) and not t.onopgemerkt_overlijden:
                self._nieuwe_versie(
                    t, plus_werkdagen(dood, rng.randint(3, 10)), eind=max(v.ingang, dood), reden="02"
                )
            return
        t.startdatum = begin
        d305 = min(
            plus_werkdagen(begin, rng.randint(0, 5) if rng.random() < 0.85 else rng.randint(6, 15)),
            begin + timedelta(days=21),
        )
        if rng.random() < 0.02:  # wrong start date first, then deleted (StatusAanlevering 3) and re-sent
            fout = begin - timedelta(days=rng.randint(3, 20))
            t.starts.append(Start(d305, fout, "1"))
            d2 = plus_werkdagen(d305, rng.randint(1, 8))
            t.starts.append(Start(d2, fout, "3"))
            t.starts.append(Start(d2, begin, "1"))
        elif rng.random() < 0.03:  # corrected start (StatusAanlevering 2): the first one lacked the product
            t.starts.append(Start(d305, begin, "1", met_product=False))
            t.starts.append(Start(plus_werkdagen(d305, rng.randint(1, 10)), begin, "2"))
        else:
            t.starts.append(Start(d305, begin, "1"))

        # planned end, extensions
        p = t.product
        kan_verlengen = not (p.frequentie == "6" or p.is_budget)
        if v.eind is None:
            gepland = plus_maanden(begin, rng.randint(6, 36))
        else:
            gepland = v.eind
            kans = 0.4
            while kan_verlengen and rng.random() < kans and gepland < self.horizon + timedelta(days=400):
                dtd = plus_werkdagen(gepland - timedelta(days=rng.randint(20, 45)), 0)
                nieuw_eind = plus_maanden(gepland + timedelta(days=1), rng.choice([6, 12])) - timedelta(
                    days=1
                )
                if dood and dtd >= dood:
                    break
                self._nieuwe_versie(t, dtd, eind=nieuw_eind, reden="04")
                gepland = nieuw_eind
                kans = 0.25
        # early termination
        r = rng.random()
        looptijd = (gepland - begin).days
        vroeg = begin + timedelta(days=14 + rng.randrange(max(1, looptijd - 14)))
        if r < 0.14:
            reden, stopdatum = rng.choice(["21", "21", "22", "23", "23"]), vroeg
        elif r < 0.175:
            reden, stopdatum = "31", vroeg
        elif r < 0.21:
            reden, stopdatum = "38", vroeg
        elif r < 0.235:
            reden, stopdatum = rng.choice(["36", "37", "39"]), vroeg
        else:
            reden = "19"
            stopdatum = gepland
            if rng.random() < 0.2:
                stopdatum = max(begin, gepland - timedelta(days=rng.randint(1, 60)))
        if stopdatum < begin:
            stopdatum = begin
        if dood and dood <= stopdatum:
            reden, stopdatum = "02", dood

        # delivery segments, optionally interrupted by a temporary stop (code 20)
        b1 = begin
        if (stopdatum - begin).days > 150 and rng.random() < 0.04 and not t.onopgemerkt_overlijden:
            pauze = begin + timedelta(days=rng.randint(30, (stopdatum - begin).days - 100))
            herstart = volgende_maand(pauze) + timedelta(days=rng.randint(0, 20))
            t.segmenten.append((begin, pauze))
            d = plus_werkdagen(pauze, rng.randint(0, 5))
            t.stops.append(Stop(d, begin, "20", pauze, "1"))
            t.starts.append(Start(plus_werkdagen(herstart, rng.randint(0, 5)), herstart, "1"))
            b1 = herstart
        if t.onopgemerkt_overlijden and dood:
            # the provider does not notice the death: it keeps declaring, sends no stop
            eind = dood + timedelta(days=rng.randint(45, 75))
            if t.huidig.eind:
                eind = min(eind, t.huidig.eind)
            t.segmenten.append((b1, eind))
            return
        t.segmenten.append((b1, stopdatum))
        t.einde = (stopdatum, reden)
        d307 = min(
            plus_werkdagen(stopdatum, rng.randint(0, 5) if rng.random() < 0.85 else rng.randint(6, 15)),
            stopdatum + timedelta(days=21),
        )
        if rng.random() < 0.02 and (stopdatum - b1).days > 90:
            # an erroneous stop in the middle, deleted again (StatusAanlevering 3)
            fout = b1 + timedelta(days=rng.randint(20, (stopdatum - b1).days - 40))
            fr = rng.choice(["21", "23"])
            d = plus_werkdagen(fout, rng.randint(0, 4))
            t.stops.append(Stop(d, b1, fr, fout, "1"))
            t.stops.append(Stop(plus_werkdagen(d, rng.randint(1, 8)), b1, fr, fout, "3"))
        if rng.random() < 0.03:  # first a wrong end date, then corrected (StatusAanlevering 2)
            t.stops.append(Stop(d307, b1, reden, stopdatum + timedelta(days=rng.randint(3, 15)), "1"))
            t.stops.append(Stop(plus_werkdagen(d307, rng.randint(1, 10)), b1, reden, stopdatum, "2"))
        else:
            t.stops.append(Stop(d307, b1, reden, stopdatum, "1"))
        # the municipality shortens the assignment after an early end
        huidig_eind = t.huidig.eind
        if (huidig_eind is None or huidig_eind > stopdatum) and rng.random() < 0.7:
            rw = {"02": "02", "31": "07", "38": "09", "39": "06"}.get(reden, "05")
            self._nieuwe_versie(t, plus_werkdagen(d307, rng.randint(1, 10)), eind=stopdatum, reden=rw)
        if reden == "38" and diepte == 0:
            andere = [a for a in self.regio.aanbieders_voor(p.categorie) if a.agb != t.aanbieder.agb]
            if andere and stopdatum + timedelta(days=1) <= self.horizon:
                self._traject(
                    c,
                    p,
                    stopdatum,
                    stock=False,
                    aanbieder=_choose_weighted(rng, andere),
                    ingang=stopdatum + timedelta(days=1),
                    diepte=1,
                )
        # a request to extend (WMO317) for some running assignments
        if kan_verlengen and t.huidig.eind and rng.random() < 0.03 and reden == "19":
            d317 = plus_werkdagen(t.huidig.eind - timedelta(days=rng.randint(30, 50)), 0)
            if d317 > t.huidig.datum and d317 > begin:
                nieuwe_eind = plus_maanden(t.huidig.eind + timedelta(days=1), 6) - timedelta(days=1)
                andere = [
                    x
                    for x in c.toewijzingen
                    if x.aanbieder.agb == t.aanbieder.agb
                    and x is not t
                    and not x.verwijderd
                    and x.huidig.datum <= d317
                    and (x.huidig.eind is None or x.huidig.eind >= d317)
                ]
                self.verzoeken.append(
                    Wijzigingsverzoek(
                        d317,
                        t.aanbieder,
                        t.gemeente,
                        c,
                        self._referentie(t.aanbieder.agb),
                        t,
                        t.huidig.eind + timedelta(days=1),
                        nieuwe_eind,
                        andere,
                    )
                )
                self.antwoorden.append(
                    Antwoord(
                        plus_werkdagen(d317, rng.randint(1, 5)),
                        t.gemeente,
                        t.aanbieder,
                        self.verzoeken[-1].referentie,
                        "1",
                        "4",
                    )
                )


def simulate(regio: Regio, seed: int, scale: float) -> Simulatie:
    return _Simulator(regio, seed, scale).run()
