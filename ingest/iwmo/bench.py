"""Speed check for the promise "iWmo ingest within 3x the time lxml alone needs to parse the same bytes".

`measure(paths)` reads every file into memory, then times plain `lxml.etree.fromstring` over all bytes and
`parse_message` (detection, validation, extraction, pseudonymisation, sha256) over the same bytes, in the same
process. Not a test: the project's benchmark command prints the result. Every file is one message, and every
message counts in the rates whether it was accepted or rejected (its bytes count in the MB and the baseline too).

    .venv/bin/python -m ingest.iwmo.bench ../shared/reference/iwmo-3.2/samples/*.xml --copies 5000
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from lxml import etree

from ingest.iwmo.message import parse_message
from ingest.model import Rejection
from ingest.pseudonymise import Pseudonymiser


def measure(paths: Iterable[Path | str], *, copies: int = 1, repeats: int = 3) -> dict:
    """Best-of-`repeats` wall times for lxml only and for parse_message over `copies` x the files' bytes."""
    blobs = [Path(p).read_bytes() for p in paths] * copies
    pseudonymiser = Pseudonymiser("benchmark-sleutel")
    parser = etree.XMLParser()
    lxml_only = parse = float("inf")
    rejected = 0
    for _ in range(repeats):
        start = time.perf_counter()
        for data in blobs:
            with suppress(etree.XMLSyntaxError):
                etree.fromstring(data, parser)
        lxml_only = min(lxml_only, time.perf_counter() - start)
        rejected = 0
        start = time.perf_counter()
        for data in blobs:
            try:
                parse_message(data, locatie="bench.xml", bestand_sha256="0" * 64, pseudonymiser=pseudonymiser)
            except Rejection:
                rejected += 1
        parse = min(parse, time.perf_counter() - start)
    megabytes = sum(len(b) for b in blobs) / 1e6
    return {
        "lxml_only_s": round(lxml_only, 4),
        "parse_s": round(parse, 4),
        "ratio": round(parse / lxml_only, 2) if lxml_only else None,
        "files": len(blobs),
        "mb": round(megabytes, 2),
        "rejected": rejected,
        "files_per_s": round(len(blobs) / parse) if parse else None,
        "messages_per_s": round(len(blobs) / parse) if parse else None,  # accepted + rejected
        "mb_per_s": round(megabytes / parse, 2) if parse else None,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--copies", type=int, default=1000)
    args = parser.parse_args(argv)
    print(measure(args.paths, copies=args.copies))


if __name__ == "__main__":
    main()
