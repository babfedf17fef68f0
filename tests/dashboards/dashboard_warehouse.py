"""A tiny, hand-written published warehouse (schemas `marts` and `audit` as in spec marts.md).

The numbers are chosen so that the expected dashboard values can be computed by hand (see the test modules):
provider 11111111 "Zorg Plus" works in Utrecht (0344) with cells ≥ 10; provider 22222222 "Thuishulp Midden" works
in Zeist (0355) with cells < 10, which the dashboard must suppress.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "dashboards" / "app.py"
ARTEFACTEN = REPO / "test-artifacts"
UTRECHT, ZEIST, DE_BILT = "0344", "0355", "0310"
ZORGPLUS, THUISHULP, KLEINESTAP = "11111111", "22222222", "33333333"
BREED, BREED_NAAM = "44444444", "Stichting Ambulante Begeleiding Utrechtse Heuvelrug en Omstreken"
PEILDATUM = date(2024, 12, 31)

DDL = """
CREATE SCHEMA marts; CREATE SCHEMA audit;
CREATE TABLE marts.dim_gemeente (gemeentecode VARCHAR, gemeentenaam VARCHAR, regio VARCHAR);
CREATE TABLE marts.dim_aanbieder (aanbieder_agb VARCHAR, aanbieder_naam VARCHAR);
CREATE TABLE marts.dim_wijk (wijkcode VARCHAR, wijknaam VARCHAR, gemeentecode VARCHAR);
CREATE TABLE marts.dim_subresultaat (subresultaat VARCHAR, deelresultaat VARCHAR, deelresultaat_naam VARCHAR,
    omschrijving VARCHAR);
CREATE TABLE marts.dim_reden_beeindiging (standaard VARCHAR, release VARCHAR, code VARCHAR, omschrijving VARCHAR,
    reden_groep VARCHAR);
CREATE TABLE marts.fct_toewijzingen (gemeentecode VARCHAR, toewijzingnummer BIGINT, aanbieder_agb VARCHAR,
    client_pseudoniem VARCHAR, wijkcode VARCHAR, productcategorie VARCHAR, productcode VARCHAR, eenheid VARCHAR,
    volume BIGINT, frequentie VARCHAR, budget_cent BIGINT, toewijzingsdatum DATE, ingangsdatum DATE, einddatum DATE,
    reden_wijziging VARCHAR, is_verwijderd BOOLEAN, startdatum DATE, einddatum_traject DATE,
    reden_beeindiging VARCHAR, reden_groep VARCHAR, dagen_tot_start INTEGER, tijdig_gestart BOOLEAN,
    duur_dagen INTEGER);
CREATE TABLE marts.fct_aanvragen (aanbieder_agb VARCHAR, referentie_aanbieder VARCHAR, gemeentecode VARCHAR,
    client_pseudoniem VARCHAR, aanvraagdatum DATE, productcategorie VARCHAR, antwoorddatum DATE,
    antwoordsoort VARCHAR, dagen_tot_antwoord INTEGER, tijdig_beantwoord BOOLEAN, toewijzingnummer BIGINT,
    dagen_tot_toewijzing INTEGER, status VARCHAR);
CREATE TABLE marts.fct_prestaties (aanbieder_agb VARCHAR, declaratienummer VARCHAR, referentienummer VARCHAR,
    gemeentecode VARCHAR, toewijzingnummer BIGINT, client_pseudoniem VARCHAR, productcategorie VARCHAR,
    productcode VARCHAR, eenheid VARCHAR, periode_begin DATE, periode_eind DATE, volume BIGINT, tarief_cent BIGINT,
    bedrag_cent BIGINT, status VARCHAR, retourcodes VARCHAR);
CREATE TABLE marts.fct_budget_jaar (gemeentecode VARCHAR, toewijzingnummer BIGINT, jaar INTEGER,
    aanbieder_agb VARCHAR, wijkcode VARCHAR, productcategorie VARCHAR, toegewezen_bedrag_cent DOUBLE,
    ingediend_bedrag_cent BIGINT, goedgekeurd_bedrag_cent BIGINT, in_behandeling_bedrag_cent BIGINT,
    uitputting_pct DOUBLE, opmerking VARCHAR);
CREATE TABLE marts.rechtmatigheid_signalen (aanbieder_agb VARCHAR, declaratienummer VARCHAR,
    referentienummer VARCHAR, signaal_code VARCHAR, gemeentecode VARCHAR, toewijzingnummer BIGINT,
    client_pseudoniem VARCHAR, jaar INTEGER, signaal VARCHAR, bedrag_cent BIGINT, toelichting VARCHAR);
CREATE TABLE marts.fct_klachten (aanbieder_agb VARCHAR, klacht_id VARCHAR, gemeentecode VARCHAR,
    toewijzingnummer BIGINT, client_pseudoniem VARCHAR, datum_ontvangst DATE, datum_afgehandeld DATE,
    categorie VARCHAR, uitkomst VARCHAR, afhandeldagen INTEGER);
CREATE TABLE marts.fct_resultaten (aanbieder_agb VARCHAR, boekjaar INTEGER, gemeentecode VARCHAR,
    toewijzingnummer BIGINT, subresultaat VARCHAR, wijkcode VARCHAR, deelresultaat VARCHAR,
    inschatting_vooraf VARCHAR, resultaat VARCHAR, score DOUBLE, evaluatiedatum DATE, vervolgadvies VARCHAR);
CREATE TABLE marts.fct_tevredenheid (aanbieder_agb VARCHAR, boekjaar INTEGER, gemeentecode VARCHAR,
    toewijzingnummer BIGINT, wijkcode VARCHAR, datum DATE, cijfer INTEGER, respondent VARCHAR);
CREATE TABLE marts.kpi_doelrealisatie (jaar INTEGER, gemeentecode VARCHAR, wijkcode VARCHAR, aanbieder_agb VARCHAR,
    deelresultaat VARCHAR, inschatting_vooraf VARCHAR, aantal_behaald BIGINT, aantal_deels BIGINT,
    aantal_niet BIGINT, aantal BIGINT);
CREATE TABLE marts.kpi_tevredenheid (jaar INTEGER, gemeentecode VARCHAR, wijkcode VARCHAR, aanbieder_agb VARCHAR,
    aantal_respondenten BIGINT, som_cijfer BIGINT, aantal_voldoende BIGINT, aantal_beeindigd BIGINT);
CREATE TABLE marts.kpi_uitval (jaar INTEGER, gemeentecode VARCHAR, wijkcode VARCHAR, aanbieder_agb VARCHAR,
    productcategorie VARCHAR, reden_beeindiging VARCHAR, reden_groep VARCHAR, aantal BIGINT);
CREATE TABLE marts.kpi_budgetuitputting (jaar INTEGER, gemeentecode VARCHAR, wijkcode VARCHAR,
    aanbieder_agb VARCHAR, productcategorie VARCHAR, toegewezen_bedrag_cent DOUBLE, ingediend_bedrag_cent BIGINT,
    goedgekeurd_bedrag_cent BIGINT, aantal_toewijzingen BIGINT);
CREATE TABLE marts.kpi_klachten (jaar INTEGER, gemeentecode VARCHAR, aanbieder_agb VARCHAR, categorie VARCHAR,
    uitkomst VARCHAR, aantal_klachten BIGINT, aantal_afgehandeld BIGINT, aantal_binnen_6_weken BIGINT,
    som_afhandeldagen BIGINT);
CREATE TABLE marts.kpi_klachten_clienten (jaar INTEGER, gemeentecode VARCHAR, aanbieder_agb VARCHAR,
    aantal_clienten_actief BIGINT, aantal_klachten BIGINT, per_100_clienten DOUBLE);
CREATE TABLE marts.kpi_berichtenverkeer (jaar INTEGER, aanbieder_agb VARCHAR, berichttype VARCHAR, aantal BIGINT,
    aantal_tijdig BIGINT, aantal_met_retourcode BIGINT);
CREATE TABLE marts.verantwoording_status (boekjaar INTEGER, aanbieder_agb VARCHAR, ontvangen BOOLEAN,
    versie INTEGER, productie_tijdig BOOLEAN, omzet_wmo_totaal_cent BIGINT, verklaring_vereist VARCHAR,
    soort_verklaring VARCHAR, verklaring_ok BOOLEAN, aantal_gemeenten_afwijking INTEGER, status VARCHAR);
CREATE TABLE marts.verantwoording_reconciliatie (boekjaar INTEGER, aanbieder_agb VARCHAR, gemeentecode VARCHAR,
    verantwoord_bedrag_cent BIGINT, goedgekeurd_bedrag_cent BIGINT, verschil_cent BIGINT, afwijking BOOLEAN);
CREATE TABLE marts.benchmark_gemeenten (jaar INTEGER, gemeentecode VARCHAR, indicator VARCHAR, teller DOUBLE,
    noemer DOUBLE, waarde DOUBLE, regio_waarde DOUBLE, grens_95_laag DOUBLE, grens_95_hoog DOUBLE,
    grens_998_laag DOUBLE, grens_998_hoog DOUBLE, buiten_998 BOOLEAN, onderdrukt BOOLEAN);
CREATE TABLE audit.bestanden (pad VARCHAR, sha256 VARCHAR, bytes BIGINT, familie VARCHAR, eerst_gezien TIMESTAMP,
    status VARCHAR, aantal_records BIGINT);
CREATE TABLE audit.quarantaine (pad VARCHAR, sha256 VARCHAR, familie VARCHAR, locatie VARCHAR, reden_code VARCHAR,
    melding VARCHAR, eerst_gezien TIMESTAMP);
CREATE TABLE audit.runs (run_id VARCHAR, start TIMESTAMP, einde TIMESTAMP, status VARCHAR, peildatum DATE,
    bestanden_nieuw BIGINT, bestanden_geladen BIGINT, bestanden_duplicaat BIGINT, bestanden_quarantaine BIGINT,
    records_raw BIGINT, quarantaine_items BIGINT, dbt_tests_geslaagd BIGINT, dbt_tests_gefaald BIGINT,
    melding VARCHAR);
"""


def _ins(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" for _ in rows[0])
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def build_warehouse(path: Path) -> Path:
    """Write the synthetic published warehouse to `path` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    con.execute(DDL)
    _ins(
        con,
        "marts.dim_gemeente",
        [(UTRECHT, "Utrecht", "U16"), (ZEIST, "Zeist", "U16"), (DE_BILT, "De Bilt", "U16")],
    )
    _ins(
        con,
        "marts.dim_aanbieder",
        [(ZORGPLUS, "Zorg Plus BV"), (THUISHULP, "Thuishulp Midden"), (KLEINESTAP, "Kleine Stap")],
    )
    _ins(
        con,
        "marts.dim_wijk",
        [
            ("034401", "Binnenstad", UTRECHT),
            ("035501", "Centrum Zeist", ZEIST),
            ("031001", "Bilthoven", DE_BILT),
            ("onbekend", "Onbekend", None),
        ],
    )
    _ins(
        con,
        "marts.dim_subresultaat",
        [
            ("1.1", "1", "Zelfstandig leven", "Cliënt kan zelfstandig wonen"),
            ("3.1", "3", "Dagstructuur", "Cliënt heeft een dagritme"),
        ],
    )
    _ins(
        con,
        "marts.dim_reden_beeindiging",
        [
            ("iWmo", "3.2", "19", "Levering volgens plan beëindigd", "volgens_plan"),
            ("iWmo", "3.2", "21", "Cliënt is niet tevreden", "uitval"),
            ("iWmo", "3.2", "22", "Cliënt is verhuisd", "uitval"),
            ("iWmo", "3.2", "38", "Overstap naar andere aanbieder", "extern"),
        ],
    )

    # 15 assignments of Zorg Plus in Utrecht (clients c01..c15), 3 of Thuishulp in Zeist.
    toew = []
    for i in range(1, 16):
        ingang = date(2024, 1, 1) + timedelta(days=i)
        gestart = i <= 12
        start = ingang + timedelta(days=i) if gestart else None
        afgesloten = i <= 10
        eind = date(2024, 6, 30) if afgesloten else None
        toew.append(
            (
                UTRECHT,
                1000 + i,
                ZORGPLUS,
                f"c{i:02d}",
                "034401",
                "02",
                "02A01",
                "04",
                10,
                "2",
                None,
                ingang,
                ingang,
                None,
                None,
                False,
                start,
                eind,
                "19" if afgesloten else None,
                "volgens_plan" if afgesloten else None,
                i if gestart else None,
                (i <= 7) if gestart else None,
                ((eind - start).days + 1) if afgesloten and start else None,
            )
        )
    for i in range(1, 4):
        ingang = date(2024, 2, 1)
        toew.append(
            (
                ZEIST,
                2000 + i,
                THUISHULP,
                f"z{i:02d}",
                "035501",
                "01",
                "01A01",
                "04",
                4,
                "2",
                None,
                ingang,
                ingang,
                None,
                None,
                False,
                ingang + timedelta(days=2),
                None,
                None,
                None,
                2,
                True,
                None,
            )
        )
    _ins(con, "marts.fct_toewijzingen", toew)

    aanvragen = []
    for i in range(1, 12):
        d = date(2024, 3, 1)
        aanvragen.append(
            (
                ZORGPLUS,
                f"R{i}",
                UTRECHT,
                f"c{i:02d}",
                d,
                "02",
                d + timedelta(days=i),
                "301",
                i,
                i <= 5,
                1000 + i,
                i,
                "toegewezen",
            )
        )
    aanvragen.append(
        (THUISHULP, "Z1", ZEIST, "z01", date(2024, 3, 1), "01", None, None, None, None, None, None, "open")
    )
    _ins(con, "marts.fct_aanvragen", aanvragen)

    prestaties = []
    for i in range(1, 11):
        prestaties.append(
            (
                ZORGPLUS,
                "D1",
                f"P{i}",
                UTRECHT,
                1000 + i,
                f"c{i:02d}",
                "02",
                "02A01",
                "04",
                date(2024, 3, 1),
                date(2024, 3, 31),
                10,
                1000,
                10000,
                "goedgekeurd",
                "",
            )
        )
    for i in (11, 12):
        prestaties.append(
            (
                ZORGPLUS,
                "D1",
                f"P{i}",
                UTRECHT,
                1000 + i,
                f"c{i:02d}",
                "02",
                "02A01",
                "04",
                date(2024, 3, 1),
                date(2024, 3, 31),
                5,
                1000,
                5000,
                "afgewezen",
                "8001",
            )
        )
    prestaties.append(
        (
            THUISHULP,
            "D9",
            "Q1",
            ZEIST,
            2001,
            "z01",
            "01",
            "01A01",
            "04",
            date(2024, 3, 1),
            date(2024, 3, 31),
            4,
            2500,
            10000,
            "goedgekeurd",
            "",
        )
    )
    _ins(con, "marts.fct_prestaties", prestaties)

    budget = [
        (UTRECHT, 1000 + i, 2024, ZORGPLUS, "034401", "02", 100000.0, 80000, 80000, 0, 0.8, None)
        for i in range(1, 13)
    ]
    budget.append(
        (UTRECHT, 1013, 2024, ZORGPLUS, "034401", "02", None, 5000, 5000, 0, None, "tarief_onbekend")
    )
    budget += [
        (ZEIST, 2000 + i, 2024, THUISHULP, "035501", "01", 50000.0, 60000, 60000, 0, 1.2, None)
        for i in (1, 2)
    ]
    _ins(con, "marts.fct_budget_jaar", budget)
    _ins(
        con,
        "marts.kpi_budgetuitputting",
        [
            (2024, UTRECHT, "034401", ZORGPLUS, "02", 1200000.0, 965000, 965000, 13),
            (2024, ZEIST, "035501", THUISHULP, "01", 100000.0, 120000, 120000, 2),
        ],
    )

    _ins(
        con,
        "marts.rechtmatigheid_signalen",
        [
            (
                ZORGPLUS,
                "D1",
                "P1",
                "RM02",
                UTRECHT,
                1001,
                "c01",
                2024,
                "buiten_periode",
                10000,
                "Productperiode 2024-03-01 t/m 2024-03-31 valt na einde toewijzing 2024-02-15",
            ),
            (
                ZORGPLUS,
                "D1",
                "P1",
                "RM10",
                UTRECHT,
                1001,
                "c01",
                2024,
                "zonder_start",
                10000,
                "Toewijzing 1001 heeft geen startbericht (305)",
            ),
            (
                ZORGPLUS,
                "D1",
                "P11",
                "RM05",
                UTRECHT,
                1011,
                "c11",
                2024,
                "dubbel",
                5000,
                "Zelfde periode al eerder gedeclareerd in declaratie D0",
            ),
            (
                THUISHULP,
                "D9",
                "Q1",
                "RM07",
                ZEIST,
                2001,
                "z01",
                2024,
                "tarief_afwijkend",
                10000,
                "Tarief 25,00 wijkt af van contracttarief 24,00",
            ),
        ],
    )

    klachten = []
    for i in range(1, 13):
        ontv = date(2024, 4, 1)
        afgehandeld = i <= 10
        dagen = 10 * i if afgehandeld else None  # 10..100 days; 4 of 10 within 42
        klachten.append(
            (
                ZORGPLUS,
                f"K{i}",
                UTRECHT,
                1000 + i,
                f"c{i:02d}",
                ontv,
                ontv + timedelta(days=dagen) if dagen else None,
                "bejegening",
                "gegrond",
                dagen,
            )
        )
    klachten += [
        (
            THUISHULP,
            "KZ1",
            ZEIST,
            2001,
            "z01",
            date(2024, 5, 1),
            date(2024, 5, 11),
            "kwaliteit",
            "ongegrond",
            10,
        ),
        (
            THUISHULP,
            "KZ2",
            ZEIST,
            2002,
            "z02",
            date(2024, 5, 1),
            date(2024, 5, 21),
            "kwaliteit",
            "ongegrond",
            20,
        ),
    ]
    _ins(con, "marts.fct_klachten", klachten)
    _ins(
        con,
        "marts.kpi_klachten",
        [
            (2024, UTRECHT, ZORGPLUS, "bejegening", "gegrond", 12, 10, 4, 550),
            (2024, ZEIST, THUISHULP, "kwaliteit", "ongegrond", 2, 2, 2, 30),
        ],
    )
    # every assignment above is active in 2024 (none deleted, none stopped or ending before 2024)
    _ins(
        con,
        "marts.kpi_klachten_clienten",
        [(2024, UTRECHT, ZORGPLUS, 15, 12, 80.0), (2024, ZEIST, THUISHULP, 3, 2, 2 / 3 * 100)],
    )

    _ins(
        con,
        "marts.kpi_doelrealisatie",
        [
            (2024, UTRECHT, "034401", ZORGPLUS, "1", "verbetering", 12, 4, 4, 20),
            (2024, UTRECHT, "034401", ZORGPLUS, "3", "stabilisatie", 6, 2, 2, 10),
            (2024, ZEIST, "035501", THUISHULP, "1", "verbetering", 3, 1, 1, 5),
            (2023, UTRECHT, "034401", ZORGPLUS, "1", "verbetering", 10, 5, 5, 20),
        ],
    )
    _ins(
        con,
        "marts.kpi_tevredenheid",
        [
            (2024, UTRECHT, "034401", ZORGPLUS, 12, 90, 10, 20),
            (2024, ZEIST, "035501", THUISHULP, 4, 26, 3, 6),
            (2023, UTRECHT, "034401", ZORGPLUS, 10, 70, 8, 15),
        ],
    )
    _ins(
        con,
        "marts.kpi_uitval",
        [
            (2024, UTRECHT, "034401", ZORGPLUS, "02", "19", "volgens_plan", 15),
            (2024, UTRECHT, "034401", ZORGPLUS, "02", "21", "uitval", 5),
            (2024, UTRECHT, "034401", ZORGPLUS, "02", "38", "extern", 3),
            (2024, ZEIST, "035501", THUISHULP, "01", "19", "volgens_plan", 2),
            (2024, ZEIST, "035501", THUISHULP, "01", "22", "uitval", 1),
            (2023, UTRECHT, "034401", ZORGPLUS, "02", "19", "volgens_plan", 18),
            (2023, UTRECHT, "034401", ZORGPLUS, "02", "21", "uitval", 2),
        ],
    )
    _ins(
        con,
        "marts.kpi_berichtenverkeer",
        [
            (2024, ZORGPLUS, "WMO305", 12, 9, 1),
            (2024, ZORGPLUS, "WMO307", 10, 8, 0),
            (2024, THUISHULP, "WMO305", 3, 3, 0),
        ],
    )
    _ins(
        con,
        "marts.verantwoording_status",
        [
            (
                2024,
                ZORGPLUS,
                True,
                1,
                True,
                15000000,
                "accountantsverklaring",
                "accountantsverklaring",
                True,
                0,
                "akkoord",
            ),
            (2024, THUISHULP, False, None, None, None, None, None, None, 0, "ontbreekt"),
            (2024, KLEINESTAP, True, 1, False, 9000000, "bestuursverklaring", None, False, 1, "te_laat"),
        ],
    )
    _ins(
        con,
        "marts.verantwoording_reconciliatie",
        [
            (2024, ZORGPLUS, UTRECHT, 100000, 100000, 0, False),
            (2024, KLEINESTAP, DE_BILT, 120000, 100000, 20000, True),
        ],
    )
    z95, z998 = 1.96, 3.09
    bench = []
    rij = {UTRECHT: (5.0, 20.0), ZEIST: (1.0, 3.0), DE_BILT: (8.0, 40.0)}
    p = 14 / 63
    for g, (t, n) in rij.items():
        se = (p * (1 - p) / n) ** 0.5
        onderdrukt = n < 10
        bench.append(
            (
                2024,
                g,
                "uitval_pct",
                None if onderdrukt else t,
                n,
                None if onderdrukt else t / n,
                p,
                p - z95 * se,
                p + z95 * se,
                p - z998 * se,
                p + z998 * se,
                False,
                onderdrukt,
            )
        )
    inwoners = {UTRECHT: 360000.0, ZEIST: 65000.0, DE_BILT: 43000.0}
    clienten = {UTRECHT: 15.0, ZEIST: 3.0, DE_BILT: 12.0}
    regio = sum(clienten.values()) / sum(inwoners.values()) * 1000
    for g in inwoners:
        onderdrukt = clienten[g] < 10
        bench.append(
            (
                2024,
                g,
                "clienten_per_1000",
                None if onderdrukt else clienten[g],
                inwoners[g],
                None if onderdrukt else clienten[g] / inwoners[g] * 1000,
                regio,
                None,
                None,
                None,
                None,
                None,
                onderdrukt,
            )
        )
    _ins(con, "marts.benchmark_gemeenten", bench)

    t0 = datetime(2025, 1, 2, 9, 0)
    _ins(
        con,
        "audit.bestanden",
        [
            ("iwmo/301_a.xml", "a" * 64, 2048, "iwmo", t0, "geladen", 3),
            ("iwmo/301_b.xml", "b" * 64, 2048, "iwmo", t0, "geladen", 2),
            ("iwmo/301_a_kopie.xml", "a" * 64, 2048, "iwmo", t0, "duplicaat", 0),
            ("iwmo/kapot.xml", "c" * 64, 100, "iwmo", t0, "quarantaine", 0),
            ("klachten/zorgplus.xlsx", "d" * 64, 9000, "klachten", t0, "geladen", 14),
        ],
    )
    _ins(
        con,
        "audit.quarantaine",
        [
            (
                "iwmo/kapot.xml",
                "c" * 64,
                "iwmo",
                None,
                "XML_NIET_WELGEVORMD",
                "Het bestand is geen welgevormde XML (regel 3). Vraag de afzender om het bericht opnieuw te sturen.",
                t0,
            ),
            (
                "klachten/zorgplus.xlsx",
                "d" * 64,
                "klachten",
                "rij 7, kolom datum_ontvangst",
                "DATUM_ONGELDIG",
                "Datum '31-02-2024' in kolom datum_ontvangst bestaat niet.",
                t0,
            ),
        ],
    )
    _ins(
        con,
        "audit.runs",
        [
            ("run-1", t0, t0 + timedelta(minutes=1), "geslaagd", PEILDATUM, 5, 3, 1, 1, 19, 2, 120, 0, None),
            (
                "run-0",
                t0 - timedelta(days=1),
                t0 - timedelta(days=1, minutes=-1),
                "mislukt",
                PEILDATUM,
                0,
                0,
                0,
                0,
                0,
                0,
                118,
                2,
                "dbt-test unique_fct_toewijzingen faalde",
            ),
        ],
    )
    con.close()
    return path


def add_scorekaart_rows(path: Path) -> Path:
    """Add, to a copy of the warehouse, a provider with a long name in Utrecht and De Bilt and more K3 stops for Zorg
    Plus, so that the scorecard has marks outside the funnel limits (expected values: tests/dashboards/
    test_scorekaart.py). The base rows stay as they are: the other tests' hand-computed numbers do not move."""
    with duckdb.connect(str(path)) as con:
        con.execute("INSERT INTO marts.dim_aanbieder VALUES (?, ?)", [BREED, BREED_NAAM])
        _ins(
            con,
            "marts.kpi_uitval",
            [
                (2024, UTRECHT, "034401", ZORGPLUS, "07", "19", "volgens_plan", 10),
                (2024, UTRECHT, "034401", ZORGPLUS, "07", "21", "uitval", 10),
                (2024, UTRECHT, "034401", BREED, "02", "19", "volgens_plan", 10),
                (2024, UTRECHT, "034401", BREED, "02", "21", "uitval", 40),
                (2024, DE_BILT, "031001", BREED, "07", "19", "volgens_plan", 10),
                (2024, DE_BILT, "031001", BREED, "07", "22", "uitval", 40),
                (2023, UTRECHT, "034401", BREED, "02", "19", "volgens_plan", 30),
                (2023, UTRECHT, "034401", BREED, "02", "21", "uitval", 20),
            ],
        )
    return path
