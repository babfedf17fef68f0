"""The dbt build is skipped only for exactly the inputs and relations of the last successful build."""

from __future__ import annotations

from datetime import date

import dagster as dg
import duckdb
import pytest

from pipelines import build_memo

VARS = {"peildatum": None, "min_celgrootte": 10}
DAY = date(2026, 12, 1)


@pytest.fixture
def work(tmp_path):
    db, manifest = tmp_path / "w.duckdb", tmp_path / "manifest.json"
    manifest.write_text('{"nodes": {}}', encoding="utf-8")
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE SCHEMA raw; CREATE SCHEMA marts; CREATE SCHEMA restricted")
        con.execute("CREATE TABLE raw.klachten AS SELECT 'K1' AS klacht_id, 2 AS rij")
        con.execute("CREATE TABLE marts.fct_klachten AS SELECT 'K1' AS klacht_id")
    return db, manifest


def _key(work, dbt_vars=VARS, day=DAY) -> str:
    return build_memo.fingerprint(work[0], work[1], dbt_vars, day)


def test_fingerprint_changes_with_every_input(work):
    db, manifest = work
    first = _key(work)
    assert _key(work) == first
    assert _key(work, {**VARS, "min_celgrootte": 5}) != first
    assert _key(work, day=date(2026, 12, 2)) != first

    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE restricted.notities AS SELECT 'vrije tekst' AS t")  # not read by dbt
    assert _key(work) == first
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO raw.klachten VALUES ('K2', 3)")
    second = _key(work)
    assert second != first
    with duckdb.connect(str(db)) as con:
        con.execute("DROP TABLE marts.fct_klachten")
    assert _key(work) != second, "a mart that disappeared must be rebuilt"
    manifest.write_text('{"nodes": {"model.x": {}}}', encoding="utf-8")
    assert _key(work) not in {first, second}


def test_last_build_needs_the_same_key_and_every_selected_asset(tmp_path):
    a, b = dg.AssetKey(["marts", "a"]), dg.AssetKey(["marts", "b"])
    assert build_memo.last_build(tmp_path, "k", [a]) is None
    build_memo.record_build(tmp_path, "k", {"geslaagd": 3, "gefaald": 0}, [["marts", "a"]], [])
    assert build_memo.last_build(tmp_path, "k", [a])["tests"] == {"geslaagd": 3, "gefaald": 0}
    assert build_memo.last_build(tmp_path, "andere", [a]) is None
    assert build_memo.last_build(tmp_path, "k", [a, b]) is None, "b was never built"
    build_memo.forget_build(tmp_path)
    assert build_memo.last_build(tmp_path, "k", [a]) is None
