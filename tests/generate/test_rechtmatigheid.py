"""An independent K8 evaluation over the generated XML: exactly the manifest's (line, signal) pairs fire."""

from __future__ import annotations

import csv
import zipfile
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from demo_region import generate_region


def _ln(el: etree._Element) -> str:
    return etree.QName(el).localname


def _kind(el: etree._Element, *pad: str) -> etree._Element | None:
    for naam in pad:
        el = next((c for c in el if isinstance(c.tag, str) and _ln(c) == naam), None)  # type: ignore[assignment]
        if el is None:
            return None
    return el


def _t(el: etree._Element, *pad: str) -> str | None:
    k = _kind(el, *pad)
    return k.text if k is not None else None


def _alle(el: etree._Element, naam: str) -> list[etree._Element]:
    return [c for c in el.iter() if isinstance(c.tag, str) and _ln(c) == naam]


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _berichten(root: Path, fout: set[str]):
    for p in sorted((root / "berichten").rglob("*")):
        rel = str(p.relative_to(root))
        if rel in fout or not p.is_file():
            continue
        if p.suffix == ".xml":
            yield p.read_bytes()
        elif p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                for n in z.namelist():
                    yield z.read(n)


def k8(root: Path, fout: set[str]) -> set[tuple[str, str, str, str]]:
    versies: dict[tuple[str, int], list] = defaultdict(list)
    starts: dict[tuple, list] = defaultdict(list)
    stops: dict[tuple, list] = defaultdict(list)
    regels: list[dict] = []
    antwoorden: dict[tuple, tuple[bool, set[str]]] = {}
    for data in _berichten(root, fout):
        try:
            doc = etree.fromstring(data)
        except etree.XMLSyntaxError:
            continue
        h = _kind(doc, "Header")
        code = _t(h, "BerichtCode")
        afz, ontv = _t(h, "Afzender"), _t(h, "Ontvanger")
        ident, dag = (
            _t(h, "BerichtIdentificatie", "Identificatie"),
            _d(_t(h, "BerichtIdentificatie", "Dagtekening")),
        )
        if code == "414":
            for tp in _alle(doc, "ToegewezenProduct"):
                om = _kind(tp, "Omvang")
                versies[(afz, int(_t(tp, "ToewijzingNummer")))].append(
                    (
                        _t(tp, "Toewijzingsdatum"),
                        _t(tp, "Toewijzingstijd"),
                        dag,
                        ident,
                        {
                            "agb": ontv,
                            "cat": _t(tp, "Product", "Categorie"),
                            "code": _t(tp, "Product", "Code"),
                            "ingang": _d(_t(tp, "Ingangsdatum")),
                            "eind": _d(_t(tp, "Einddatum")),
                            "reden": _t(tp, "RedenWijziging"),
                            "volume": int(_t(om, "Volume")) if om is not None else None,
                            "eenheid": _t(om, "Eenheid") if om is not None else None,
                            "freq": _t(om, "Frequentie") if om is not None else None,
                        },
                    )
                )
        elif code in ("418", "420"):
            bsn = _t(doc, "Client", "Bsn")
            for sp in _alle(doc, "StartProduct" if code == "418" else "StopProduct"):
                nr = int(_t(sp, "ToewijzingNummer"))
                if code == "418":
                    starts[(ontv, nr)].append((_t(sp, "Begindatum"), dag, ident, _t(sp, "StatusAanlevering")))
                else:
                    stops[(ontv, nr)].append(
                        (
                            _t(sp, "Begindatum"),
                            _t(sp, "RedenBeeindiging"),
                            dag,
                            ident,
                            _t(sp, "StatusAanlevering"),
                            _d(_t(sp, "Einddatum")),
                            bsn,
                        )
                    )
        elif code == "484":
            dec = _kind(doc, "Declaratie")
            for cl in _alle(dec, "Client"):
                bsn = _t(cl, "Bsn")
                for p in _alle(cl, "Prestatie"):
                    tarief = _t(p, "ProductTarief")
                    regels.append(
                        {
                            "agb": afz,
                            "gem": ontv,
                            "declnr": _t(dec, "DeclaratieNummer"),
                            "ident": ident,
                            "dag": dag,
                            "bsn": bsn,
                            "ref": _t(p, "ProductReferentie", "ReferentieNummer"),
                            "vorig": _t(p, "ProductReferentie", "VorigReferentieNummer"),
                            "nr": int(_t(p, "ToewijzingNummer")),
                            "cat": _t(p, "ProductCategorie"),
                            "code": _t(p, "ProductCode"),
                            "begin": _d(_t(p, "ProductPeriode", "Begindatum")),
                            "eind": _d(_t(p, "ProductPeriode", "Einddatum")),
                            "vol": int(_t(p, "GeleverdVolume")),
                            "eenheid": _t(p, "Eenheid"),
                            "tarief": int(tarief) if tarief else None,
                            "bedrag": int(_t(p, "IngediendBedrag", "Bedrag")),
                            "dc": _t(p, "IngediendBedrag", "DebetCredit"),
                        }
                    )
        elif code == "485":
            di = (
                ontv,
                _t(h, "DeclaratieIdentificatie", "Identificatie"),
                _d(_t(h, "DeclaratieIdentificatie", "Dagtekening")),
            )
            kop_codes = [c.text for c in _alle(_kind(h, "RetourCodes"), "RetourCode")]
            da = _kind(doc, "DeclaratieAntwoord")
            geheel = (
                any(c != "0200" for c in kop_codes) and _t(da, "TotaalToegekendBedrag", "TotaalBedrag") == "0"
            )
            afgewezen = {_t(p, "ProductReferentie", "ReferentieNummer") for p in _alle(da, "Prestatie")}
            antwoorden[di] = (geheel, afgewezen)
    tarieven = defaultdict(list)
    with (root / "referentie" / "tarieven.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            tarieven[(r["productcategorie"], r["productcode"], r["eenheid"])].append(
                (date.fromisoformat(r["geldig_vanaf"]), _d(r["geldig_tot"]), int(r["tarief_cent"]))
            )

    huidig = {k: max(v, key=lambda x: (x[0], x[1], x[2], x[3]))[4] for k, v in versies.items()}
    agbs = defaultdict(set)
    for k, v in versies.items():
        for *_, f in v:
            agbs[k].add(f["agb"])

    def verwijderd(f: dict) -> bool:
        return f["reden"] == "13" or (f["reden"] == "01" and f["eind"] == f["ingang"])

    heeft_start = set()
    for k, lijst in starts.items():
        per_sleutel = defaultdict(list)
        for b, dag, ident, st in lijst:
            per_sleutel[b].append((dag, ident, st))
        if any(max(v)[2] != "3" for v in per_sleutel.values()):
            heeft_start.add(k)
    einde: dict[tuple, tuple[date, str]] = {}
    overleden: dict[str, date] = {}
    for k, lijst in stops.items():
        per_sleutel = defaultdict(list)
        for b, r, dag, ident, st, e, bsn in lijst:
            per_sleutel[(b, r)].append((dag, ident, st, e, r, bsn))
        geldig = [max(v) for v in per_sleutel.values()]
        geldig = [g for g in geldig if g[2] != "3" and g[4] != "20"]
        if geldig:
            dag, ident, st, e, r, bsn = max(geldig)
            einde[k] = (e, r)
            if r == "02":
                overleden[bsn] = min(e, overleden.get(bsn, e))

    for r in regels:
        ant = antwoorden.get((r["agb"], r["ident"], r["dag"]))
        r["afgewezen"] = ant is not None and (ant[0] or r["ref"] in ant[1])
    gecrediteerd = {(r["agb"], r["vorig"]) for r in regels if r["dc"] == "C" and r["vorig"]}
    volgorde = sorted(regels, key=lambda r: (r["dag"], r["ident"]))
    uit: set[tuple[str, str, str, str]] = set()
    eerder_refs: set[tuple[str, str]] = set()
    eerder_debet: dict[tuple, list[dict]] = defaultdict(list)
    per_toewijzing: dict[tuple, list[dict]] = defaultdict(list)
    for r in regels:
        per_toewijzing[(r["gem"], r["nr"])].append(r)
    for r in volgorde:
        sig = set()
        k = (r["gem"], r["nr"])
        f = huidig.get(k)
        if f is None or r["agb"] not in agbs[k]:
            sig.add("RM01")
        elif verwijderd(f):
            sig.add("RM11")
        else:
            if r["begin"] < f["ingang"] or (f["eind"] and r["eind"] > f["eind"]):
                sig.add("RM02")
            if (
                r["cat"] != f["cat"]
                or (f["code"] and r["code"] != f["code"])
                or (f["volume"] is not None and r["eenheid"] != f["eenheid"])
            ):
                sig.add("RM03")
            if r["dc"] == "D" and f["volume"] is not None:
                if f["freq"] == "6":
                    lijn = sorted(per_toewijzing[k], key=lambda x: (x["begin"], x["dag"], x["ref"]))
                    netto = 0
                    for x in lijn:
                        if x is r:
                            break
                        if not x["afgewezen"]:
                            netto += x["vol"] if x["dc"] == "D" else -x["vol"]
                    if netto + r["vol"] > f["volume"]:
                        sig.add("RM04")
                else:
                    dagen = (r["eind"] - r["begin"]).days + 1
                    noemer = {"1": 1, "2": 7}.get(f["freq"])
                    if noemer is None:
                        import calendar

                        noemer = calendar.monthrange(r["begin"].year, r["begin"].month)[1]
                    if r["vol"] * noemer > f["volume"] * dagen:
                        sig.add("RM04")
            if k in einde and einde[k][0] < r["begin"]:
                sig.add("RM09")
            if k not in heeft_start:
                sig.add("RM10")
        if r["dc"] == "D":
            if (r["agb"], r["ref"]) in eerder_refs:
                sig.add("RM05")
            for x in eerder_debet[(r["agb"], *k)]:
                if (
                    x["begin"] <= r["eind"]
                    and r["begin"] <= x["eind"]
                    and not x["afgewezen"]
                    and (x["agb"], x["ref"]) not in gecrediteerd
                ):
                    sig.add("RM05")
            eerder_debet[(r["agb"], *k)].append(r)
        eerder_refs.add((r["agb"], r["ref"]))
        if r["tarief"] is not None:
            if r["bedrag"] != r["vol"] * r["tarief"]:
                sig.add("RM06")
            bekend = [
                t
                for van, tot, t in tarieven[(r["cat"], r["code"], r["eenheid"])]
                if van <= r["begin"] and (tot is None or r["begin"] <= tot)
            ]
            if bekend and bekend[0] != r["tarief"]:
                sig.add("RM07")
        if r["bsn"] in overleden and overleden[r["bsn"]] < r["begin"]:
            sig.add("RM08")
        for s in sig:
            uit.add((r["agb"], r["declnr"], r["ref"], s))
    return uit


@pytest.mark.parametrize(("seed", "scale", "jaren"), [(5, 0.01, (2022, 2023)), (42, 0.02, (2024, 2024))])
def test_precies_de_geinjecteerde_signalen(
    tmp_path: Path, seed: int, scale: float, jaren: tuple[int, int]
) -> None:
    m = generate_region(tmp_path, seed=seed, scale=scale, years=jaren)
    fout = {f["pad"] for f in m["bestanden"]}
    gevonden = k8(tmp_path, fout)
    verwacht = {
        (r["aanbieder_agb"], r["declaratienummer"], r["referentienummer"], r["signaal_code"])
        for r in m["rechtmatigheid"]
    }
    assert sorted(gevonden - verwacht)[:10] == []
    assert sorted(verwacht - gevonden)[:10] == []
