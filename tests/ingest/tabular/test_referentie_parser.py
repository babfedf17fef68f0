"""parse_referentie: each of the six region files, bad rows, unknown names."""

from __future__ import annotations

import datetime as dt

import pytest
from tabular_files import write_csv

from ingest.model import Rejection
from ingest.raw_schema import RAW_TABLES
from ingest.referentie import REFERENTIE_BESTANDEN, parse_referentie

SHA = "ef" * 32
FILE = {"bestand_sha256": SHA, "bestand_volgnummer": 11}


def parse(tmp_path, naam, lines):
    data = write_csv(tmp_path / naam.split("/")[-1], lines, delimiter=",", newline="\n")
    return parse_referentie(data, naam=naam, bestand_sha256=SHA, bestand_volgnummer=11)


def test_gemeenten(tmp_path):
    result = parse(
        tmp_path,
        "referentie/gemeenten.csv",
        ["gemeentecode|gemeentenaam|regio", "957|Roermond|Midden-Limburg", "GM0935|Maastricht|"],
    )
    assert result.tables == {
        "ref_gemeenten": [
            {**FILE, "rij": 2, "gemeentecode": "0957", "gemeentenaam": "Roermond", "regio": "Midden-Limburg"},
            {**FILE, "rij": 3, "gemeentecode": "0935", "gemeentenaam": "Maastricht", "regio": None},
        ]
    }


def test_inwoners(tmp_path):
    result = parse(
        tmp_path,
        "inwoners.csv",
        ["gemeentecode|jaar|inwoners|huishoudens", "0957|2024|58900|27400", "0957|24|1|1", "0957|2023|-5|1"],
    )
    assert result.tables["ref_inwoners"] == [
        {**FILE, "rij": 2, "gemeentecode": "0957", "jaar": 2024, "inwoners": 58900, "huishoudens": 27400}
    ]
    assert [(q.locatie, q.reden_code) for q in result.quarantaine] == [
        ("rij 3, kolom jaar", "GETAL_ONGELDIG"),
        ("rij 4, kolom inwoners", "GETAL_ONGELDIG"),
    ]


def test_wijken(tmp_path):
    result = parse(
        tmp_path,
        "wijken.csv",
        [
            "postcode4|gemeentecode|wijkcode|wijknaam",
            "6041|957|WK095701|Binnenstad",
            "0123|957|WK095702|X",
            "60411|957|WK1|Y",
        ],
    )
    assert result.tables["ref_wijken"] == [
        {
            **FILE,
            "rij": 2,
            "postcode4": "6041",
            "gemeentecode": "0957",
            "wijkcode": "WK095701",
            "wijknaam": "Binnenstad",
        }
    ]
    assert [(q.locatie, q.reden_code) for q in result.quarantaine] == [
        ("rij 3, kolom postcode4", "CODE_ONGELDIG"),
        ("rij 4, kolom postcode4", "CODE_ONGELDIG"),
    ]


def test_aanbieders(tmp_path):
    result = parse(
        tmp_path,
        "Aanbieders.CSV",
        ["aanbieder_agb|aanbieder_naam", "1234567|Zorg & Co", "98765432|", "ABC|Y"],
    )
    assert result.tables["ref_aanbieders"] == [
        {**FILE, "rij": 2, "aanbieder_agb": "01234567", "aanbieder_naam": "Zorg & Co"}
    ]
    assert [(q.locatie, q.reden_code) for q in result.quarantaine] == [
        ("rij 3, kolom aanbieder_naam", "VERPLICHT_VELD_LEEG"),
        ("rij 4, kolom aanbieder_agb", "CODE_ONGELDIG"),
    ]


def test_tarieven(tmp_path):
    result = parse(
        tmp_path,
        "tarieven.csv",
        [
            "productcategorie|productcode|eenheid|tarief_cent|geldig_vanaf|geldig_tot",
            "2|02A01|14|6512|2024-01-01|31-12-2024",
            "02|02A01|4|6650|01/01/2025|",
            '02|02A02|14|"65,12"|2024-01-01|',
            "02|02A02|14|6512|2024-01-01|2023-12-31",
        ],
    )
    assert result.tables["ref_tarieven"] == [
        {
            **FILE,
            "rij": 2,
            "productcategorie": "02",
            "productcode": "02A01",
            "eenheid": "14",
            "tarief_cent": 6512,
            "geldig_vanaf": dt.date(2024, 1, 1),
            "geldig_tot": dt.date(2024, 12, 31),
        },
        {
            **FILE,
            "rij": 3,
            "productcategorie": "02",
            "productcode": "02A01",
            "eenheid": "04",
            "tarief_cent": 6650,
            "geldig_vanaf": dt.date(2025, 1, 1),
            "geldig_tot": None,
        },
    ]
    assert [(q.locatie, q.reden_code) for q in result.quarantaine] == [
        ("rij 4, kolom tarief_cent", "GETAL_ONGELDIG"),
        ("rij 5, kolom geldig_tot", "DATUM_ONGELDIG"),
    ]


def test_subresultaten(tmp_path):
    result = parse(
        tmp_path,
        "subresultaten.csv",
        [
            "subresultaat|deelresultaat|deelresultaat_naam|omschrijving",
            '1.4|1|Zelfstandig wonen|"Cliënt woont schoon, veilig"',
        ],
    )
    assert result.tables["ref_subresultaten"] == [
        {
            **FILE,
            "rij": 2,
            "subresultaat": "1.4",
            "deelresultaat": "1",
            "deelresultaat_naam": "Zelfstandig wonen",
            "omschrijving": "Cliënt woont schoon, veilig",
        }
    ]


def test_every_file_maps_to_a_raw_table_with_its_columns(tmp_path):
    assert set(REFERENTIE_BESTANDEN.values()) <= set(RAW_TABLES)
    assert len(REFERENTIE_BESTANDEN) == 6


def test_unknown_name(tmp_path):
    with pytest.raises(Rejection) as exc:
        parse(tmp_path, "referentie/postcodes.csv", ["a|b", "1|2"])
    assert exc.value.reden_code == "BESTANDSTYPE_ONBEKEND"
    assert "postcodes.csv" in exc.value.melding


def test_missing_column(tmp_path):
    with pytest.raises(Rejection) as exc:
        parse(tmp_path, "gemeenten.csv", ["gemeentecode|regio", "957|x"])
    assert exc.value.reden_code == "KOLOM_ONTBREEKT"
    assert "'gemeentenaam'" in exc.value.melding
