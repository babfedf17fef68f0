"""Every official iWmo 3.2 sample parses into rows with the right values and exactly the raw-table columns."""

from __future__ import annotations

import hashlib
from datetime import date, time

import pytest
from iwmo_testdata import FIXTURES, expected_pseudonym, sample_path

from ingest.raw_schema import RAW_TABLES

SAMPLES = ["WMO301.xml", "WMO305.xml", "WMO307.xml", "WMO315.xml", "WMO317.xml", "WMO319.xml", "WMO323.xml"]
PYTYPES = {"VARCHAR": str, "BIGINT": int, "INTEGER": int, "DATE": date, "TIME": time}


def assert_contract(parsed, data: bytes) -> None:
    assert len(parsed.tables["iwmo_berichten"]) == 1
    for table, rows in parsed.tables.items():
        columns = RAW_TABLES[table]
        for row in rows:
            assert set(row) == {name for name, _ in columns}, table
            for name, dtype in columns:
                value = row[name]
                assert value is None or type(value) is PYTYPES[dtype], (table, name, value)
            # privacy: no BSN, name, street, phone or comment ever leaves the parser
            flat = " ".join(str(v) for v in row.values())
            for secret in (
                "999900006",
                "999900018",
                "Wit",
                "Straatweg",
                "0101234567",
                "commentaar",
                "Commentaar",
            ):
                assert secret not in flat, (table, secret)
    bericht = parsed.tables["iwmo_berichten"][0]
    assert bericht["inhoud_sha256"] == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_respects_contract(name, parse):
    data = sample_path(name).read_bytes()
    parsed = parse(data, locatie=f"berichten/{name}")
    assert_contract(parsed, data)
    bericht = parsed.tables["iwmo_berichten"][0]
    assert bericht["berichttype"] == name[:-4]
    assert (bericht["standaard"], bericht["release"]) == ("iWmo", "3.2")
    assert bericht["locatie"] == f"berichten/{name}"
    assert bericht["bestand_sha256"] == "f" * 64


def test_323_sample_values(parse):
    parsed = parse(sample_path("WMO323.xml").read_bytes())
    bericht = parsed.tables["iwmo_berichten"][0]
    assert bericht["bericht_id"] == "484:65656055:765432198:2023-05-06"
    assert (bericht["afzender"], bericht["ontvanger"]) == ("65656055", "0384")
    assert bericht["dagtekening"] == date(2023, 5, 6)
    [declaratie] = parsed.tables["iwmo_323_declaraties"]
    assert declaratie["declaratienummer"] == "DN001"
    assert (declaratie["periode_begin"], declaratie["periode_eind"]) == (date(2023, 4, 1), date(2023, 4, 30))
    assert (declaratie["totaal_bedrag_cent"], declaratie["debet_credit"]) == (58000, "D")
    prestaties = parsed.tables["iwmo_323_prestaties"]
    assert [p["referentienummer"] for p in prestaties] == ["RN001", "RN002", "RN003", "RN004"]
    first = prestaties[0]
    assert first["toewijzingnummer"] == 20072
    assert (first["periode_begin"], first["periode_eind"]) == (date(2023, 4, 1), date(2023, 4, 30))
    assert (first["geleverd_volume"], first["eenheid"]) == (4, "04")
    assert (first["product_tarief_cent"], first["bedrag_cent"], first["debet_credit"]) == (1250, 5000, "D")
    assert (first["productcategorie"], first["productcode"]) == ("01", "01A03")
    assert first["vorig_referentienummer"] is None
    assert first["declaratienummer"] == "DN001"
    assert first["client_pseudoniem"] == expected_pseudonym("999900006")
    assert prestaties[2]["client_pseudoniem"] == expected_pseudonym("999900018")
    assert sum(p["bedrag_cent"] for p in prestaties) == 58000


def test_301_sample_values(parse):
    parsed = parse(sample_path("WMO301.xml").read_bytes())
    [client] = parsed.tables["iwmo_301_clienten"]
    assert client["client_pseudoniem"] == expected_pseudonym("999900006")
    assert client["postcode4"] == "9999"  # BRP address 9999XX of the client, not of the relations
    [tp] = parsed.tables["iwmo_301_toegewezen_producten"]
    assert tp["bericht_id"] == "414:0384:123456789012:2023-08-13"
    assert (tp["toewijzingnummer"], tp["referentie_aanbieder"]) == (101, "42420002")
    assert (tp["productcategorie"], tp["productcode"]) == ("01", "01A01")
    assert (tp["toewijzingsdatum"], tp["toewijzingstijd"]) == (date(2023, 8, 13), time(12, 34, 56))
    assert (tp["ingangsdatum"], tp["einddatum"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert (tp["volume"], tp["eenheid"], tp["frequentie"]) == (10, "01", "1")
    assert tp["reden_wijziging"] is None and tp["budget_cent"] is None


def test_305_and_307_sample_values(parse):
    starts = parse(sample_path("WMO305.xml").read_bytes()).tables["iwmo_305_startproducten"]
    assert [(s["toewijzingnummer"], s["begindatum"], s["status_aanlevering"]) for s in starts] == [
        (300201, date(2025, 4, 3), "1"),
        (300202, date(2025, 4, 4), "1"),
    ]
    assert starts[0]["ontvanger"] == "0363" and starts[0]["toewijzing_ingangsdatum"] == date(2025, 4, 1)
    stops = parse(sample_path("WMO307.xml").read_bytes()).tables["iwmo_307_stopproducten"]
    assert [(s["toewijzingnummer"], s["reden_beeindiging"], s["einddatum"]) for s in stops] == [
        (300201, "31", date(2025, 7, 18)),
        (300202, "31", date(2025, 7, 18)),
    ]
    assert stops[1]["begindatum"] == date(2025, 4, 15) and stops[1]["productcode"] == "01A12"


def test_315_317_319_sample_values(parse):
    aangevraagd = parse(sample_path("WMO315.xml").read_bytes()).tables["iwmo_315_aangevraagde_producten"]
    assert [a["referentie_aanbieder"] for a in aangevraagd] == ["42420001", "42420002"]
    first = aangevraagd[0]
    assert (first["productcategorie"], first["productcode"], first["verwijzer_type"]) == ("01", "ABCDE", "04")
    assert (first["toewijzing_ingangsdatum"], first["toewijzing_einddatum"]) == (
        date(2023, 6, 1),
        date(2023, 6, 30),
    )
    assert (first["volume"], first["eenheid"], first["frequentie"]) == (4, "14", "4")

    parsed = parse(sample_path("WMO317.xml").read_bytes())
    [verzoek] = parsed.tables["iwmo_317_verzoeken"]
    assert (verzoek["referentie_aanbieder"], verzoek["reden_verzoek"]) == ("9003", "1")
    producten = parsed.tables["iwmo_317_producten"]
    assert [(p["soort"], p["toewijzingnummer"]) for p in producten] == [
        ("ongewijzigd", 10071),
        ("te_wijzigen", 10072),
        ("nieuw", None),
    ]
    assert producten[1]["gewenste_ingangsdatum"] == date(2023, 4, 2)
    assert producten[1]["einddatum"] == date(2023, 12, 31)
    assert (producten[2]["productcategorie"], producten[2]["productcode"]) == ("01", "01A12")
    assert (producten[2]["volume"], producten[2]["eenheid"], producten[2]["frequentie"]) == (20, "14", "4")

    [antwoord] = parse(sample_path("WMO319.xml").read_bytes()).tables["iwmo_319_antwoorden"]
    assert (antwoord["referentie_aanbieder"], antwoord["verzoek_antwoord"], antwoord["reden_afwijzing"]) == (
        "9003",
        "1",
        "7",
    )


def test_own_323_fixture_with_credit_line(parse):
    data = (FIXTURES / "WMO323_basis.xml").read_bytes()
    parsed = parse(data)
    assert_contract(parsed, data)
    credit = parsed.tables["iwmo_323_prestaties"][1]
    assert credit["vorig_referentienummer"] == "R2024060001"
    assert (credit["eenheid"], credit["geleverd_volume"], credit["product_tarief_cent"]) == ("83", 57, None)
    assert (credit["bedrag_cent"], credit["debet_credit"]) == (28500, "C")
    assert parsed.tables["iwmo_323_declaraties"][0]["ontvanger"] == "0935"
