"""Private by design: no BSN, name, address or free text reaches the published warehouse."""

from __future__ import annotations

import re

import duckdb
import pytest

from ingest.pseudonymise import is_valid_bsn

pytestmark = pytest.mark.slow

# Nine digits standing alone: a run inside a hex hash (sha256) is not a BSN.
NINE_DIGITS = re.compile(r"(?<![0-9A-Za-z])[0-9]{9}(?![0-9A-Za-z])")
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


def landing_bsns(landing) -> set[str]:
    """Every BSN the generated region sent in its messages: what must never be published."""
    pattern = re.compile(rb"Bsn>([0-9]{9})<")
    return {
        m.decode()
        for path in (landing / "berichten").rglob("*.xml")
        for m in pattern.findall(path.read_bytes())
    }


def test_no_bsn_in_any_published_text_column(pipeline_run):
    bsns = {b for b in landing_bsns(pipeline_run.landing) if is_valid_bsn(b)}
    assert len(bsns) > 100
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        columns = con.execute(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns "
            "WHERE data_type = 'VARCHAR' AND table_schema IN ('marts', 'audit')"
        ).fetchall()
        leaks = []
        for schema, table, column in columns:
            values = con.execute(
                f'SELECT DISTINCT "{column}" FROM {schema}.{table} WHERE "{column}" IS NOT NULL'
            ).fetchall()
            for (value,) in values:
                leaks += [(table, column, m) for m in NINE_DIGITS.findall(value) if m in bsns]
    assert not leaks[:5], f"BSN's uit de berichten gepubliceerd: {leaks[:5]}"


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
