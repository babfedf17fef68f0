"""Clean raw rows per family for the GX suite tests, loaded through the real raw DDL (DuckDB's own dtypes)."""

from __future__ import annotations

import datetime as dt

import duckdb

from ingest.raw_schema import RAW_TABLES, create_all

GEMEENTEN = {"0384", "0935", "0957"}
AANBIEDERS = {"65656055", "12345678"}
SUBRESULTATEN = {"1.1", "1.4", "2.3"}
KNOWN = {"gemeentecode": GEMEENTEN, "aanbieder_agb": AANBIEDERS, "subresultaat": SUBRESULTATEN}

PSEUDO = "0a1b2c3d4e5f6789"
SHA = "ab" * 32
D = dt.date(2024, 3, 1)


def _header(code: str, afzender: str, ontvanger: str, ident: str = "1001", dag: dt.date = D) -> dict:
    return {
        "bericht_id": f"{code}:{afzender}:{ident}:{dag.isoformat()}",
        "berichtcode": code,
        "afzender": afzender,
        "ontvanger": ontvanger,
        "identificatie": ident,
        "dagtekening": dag,
    }


def _file(rij: int = 2) -> dict:
    return {"bestand_sha256": SHA, "bestand_volgnummer": 1, "rij": rij}


def clean_rows() -> dict[str, list[dict]]:
    h301 = _header("414", "0384", "65656055")
    h305 = _header("418", "65656055", "0384")
    h307 = _header("420", "65656055", "0384", ident="1002")
    h323 = _header("484", "65656055", "0384", ident="1003")
    h315 = _header("444", "65656055", "0384", ident="1004")
    h317 = _header("480", "65656055", "0384", ident="1005")
    h319 = _header("482", "0384", "65656055", ident="1006")
    h325 = _header("485", "0384", "65656055", ident="1007")
    # a retour copies the header of the original message: either side can be the afzender
    h302 = _header("415", "0384", "65656055", ident="1001")
    h306 = _header("419", "65656055", "0384", ident="1002")
    wb = {**_file(), "aanbieder_agb": "65656055", "boekjaar": 2024, "versie": 1}
    return {
        "iwmo_berichten": [
            {
                **h,
                "berichttype": typ,
                "standaard": "iWmo",
                "release": "3.2",
                "inhoud_sha256": "cd" * 32,
                "bestand_sha256": SHA,
                "locatie": f"berichten/{typ}.xml",
            }
            for h, typ in ((h301, "WMO301"), (h305, "WMO305"), (h307, "WMO307"), (h323, "WMO323"))
        ],
        "iwmo_301_clienten": [{**h301, "client_pseudoniem": PSEUDO, "postcode4": "6041"}],
        "iwmo_301_toegewezen_producten": [
            {
                **h301,
                "client_pseudoniem": PSEUDO,
                "toewijzingnummer": 20072,
                "productcategorie": "01",
                "productcode": "01A03",
                "toewijzingsdatum": D,
                "toewijzingstijd": dt.time(10, 0),
                "ingangsdatum": D,
                "einddatum": dt.date(2024, 12, 31),
                "reden_wijziging": None,
                "volume": 4,
                "eenheid": "04",
                "frequentie": "2",
                "budget_cent": None,
            }
        ],
        "iwmo_305_startproducten": [
            {
                **h305,
                "client_pseudoniem": PSEUDO,
                "toewijzingnummer": 20072,
                "productcategorie": "01",
                "productcode": "01A03",
                "toewijzing_ingangsdatum": D,
                "begindatum": D,
                "status_aanlevering": "1",
            }
        ],
        "iwmo_307_stopproducten": [
            {
                **h307,
                "client_pseudoniem": PSEUDO,
                "toewijzingnummer": 20072,
                "productcategorie": "01",
                "productcode": "01A03",
                "toewijzing_ingangsdatum": D,
                "begindatum": D,
                "status_aanlevering": "1",
                "reden_beeindiging": "19",
                "einddatum": dt.date(2024, 6, 30),
            }
        ],
        "iwmo_323_declaraties": [
            {
                **h323,
                "declaratienummer": "DN001",
                "periode_begin": dt.date(2024, 4, 1),
                "periode_eind": dt.date(2024, 4, 30),
                "declaratie_dagtekening": dt.date(2024, 5, 6),
                "totaal_bedrag_cent": 5000,
                "debet_credit": "D",
            }
        ],
        "iwmo_323_prestaties": [prestatie(h323, "RN001")],
        "iwmo_315_aangevraagde_producten": [
            {
                **h315,
                "client_pseudoniem": PSEUDO,
                "referentie_aanbieder": "AANVR-0001",
                "productcategorie": "01",
                "productcode": "01A03",
                "toewijzing_ingangsdatum": D,
                "toewijzing_einddatum": dt.date(2024, 12, 31),
                "volume": 4,
                "eenheid": "04",
                "frequentie": "2",
                "budget_cent": None,
                "verwijzer_type": "01",
            }
        ],
        "iwmo_317_verzoeken": [
            {**h317, "client_pseudoniem": PSEUDO, "referentie_aanbieder": "VOW-0001", "reden_verzoek": "1"}
        ],
        "iwmo_317_producten": [
            verzoek_product(h317, "ongewijzigd", toewijzingnummer=20072),
            verzoek_product(
                h317,
                "te_wijzigen",
                toewijzingnummer=20073,
                gewenste_ingangsdatum=dt.date(2024, 4, 1),
                volume=6,
                eenheid="04",
                frequentie="2",
            ),
            verzoek_product(
                h317,
                "nieuw",
                productcategorie="07",
                productcode="07A01",
                gewenste_ingangsdatum=dt.date(2024, 4, 1),
                einddatum=dt.date(2024, 12, 31),
                budget_cent=250_000,
            ),
        ],
        "iwmo_319_antwoorden": [
            {**h319, "referentie_aanbieder": "AANVR-0001", "verzoek_antwoord": "1", "reden_afwijzing": "3"}
        ],
        "iwmo_325_antwoorden": [
            {
                **h325,
                "declaratie_identificatie": "1003",
                "declaratie_dagtekening": D,
                "declaratienummer": "DN001",
                "totaal_ingediend_cent": 5000,
                "ingediend_debet_credit": "D",
                "totaal_toegekend_cent": 0,
                "toegekend_debet_credit": "D",
                "antwoord_retourcodes": "0200",
            }
        ],
        "iwmo_325_prestaties": [antwoord_prestatie(h325, "RN001")],
        "iwmo_retourcodes": [
            {**h302, "berichtklasse": "Header", "volgnummer": 1, "retourcode": "0200"},
            {**h302, "berichtklasse": "ToegewezenProduct", "volgnummer": 1, "retourcode": "9332"},
            {**h306, "berichtklasse": "StartProduct", "volgnummer": 2, "retourcode": "9069"},
        ],
        "klachten": [
            {
                **_file(),
                "aanbieder_agb": "65656055",
                "gemeentecode": "0384",
                "klacht_id": "K1",
                "datum_ontvangst": D,
                "datum_afgehandeld": dt.date(2024, 3, 20),
                "categorie": "bejegening",
                "uitkomst": "gegrond",
                "toewijzingnummer": 20072,
                "client_pseudoniem": PSEUDO,
            }
        ],
        "verantwoording_aanbieder": [
            {
                **wb,
                "aanbieder_naam": "Zorg BV",
                "omzet_wmo_totaal_cent": 125_000_000,
                "datum_productieverantwoording": dt.date(2025, 3, 1),
                "soort_verklaring": "accountantsverklaring",
                "datum_verklaring": dt.date(2025, 4, 1),
            }
        ],
        "verantwoording_productie": [
            {
                **wb,
                "gemeentecode": "0384",
                "productcategorie": "01",
                "productcode": "01A03",
                "eenheid": "04",
                "volume": 1000,
                "bedrag_cent": 1_250_000,
                "aantal_clienten": 12,
            }
        ],
        "verantwoording_resultaten": [
            {
                **wb,
                "gemeentecode": "0384",
                "toewijzingnummer": 20072,
                "client_pseudoniem": PSEUDO,
                "subresultaat": "1.4",
                "inschatting_vooraf": "verbetering",
                "resultaat": "behaald",
                "evaluatiedatum": dt.date(2024, 11, 1),
                "vervolgadvies": None,
            }
        ],
        "verantwoording_tevredenheid": [
            {
                **wb,
                "gemeentecode": "0384",
                "toewijzingnummer": 20072,
                "client_pseudoniem": PSEUDO,
                "datum": dt.date(2024, 11, 1),
                "cijfer": 8,
                "respondent": "client",
            }
        ],
        "ref_gemeenten": [
            {**_file(i + 2), "gemeentecode": g, "gemeentenaam": f"Gemeente {g}", "regio": "Midden-Limburg"}
            for i, g in enumerate(sorted(GEMEENTEN))
        ],
        "ref_inwoners": [
            {**_file(), "gemeentecode": "0384", "jaar": 2024, "inwoners": 12000, "huishoudens": 5200}
        ],
        "ref_wijken": [
            {
                **_file(),
                "postcode4": "6041",
                "gemeentecode": "0384",
                "wijkcode": "WK038401",
                "wijknaam": "Centrum",
            }
        ],
        "ref_aanbieders": [
            {**_file(i + 2), "aanbieder_agb": a, "aanbieder_naam": f"Aanbieder {a}"}
            for i, a in enumerate(sorted(AANBIEDERS))
        ],
        "ref_tarieven": [
            {
                **_file(),
                "productcategorie": "01",
                "productcode": "01A03",
                "eenheid": "04",
                "tarief_cent": 1250,
                "geldig_vanaf": dt.date(2024, 1, 1),
                "geldig_tot": None,
            }
        ],
        "ref_subresultaten": [
            {
                **_file(i + 2),
                "subresultaat": s,
                "deelresultaat": s.split(".")[0],
                "deelresultaat_naam": "x",
                "omschrijving": "y",
            }
            for i, s in enumerate(sorted(SUBRESULTATEN))
        ],
    }


def prestatie(header: dict, referentienummer: str, **changes) -> dict:
    row = {
        **header,
        "declaratienummer": "DN001",
        "client_pseudoniem": PSEUDO,
        "referentienummer": referentienummer,
        "vorig_referentienummer": None,
        "toewijzingnummer": 20072,
        "productcategorie": "01",
        "productcode": "01A03",
        "periode_begin": dt.date(2024, 4, 1),
        "periode_eind": dt.date(2024, 4, 30),
        "geleverd_volume": 4,
        "eenheid": "04",
        "product_tarief_cent": 1250,
        "bedrag_cent": 5000,
        "debet_credit": "D",
    }
    row.update(changes)
    return row


def verzoek_product(header: dict, soort: str, **values) -> dict:
    """An `iwmo_317_producten` row: the columns a 317 list leaves empty stay None."""
    row = {
        **header,
        "referentie_aanbieder": "VOW-0001",
        "soort": soort,
        "toewijzingnummer": None,
        "productcategorie": None,
        "productcode": None,
        "gewenste_ingangsdatum": None,
        "einddatum": None,
        "volume": None,
        "eenheid": None,
        "frequentie": None,
        "budget_cent": None,
    }
    row.update(values)
    return row


def antwoord_prestatie(header: dict, referentienummer: str, **changes) -> dict:
    """An `iwmo_325_prestaties` row: a returned (rejected) prestatie with its retourcodes."""
    row = prestatie(header, referentienummer, retourcodes="9307,9308")
    del row["declaratienummer"], row["product_tarief_cent"]
    row |= {"declaratie_identificatie": "1003", "declaratie_dagtekening": D}
    row.update(changes)
    return row


def database(rows: dict[str, list[dict]]) -> duckdb.DuckDBPyConnection:
    """An in-memory work database with the raw DDL and the given rows."""
    con = duckdb.connect()
    create_all(con)
    for table, records in rows.items():
        columns = [c for c, _ in RAW_TABLES[table]]
        for record in records:
            con.execute(
                f"insert into raw.{table} ({', '.join(columns)}) values ({', '.join('?' for _ in columns)})",
                [record.get(c) for c in columns],
            )
    return con
