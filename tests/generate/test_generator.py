"""The demo region generator: determinism, XSD validity, manifest completeness, plausible distributions."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from demo_region import generate_region
from demo_region.ids import elfproef_ok

REPO = Path(__file__).resolve().parents[2]
XSD_DIR = REPO.parent / "shared" / "reference" / "iwmo-3.2" / "xsd"
JAREN = (2022, 2023)


def _hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def regio(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("regio")
    return out, generate_region(out, seed=7, scale=0.01, years=JAREN)


def _berichten(root: Path, fout: set[str]):
    """(location, bytes) of every message file, zip members included, except intentionally bad files."""
    for p in sorted((root / "berichten").rglob("*")):
        rel = str(p.relative_to(root))
        if rel in fout or not p.is_file():
            continue
        if p.suffix == ".xml":
            yield rel, p.read_bytes()
        elif p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                for naam in z.namelist():
                    yield f"{rel}!{naam}", z.read(naam)


def test_deterministisch(tmp_path: Path, regio: tuple[Path, dict]) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate_region(a, seed=3, scale=0.01, years=(2023, 2023))
    generate_region(b, seed=3, scale=0.01, years=(2023, 2023))
    generate_region(c, seed=4, scale=0.01, years=(2023, 2023))
    ha, hb, hc = _hashes(a), _hashes(b), _hashes(c)
    assert ha == hb
    assert ha != hc
    assert {p: (a / p).stat().st_mtime for p in ha} == {p: (b / p).stat().st_mtime for p in hb}


def test_berichten_valideren_tegen_xsd(regio: tuple[Path, dict]) -> None:
    if not XSD_DIR.is_dir():
        pytest.skip(f"Officiële iWmo 3.2-XSD's niet gevonden in {XSD_DIR}")
    root, manifest = regio
    fout = {f["pad"] for f in manifest["bestanden"]}
    schemas = {
        t: etree.XMLSchema(etree.parse(str(XSD_DIR / f"WMO{t}.xsd")))
        for t in ("301", "305", "307", "315", "317", "319", "323")
    }
    geteld: Counter[str] = Counter()
    for loc, data in _berichten(root, fout):
        doc = etree.fromstring(data)
        m = re.search(r"/wmo(\d{3})/schema$", etree.QName(doc).namespace or "")
        assert m, loc
        t = m.group(1)
        geteld[t] += 1
        if t in schemas:
            assert schemas[t].validate(doc), f"{loc}: {schemas[t].error_log.last_error}"
    for t in ("301", "305", "307", "315", "319", "323", "325"):
        assert geteld[t] > 0, t


def test_manifest_noemt_elke_fout(regio: tuple[Path, dict]) -> None:
    root, m = regio
    codes = Counter(f["reden_code"] for f in m["bestanden"])
    for code in [
        "XML_NIET_WELGEVORMD",
        "GEEN_IWMO_BERICHT",
        "BERICHTTYPE_ONBEKEND",
        "RELEASE_NIET_ONDERSTEUND",
        "VERPLICHT_ELEMENT_ONTBREEKT",
        "PATROON_ONGELDIG",
        "CODE_ONBEKEND",
        "BSN_ONGELDIG",
        "DATUM_ONGELDIG",
        "BERICHT_CONFLICT",
        "ZIP_CORRUPT",
        "ZIP_VERSLEUTELD",
        "ZIP_PAD_ONVEILIG",
        "ZIP_TE_GROOT",
        "KOLOM_ONTBREEKT",
        "TABBLAD_ONTBREEKT",
        "WAARDE_ONBEKEND",
        "AFGEHANDELD_VOOR_ONTVANGST",
        "CIJFER_ONGELDIG",
        "SUBRESULTAAT_ONBEKEND",
        "BESTANDSTYPE_ONBEKEND",
    ]:
        assert codes[code] >= 1, code
    assert codes["BEDRAG_ONGELDIG"] >= 2 and codes["BSN_ONGELDIG"] >= 2 and codes["DATUM_ONGELDIG"] >= 2
    assert any(f.get("verwachte_status") == "duplicaat" and f["reden_code"] is None for f in m["bestanden"])
    for f in m["bestanden"]:
        assert (root / f["pad"]).is_file(), f["pad"]
    signalen = Counter(r["signaal_code"] for r in m["rechtmatigheid"])
    for i in range(1, 12):
        assert signalen[f"RM{i:02d}"] >= 2, f"RM{i:02d}"
    statussen = {v["verwachte_status"] for v in m["verantwoording"]}
    assert {"te_laat", "ontbreekt", "verklaring_ontbreekt", "afwijking", "akkoord"} <= statussen
    assert set(m) >= {"seed", "scale", "years", "counts", "rechtmatigheid", "bestanden", "verantwoording"}
    assert m["counts"]["prestaties"] > 0 and m["counts"]["clienten"] > 0


def test_zipbom_en_versleuteld(regio: tuple[Path, dict]) -> None:
    root, m = regio
    per_code = {f["reden_code"]: root / f["pad"] for f in m["bestanden"] if f["reden_code"]}
    with zipfile.ZipFile(per_code["ZIP_TE_GROOT"]) as z:
        assert sum(i.file_size for i in z.infolist()) > 2 * 1024**3
    with zipfile.ZipFile(per_code["ZIP_VERSLEUTELD"]) as z:
        assert all(i.flag_bits & 1 for i in z.infolist())
    with zipfile.ZipFile(per_code["ZIP_PAD_ONVEILIG"]) as z:
        assert any(n.startswith("../") for n in z.namelist())
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(per_code["ZIP_CORRUPT"]).testzip()


def _tekst_waarden(data: bytes, tag: str) -> list[str]:
    """Text of every opening tag with this local name (any prefix)."""
    return re.findall(rf"<(?:[\w.-]+:)?{tag}>([^<]*)<".encode(), data)


def test_bsn_en_bedragen(regio: tuple[Path, dict]) -> None:
    root, m = regio
    fout = {f["pad"] for f in m["bestanden"]}
    bsns: set[bytes] = set()
    for _, data in _berichten(root, fout):
        bsns.update(_tekst_waarden(data, "Bsn"))
        for tag in ("Bedrag", "ProductTarief", "Budget", "TotaalBedrag", "GeleverdVolume"):
            for w in _tekst_waarden(data, tag):
                assert w.isdigit(), (tag, w)
    assert bsns and all(elfproef_ok(b.decode()) for b in bsns)


def test_verdelingen(tmp_path: Path) -> None:
    out = tmp_path / "r"
    m = generate_region(out, seed=11, scale=0.02, years=(2022, 2023))
    redenen: Counter[str] = Counter()
    for p in (out / "berichten").rglob("*.xml"):
        data = p.read_bytes()
        if b"BerichtCode>420<" in data and _tekst_waarden(data, "StatusAanlevering") == [b"1"]:
            redenen.update(r.decode() for r in _tekst_waarden(data, "RedenBeeindiging"))
    definitief = {k: v for k, v in redenen.items() if k != "20"}
    totaal = sum(definitief.values())
    assert totaal > 50
    assert definitief["19"] / totaal > 0.5
    uitval = sum(definitief[c] for c in ("21", "22", "23")) / totaal
    assert 0.05 <= uitval <= 0.30
    cijfers: list[int] = []
    import openpyxl

    for p in (out / "verantwoording").rglob("*.xlsx"):
        if any(f["pad"] == str(p.relative_to(out)) for f in m["bestanden"]):
            continue
        wb = openpyxl.load_workbook(io.BytesIO(p.read_bytes()), read_only=True)
        ws = wb["Tevredenheid"]
        cijfers += [r[4] for r in ws.iter_rows(min_row=2, values_only=True) if isinstance(r[4], int)]
    assert len(cijfers) > 20
    assert sum(6 <= c <= 9 for c in cijfers) / len(cijfers) > 0.6
