"""The progress line a Great Expectations check prints: verdict, counts, and whether the outcome was reused."""

from __future__ import annotations

from pipelines.checks import _regel


def outcome(geslaagd: bool, verwachtingen: int, blokkerend: int = 0, waarschuwingen: int = 0):
    return {
        "geslaagd": geslaagd,
        "beschrijving": "",
        "metadata": {
            "verwachtingen": verwachtingen,
            "blokkerend_gefaald": blokkerend,
            "waarschuwingen": waarschuwingen,
        },
    }


def test_a_passed_check_with_warnings():
    assert _regel("berichten", outcome(True, 473, waarschuwingen=1), False) == (
        "Controle berichten: geslaagd (473 verwachtingen, 1 waarschuwingen)"
    )


def test_a_failed_check_names_the_blocking_failures():
    assert _regel("klachten", outcome(False, 31, blokkerend=2), False) == (
        "Controle klachten: GEFAALD (31 verwachtingen, 2 blokkerend gefaald)"
    )


def test_a_reused_outcome_says_so():
    assert _regel("referentie", outcome(True, 87), True) == (
        "Controle referentie: geslaagd (87 verwachtingen; uitkomst hergebruikt, ruwe gegevens ongewijzigd)"
    )


def test_a_family_without_data():
    assert _regel("verantwoording", outcome(True, 0), False) == (
        "Controle verantwoording: nog geen gegevens, niets te controleren"
    )
