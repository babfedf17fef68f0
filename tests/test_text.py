"""Counted nouns in Dutch messages."""

from runtime.text import aantal


def test_one_is_singular_and_every_other_count_plural():
    assert aantal(1, "waarschuwing", "waarschuwingen") == "1 waarschuwing"
    assert aantal(0, "waarschuwing", "waarschuwingen") == "0 waarschuwingen"
    assert aantal(3, "nieuw bestand", "nieuwe bestanden") == "3 nieuwe bestanden"
