"""Text cells that a spreadsheet cannot run (OWASP, CSV injection).

Every CSV and XLSX the product writes (dashboard downloads, the reminder list) passes its text cells, headers
included, through `veilige_cel`: text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
apostrophe, so Excel and LibreOffice show it as text instead of evaluating it. Names, complaint ids, workbook fields
and user names typed into the login form are untrusted: any of them may hold `=HYPERLINK(...)` or `=cmd|...`.
Numbers and dates are not touched; they are written as numbers and dates, never as text that starts with `-`.
"""

from __future__ import annotations

FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde: object) -> object:
    """`waarde` itself, or for text that a spreadsheet would read as a formula, the text behind an apostrophe."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_BEGIN):
        return "'" + waarde
    return waarde
