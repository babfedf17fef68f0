from datetime import date
from pathlib import Path

import pytest

from runtime import config


def test_environment_overrides_defaults_and_flags_override_environment(tmp_path):
    env = {"WMO_LANDING_DIR": "/x/landing", "WMO_WAREHOUSE": "/x/wh.duckdb", "WMO_PEILDATUM": "2024-06-30"}
    settings = config.from_env(env)
    assert settings.landing_dir == Path("/x/landing")
    assert settings.peildatum == date(2024, 6, 30)
    assert settings.min_celgrootte == 10
    flagged = settings.with_overrides(warehouse=tmp_path / "a.duckdb", peildatum=None)
    assert flagged.warehouse == tmp_path / "a.duckdb"
    assert flagged.peildatum == date(2024, 6, 30)
    assert flagged.work_db == tmp_path / "a.work.duckdb"


def test_key_from_file_and_refusal_without_key(tmp_path):
    key_file = tmp_path / "sleutel.txt"
    key_file.write_text("geheim\n", encoding="utf-8")
    assert config.from_env({"WMO_PSEUDONIEM_SLEUTEL_FILE": str(key_file)}).require_key() == "geheim"
    with pytest.raises(config.ConfigError, match="WMO_PSEUDONIEM_SLEUTEL"):
        config.from_env({}).require_key()
    with pytest.raises(config.ConfigError, match="bestaat niet"):
        config.from_env({"WMO_PSEUDONIEM_SLEUTEL_FILE": str(tmp_path / "weg.txt")})


@pytest.mark.parametrize("name, value", [("WMO_PEILDATUM", "2023-02-30"), ("WMO_MIN_CELGROOTTE", "tien")])
def test_bad_settings_say_what_to_do(name, value):
    with pytest.raises(config.ConfigError, match=name):
        config.from_env({name: value})
