"""A rebuild of the same landing zone into a new warehouse gives byte-identical marts (issue 24: money that
differs in its last bits between two builds makes every comparison and reconciliation suspect)."""

from __future__ import annotations

import duckdb
import pytest

from tests.pipeline.fingerprints import marts_as_csv

pytestmark = pytest.mark.slow


def _first_difference(first: bytes, second: bytes) -> str:
    for a, b in zip(first.splitlines(), second.splitlines(), strict=False):
        if a != b:
            return f"{a.decode()!r} ≠ {b.decode()!r}"
    return f"{len(first.splitlines())} ≠ {len(second.splitlines())} regels"


def test_a_second_build_of_the_same_landing_gives_byte_identical_marts(pipeline_run, second_build, tmp_path):
    first = marts_as_csv(pipeline_run.warehouse, tmp_path / "eerste")
    second = marts_as_csv(second_build.warehouse, tmp_path / "tweede")
    assert first.keys() == second.keys()
    assert len(first["kpi_budgetuitputting"].splitlines()) > 100, (
        "te weinig budgetregels om iets te vergelijken"
    )
    verschillen = {t: _first_difference(first[t], second[t]) for t in first if first[t] != second[t]}
    assert not verschillen, f"Tweede bouw wijkt af: {verschillen}"


def test_the_comparison_sees_the_last_bit_of_a_double(tmp_path):
    """0.1 + 0.2 and 0.3 differ only in the last bit: the export must tell them apart."""
    for name, value in (("a", "0.1::DOUBLE + 0.2::DOUBLE"), ("b", "0.3::DOUBLE")):
        with duckdb.connect(str(tmp_path / f"{name}.duckdb")) as con:
            con.execute(f"CREATE SCHEMA marts; CREATE TABLE marts.t AS SELECT {value} AS bedrag_cent")
    first = marts_as_csv(tmp_path / "a.duckdb", tmp_path / "a")
    second = marts_as_csv(tmp_path / "b.duckdb", tmp_path / "b")
    assert first["t"] != second["t"]
    assert _first_difference(first["t"], second["t"]) == "'0.30000000000000004' ≠ '0.3'"
