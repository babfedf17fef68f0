"""The remembered GX outcome is reused only for exactly the raw contents, suites and reference codes it judged."""

from __future__ import annotations

import duckdb

from expectations import memo
from ingest.raw_schema import create_all
from tests.expectations.gx_rows import KNOWN, clean_rows, database

SUITES = ["klachten"]


def _fingerprint(con, known=KNOWN) -> str:
    return memo.fingerprint(con, SUITES, known)


def test_fingerprint_follows_content_not_row_order():
    rows = clean_rows()
    rows["klachten"].append({**rows["klachten"][0], "klacht_id": "K-2", "rij": 3})
    first = _fingerprint(database(rows))

    rows["klachten"].reverse()
    assert _fingerprint(database(rows)) == first, "zelfde rijen in andere volgorde"

    rows["klachten"][0]["categorie"] = "onzin"
    assert _fingerprint(database(rows)) != first, "een gewijzigde waarde"

    rows = clean_rows()
    rows["klachten"] += [rows["klachten"][0]] * 2
    assert _fingerprint(database(rows)) != first, "een dubbele rij telt mee"


def test_fingerprint_follows_known_codes_and_other_tables_do_not_matter():
    rows = clean_rows()
    con = database(rows)
    first = _fingerprint(con)
    assert _fingerprint(con, {**KNOWN, "gemeentecode": {"0384"}}) != first

    rows["iwmo_323_prestaties"].append({**rows["iwmo_323_prestaties"][0], "referentienummer": "RN999"})
    assert _fingerprint(database(rows)) == first, "323-regels horen niet bij de klachtensuite"


def test_recall_only_for_the_same_key(tmp_path):
    outcome = {"geslaagd": False, "beschrijving": "blokkerend", "metadata": {"verwachtingen": 3}}
    assert memo.recall(tmp_path, "klachten", "a") is None
    memo.remember(tmp_path, "klachten", "a", outcome)
    assert memo.recall(tmp_path, "klachten", "a") == outcome
    assert memo.recall(tmp_path, "klachten", "b") is None
    assert memo.recall(tmp_path, "referentie", "a") is None


def test_corrupt_memo_is_ignored(tmp_path):
    (tmp_path / "gx").mkdir()
    (tmp_path / "gx" / "klachten.json").write_text("{half", encoding="utf-8")
    assert memo.recall(tmp_path, "klachten", "a") is None


def test_empty_tables_have_a_stable_fingerprint():
    con = duckdb.connect()
    create_all(con)  # the real DDL, no rows
    assert _fingerprint(con, {}) == _fingerprint(con, {})
