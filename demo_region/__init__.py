"""Deterministic demo region generator: a complete landing zone (inputs.md) with known injected faults.

Entry point: `generate_region(out, seed=42, scale=0.05, years=(2022, 2024), progress=None) -> manifest`.
Same seed, scale and years give byte-identical files (and identical modification times).
"""

from __future__ import annotations

import calendar
import os
import random
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from demo_region.berichten import collect_berichten
from demo_region.clients import simulate
from demo_region.declaraties import basisregels, build_declaraties, number_declaraties
from demo_region.faults import make_faults
from demo_region.klachten import klachten_bestanden
from demo_region.manifest import build_manifest, manifest_bytes, peildatum
from demo_region.rechtmatigheid import inject_signalen
from demo_region.referentie import referentie_bestanden
from demo_region.region import build_regio
from demo_region.verantwoording import verantwoording_bestanden

__all__ = ["FAMILIES", "generate_region"]

FAMILIES = ("berichten", "klachten", "verantwoording", "referentie")


def _mtime(d: date) -> int:
    return calendar.timegm((d.year, d.month, d.day, 12, 0, 0))


def generate_region(
    out: Path,
    *,
    seed: int = 42,
    scale: float = 0.05,
    years: tuple[int, int] = (2022, 2024),
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Write the landing zone to `out` (its four family folders and manifest.json are replaced) and return
    the manifest, which is also written to `out/manifest.json`."""
    meld = progress or (lambda _m: None)
    out = Path(out)
    if years[1] < years[0]:
        raise ValueError("years: het eerste jaar moet voor of gelijk aan het laatste jaar zijn")
    if scale <= 0:
        raise ValueError("scale moet groter dan 0 zijn")
    meld(f"Regio opbouwen (seed {seed}, schaal {scale}, jaren {years[0]}-{years[1]})")
    regio = build_regio(seed, years)
    meld("Cliënttrajecten simuleren")
    sim = simulate(regio, seed, scale)
    meld("Declaraties en rechtmatigheidsfouten")
    rng = random.Random(f"{seed}:declaraties")
    basis = basisregels(regio, sim, rng)
    n_signaal = max(2, round(20 * scale * (years[1] - years[0] + 1)))
    regels = inject_signalen(regio, sim, basis, random.Random(f"{seed}:rechtmatigheid"), n_signaal)
    declaraties = build_declaraties(sim, regels, rng)
    number_declaraties(declaraties)
    meld("iWmo-berichten opbouwen")
    berichten = collect_berichten(sim, declaraties, seed)
    peil = peildatum(berichten)
    meld("Foute bestanden en zip-archieven")
    fout_bestanden, fout_manifest, verplaatst = make_faults(berichten, seed)
    meld("Klachtenregisters")
    klachten, klacht_fouten = klachten_bestanden(regio, sim, seed)
    meld("Verantwoordingswerkboeken")
    verantw, verwacht, verantw_fouten = verantwoording_bestanden(regio, sim, declaraties, seed, peil)

    bestanden: dict[str, tuple[bytes, date]] = {}
    for b in berichten:
        if b.pad not in verplaatst:
            bestanden[b.pad] = (b.data, b.dagtekening)
    bestanden.update(fout_bestanden)
    bestanden.update(klachten)
    bestanden.update(verantw)
    for pad, data in referentie_bestanden(regio).items():
        bestanden[pad] = (data, date(years[0], 1, 1))

    meld(f"{len(bestanden)} bestanden schrijven naar {out}")
    out.mkdir(parents=True, exist_ok=True)
    for fam in FAMILIES:
        if (out / fam).exists():
            shutil.rmtree(out / fam)
    for pad in sorted(bestanden):
        data, d = bestanden[pad]
        doel = out / pad
        doel.parent.mkdir(parents=True, exist_ok=True)
        doel.write_bytes(data)
        os.utime(doel, (_mtime(d), _mtime(d)))
    clienten = {t.client.bsn for t in sim.toewijzingen if t.versies[0].datum <= sim.horizon}
    clienten |= {a.client.bsn for a in sim.aanvragen if a.dagtekening <= sim.horizon}
    manifest = build_manifest(
        seed=seed,
        scale=scale,
        jaren=years,
        berichten=berichten,
        declaraties=declaraties,
        clienten=len(clienten),
        klachten_bestanden=len(klachten),
        verantwoording_bestanden=len(verantw),
        bestanden=fout_manifest + klacht_fouten + verantw_fouten,
        verantwoording=verwacht,
        peil=peil,
    )
    (out / "manifest.json").write_bytes(manifest_bytes(manifest))
    os.utime(out / "manifest.json", (_mtime(peil), _mtime(peil)))
    meld("Klaar")
    return manifest
