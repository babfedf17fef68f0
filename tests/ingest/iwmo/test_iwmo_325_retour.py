"""WMO325 declaratie-antwoord and retour messages (hand-written fixtures: the public copy has no such samples)."""

from __future__ import annotations

from datetime import date

import pytest
from iwmo_testdata import expected_pseudonym, fixture_path

from ingest.model import Rejection
from ingest.raw_schema import RAW_TABLES


def _columns_ok(parsed):
    for table, rows in parsed.tables.items():
        for row in rows:
            assert set(row) == {name for name, _ in RAW_TABLES[table]}, table


def test_325_header_antwoord_and_returned_prestatie(parse):
    parsed = parse(fixture_path("WMO325_antwoord.xml").read_bytes())
    _columns_ok(parsed)
    [bericht] = parsed.tables["iwmo_berichten"]
    assert bericht["berichttype"] == "WMO325" and bericht["berichtcode"] == "485"
    assert bericht["bericht_id"] == "485:0935:ANTW-0001:2024-08-12"
    assert (bericht["declaratie_identificatie"], bericht["declaratie_dagtekening"]) == (
        "DECL2024-07",
        date(2024, 8, 5),
    )
    assert bericht["header_retourcodes"] == "0200"
    assert bericht["identificatie_retour"] is None
    [antwoord] = parsed.tables["iwmo_325_antwoorden"]
    assert antwoord["declaratienummer"] == "D2024007"
    assert (antwoord["totaal_ingediend_cent"], antwoord["ingediend_debet_credit"]) == (1500, "D")
    assert (antwoord["totaal_toegekend_cent"], antwoord["toegekend_debet_credit"]) == (30000, "D")
    assert antwoord["antwoord_retourcodes"] == "0200"
    assert antwoord["declaratie_identificatie"] == "DECL2024-07"
    [prestatie] = parsed.tables["iwmo_325_prestaties"]
    assert prestatie["client_pseudoniem"] == expected_pseudonym("123456782")
    assert (prestatie["referentienummer"], prestatie["vorig_referentienummer"]) == (
        "R2024070002",
        "R2024060001",
    )
    assert (prestatie["bedrag_cent"], prestatie["debet_credit"], prestatie["eenheid"]) == (28500, "C", "83")
    assert prestatie["retourcodes"] == "8017,9384"
    assert prestatie["declaratie_dagtekening"] == date(2024, 8, 5)


def test_325_without_declaratieantwoord_gives_header_only_row(parse):
    text = fixture_path("WMO325_antwoord.xml").read_text(encoding="utf-8")
    start = text.index("  <wmo325:DeclaratieAntwoord>")
    end = text.index("</wmo325:DeclaratieAntwoord>") + len("</wmo325:DeclaratieAntwoord>")
    header_only = (text[:start] + text[end:]).replace("<wmo325:RetourCode>0200<", "<wmo325:RetourCode>9333<")
    parsed = parse(header_only.encode())
    [antwoord] = parsed.tables["iwmo_325_antwoorden"]
    assert antwoord["declaratienummer"] is None and antwoord["totaal_toegekend_cent"] is None
    assert parsed.tables["iwmo_berichten"][0]["header_retourcodes"] == "9333"
    assert "iwmo_325_prestaties" not in parsed.tables


def test_325_unknown_retourcode_is_rejected(parse):
    data = fixture_path("WMO325_antwoord.xml").read_bytes().replace(b">8017<", b">7777<")
    with pytest.raises(Rejection) as info:
        parse(data)
    assert info.value.reden_code == "CODE_ONBEKEND"
    assert "7777" in info.value.melding


def test_retour_306_retourcodes_per_record(parse):
    parsed = parse(fixture_path("WMO306_retour.xml").read_bytes())
    _columns_ok(parsed)
    [bericht] = parsed.tables["iwmo_berichten"]
    assert bericht["berichttype"] == "WMO306"
    assert bericht["bericht_id"] == "419:12345678:START-0042:2024-03-04"
    assert (bericht["identificatie_retour"], bericht["dagtekening_retour"]) == ("RET-0042", date(2024, 3, 5))
    assert bericht["header_retourcodes"] is None  # no header RetourCodes = nothing said about the header
    codes = [
        (r["berichtklasse"], r["volgnummer"], r["retourcode"]) for r in parsed.tables["iwmo_retourcodes"]
    ]
    assert codes == [
        ("Client", 1, "0200"),
        ("StartProduct", 1, "0200"),
        ("StartProduct", 2, "9019"),
        ("StartProduct", 2, "8848"),
    ]
    assert all(set(r.values()).isdisjoint({"123456782"}) for r in parsed.tables["iwmo_retourcodes"])


def test_retour_302_header_only(parse):
    parsed = parse(fixture_path("WMO302_alleen_header.xml").read_bytes())
    [bericht] = parsed.tables["iwmo_berichten"]
    assert (bericht["berichttype"], bericht["afzender"], bericht["header_retourcodes"]) == (
        "WMO302",
        "0935",
        "0001",
    )
    [row] = parsed.tables["iwmo_retourcodes"]
    assert (row["berichtklasse"], row["volgnummer"], row["retourcode"]) == ("Header", 1, "0001")


def test_retour_record_without_retourcodes_is_rejected(parse):
    text = fixture_path("WMO306_retour.xml").read_text(encoding="utf-8")
    broken = text.replace(
        "<RetourCodes><RetourCode>0200</RetourCode></RetourCodes>\n      </StartProduct>",
        "</StartProduct>",
        1,
    )
    assert broken != text
    with pytest.raises(Rejection) as info:
        parse(broken.encode())
    assert info.value.reden_code == "VERPLICHT_ELEMENT_ONTBREEKT"
    assert "StartProduct 1" in info.value.melding


def test_retour_without_identificatie_retour_is_rejected(parse):
    data = (
        fixture_path("WMO302_alleen_header.xml")
        .read_bytes()
        .replace(b"<r:IdentificatieRetour>RET-77</r:IdentificatieRetour>", b"")
    )
    with pytest.raises(Rejection) as info:
        parse(data)
    assert info.value.reden_code == "VERPLICHT_ELEMENT_ONTBREEKT"


RETOUREN = {
    "WMO308_retour.xml": {
        "bericht": {
            "berichttype": "WMO308",
            "berichtcode": "421",
            "bericht_id": "421:87654321:STOP-2024-9:2024-06-30",
            "afzender": "87654321",
            "ontvanger": "0957",
            "identificatie_retour": "R308-0009",
            "dagtekening_retour": date(2024, 7, 2),
            "header_retourcodes": "0200",
        },
        "codes": [
            ("Header", 1, "0200"),
            ("Client", 1, "0200"),
            ("StopProduct", 1, "0200"),
            ("StopProduct", 2, "9413"),
            ("StopProduct", 2, "9414"),
            ("StopProduct", 3, "0200"),
        ],
    },
    "WMO316_retour.xml": {
        "bericht": {
            "berichttype": "WMO316",
            "berichtcode": "445",
            "bericht_id": "445:87654321:VOT-0316:2024-04-10",
            "afzender": "87654321",
            "ontvanger": "0957",
            "identificatie_retour": "R316-1",
            "dagtekening_retour": date(2024, 4, 11),
            "header_retourcodes": None,
        },
        "codes": [
            ("Client", 1, "0233"),
            ("AangevraagdProduct", 1, "8001"),
            ("AangevraagdProduct", 1, "9019"),
            ("AangevraagdProduct", 1, "8848"),
        ],
    },
    "WMO318_retour.xml": {
        "bericht": {
            "berichttype": "WMO318",
            "berichtcode": "481",
            "bericht_id": "481:87654321:VOW-318:2024-09-02",
            "afzender": "87654321",
            "ontvanger": "0957",
            "identificatie_retour": "R318-02",
            "dagtekening_retour": date(2024, 9, 3),
            "header_retourcodes": None,
        },
        "codes": [
            ("Client", 1, "0200"),
            ("Verzoek", 1, "0200"),
            ("OngewijzigdProduct", 1, "0200"),
            ("OngewijzigdProduct", 2, "9019"),
            ("TeWijzigenProduct", 1, "8017"),
            ("TeWijzigenProduct", 1, "9384"),
            ("NieuwProduct", 1, "0200"),
        ],
    },
    "WMO320_retour.xml": {
        "bericht": {
            "berichttype": "WMO320",
            "berichtcode": "483",
            "bericht_id": "483:0957:ANTW-319-4:2024-09-20",
            "afzender": "0957",  # 320 answers a 319, which the gemeente sent
            "ontvanger": "87654321",
            "identificatie_retour": "R320-4",
            "dagtekening_retour": date(2024, 9, 21),
            "header_retourcodes": "0200,0233",
        },
        "codes": [("Header", 1, "0200"), ("Header", 1, "0233"), ("Antwoord", 1, "9390")],
    },
}


@pytest.mark.parametrize("name", sorted(RETOUREN))
def test_retour_values_per_record(parse, name):
    """308/316/318/320 (hand-written fixtures): header values and every RetourCode of every record class."""
    expected = RETOUREN[name]
    parsed = parse(fixture_path(name).read_bytes())
    _columns_ok(parsed)
    assert set(parsed.tables) == {"iwmo_berichten", "iwmo_retourcodes"}
    [bericht] = parsed.tables["iwmo_berichten"]
    assert {key: bericht[key] for key in expected["bericht"]} == expected["bericht"]
    assert bericht["declaratie_identificatie"] is None
    rows = parsed.tables["iwmo_retourcodes"]
    assert [(r["berichtklasse"], r["volgnummer"], r["retourcode"]) for r in rows] == expected["codes"]
    assert {r["bericht_id"] for r in rows} == {expected["bericht"]["bericht_id"]}
    assert {r["berichtcode"] for r in rows} == {expected["bericht"]["berichtcode"]}
    assert all("123456782" not in map(str, r.values()) for r in rows)
