"""Dutch counted nouns for messages people read: '1 waarschuwing', '3 waarschuwingen', never 'waarschuwing(en)'."""

from __future__ import annotations


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """`n` with the singular for exactly one and the plural otherwise (also for 0: '0 fouten', as in Dutch)."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"
