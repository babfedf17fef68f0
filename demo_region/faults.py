"""Bad message files and archives, derived from good messages by small edits, with their manifest entries.

Each faulty message gets a fresh BerichtIdentificatie (except the deliberate conflict and the identical copy),
so that the expected reason is unambiguous. None of them contributes to the simulated facts.
"""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
import zlib
from datetime import date, timedelta

from demo_region.berichten import Bericht
from demo_region.ids import ongeldige_bsn

ZIP_BOM_MIB = 2200  # expands to 2200 MiB > the loader's default limit of 2 GiB
ZIP_BOM_CRC = 0xB2BF7916  # CRC-32 of 2200 MiB of zero bytes (precomputed: computing it takes ~1.5 s)


def _fout(
    pad: str, code: str | None, niveau: str, omschrijving: str, locatie: str | None = None, **extra: object
) -> dict:
    return {
        "pad": pad,
        "reden_code": code,
        "niveau": niveau,
        "locatie": locatie,
        "omschrijving": omschrijving,
        **extra,
    }


def _zip(leden: list[tuple[str, bytes, date]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, data, d in leden:
            info = zipfile.ZipInfo(naam, date_time=(d.year, d.month, d.day, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def _versleuteld(data: bytes) -> bytes:
    """Set the 'encrypted' flag bit in every local and central header (zipfile cannot write encryption)."""
    b = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (i := b.find(sig, start)) >= 0:
            vlag = struct.unpack_from("<H", b, i + offset)[0]
            struct.pack_into("<H", b, i + offset, vlag | 0x1)
            start = i + 4
    return bytes(b)


def zip_bom(naam: str = "declaraties_export.xml") -> bytes:
    """A zip with one member of ZIP_BOM_MIB MiB of zeros (~2 MB compressed), written by hand."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    stuk = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
    inhoud = stuk * ZIP_BOM_MIB + c.flush()
    grootte = ZIP_BOM_MIB << 20
    n = naam.encode()
    dostijd, dosdatum = (12 << 11), ((2024 - 1980) << 9) | (1 << 5) | 15
    lokaal = (
        struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            20,
            0,
            8,
            dostijd,
            dosdatum,
            ZIP_BOM_CRC,
            len(inhoud),
            grootte,
            len(n),
            0,
        )
        + n
    )
    centraal = (
        struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            dostijd,
            dosdatum,
            ZIP_BOM_CRC,
            len(inhoud),
            grootte,
            len(n),
            0,
            0,
            0,
            0,
            0o644 << 16,
            0,
        )
        + n
    )
    eind = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(centraal), len(lokaal) + len(inhoud), 0)
    return lokaal + inhoud + centraal + eind


def _replace_after(tekst: str, anker: str, patroon: str, vervanging, count: int = 1) -> str:
    i = tekst.find(anker)
    return tekst[:i] + re.sub(patroon, vervanging, tekst[i:], count=count)


def _tekst(b: Bericht) -> str:
    return b.data.decode("iso-8859-1" if b.stijl and b.stijl.latin1 else "utf-8-sig")


def _bytes(tekst: str, b: Bericht) -> bytes:
    return tekst.encode("iso-8859-1" if b.stijl and b.stijl.latin1 else "utf-8")


def make_faults(
    berichten: list[Bericht], seed: int
) -> tuple[dict[str, tuple[bytes, date]], list[dict], set[str]]:
    """Returns extra files {path: (bytes, date)}, manifest entries, and paths of good messages moved into zips."""
    rng = random.Random(f"{seed}:fouten")
    per_type: dict[str, list[Bericht]] = {}
    for b in berichten:
        if b.stijl and not b.stijl.latin1 and not b.stijl.bom:
            per_type.setdefault(b.type_, []).append(b)
    bestanden: dict[str, tuple[bytes, date]] = {}
    fouten: list[dict] = []
    verplaatst: set[str] = set()
    teller = 0

    def choose(type_: str, voorwaarde=lambda b: True) -> Bericht:
        kandidaten = [b for b in per_type[type_] if voorwaarde(b) and b.pad not in verplaatst]
        return kandidaten[rng.randrange(len(kandidaten))]

    nieuwe_ids: dict[int, str] = {}
    gereserveerd: set[str] = set()

    def nieuw_id(b: Bericht, tekst: str) -> str:
        return tekst.replace(f">{b.identificatie}<", f">{pad_id(b)}<", 1)

    def pad_id(b: Bericht) -> str:
        nonlocal teller
        if id(b) not in nieuwe_ids:
            teller += 1
            nieuwe_ids[id(b)] = f"{b.dagtekening:%y}99{teller:06d}"
        return nieuwe_ids[id(b)]

    def pad_als(b: Bericht) -> str:
        gereserveerd.add(b.pad)
        return b.pad.replace(b.identificatie, pad_id(b))

    def later(b: Bericht) -> date:
        return b.dagtekening + timedelta(days=1)

    # --- whole-file faults ------------------------------------------------------------------------------------
    b = choose("323")
    p = pad_als(b)
    bestanden[p] = (b.data[: len(b.data) * 3 // 5], later(b))
    fouten.append(_fout(p, "XML_NIET_WELGEVORMD", "bestand", "Declaratiebericht halverwege afgebroken"))

    d = berichten[len(berichten) // 2].dagtekening
    p = f"berichten/{d:%Y/%m}/ontvangstbevestiging_{d:%Y%m%d}.xml"
    bestanden[p] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Ontvangstbevestiging xmlns="http://www.vecozo.nl/berichten/'
        f'ontvangst/v2">\n\t<Datum>{d.isoformat()}</Datum>\n\t<Status>Ontvangen</Status>\n'
        "\t<AantalBestanden>14</AantalBestanden>\n</Ontvangstbevestiging>\n".encode(),
        d,
    )
    fouten.append(_fout(p, "GEEN_IWMO_BERICHT", "bestand", "Ontvangstbevestiging van het berichtenknooppunt"))

    b = choose("323")
    t = nieuw_id(b, _tekst(b)).replace("wmo323", "wmo303").replace("BerichtCode>484<", "BerichtCode>416<")
    p = pad_als(b)
    bestanden[p] = (_bytes(t, b), later(b))
    fouten.append(_fout(p, "BERICHTTYPE_ONBEKEND", "bestand", "Bericht WMO303 (bestaat niet in iWmo 3.2)"))

    b = choose("305")
    t = nieuw_id(b, _tekst(b)).replace("iwmo/3_2/wmo305/schema", "iwmo/2_1/wmo305/schema/2_1")
    t = t.replace("iwmo/3_2/basisschema/schema", "iwmo/2_1/basisschema/schema/2_1")
    t = t.replace("BerichtVersie>3<", "BerichtVersie>2<").replace(
        "BerichtSubversie>2<", "BerichtSubversie>1<"
    )
    p = pad_als(b)
    bestanden[p] = (_bytes(t, b), later(b))
    fouten.append(_fout(p, "RELEASE_NIET_ONDERSTEUND", "bestand", "Startbericht in iWmo 2.1"))

    # --- message faults ---------------------------------------------------------------------------------------
    b = choose("305")
    t = re.sub(r"\s*<[^<>]*Begindatum>[^<]*</[^<>]*Begindatum>", "", nieuw_id(b, _tekst(b)), count=1)
    p = pad_als(b)
    bestanden[p] = (_bytes(t, b), later(b))
    fouten.append(_fout(p, "VERPLICHT_ELEMENT_ONTBREEKT", "bericht", "StartProduct zonder Begindatum"))

    b = choose("307", lambda b: b.ontvanger.startswith("0"))
    t = re.sub(r"Ontvanger>0(\d{3})<", r"Ontvanger>\1<", nieuw_id(b, _tekst(b)), count=1)
    p = pad_als(b)
    bestanden[p] = (_bytes(t, b), later(b))
    fouten.append(
        _fout(p, "PATROON_ONGELDIG", "bericht", "Gemeentecode met drie cijfers (voorloopnul kwijt)")
    )

    b = choose("307")
    t = re.sub(r"RedenBeeindiging>\d\d<", "RedenBeeindiging>99<", nieuw_id(b, _tekst(b)), count=1)
    p = pad_als(b)
    bestanden[p] = (_bytes(t, b), later(b))
    fouten.append(_fout(p, "CODE_ONBEKEND", "bericht", "RedenBeeindiging 99 bestaat niet"))

    b = choose("301")
    bsn = re.search(r"Bsn>(\d{9})<", _tekst(b)).group(1)  # type: ignore[union-attr]
    t = nieuw_id(b, _tekst(b)).replace(f">{bsn}<", f">{ongeldige_bsn(bsn)}<")
    p = pad_als(b)
    bestanden[p] = (_bytes(t, b), later(b))
    fouten.append(_fout(p, "BSN_ONGELDIG", "bericht", "BSN voldoet niet aan de elfproef"))

    b = choose("323")
    t = _replace_after(
        nieuw_id(b, _tekst(b)),
        "Prestatie>",
        r"Einddatum>\d{4}-\d\d-\d\d<",
        f"Einddatum>{b.dagtekening.year}-02-30<",
    )
    p = pad_als(b)
    bestanden[p] = (_bytes(t, b), later(b))
    fouten.append(_fout(p, "DATUM_ONGELDIG", "bericht", "ProductPeriode eindigt op 30 februari"))

    b = choose("323")
    t = _replace_after(nieuw_id(b, _tekst(b)), "Prestatie>", r"Bedrag>(\d+)<", r"Bedrag>-\1<")
    p = pad_als(b)
    bestanden[p] = (_bytes(t, b), later(b))
    fouten.append(_fout(p, "BEDRAG_ONGELDIG", "bericht", "Negatief IngediendBedrag"))

    b = choose("323", lambda b: "ProductTarief>" in b.data.decode("utf-8", "replace"))
    t = re.sub(r"ProductTarief>(\d+)(\d\d)<", r"ProductTarief>\1.\2<", nieuw_id(b, _tekst(b)), count=1)
    p = pad_als(b)
    bestanden[p] = (_bytes(t, b), later(b))
    fouten.append(
        _fout(p, "BEDRAG_ONGELDIG", "bericht", "ProductTarief in euro's met decimalen in plaats van cent")
    )

    b = choose("305", lambda b: b.extra["regels"][0].status == "1")
    gereserveerd.add(b.pad)
    oud = b.extra["regels"][0].begindatum
    t = _tekst(b).replace(
        f"Begindatum>{oud.isoformat()}<", f"Begindatum>{(oud + timedelta(days=1)).isoformat()}<"
    )
    p = f"berichten/herzonden/{b.afzender}/{b.pad.rsplit('/', 1)[1]}"
    bestanden[p] = (_bytes(t, b), b.dagtekening + timedelta(days=3))
    fouten.append(
        _fout(
            p,
            "BERICHT_CONFLICT",
            "bericht",
            "Zelfde BerichtIdentificatie als een eerder bericht, andere Begindatum",
        )
    )

    b = choose("301")
    p = f"berichten/herzonden/{b.afzender}/kopie_{b.identificatie}.xml"
    bestanden[p] = (b.data, b.dagtekening + timedelta(days=3))
    fouten.append(
        _fout(p, None, "bestand", f"Identieke herlevering van {b.pad}", verwachte_status="duplicaat")
    )

    # --- archives --------------------------------------------------------------------------------------------
    zips = 0
    per_groep: dict[tuple[str, str], list[Bericht]] = {}
    for b in berichten:
        if len(b.afzender) == 8 and b.type_ in ("305", "307", "323"):
            per_groep.setdefault((b.afzender, f"{b.dagtekening:%Y%m}"), []).append(b)
    groepen = [g for g in sorted(per_groep) if len(per_groep[g]) >= 3]
    rng.shuffle(groepen)
    for agb, maand in groepen[:3]:
        leden = []
        for b in per_groep[(agb, maand)]:
            if b.pad in verplaatst or b.pad in gereserveerd:
                continue
            verplaatst.add(b.pad)
            leden.append(
                (
                    f"uitwisseling/{maand[:4]}-{maand[4:]}/{b.type_}/{b.pad.rsplit('/', 1)[1]}",
                    b.data,
                    b.dagtekening,
                )
            )
        laatste = max(d for _, _, d in leden)
        bestanden[f"berichten/{maand[:4]}/{agb}_{maand}.zip"] = (_zip(leden), laatste)
        zips += 1

    goed = choose("323")
    verplaatst.add(goed.pad)
    slecht = choose("305")
    lid = f"download/{slecht.dagtekening:%Y%m%d}/{slecht.pad.rsplit('/', 1)[1]}"
    p = f"berichten/{goed.dagtekening:%Y/%m}/vecozo_download_{goed.dagtekening:%Y%m%d}.zip"
    bestanden[p] = (
        _zip(
            [
                (
                    f"download/{goed.dagtekening:%Y%m%d}/{goed.pad.rsplit('/', 1)[1]}",
                    goed.data,
                    goed.dagtekening,
                ),
                (lid, slecht.data[:200], goed.dagtekening),
            ]
        ),
        later(goed),
    )
    fouten.append(
        _fout(
            p, "XML_NIET_WELGEVORMD", "bericht", "Afgebroken bericht in een verder goed archief", locatie=lid
        )
    )

    kopieen = [choose("305"), choose("307")]
    leden = [(f"export/{b.pad.rsplit('/', 1)[1]}", b.data, b.dagtekening) for b in kopieen]
    d = max(b.dagtekening for b in kopieen)
    normaal = _zip(leden)
    p = f"berichten/{d:%Y/%m}/export_{kopieen[0].afzender}_{d:%Y%m%d}.zip"
    bestanden[p] = (normaal[: len(normaal) // 2] + b"\x00" * 64, d)
    fouten.append(_fout(p, "ZIP_CORRUPT", "bestand", "Archief afgebroken tijdens overdracht"))

    p = f"berichten/{d:%Y/%m}/beveiligd_{kopieen[1].afzender}_{d:%Y%m%d}.zip"
    bestanden[p] = (_versleuteld(normaal), d)
    fouten.append(_fout(p, "ZIP_VERSLEUTELD", "bestand", "Archief met wachtwoord"))

    p = f"berichten/{d:%Y/%m}/aanlevering_{kopieen[0].afzender}_{d:%Y%m%d}.zip"
    bestanden[p] = (_zip([(leden[0][0], leden[0][1], d), ("../evil.xml", leden[1][1], d)]), d)
    fouten.append(_fout(p, "ZIP_PAD_ONVEILIG", "bestand", "Archief met lid ../evil.xml buiten de archiefmap"))

    p = f"berichten/{d:%Y}/declaraties_{kopieen[0].afzender}_{d:%Y%m}.zip"
    bestanden[p] = (zip_bom(), d)
    fouten.append(
        _fout(
            p,
            "ZIP_TE_GROOT",
            "bestand",
            f"Zipbom: één lid van {ZIP_BOM_MIB} MiB nullen (grens van de loader: 2 GiB uitgepakt)",
        )
    )
    return bestanden, fouten, verplaatst
