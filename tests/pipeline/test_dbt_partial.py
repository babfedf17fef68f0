"""Which models a change of raw tables rebuilds, on a hand-written manifest (no dbt needed)."""

from __future__ import annotations

from pipelines.dbt_partial import plan


def _node(uid: str, path: str) -> dict:
    return {"name": uid.rsplit(".", 1)[1], "original_file_path": path}


MANIFEST = {
    # raw.a -> stg_a -> fct_ab <- stg_b <- raw.b ; seed codes -> stg_b ; raw.c -> stg_c (a test on stg_c and
    # stg_a); tests hang off models and sources
    "sources": {
        "source.p.raw.a": {"source_name": "raw", "name": "a"},
        "source.p.raw.b": {"source_name": "raw", "name": "b"},
        "source.p.raw.c": {"source_name": "raw", "name": "c"},
    },
    "nodes": {
        "model.p.stg_a": _node("model.p.stg_a", "models/staging/stg_a.sql"),
        "model.p.stg_b": _node("model.p.stg_b", "models/staging/stg_b.sql"),
        "model.p.stg_c": _node("model.p.stg_c", "models/staging/stg_c.sql"),
        "model.p.fct_ab": _node("model.p.fct_ab", "models/marts/fct_ab.sql"),
        "seed.p.codes": _node("seed.p.codes", "seeds/codes.csv"),
        "test.p.not_null_fct_ab": _node("test.p.not_null_fct_ab", "models/marts/_marts.yml"),
        "test.p.rel_c_a": _node("test.p.rel_c_a", "models/staging/_staging.yml"),
    },
    "child_map": {
        "source.p.raw.a": ["model.p.stg_a"],
        "source.p.raw.b": ["model.p.stg_b"],
        "source.p.raw.c": ["model.p.stg_c"],
        "seed.p.codes": ["model.p.stg_b"],
        "model.p.stg_a": ["model.p.fct_ab", "test.p.rel_c_a"],
        "model.p.stg_b": ["model.p.fct_ab"],
        "model.p.stg_c": ["test.p.rel_c_a"],
        "model.p.fct_ab": ["test.p.not_null_fct_ab"],
    },
}


def test_a_changed_table_rebuilds_its_descendants_only():
    result = plan(MANIFEST, {"a"})
    assert result.rebuild == {"model.p.stg_a", "model.p.fct_ab"}
    assert result.unchanged == ["model.p.stg_b", "model.p.stg_c", "seed.p.codes"]
    assert result.exclude_args(MANIFEST) == [
        "--exclude",
        "path:models/staging/stg_b.sql path:models/staging/stg_c.sql path:seeds/codes.csv",
        "--indirect-selection",
        "cautious",
    ]


def test_two_changed_tables_and_an_unread_one():
    assert plan(MANIFEST, {"b", "c"}).rebuild == {"model.p.stg_b", "model.p.stg_c", "model.p.fct_ab"}
    assert plan(MANIFEST, {"not_a_source"}).rebuild == set()
    assert plan(MANIFEST, set()).unchanged == [
        "model.p.stg_a",
        "model.p.stg_b",
        "model.p.stg_c",
        "model.p.fct_ab",
        "seed.p.codes",
    ]
