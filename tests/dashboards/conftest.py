"""Fixtures for the dashboard tests: a synthetic published warehouse, a users file and the environment."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from dashboard_warehouse import UTRECHT, ZEIST, build_warehouse

from dashboards import auth


@dataclass(frozen=True)
class Omgeving:
    warehouse: Path
    users_file: Path
    wachtwoorden: dict[str, str]

    @property
    def audit_log(self) -> Path:
        return self.warehouse.parent / f"{self.warehouse.stem}.state" / auth.AUDIT_BESTAND


@pytest.fixture(scope="session")
def _bestanden(tmp_path_factory: pytest.TempPathFactory) -> Omgeving:
    base = tmp_path_factory.mktemp("dashboard")
    warehouse = build_warehouse(base / "warehouse.duckdb")
    users = base / "gebruikers.json"
    wachtwoorden = auth.write_demo_users(users)
    for naam, gemeenten in (("utrecht", [UTRECHT]), ("zeist", [ZEIST])):
        wachtwoorden[naam] = f"wachtwoord-{naam}"
        auth.create_user(users, naam, wachtwoorden[naam], "contractmanager", gemeenten, iteraties=200_000)
    return Omgeving(warehouse, users, wachtwoorden)


@pytest.fixture(autouse=True)
def _verse_throttle() -> Iterator[None]:
    """AppTest runs the app in this process: start each test without the failed logins of the tests before it."""
    auth.THROTTLE.clear()
    yield
    auth.THROTTLE.clear()


@pytest.fixture
def omgeving(_bestanden: Omgeving, monkeypatch: pytest.MonkeyPatch) -> Omgeving:
    monkeypatch.setenv("WMO_WAREHOUSE", str(_bestanden.warehouse))
    monkeypatch.setenv("WMO_USERS_FILE", str(_bestanden.users_file))
    monkeypatch.setenv("WMO_MIN_CELGROOTTE", "10")
    monkeypatch.delenv("WMO_PEILDATUM", raising=False)
    return _bestanden
