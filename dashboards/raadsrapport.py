"""The accountability report per municipality for the council (raad): one table of the providers active in that
municipality with their K9 status and reconciliation, as XLSX and as PDF.

The rows are providers, not persons, so nothing is suppressed (as on the Verantwoording page); the amounts are the
municipality's own reconciliation. The PDF uses the PDF core font Helvetica in Windows-1252, which covers Dutch
(ë, ï, é) and the euro sign without shipping a font file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from fpdf import FPDF

from dashboards import downloads, formatting

KOLOMMEN: list[tuple[str, str, str]] = [
    # (column of the rows, heading, kind as in downloads.xlsx_bytes)
    ("aanbieder", "Aanbieder", "tekst"),
    ("status", "Status", "tekst"),
    ("productie", "Productieverantwoording", "tekst"),
    ("verklaring", "Verklaring", "tekst"),
    ("verantwoord_bedrag_cent", "Verantwoord", "euro_cent"),
    ("goedgekeurd_bedrag_cent", "Goedgekeurd", "euro_cent"),
    ("verschil_cent", "Verschil", "euro_cent"),
    ("afwijking", "Afwijking", "tekst"),
]
PDF_BREEDTES = [62, 30, 40, 38, 28, 28, 26, 18]  # mm on A4 landscape (277 mm between the margins)


@dataclass(frozen=True)
class Raadsrapport:
    gemeente: str
    boekjaar: int
    peildatum: date
    regels: pd.DataFrame  # one row per provider, the columns of KOLOMMEN

    @property
    def titel(self) -> str:
        return f"Verantwoording Wmo-aanbieders {self.gemeente}, boekjaar {self.boekjaar}"

    @property
    def ondertitel(self) -> str:
        return (
            f"Stand op peildatum {formatting.datum(self.peildatum)}. Productieverantwoording vóór 1 maart en "
            f"accountants- of bestuursverklaring vóór 1 april {self.boekjaar + 1}; aansluiting van de verantwoorde "
            "productie op de goedgekeurde declaraties van deze gemeente."
        )


def _productie(rij: pd.Series) -> str:
    if pd.isna(rij["ontvangen"]) or not rij["ontvangen"]:
        return "niet ontvangen"
    return "op tijd" if rij["productie_tijdig"] else "te laat"


def _verklaring(rij: pd.Series, verklaringen: dict[str, str]) -> str:
    vereist = rij["verklaring_vereist"]
    if pd.isna(vereist):  # which one is required follows from the turnover in the production accountability
        return "nog niet bekend"
    soort = verklaringen.get(vereist, vereist)
    if pd.isna(rij["verklaring_ok"]):
        return f"{soort}: nog niet te beoordelen"
    return f"{soort}: {'in orde' if rij['verklaring_ok'] else 'ontbreekt'}"


def build_raadsrapport(
    status: pd.DataFrame,
    aansluiting: pd.DataFrame,
    *,
    gemeente: str,
    boekjaar: int,
    peildatum: date,
    status_labels: dict[str, str],
    verklaringen: dict[str, str],
) -> Raadsrapport:
    """`status`: rows of marts.verantwoording_status with an `aanbieder` name; `aansluiting`: the municipality's rows
    of marts.verantwoording_reconciliatie. The providers of the report are those with a reconciliation row."""
    samen = aansluiting.merge(status, on=["boekjaar", "aanbieder_agb"], how="left", suffixes=("", "_status"))
    regels = pd.DataFrame(
        {
            "aanbieder": samen["aanbieder"],
            "status": samen["status"].map(lambda s: status_labels.get(s, s)),
            "productie": samen.apply(_productie, axis=1) if not samen.empty else [],
            "verklaring": samen.apply(_verklaring, axis=1, args=(verklaringen,)) if not samen.empty else [],
            "verantwoord_bedrag_cent": samen["verantwoord_bedrag_cent"],
            "goedgekeurd_bedrag_cent": samen["goedgekeurd_bedrag_cent"],
            "verschil_cent": samen["verschil_cent"],
            "afwijking": samen["afwijking"].map(formatting.ja_nee),
        }
    )
    return Raadsrapport(gemeente, boekjaar, peildatum, regels.sort_values("aanbieder", ignore_index=True))


def _tabel_voor_export(rapport: Raadsrapport) -> tuple[pd.DataFrame, dict[str, str]]:
    frame = pd.DataFrame({kop: rapport.regels[kolom] for kolom, kop, _ in KOLOMMEN})
    for kolom, kop, soort in KOLOMMEN:
        if soort == "euro_cent":
            frame[kop] = pd.to_numeric(rapport.regels[kolom], errors="coerce") / 100
    return frame, {kop: soort for _, kop, soort in KOLOMMEN}


def xlsx(rapport: Raadsrapport) -> bytes:
    frame, soorten = _tabel_voor_export(rapport)
    return downloads.xlsx_bytes(frame, soorten, f"Verantwoording {rapport.boekjaar}")


def _cel(rapport: Raadsrapport, rij: pd.Series, kolom: str, soort: str) -> str:
    waarde = rij[kolom]
    return formatting.euro(waarde, cent=True) if soort == "euro_cent" else str(waarde)


def pdf(rapport: Raadsrapport) -> bytes:
    doc = FPDF(orientation="L", format="A4")
    doc.core_fonts_encoding = "windows-1252"
    doc.set_title(rapport.titel)
    doc.set_author("wmo-monitor")
    doc.set_auto_page_break(auto=True, margin=12)
    doc.add_page()
    doc.set_font("helvetica", "B", 15)
    doc.multi_cell(0, 8, rapport.titel, new_x="LMARGIN", new_y="NEXT")
    doc.set_font("helvetica", size=9)
    doc.multi_cell(0, 5, rapport.ondertitel, new_x="LMARGIN", new_y="NEXT")
    doc.ln(3)
    if rapport.regels.empty:
        doc.set_font("helvetica", size=10)
        doc.cell(0, 6, "Geen aanbieders met goedgekeurde declaraties of verantwoording voor deze gemeente.")
        return bytes(doc.output())
    doc.set_font("helvetica", size=8)
    with doc.table(col_widths=PDF_BREEDTES, text_align="LEFT", line_height=5, repeat_headings=1) as table:
        kop = table.row()
        for _, titel, _soort in KOLOMMEN:
            kop.cell(titel)
        for _, rij in rapport.regels.iterrows():
            r = table.row()
            for kolom, _titel, soort in KOLOMMEN:
                r.cell(_cel(rapport, rij, kolom, soort), align="RIGHT" if soort == "euro_cent" else "LEFT")
    doc.ln(3)
    doc.set_font("helvetica", size=8)
    doc.multi_cell(
        0,
        4,
        "Status: akkoord = tijdig verantwoord, vereiste verklaring in orde en geen afwijking; afwijking = het "
        "verschil tussen verantwoord en goedgekeurd is groter dan de tolerantie. Bron: wmo-monitor.",
    )
    return bytes(doc.output())
