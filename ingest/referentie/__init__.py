"""Region reference data (inputs.md §4)."""

from ingest.referentie.parser import REFERENTIE_BESTANDEN, parse_referentie

__all__ = ["REFERENTIE_BESTANDEN", "parse_referentie"]
