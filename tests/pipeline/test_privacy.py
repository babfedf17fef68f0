"""Private by design: no BSN, name, address or birth date is written anywhere, and no free text is published."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.pipeline.identities import Identities, read_identities, scan_duckdb, scan_file

pytestmark = pytest.mark.slow

FORBIDDEN_COLUMNS = {
    "bsn",
    "naam",
    "achternaam",
    "voornamen",
    "straatnaam",
    "huisnummer",
    "postcode",
    "telefoon",
    "emailadres",
    "commentaar",
    "omschrijving_klacht",
}


@pytest.fixture(scope="module")
def identities(pipeline_run) -> Identities:
    return read_identities(pipeline_run.landing)


def written_databases(run) -> list[Path]:
    """Every DuckDB file beside the published warehouse: the warehouse itself and the work database."""
    return sorted(run.warehouse.parent.glob("*.duckdb"))


def written_files(run) -> list[Path]:
    """Every other file the product wrote for this run: the state dir (run logs and JSON logs, dbt and Great
    Expectations artefacts, reminder lists, the dashboard audit log) and Dagster's storage under $DAGSTER_HOME when
    the run keeps one there."""
    roots = [run.settings.state_dir]
    if os.environ.get("DAGSTER_HOME") and Path(os.environ["DAGSTER_HOME"]).is_dir():
        roots.append(Path(os.environ["DAGSTER_HOME"]))
    return sorted(path for root in roots for path in root.rglob("*") if path.is_file())


@pytest.mark.parametrize("started_by", ["pipeline_run", "second_build"])
def test_no_clear_identity_in_any_database_log_or_dagster_storage(request, started_by, identities):
    """operations.md, Privacy: BSN, name, address (other than the 4-digit area) and birth date are not stored, in
    any table of any DuckDB file (also raw and raw_restricted), log or Dagster storage; the raw landing stays.
    Both ways a run starts: the landing sensor (`pipeline_run`) and `wmo-monitor run` (`second_build`, which
    writes the run log and the JSON log)."""
    run = request.getfixturevalue(started_by)
    assert min(len(identities.bsns), len(identities.birth_dates), len(identities.postcodes)) > 100
    assert identities.given_names and identities.surnames and identities.streets
    databases = written_databases(run)
    assert {run.warehouse, run.settings.work_db} <= set(databases)
    files = written_files(run)
    assert any(path.name == "manifest.json" for path in files), "dbt's artefacts horen in de state-map"
    if started_by == "second_build":
        assert {path.suffix for path in files} >= {".log", ".jsonl"}, "de run schrijft zijn log en JSON-log"
    leaks = [leak for database in databases for leak in scan_duckdb(database, identities)]
    leaks += [(str(path), "", found) for path in files for found in sorted(scan_file(path, identities))]
    assert not leaks, f"Herleidbare persoonsgegevens weggeschreven ({len(leaks)}): {leaks[:5]}"


def test_the_scan_finds_each_kind_of_planted_identity(pipeline_run, identities, tmp_path):
    """The scan above can fail: one BSN as text and one as an integer, a birth date, a surname alone in a cell,
    a full postcode, and a name and an address in a log line are each found."""
    bsn, tweede = sorted(identities.bsns)[:2]
    geboren = sorted(identities.birth_dates)[0]
    postcode = sorted(identities.postcodes)[0]
    naam = f"{sorted(identities.given_names)[0]} {sorted(identities.surnames)[0]}"
    adres = f"{sorted(identities.streets)[0]} 12"
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(pipeline_run.warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("CREATE TABLE audit.geplant (tekst VARCHAR, getal BIGINT, datum DATE, naam VARCHAR)")
        con.execute(
            "INSERT INTO audit.geplant VALUES (?, ?, ?, ?), (?, NULL, NULL, NULL)",
            [
                f"klacht van {bsn}",
                int(tweede),
                geboren,
                sorted(identities.surnames)[-1],
                f"postcode {postcode}",
            ],
        )
    found = {identity for _, _, identity in scan_duckdb(copy, identities)}
    assert found == {bsn, tweede, geboren, sorted(identities.surnames)[-1], postcode}
    log = tmp_path / "run.log"
    log.write_text(f"cliënt {naam} woont aan de {adres}\n", encoding="utf-8")
    assert scan_file(log, identities) == {naam, adres}


def test_no_personal_columns_and_no_raw_schemas_published(pipeline_run):
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns"
        ).fetchall()
    assert {schema for schema, _, _ in rows} <= {"marts", "audit"}
    assert not [r for r in rows if r[2].lower() in FORBIDDEN_COLUMNS]


def test_pseudonyms_are_16_hex_characters(pipeline_run):
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        bad = con.execute(
            "SELECT client_pseudoniem FROM marts.fct_toewijzingen WHERE NOT regexp_full_match(client_pseudoniem, '[0-9a-f]{16}') LIMIT 3"
        ).fetchall()
    assert bad == []
