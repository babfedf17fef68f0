"""The accountability deadlines counted down from the peildatum, in the words an officer uses in March."""

from __future__ import annotations

from datetime import date

from dashboards import formatting


def termijnen(boekjaar: int) -> dict[str, date]:
    """kpis.md K9: production accountability before 1 March, the statement before 1 April of the next year."""
    return {
        "productieverantwoording": date(boekjaar + 1, 3, 1),
        "verklaring": date(boekjaar + 1, 4, 1),
    }


def dagen(n: int) -> str:
    return f"{formatting.aantal(n)} {'dag' if n == 1 else 'dagen'}"


def aftelling(termijn: date, peildatum: date) -> str:
    """`nog 23 dagen`, `vandaag`, or `verstreken, 12 dagen geleden` (the deadline counts on its own day)."""
    verschil = (termijn - peildatum).days
    if verschil > 0:
        return f"nog {dagen(verschil)}"
    if verschil == 0:
        return "vandaag"
    return f"verstreken, {dagen(-verschil)} geleden"
