"""The accountability reminder list (`<warehouse>.state/herinneringen/herinneringen-<peildatum>.csv`) is written
with the same formula neutraliser as the dashboard's downloads: provider names and reasons come from delivered
files."""

from __future__ import annotations

import csv

from pipelines.assets.publish import write_reminders


def test_the_reminder_csv_neutralises_formulas(tmp_path) -> None:
    doel = tmp_path / "herinneringen-2025-03-02.csv"
    write_reminders(
        doel, ["aanbieder_naam", "reden"], [('=HYPERLINK("http://x","y")', "@SUM(1)"), ("Zorg", "-")]
    )
    regels = list(csv.reader(doel.open(encoding="utf-8"), delimiter=";"))
    assert regels == [
        ["aanbieder_naam", "reden"],
        ['\'=HYPERLINK("http://x","y")', "'@SUM(1)"],
        ["Zorg", "'-"],
    ]
