"""`wmo-monitor demo`: an existing demo region is reused, says so when another scale was asked for, and
`--opnieuw` starts over. The pipeline run and the dashboard are left out (they have tests of their own); the
generator is replaced by one that only writes the manifest the command reads."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from wmo_monitor import cli


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    generated: list[float] = []

    def fake_generate(landing, *, scale, progress):
        landing.mkdir(parents=True, exist_ok=True)
        (landing / "manifest.json").write_text(json.dumps({"scale": scale}), encoding="utf-8")
        generated.append(scale)

    monkeypatch.setattr("demo_region.generate_region", fake_generate)
    monkeypatch.setattr(cli, "_run", lambda settings: True)
    monkeypatch.setattr("dashboards.auth.write_demo_users", lambda path: {"beheerder": "geheim"})

    def run(*args: str):
        result = CliRunner().invoke(cli.main, ["demo", "--no-serve", *args])
        assert result.exit_code == 0, result.output
        return result.output

    return run, generated, tmp_path / cli.DEMO_DIR


def test_first_demo_generates_the_region(demo):
    run, generated, _ = demo
    output = run("--scale", "0.05")
    assert generated == [0.05]
    assert "beheerder / geheim" in output


def test_an_existing_region_is_reused_and_another_scale_is_reported(demo):
    run, generated, _ = demo
    run("--scale", "0.05")
    assert "bestaande demoregio" not in run("--scale", "0.05")
    output = run("--scale", "0.3")
    assert generated == [0.05]  # not generated again
    assert "De bestaande demoregio (schaal 0.05) wordt gebruikt, niet schaal 0.3" in output
    assert "wmo-monitor demo --opnieuw --scale 0.3" in output


def test_opnieuw_removes_the_old_demo_and_generates_a_new_region(demo):
    run, generated, folder = demo
    run("--scale", "0.05")
    oud = folder / "warehouse.duckdb"
    oud.write_bytes(b"oude warehouse")
    output = run("--opnieuw", "--scale", "0.3")
    assert generated == [0.05, 0.3]
    assert not oud.exists()
    assert json.loads((folder / "landing" / "manifest.json").read_text())["scale"] == 0.3
    assert "wordt verwijderd" in output
