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


def _key(work, dbt_vars=VARS, day=DAY) -> build_memo.Fingerprint:
    return build_memo.fingerprint(work[0], work[1], dbt_vars, day)


def test_fingerprint_changes_with_every_input(work):
    db, manifest = work
    first = _key(work)
    assert _key(work) == first
    assert _key(work, {**VARS, "min_celgrootte": 5}) != first
    assert _key(work, day=date(2026, 12, 2)) != first, "without messages, today is the peildatum"

    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE restricted.notities AS SELECT 'vrije tekst' AS t")  # not read by dbt
    assert _key(work) == first
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO raw.klachten VALUES ('K2', 3)")
    second = _key(work)
    assert second != first and second.basis == first.basis, "only a raw table changed"
    with duckdb.connect(str(db)) as con:
        con.execute("DROP TABLE marts.fct_klachten")
    assert _key(work).basis != second.basis, "a mart that disappeared must be rebuilt"
    manifest.write_text('{"nodes": {"model.x": {}}}', encoding="utf-8")
    assert _key(work) not in {first, second}


def test_with_messages_a_new_day_changes_nothing(work):
    db, _ = work
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE raw.iwmo_berichten AS SELECT 'B1' AS bericht_id")
    assert _key(work) == _key(work, day=date(2026, 12, 2))


def _record(state_dir, key, assets=(("marts", "a"),)):
    statuses = {"test.x.t1": "pass", "test.x.t2": "pass", "test.x.t3": "pass"}
    build_memo.record_build(
        state_dir, key, {"geslaagd": 3, "gefaald": 0}, [list(a) for a in assets], [], statuses
    )


def test_last_build_needs_the_same_key_and_every_selected_asset(tmp_path, work):
    a, b = dg.AssetKey(["marts", "a"]), dg.AssetKey(["marts", "b"])
    key = _key(work)
    assert build_memo.last_build(tmp_path, key, [a]) is None
    _record(tmp_path, key)
    assert build_memo.last_build(tmp_path, key, [a])["tests"] == {"geslaagd": 3, "gefaald": 0}
    assert build_memo.last_build(tmp_path, _key(work, day=date(2026, 12, 2)), [a]) is None
    assert build_memo.last_build(tmp_path, key, [a, b]) is None, "b was never built"
    build_memo.forget_build(tmp_path)
    assert build_memo.last_build(tmp_path, key, [a]) is None


def test_changed_tables_only_when_nothing_but_raw_rows_changed(tmp_path, work):
    db, _ = work
    a = dg.AssetKey(["marts", "a"])
    key = _key(work)
    assert build_memo.changed_tables(tmp_path, key, [a]) is None, "no build yet"
    _record(tmp_path, key)
    stored, changed = build_memo.changed_tables(tmp_path, key, [a])
    assert changed == set() and stored["uitslagen"]["test.x.t1"] == "pass"
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO raw.klachten VALUES ('K2', 3)")
    assert build_memo.changed_tables(tmp_path, _key(work), [a])[1] == {"klachten"}
    assert build_memo.changed_tables(tmp_path, _key(work, {**VARS, "min_celgrootte": 5}), [a]) is None
    assert build_memo.changed_tables(tmp_path, _key(work), [a, dg.AssetKey(["marts", "b"])]) is None
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE raw.ref_wijken AS SELECT 1 AS x")
    assert build_memo.changed_tables(tmp_path, _key(work), [a]) is None, "a new relation: build everything"


def test_merged_checks_keep_the_remembered_and_take_what_ran():
    remembered = [
        {"asset": ["marts", "a"], "check": "t1", "passed": True, "severity": "ERROR"},
        {"asset": ["marts", "b"], "check": "t2", "passed": True, "severity": "ERROR"},
    ]
    ran = [{"asset": ["marts", "b"], "check": "t2", "passed": False, "severity": "ERROR"}]
    assert build_memo.merged_checks(remembered, ran) == [remembered[0], ran[0]]
