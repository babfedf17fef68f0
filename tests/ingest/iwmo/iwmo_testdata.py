"""Paths and helpers for the iWmo parser tests (a uniquely named module: every test folder has a conftest.py).

Official reference files are read from ../shared/reference/ and tests that need them skip with a reason when
that folder is absent; they are never copied into the repository.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
REFERENCE = REPO.parent / "shared" / "reference"
IWMO32 = REFERENCE / "iwmo-3.2"
SAMPLES = IWMO32 / "samples"
XSD_DIR = IWMO32 / "xsd"
IWMO20_SAMPLES = REFERENCE / "iwmo-2.0-samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TESTSLEUTEL = "test-sleutel-iwmo"


def expected_pseudonym(bsn: str, key: str = TESTSLEUTEL) -> str:
    """operations.md: first 16 hex of HMAC-SHA256(key utf-8, BSN ascii), computed independently of the code."""
    return hmac.new(key.encode("utf-8"), bsn.encode("ascii"), hashlib.sha256).hexdigest()[:16]


def sample_path(name: str) -> Path:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"officieel iWmo 3.2-voorbeeld {path} ontbreekt (../shared/reference is niet aanwezig)")
    return path


def fixture_path(name: str) -> Path:
    return FIXTURES / name


def xsd_dir() -> Path:
    """The official iWmo 3.2 XSD folder, or a skip when ../shared/reference is absent."""
    if not (XSD_DIR / "basisschema.xsd").is_file():
        pytest.skip(f"officiële iWmo 3.2-XSD's ontbreken in {XSD_DIR}")
    return XSD_DIR


def with_unknown_element(text: str) -> tuple[str, int]:
    """The WMO323 fixture text with an element our own rules never read but the XSD refuses (an unknown extra
    element after GeleverdVolume), and the line it is on."""
    bad = text.replace(
        "<d:GeleverdVolume>6</d:GeleverdVolume>",
        "<d:GeleverdVolume>6</d:GeleverdVolume><d:Extra>1</d:Extra>",
        1,
    )
    assert bad != text
    lines = bad.splitlines()
    return bad, lines.index(next(line for line in lines if "<d:Extra>" in line)) + 1
