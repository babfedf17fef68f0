"""The manifest: what was generated and which faults were injected, so tests can prove each is caught."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from demo_region.berichten import RETOUR_VAN, Bericht
from demo_region.declaraties import Declaratie


def peildatum(berichten: list[Bericht]) -> date:
    """The latest header Dagtekening of all generated messages (retour messages copy their original's)."""
    return max((b.extra["kop"].dagtekening if "kop" in b.extra else b.dagtekening) for b in berichten)


def rechtmatigheid(declaraties: list[Declaratie]) -> list[dict]:
    uit = []
    for d in declaraties:
        for p in d.prestaties:
            for code in p.signalen:
                uit.append(
                    {
                        "signaal_code": code,
                        "aanbieder_agb": d.aanbieder,
                        "declaratienummer": d.nummer,
                        "referentienummer": p.ref,
                        "gemeentecode": d.gemeente,
                        "toewijzingnummer": p.toewijzingnummer,
                        "omschrijving": p.omschrijving,
                    }
                )
    uit.sort(
        key=lambda r: (r["signaal_code"], r["aanbieder_agb"], r["declaratienummer"], r["referentienummer"])
    )
    return uit


def build_manifest(
    *,
    seed: int,
    scale: float,
    jaren: tuple[int, int],
    berichten: list[Bericht],
    declaraties: list[Declaratie],
    clienten: int,
    klachten_bestanden: int,
    verantwoording_bestanden: int,
    bestanden: list[dict],
    verantwoording: list[dict],
    peil: date,
) -> dict:
    telling = Counter(f"WMO{b.type_}" for b in berichten)
    volgorde = ["301", "305", "307", "315", "317", "319", "323", "325", *RETOUR_VAN.values()]
    return {
        "seed": seed,
        "scale": scale,
        "years": [jaren[0], jaren[1]],
        "peildatum": peil.isoformat(),
        "counts": {
            "berichten": {f"WMO{t}": telling.get(f"WMO{t}", 0) for t in sorted(set(volgorde))},
            "prestaties": sum(len(d.prestaties) for d in declaraties),
            "clienten": clienten,
            "klachten_bestanden": klachten_bestanden,
            "verantwoording_bestanden": verantwoording_bestanden,
        },
        "rechtmatigheid": rechtmatigheid(declaraties),
        "bestanden": sorted(bestanden, key=lambda f: (f["pad"], f["locatie"] or "")),
        "verantwoording": sorted(verantwoording, key=lambda v: (v["boekjaar"], v["aanbieder_agb"])),
    }


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
