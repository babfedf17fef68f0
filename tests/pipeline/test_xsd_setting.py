"""WMO_IWMO_XSD_DIR through the real Dagster ingest asset: set, a message our own rules accept but the official XSD
refuses lands in quarantine with XSD_ONGELDIG and a line number; unset, the same message loads."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import TEST_KEY
from tests.ingest.iwmo.iwmo_testdata import fixture_path, with_unknown_element, xsd_dir


@pytest.mark.parametrize("with_xsd", [True, False])
def test_the_xsd_folder_setting_reaches_the_berichten_asset(tmp_path, monkeypatch, with_xsd):
    import dagster as dg

    from pipelines.assets.ingest import ingest_assets
    from pipelines.resources import WmoSettings
    from runtime import config

    xsd = xsd_dir()
    berichten = tmp_path / "landing" / "berichten"
    berichten.mkdir(parents=True)
    good = fixture_path("WMO323_basis.xml")
    shutil.copy(good, berichten / "goed.xml")
    text = good.read_text(encoding="utf-8").replace("DECL2024-07", "DECL2024-09")
    extra, line = with_unknown_element(text)
    (berichten / "extra-element.xml").write_text(extra, encoding="utf-8")
    monkeypatch.setenv("WMO_PSEUDONIEM_SLEUTEL", TEST_KEY)
    if with_xsd:
        monkeypatch.setenv("WMO_IWMO_XSD_DIR", str(xsd))
    else:
        monkeypatch.delenv("WMO_IWMO_XSD_DIR", raising=False)
    wmo = WmoSettings(landing_dir=str(tmp_path / "landing"), warehouse=str(tmp_path / "wh.duckdb"))
    berichten_asset = next(a for a in ingest_assets if a.node_def.name == "inlezen_berichten")
    result = dg.materialize(
        [berichten_asset], resources={"wmo": wmo}, instance=dg.DagsterInstance.ephemeral()
    )
    assert result.success

    work_db = config.from_env().with_overrides(warehouse=tmp_path / "wh.duckdb").work_db
    with duckdb.connect(str(work_db), read_only=True) as con:
        statuses = dict(con.execute("SELECT pad, status FROM audit.bestanden").fetchall())
        quarantine = con.execute("SELECT pad, reden_code, melding FROM audit.quarantaine").fetchall()
    assert statuses["berichten/goed.xml"] == "geladen"
    if with_xsd:
        assert statuses["berichten/extra-element.xml"] == "quarantaine"
        [(pad, reden, melding)] = quarantine
        assert (pad, reden) == ("berichten/extra-element.xml", "XSD_ONGELDIG")
        assert f"regel {line}:" in melding and "WMO323.xsd" in melding
    else:
        assert statuses["berichten/extra-element.xml"] == "geladen"
        assert quarantine == []
