"""Fixtures for the iWmo parser tests.

`tests/conftest.py` puts `tests/` on sys.path (pytest's prepend import mode), where the folder `tests/ingest/`
would shadow the real `ingest` package as a namespace package. Put the repository root first so `import ingest`
is always the code under test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_REPO_ROOT = str(Path(__file__).resolve().parents[3])
if sys.path[:1] != [_REPO_ROOT]:
    sys.path.insert(0, _REPO_ROOT)
for _name in [m for m in sys.modules if m == "ingest" or m.startswith("ingest.")]:
    if getattr(sys.modules[_name], "__file__", None) is None:  # a namespace package from tests/ingest
        del sys.modules[_name]

from iwmo_testdata import TESTSLEUTEL  # noqa: E402

from ingest.iwmo import parse_message  # noqa: E402
from ingest.pseudonymise import Pseudonymiser  # noqa: E402


@pytest.fixture
def pseudonymiser() -> Pseudonymiser:
    return Pseudonymiser(TESTSLEUTEL)


@pytest.fixture
def parse(pseudonymiser):
    """parse_message with a test key and a fixed file hash."""

    def _parse(data: bytes, locatie: str = "berichten/test.xml", **kwargs):
        return parse_message(
            data, locatie=locatie, bestand_sha256="f" * 64, pseudonymiser=pseudonymiser, **kwargs
        )

    return _parse
