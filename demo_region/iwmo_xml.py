"""iWmo 3.2 message writers (string building, no DOM): one function per message family.

Element order and namespaces follow the official XSDs: message elements in the message namespace, children of
basisschema composite types in the basisschema namespace. The serialisation style varies per file (prefixes,
default namespace, BOM, CRLF, comments, ISO-8859-1) because real senders differ.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

BASIS_NS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
BERICHTCODES = {
    "301": "414",
    "302": "415",
    "305": "418",
    "306": "419",
    "307": "420",
    "308": "421",
    "315": "444",
    "316": "445",
    "317": "480",
    "318": "481",
    "319": "482",
    "320": "483",
    "323": "484",
    "325": "485",
}


def bericht_ns(type_: str) -> str:
    return f"http://www.istandaarden.nl/iwmo/3_2/wmo{type_}/schema"


@dataclass(frozen=True)
class Stijl:
    m: str  # message prefix, "" = default namespace
    b: str  # basisschema prefix
    crlf: bool = False
    bom: bool = False
    latin1: bool = False
    commentaar: bool = False
    declaratie: bool = True

    @staticmethod
    def choose(rng: random.Random, type_: str) -> Stijl:
        r = rng.random()
        if r < 0.6:
            m, b = f"wmo{type_}", "iwmo"
        elif r < 0.78:
            m, b = "", "bs"
        elif r < 0.9:
            m, b = "ns2", "ns1"
        else:
            m, b = "b", "basis"
        latin1 = rng.random() < 0.03
        return Stijl(
            m,
            b,
            crlf=rng.random() < 0.1,
            bom=not latin1 and rng.random() < 0.03,
            latin1=latin1,
            commentaar=rng.random() < 0.05,
            declaratie=latin1 or rng.random() > 0.03,
        )


STANDAARD_STIJL = Stijl("wmo{t}", "iwmo")


TABS = ["\t" * i for i in range(32)]


class W:
    """Tiny indenting writer."""

    __slots__ = ("b", "d", "m", "o")

    def __init__(self, m: str, b: str) -> None:
        self.m = f"{m}:" if m else ""
        self.b = f"{b}:"
        self.o: list[str] = []
        self.d = 1

    def open(self, tag: str) -> None:
        self.o.append(f"{TABS[self.d]}<{self.m}{tag}>")
        self.d += 1

    def close(self, tag: str) -> None:
        self.d -= 1
        self.o.append(f"{TABS[self.d]}</{self.m}{tag}>")

    def e(self, tag: str, waarde: object) -> None:
        self.o.append(f"{TABS[self.d]}<{self.m}{tag}>{waarde}</{self.m}{tag}>")

    def bo(self, tag: str) -> None:
        self.o.append(f"{TABS[self.d]}<{self.b}{tag}>")
        self.d += 1

    def bc(self, tag: str) -> None:
        self.d -= 1
        self.o.append(f"{TABS[self.d]}</{self.b}{tag}>")

    def be(self, tag: str, waarde: object) -> None:
        self.o.append(f"{TABS[self.d]}<{self.b}{tag}>{waarde}</{self.b}{tag}>")

    def retourcodes(self, codes: list[str] | None) -> None:
        if codes is None:
            return
        self.open("RetourCodes")
        for c in codes:
            self.e("RetourCode", c)
        self.close("RetourCodes")


def serialise(w: W, type_: str, stijl: Stijl) -> bytes:
    ns = bericht_ns(type_)
    mp = stijl.m.replace("{t}", type_)
    if mp:
        root_open = f'<{mp}:Bericht xmlns:{mp}="{ns}" xmlns:{stijl.b}="{BASIS_NS}">'
        root_close = f"</{mp}:Bericht>"
    else:
        root_open = f'<Bericht xmlns="{ns}" xmlns:{stijl.b}="{BASIS_NS}">'
        root_close = "</Bericht>"
    delen = []
    if stijl.declaratie:
        delen.append(f'<?xml version="1.0" encoding="{"ISO-8859-1" if stijl.latin1 else "UTF-8"}"?>')
    if stijl.commentaar:
        delen.append(
            "<!-- Aangemaakt door het berichtenverkeersysteem van de gemeente; niet handmatig wijzigen -->"
        )
    delen.append(root_open)
    delen.extend(w.o)
    delen.append(root_close)
    tekst = ("\r\n" if stijl.crlf else "\n").join(delen) + ("\r\n" if stijl.crlf else "\n")
    if stijl.latin1:
        return tekst.encode("iso-8859-1")
    data = tekst.encode("utf-8")
    return b"\xef\xbb\xbf" + data if stijl.bom else data


def new_writer(type_: str, stijl: Stijl) -> W:
    return W(stijl.m.replace("{t}", type_), stijl.b)


@dataclass
class Kop:
    type_: str
    afzender: str
    ontvanger: str
    identificatie: str
    dagtekening: date
    # retour messages only
    identificatie_retour: str | None = None
    dagtekening_retour: date | None = None
    header_retourcodes: list[str] | None = None


def header(w: W, k: Kop) -> None:
    w.open("Header")
    w.e("BerichtCode", BERICHTCODES[k.type_])
    w.e("BerichtVersie", "3")
    w.e("BerichtSubversie", "2")
    w.e("Afzender", k.afzender)
    w.e("Ontvanger", k.ontvanger)
    w.open("BerichtIdentificatie")
    w.be("Identificatie", k.identificatie)
    w.be("Dagtekening", k.dagtekening.isoformat())
    w.close("BerichtIdentificatie")
    _xsd(w, "XsdVersie")
    if k.identificatie_retour is not None and k.dagtekening_retour is not None:
        w.e("IdentificatieRetour", k.identificatie_retour)
        w.e("DagtekeningRetour", k.dagtekening_retour.isoformat())
        _xsd(w, "XsdVersieRetour")
        w.retourcodes(k.header_retourcodes or ["0200"])
    w.close("Header")


def _xsd(w: W, tag: str) -> None:
    w.open(tag)
    w.be("BasisschemaXsdVersie", "1.0.0")
    w.be("BerichtXsdVersie", "1.0.0")
    w.close(tag)


def naam(w: W, client, volledig: bool) -> None:
    w.open("Naam")
    w.bo("Geslachtsnaam")
    w.be("Achternaam", escape(client.achternaam))
    if client.voorvoegsel:
        w.be("Voorvoegsel", client.voorvoegsel)
    w.bc("Geslachtsnaam")
    w.be("Voornamen", escape(client.voornaam))
    w.be("Voorletters", client.voorletters)
    if volledig:
        w.be("NaamGebruik", "1")
    w.close("Naam")


def persoon(w: W, client, volledig: bool, bsn: str | None = None) -> None:
    w.e("Bsn", bsn or client.bsn)
    w.open("Geboortedatum")
    w.be("Datum", client.geboortedatum.isoformat())
    w.close("Geboortedatum")
    w.e("Geslacht", client.geslacht)
    naam(w, client, volledig)


def product(w: W, categorie: str, code: str | None, tag: str = "Product") -> None:
    w.open(tag)
    w.be("Categorie", categorie)
    if code:
        w.be("Code", code)
    w.close(tag)


def omvang(w: W, volume: int, eenheid: str, frequentie: str) -> None:
    w.open("Omvang")
    w.be("Volume", volume)
    w.be("Eenheid", eenheid)
    w.be("Frequentie", frequentie)
    w.close("Omvang")


def bericht_301(
    k: Kop,
    client,
    producten: list,
    stijl: Stijl,
    retour: dict | None = None,
    bsn: str | None = None,
) -> bytes:
    """producten: list of (Toewijzing, Versie). retour: {'client': [...], 'contact': [...], 'product': [[...]]}."""
    w = new_writer(k.type_, stijl)
    header(w, k)
    w.open("Client")
    persoon(w, client, True, bsn)
    w.open("Contactgegevens")
    w.open("Contact")
    w.e("Soort", "01")
    w.open("Adres")
    w.bo("Huis")
    w.be("Huisnummer", client.huisnummer)
    w.bc("Huis")
    w.be("Postcode", client.postcode)
    w.be("Straatnaam", client.straat)
    w.be("Plaatsnaam", escape(client.plaats))
    w.be("LandCode", "NL")
    w.close("Adres")
    if retour:
        w.retourcodes(retour["contact"])
    w.close("Contact")
    w.close("Contactgegevens")
    w.open("ToegewezenProducten")
    for i, (t, v) in enumerate(producten):
        w.open("ToegewezenProduct")
        w.e("ToewijzingNummer", t.nummer)
        if t.referentie_aanbieder:
            w.e("ReferentieAanbieder", t.referentie_aanbieder)
        product(w, t.product.categorie, t.product.code)
        w.e("Toewijzingsdatum", v.datum.isoformat())
        w.e("Toewijzingstijd", v.tijd)
        w.e("Ingangsdatum", v.ingang.isoformat())
        if v.eind:
            w.e("Einddatum", v.eind.isoformat())
        if v.reden:
            w.e("RedenWijziging", v.reden)
        if v.volume is not None:
            omvang(w, v.volume, v.eenheid, v.frequentie)
        if v.budget is not None:
            w.e("Budget", v.budget)
        if retour:
            w.retourcodes(retour["product"][i])
        w.close("ToegewezenProduct")
    w.close("ToegewezenProducten")
    if retour:
        w.retourcodes(retour["client"])
    w.close("Client")
    return serialise(w, k.type_, stijl)


def bericht_305_307(k: Kop, client, t, regels: list, stijl: Stijl, retour: list | None = None) -> bytes:
    """regels: Start or Stop objects of one assignment (ToewijzingIngangsdatum from its first version)."""
    stop = k.type_ in ("307", "308")
    w = new_writer(k.type_, stijl)
    header(w, k)
    w.open("Client")
    persoon(w, client, False)
    lijst = "StopProducten" if stop else "StartProducten"
    w.open(lijst)
    for r in regels:
        w.open(lijst[:-2])
        w.e("ToewijzingNummer", t.nummer)
        if getattr(r, "met_product", True):
            product(w, t.product.categorie, t.product.code)
        w.e("ToewijzingIngangsdatum", t.versies[0].ingang.isoformat())
        w.e("Begindatum", r.begindatum.isoformat())
        if stop:
            w.e("RedenBeeindiging", r.reden)
            w.e("Einddatum", r.einddatum.isoformat())
        w.e("StatusAanlevering", r.status)
        if retour is not None:
            w.retourcodes(retour)
        w.close(lijst[:-2])
    w.close(lijst)
    if retour is not None:
        w.retourcodes(["0200"])
    w.close("Client")
    return serialise(w, k.type_, stijl)


def bericht_315(k: Kop, a, stijl: Stijl, retour: list | None = None) -> bytes:
    w = new_writer(k.type_, stijl)
    header(w, k)
    w.open("Client")
    persoon(w, a.client, False)
    w.open("AangevraagdeProducten")
    w.open("AangevraagdProduct")
    w.e("ReferentieAanbieder", a.referentie)
    product(w, a.product.categorie, a.product.code)
    w.e("ToewijzingIngangsdatum", a.ingang.isoformat())
    if a.eind:
        w.e("ToewijzingEinddatum", a.eind.isoformat())
    if a.volume is not None:
        omvang(w, a.volume, a.product.eenheid, a.product.frequentie)
    if a.budget is not None:
        w.e("Budget", a.budget)
    w.open("Verwijzer")
    w.be("Type", a.verwijzer)
    if a.verwijzer == "02":
        w.be("Naam", "Huisartsenpraktijk Maasplein")
    w.close("Verwijzer")
    if retour is not None:
        w.retourcodes(retour)
    w.close("AangevraagdProduct")
    w.close("AangevraagdeProducten")
    if retour is not None:
        w.retourcodes(["0200"])
    w.close("Client")
    return serialise(w, k.type_, stijl)


def bericht_317(k: Kop, vz, stijl: Stijl, retour: list | None = None) -> bytes:
    w = new_writer(k.type_, stijl)
    header(w, k)
    w.open("Client")
    w.e("Bsn", vz.client.bsn)
    w.open("Verzoek")
    w.e("ReferentieAanbieder", vz.referentie)
    w.e("RedenVerzoek", "2")
    if vz.ongewijzigd:
        w.open("OngewijzigdeProducten")
        for t in vz.ongewijzigd:
            w.open("OngewijzigdProduct")
            w.e("ToewijzingNummer", t.nummer)
            if retour is not None:
                w.retourcodes(["0200"])
            w.close("OngewijzigdProduct")
        w.close("OngewijzigdeProducten")
    w.open("TeWijzigenProducten")
    w.open("TeWijzigenProduct")
    w.e("ToewijzingNummer", vz.te_wijzigen.nummer)
    w.e("GewensteIngangsdatum", vz.te_wijzigen.versies[0].ingang.isoformat())
    w.e("Einddatum", vz.nieuwe_eind.isoformat())
    if retour is not None:
        w.retourcodes(retour)
    w.close("TeWijzigenProduct")
    w.close("TeWijzigenProducten")
    if retour is not None:
        w.retourcodes(["0200"])
    w.close("Verzoek")
    if retour is not None:
        w.retourcodes(["0200"])
    w.close("Client")
    return serialise(w, k.type_, stijl)


def bericht_319(k: Kop, a, stijl: Stijl, retour: list | None = None) -> bytes:
    w = new_writer(k.type_, stijl)
    header(w, k)
    w.open("Antwoord")
    w.e("ReferentieAanbieder", a.referentie)
    w.e("VerzoekAntwoord", a.antwoord)
    if a.reden:
        w.e("RedenAfwijzingVerzoek", a.reden)
    if retour is not None:
        w.retourcodes(retour)
    w.close("Antwoord")
    return serialise(w, k.type_, stijl)


def _prestatie(w: W, p, retour: list | None = None) -> None:
    w.open("Prestatie")
    w.open("ProductReferentie")
    w.be("ReferentieNummer", p.ref)
    if p.vorig_ref:
        w.be("VorigReferentieNummer", p.vorig_ref)
    w.close("ProductReferentie")
    w.e("ToewijzingNummer", p.toewijzingnummer)
    w.e("ProductCategorie", p.categorie)
    w.e("ProductCode", p.code)
    w.open("ProductPeriode")
    w.be("Begindatum", p.begin.isoformat())
    w.be("Einddatum", p.eind.isoformat())
    w.close("ProductPeriode")
    w.e("GeleverdVolume", p.volume)
    w.e("Eenheid", p.eenheid)
    if p.tarief is not None:
        w.e("ProductTarief", p.tarief)
    w.open("IngediendBedrag")
    w.be("Bedrag", p.bedrag)
    w.be("DebetCredit", p.dc)
    w.close("IngediendBedrag")
    if retour is not None:
        w.retourcodes(retour)
    w.close("Prestatie")


def _per_client(prestaties: list) -> list[tuple[str, list]]:
    groepen: dict[str, list] = {}
    for p in prestaties:
        groepen.setdefault(p.t.client.bsn, []).append(p)
    return list(groepen.items())


def bericht_323(k: Kop, dec, stijl: Stijl) -> bytes:
    w = new_writer(k.type_, stijl)
    header(w, k)
    w.open("Declaratie")
    w.e("DeclaratieNummer", dec.nummer)
    w.open("DeclaratiePeriode")
    w.be("Begindatum", dec.maand.isoformat())
    w.be("Einddatum", _maand_eind(dec.maand).isoformat())
    w.close("DeclaratiePeriode")
    w.e("DeclaratieDagtekening", dec.dagtekening.isoformat())
    _totaal(w, "TotaalIngediendBedrag", dec.totaal)
    w.open("Clienten")
    for bsn, ps in _per_client(dec.prestaties):
        w.open("Client")
        w.e("Bsn", bsn)
        w.open("Prestaties")
        for p in ps:
            _prestatie(w, p)
        w.close("Prestaties")
        w.close("Client")
    w.close("Clienten")
    w.close("Declaratie")
    return serialise(w, k.type_, stijl)


def _totaal(w: W, tag: str, bedrag: int) -> None:
    w.open(tag)
    w.be("TotaalBedrag", abs(bedrag))
    w.be("DebetCredit", "D" if bedrag >= 0 else "C")
    w.close(tag)


def _maand_eind(d: date) -> date:
    from demo_region.kalender import maand_eind

    return maand_eind(d)


def bericht_325(k: Kop, dec, dec_ident: str, stijl: Stijl) -> bytes:
    w = new_writer(k.type_, stijl)
    afgewezen = [p for p in dec.prestaties if p.afgewezen]
    w.open("Header")
    w.e("BerichtCode", "485")
    w.e("BerichtVersie", "3")
    w.e("BerichtSubversie", "2")
    w.e("Afzender", k.afzender)
    w.e("Ontvanger", k.ontvanger)
    w.open("BerichtIdentificatie")
    w.be("Identificatie", k.identificatie)
    w.be("Dagtekening", k.dagtekening.isoformat())
    w.close("BerichtIdentificatie")
    _xsd(w, "XsdVersie")
    w.open("DeclaratieIdentificatie")
    w.be("Identificatie", dec_ident)
    w.be("Dagtekening", dec.dagtekening.isoformat())
    w.close("DeclaratieIdentificatie")
    _xsd(w, "XsdVersieDeclaratie")
    w.retourcodes(["0001"] if dec.geheel_afgewezen else ["0200"])
    w.close("Header")
    w.open("DeclaratieAntwoord")
    w.e("DeclaratieNummer", dec.nummer)
    _totaal(w, "TotaalIngediendBedrag", dec.totaal)
    if dec.geheel_afgewezen:
        _totaal(w, "TotaalToegekendBedrag", 0)
        w.retourcodes(["0001"])
    else:
        toegekend = dec.totaal - sum(p.bedrag if p.dc == "D" else -p.bedrag for p in afgewezen)
        _totaal(w, "TotaalToegekendBedrag", toegekend)
        if afgewezen:
            w.open("Clienten")
            for bsn, ps in _per_client(afgewezen):
                w.open("Client")
                w.e("Bsn", bsn)
                w.open("Prestaties")
                for p in ps:
                    _prestatie(w, p, p.retourcodes)
                w.close("Prestaties")
                w.retourcodes(["0200"])
                w.close("Client")
            w.close("Clienten")
        w.retourcodes(["0200"] if afgewezen else ["8001"])
    w.close("DeclaratieAntwoord")
    return serialise(w, k.type_, stijl)
