import hashlib
import hmac

import pytest

from ingest.pseudonymise import Pseudonymiser, is_valid_bsn


@pytest.mark.parametrize("bsn", ["999900006", "999900018", "111222333"])
def test_valid_bsns_pass_the_elfproef(bsn):
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize("bsn", ["999900007", "12345678", "1234567890", "000000000", "99990000A", ""])
def test_invalid_bsns_fail(bsn):
    assert not is_valid_bsn(bsn)


def test_pseudonym_is_first_16_hex_of_hmac_sha256():
    # Expected value computed independently of the implementation: HMAC-SHA256(key, bsn)[:16].
    expected = hmac.new(b"sleutel", b"999900006", hashlib.sha256).hexdigest()[:16]
    assert Pseudonymiser("sleutel")("999900006") == expected
    assert len(expected) == 16
    assert Pseudonymiser("andere-sleutel")("999900006") != expected


@pytest.mark.parametrize(
    "sleutel",
    [
        "k",
        "sleutel-met-é-en-ß",
        "x" * 64,
        "y" * 65,
        "z" * 200,
    ],  # short, non-ASCII, one block, longer than one
)
def test_pseudonym_equals_the_standard_hmac_for_every_key_length(sleutel):
    pseudonymiser = Pseudonymiser(sleutel)
    for bsn in ("999900006", "111222333"):
        expected = hmac.new(sleutel.encode("utf-8"), bsn.encode("ascii"), hashlib.sha256).hexdigest()[:16]
        assert pseudonymiser(bsn) == expected
