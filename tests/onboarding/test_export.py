"""`wmo-monitor export --parquet DIR`: the BI route of the guide (step 11), read back as a BI tool would."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import polars as pl
import pytest
from click.testing import CliRunner

from tests.onboarding.handleiding_stappen import EigenRegio
from wmo_monitor import cli


def export(warehouse: Path, doelmap: Path):
    return CliRunner().invoke(cli.main, ["export", "--parquet", str(doelmap), "--warehouse", str(warehouse)])


def marts(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        namen = [
            n for (n,) in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts'"
            ).fetchall()
        ]  # fmt: skip
        return {n: con.execute(f"SELECT count(*) FROM marts.{n}").fetchall()[0][0] for n in namen}


@pytest.mark.slow
def test_every_mart_is_exported_with_all_rows(eigen_regio: EigenRegio) -> None:
    bi = eigen_regio.root / "bi"
    verwacht = marts(eigen_regio.warehouse)
    assert len(verwacht) > 20
    assert {p.stem: pl.read_parquet(p).height for p in bi.glob("*.parquet")} == verwacht
    assert not list(bi.glob(".*"))  # no temporary file left behind
    assert f"{len(verwacht)} tabellen geëxporteerd" in eigen_regio.outputs["export"].stdout


@pytest.mark.slow
@pytest.mark.parametrize("tabel", ["dim_gemeente", "fct_prestaties", "kpi_doelrealisatie"])
def test_exported_values_and_types_are_the_warehouse_s(eigen_regio: EigenRegio, tabel: str) -> None:
    with duckdb.connect(str(eigen_regio.warehouse), read_only=True) as con:
        uit_warehouse = con.sql(f"SELECT * FROM marts.{tabel}").pl()
    gelezen = pl.read_parquet(eigen_regio.root / "bi" / f"{tabel}.parquet")
    assert gelezen.schema == uit_warehouse.schema
    assert gelezen.sort(gelezen.columns).equals(uit_warehouse.sort(uit_warehouse.columns))


@pytest.mark.slow
def test_export_only_reads_the_warehouse(eigen_regio: EigenRegio, tmp_path: Path) -> None:
    voor = hashlib.sha256(eigen_regio.warehouse.read_bytes()).hexdigest()
    assert export(eigen_regio.warehouse, tmp_path / "opnieuw").exit_code == 0
    assert hashlib.sha256(eigen_regio.warehouse.read_bytes()).hexdigest() == voor


def test_export_writes_marts_only_and_replaces_files(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("CREATE SCHEMA marts; CREATE SCHEMA audit")
        con.execute(
            "CREATE TABLE marts.kpi_x AS SELECT range AS n, DATE '2024-01-01' + range::INT AS d FROM range(3)"
        )
        con.execute("CREATE TABLE audit.runs AS SELECT 'geheim' AS run_id")
    doelmap = tmp_path / "map met 'aanhalingsteken'"
    doelmap.mkdir()
    (doelmap / "kpi_x.parquet").write_text("oude export", encoding="utf-8")
    result = export(warehouse, doelmap)
    assert result.exit_code == 0, result.output
    assert "1 tabellen geëxporteerd" in result.output and "kpi_x.parquet" in result.output
    assert sorted(p.name for p in doelmap.iterdir()) == ["kpi_x.parquet"]
    frame = pl.read_parquet(doelmap / "kpi_x.parquet")
    assert frame["n"].to_list() == [0, 1, 2] and frame.schema["d"] == pl.Date


def test_export_refuses_without_a_published_warehouse(tmp_path: Path) -> None:
    result = export(tmp_path / "nog-niet.duckdb", tmp_path / "bi")
    assert result.exit_code == 2
    assert "Er is nog geen gepubliceerde warehouse op" in result.output and "wmo-monitor run" in result.output
    assert not (tmp_path / "bi").exists()


def test_export_refuses_a_file_as_target(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("CREATE SCHEMA marts; CREATE TABLE marts.a AS SELECT 1 AS x")
    bestand = tmp_path / "bi.txt"
    bestand.write_text("", encoding="utf-8")
    result = export(warehouse, bestand)
    assert result.exit_code == 2
    assert f"{bestand} bestaat al en is geen map" in result.output
