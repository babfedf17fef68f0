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
    key_file.chmod(0o600)
    assert config.from_env({"WMO_PSEUDONIEM_SLEUTEL_FILE": str(key_file)}).require_key() == "geheim"
    with pytest.raises(config.ConfigError, match="WMO_PSEUDONIEM_SLEUTEL"):
        config.from_env({}).require_key()
    with pytest.raises(config.ConfigError, match="bestaat niet"):
        config.from_env({"WMO_PSEUDONIEM_SLEUTEL_FILE": str(tmp_path / "weg.txt")})


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o620])
def test_a_key_file_others_can_read_or_change_is_refused_with_the_chmod_to_run(tmp_path, mode):
    key_file = tmp_path / "sleutel.txt"
    key_file.write_text("geheim\n", encoding="utf-8")
    key_file.chmod(mode)
    with pytest.raises(config.ConfigError, match=f"rechten {mode:o}") as info:
        config.from_env({"WMO_PSEUDONIEM_SLEUTEL_FILE": str(key_file)})
    assert f"chmod 600 {key_file}" in str(info.value)
    assert "geheim" not in str(info.value)


@pytest.mark.parametrize("name, value", [("WMO_PEILDATUM", "2023-02-30"), ("WMO_MIN_CELGROOTTE", "tien")])
def test_bad_settings_say_what_to_do(name, value):
    with pytest.raises(config.ConfigError, match=name):
        config.from_env({name: value})


def test_limits_come_from_the_environment_and_default_to_the_documented_values():
    """Every cap has a WMO_* variable; the defaults are those of the README's configuration table."""
    defaults = config.from_env({}).limits
    assert defaults == config.Limits(
        zip_max_bytes=2 * 1024**3,
        zip_max_verhouding=200,
        bericht_max_bytes=32 * 1024**2,
        tabel_max_bytes=64 * 1024**2,
        tabel_max_rijen=100_000,
    )
    env = {
        "WMO_ZIP_MAX_BYTES": "1000",
        "WMO_ZIP_MAX_VERHOUDING": "50",
        "WMO_BERICHT_MAX_BYTES": "2000",
        "WMO_TABEL_MAX_BYTES": "3000",
        "WMO_TABEL_MAX_RIJEN": "40",
    }
    assert config.from_env(env).limits == config.Limits(1000, 50, 2000, 3000, 40)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name in env:
        assert f"| `{name}` |" in readme, name


@pytest.mark.parametrize(
    "name", ["WMO_ZIP_MAX_VERHOUDING", "WMO_BERICHT_MAX_BYTES", "WMO_TABEL_MAX_BYTES", "WMO_TABEL_MAX_RIJEN"]
)
@pytest.mark.parametrize("wrong", ["-1", "0", "32MB", "1.5", "٣"])
def test_a_limit_that_is_not_a_positive_whole_number_is_refused(name, wrong):
    with pytest.raises(config.ConfigError, match=f"{name}=.*geen positief geheel getal; de standaard is"):
        config.from_env({name: wrong})
