"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = REPO_ROOT.parent / "shared" / "reference"
TEST_KEY = "test-sleutel-voor-pytest"


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """The official iWmo material outside the repository; tests that need it skip where it is absent."""
    if not (REFERENCE_DIR / "iwmo-3.2").is_dir():
        pytest.skip(
            f"Officiële iWmo-referentie niet gevonden in {REFERENCE_DIR} (alleen naast de repository aanwezig)"
        )
    return REFERENCE_DIR


from tests.onboarding.handleiding_stappen import eigen_regio  # noqa: E402  (fixture: onboarding and e2e tests)

__all__ = ["TEST_KEY", "eigen_regio", "reference_dir"]
