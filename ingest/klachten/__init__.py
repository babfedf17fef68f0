"""Complaint registers from providers (inputs.md §2)."""

from ingest.klachten.parser import CATEGORIEEN, UITKOMSTEN, parse_klachten

__all__ = ["CATEGORIEEN", "UITKOMSTEN", "parse_klachten"]
