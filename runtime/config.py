"""Settings from flags, then environment variables, then defaults (operations.md, Configuration).

One frozen object is passed around so that every component reads the same values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from runtime import private_files

DEMO_SLEUTEL = "DEMO-SLEUTEL-NIET-VOOR-PRODUCTIE"
"""Fixed pseudonym key for `demo` and `generate` only; `run` and `serve` refuse to use it implicitly."""

DEFAULT_WAREHOUSE = Path("data/warehouse.duckdb")
DEFAULT_LANDING = Path("data/landing")
DEFAULT_ZIP_MAX_BYTES = 2 * 1024**3
"""inputs.md: a zip that would expand beyond this many bytes is quarantined as a whole (ZIP_TE_GROOT)."""
DEFAULT_DASHBOARD_ADRES = "127.0.0.1"
"""The dashboard listens only on this machine unless an address is given (docs/security.md, Dashboard)."""
DEFAULT_ZIP_MAX_VERHOUDING = 200
"""A zip member that expands to more than this many times its compressed size is a zip bomb (ZIP_COMPRESSIE_TE_HOOG):
iWmo XML compresses 3 to 20 times (a region's archives, 2026-12-07), deflated zeros about 1,000 times."""
DEFAULT_BERICHT_MAX_BYTES = 32 * 1024**2
"""One iWmo message, a plain .xml file or a zip member (BERICHT_TE_GROOT). A generated region-year's largest message
is about 350 KB, a monthly 323 of 20,000 prestaties 16 MB; parsing costs about 7 times the message's size."""
DEFAULT_TABEL_MAX_BYTES = 64 * 1024**2
"""One complaint register, workbook or reference file; for an .xlsx its uncompressed content (BESTAND_TE_GROOT)."""
DEFAULT_TABEL_MAX_RIJEN = 100_000
"""Data rows of one CSV file or sheet (TE_VEEL_RIJEN): a provider's yearly Resultaten sheet has a few thousand."""


@dataclass(frozen=True)
class Limits:
    """Caps on what one landing file may cost, so that memory stays bounded whatever a sender delivers: each is
    checked before the file or member is read whole (its size on disk or in the zip headers), then counted while
    reading, because a declared size can lie. docs/iwmo-parser.md and docs/tabular-inputs.md, Limits."""

    zip_max_bytes: int = DEFAULT_ZIP_MAX_BYTES
    zip_max_verhouding: int = DEFAULT_ZIP_MAX_VERHOUDING
    bericht_max_bytes: int = DEFAULT_BERICHT_MAX_BYTES
    tabel_max_bytes: int = DEFAULT_TABEL_MAX_BYTES
    tabel_max_rijen: int = DEFAULT_TABEL_MAX_RIJEN


DEFAULT_LIMITS = Limits()

_LIMIT_VARIABLES = {
    "zip_max_bytes": ("WMO_ZIP_MAX_BYTES", "2147483648 (2 GiB)"),
    "zip_max_verhouding": ("WMO_ZIP_MAX_VERHOUDING", "200"),
    "bericht_max_bytes": ("WMO_BERICHT_MAX_BYTES", "33554432 (32 MiB)"),
    "tabel_max_bytes": ("WMO_TABEL_MAX_BYTES", "67108864 (64 MiB)"),
    "tabel_max_rijen": ("WMO_TABEL_MAX_RIJEN", "100000"),
}
"""Setting -> (environment variable, its default as the error message shows it)."""


class ConfigError(RuntimeError):
    """A setting is missing or wrong; the message says what to do."""


@dataclass(frozen=True)
class Settings:
    landing_dir: Path = DEFAULT_LANDING
    warehouse: Path = DEFAULT_WAREHOUSE
    peildatum: date | None = None
    pseudoniem_sleutel: str | None = field(default=None, repr=False)
    iwmo_xsd_dir: Path | None = None
    min_celgrootte: int = 10
    users_file: Path | None = None
    zip_max_bytes: int = DEFAULT_ZIP_MAX_BYTES
    dashboard_adres: str = DEFAULT_DASHBOARD_ADRES
    dashboard_proxies: tuple[str, ...] = ()
    zip_max_verhouding: int = DEFAULT_ZIP_MAX_VERHOUDING
    bericht_max_bytes: int = DEFAULT_BERICHT_MAX_BYTES
    tabel_max_bytes: int = DEFAULT_TABEL_MAX_BYTES
    tabel_max_rijen: int = DEFAULT_TABEL_MAX_RIJEN
    bestanden_groep: str | None = None
    """Group (name or number) that may read the warehouse, work database, logs and audit log (0640, folders
    2750); None keeps them to the service account alone (0600/0700). See runtime/private_files.py."""

    @property
    def limits(self) -> Limits:
        """The size caps, as the loader takes them."""
        return Limits(**{name: getattr(self, name) for name in _LIMIT_VARIABLES})

    @property
    def work_db(self) -> Path:
        """The pipeline's private single-writer file next to the published warehouse."""
        return self.warehouse.with_name(f"{self.warehouse.stem}.work.duckdb")

    @property
    def state_dir(self) -> Path:
        """Folder for run state that is not data: logs, the dashboard audit log, dbt artefacts."""
        return self.warehouse.parent / f"{self.warehouse.stem}.state"

    @property
    def effective_users_file(self) -> Path:
        return self.users_file or self.warehouse.parent / "gebruikers.json"

    def require_key(self) -> str:
        if not self.pseudoniem_sleutel:
            raise ConfigError(
                "Geen pseudonimiseringssleutel ingesteld. Zet WMO_PSEUDONIEM_SLEUTEL of "
                "WMO_PSEUDONIEM_SLEUTEL_FILE (een bestand met de sleutel), of gebruik `wmo-monitor demo` "
                "voor de demoregio."
            )
        return self.pseudoniem_sleutel

    def with_overrides(self, **overrides: object) -> Settings:
        """Apply command-line flags; a flag given as None leaves the setting alone."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _read_key(env: dict[str, str]) -> str | None:
    if env.get("WMO_PSEUDONIEM_SLEUTEL"):
        return env["WMO_PSEUDONIEM_SLEUTEL"]
    key_file = env.get("WMO_PSEUDONIEM_SLEUTEL_FILE")
    if key_file:
        path = Path(key_file)
        if not path.is_file():
            raise ConfigError(
                f"WMO_PSEUDONIEM_SLEUTEL_FILE wijst naar {path}, maar dat bestand bestaat niet."
            )
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            raise ConfigError(
                f"Het sleutelbestand {path} is te open (rechten {mode:o}): groep of anderen kunnen het lezen of "
                f"wijzigen. Maak het alleen toegankelijk voor dit account met: chmod 600 {path}"
            )
        return path.read_text(encoding="utf-8").strip()
    return None


def _read_group(env: dict[str, str]) -> str | None:
    group = env.get("WMO_BESTANDEN_GROEP", "").strip()
    if not group:
        return None
    try:
        private_files.group_modes(group)
    except ValueError as exc:
        raise ConfigError(f"WMO_BESTANDEN_GROEP={group!r}: {exc}") from None
    return group


def parse_date(value: str, setting: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(
            f"{setting}={value!r} is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2024-12-31."
        ) from exc


def from_env(env: dict[str, str] | None = None) -> Settings:
    """Read the WMO_* environment variables; unset ones keep their defaults."""
    env = dict(os.environ if env is None else env)
    peildatum = env.get("WMO_PEILDATUM")
    min_cel = env.get("WMO_MIN_CELGROOTTE")
    if min_cel is not None and not min_cel.isdigit():
        raise ConfigError(f"WMO_MIN_CELGROOTTE={min_cel!r} is geen geheel getal.")
    xsd_dir = env.get("WMO_IWMO_XSD_DIR")
    users = env.get("WMO_USERS_FILE")
    return Settings(
        landing_dir=Path(env.get("WMO_LANDING_DIR", str(DEFAULT_LANDING))),
        warehouse=Path(env.get("WMO_WAREHOUSE", str(DEFAULT_WAREHOUSE))),
        peildatum=parse_date(peildatum, "WMO_PEILDATUM") if peildatum else None,
        pseudoniem_sleutel=_read_key(env),
        iwmo_xsd_dir=Path(xsd_dir) if xsd_dir else None,
        min_celgrootte=int(min_cel) if min_cel else 10,
        users_file=Path(users) if users else None,
        dashboard_adres=env.get("WMO_DASHBOARD_ADRES") or DEFAULT_DASHBOARD_ADRES,
        dashboard_proxies=tuple(
            p.strip() for p in env.get("WMO_DASHBOARD_PROXY", "").split(",") if p.strip()
        ),
        **{
            name: _positive(env, variable, getattr(Limits, name), standaard)
            for name, (variable, standaard) in _LIMIT_VARIABLES.items()
        },
        bestanden_groep=_read_group(env),
    )


def _positive(env: dict[str, str], variable: str, default: int, standaard: str) -> int:
    """A limit from the environment: a positive whole number (of bytes, rows or times), else ConfigError."""
    value = env.get(variable)
    if not value:
        return default
    if not (value.isascii() and value.strip().isdigit()) or int(value) <= 0:
        raise ConfigError(f"{variable}={value!r} is geen positief geheel getal; de standaard is {standaard}.")
    return int(value)
