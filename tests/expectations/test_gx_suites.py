"""The GX suites per raw family and their runner (pandas route, no Dagster).

Importing Great Expectations takes about 10 s, so GX is imported once per module (fixture `runner`) and the
GX-backed tests are few; the suite-contract test needs no GX at all.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from gx_rows import AANBIEDERS, GEMEENTEN, KNOWN, PSEUDO, clean_rows, database, prestatie

from expectations.runner import FAMILIES, KNOWN_SOURCES, SUITES_DIR, load_frames, load_known, validate_family
from ingest.raw_schema import RAW_TABLES


@pytest.fixture(scope="module")
def runner():
    """The runner with GX imported and its context built once for this module."""
    from expectations import runner as module

    module._context()
    return module


def test_suites_follow_the_contract():
    """Every family has a suite in GX JSON form whose expectations name real columns and say whether they block."""
    assert sorted(p.stem for p in SUITES_DIR.glob("*.json")) == sorted(FAMILIES)
    for family, tables in FAMILIES.items():
        suite = json.loads((SUITES_DIR / f"{family}.json").read_text(encoding="utf-8"))
        assert suite["name"] == family and "id" not in suite
        covered = set()
        for exp in suite["expectations"]:
            assert set(exp) == {"type", "kwargs", "meta", "severity"}, exp
            meta, kwargs = exp["meta"], exp["kwargs"]
            assert isinstance(meta["omschrijving"], str) and meta["omschrijving"], exp
            assert isinstance(meta["blocking"], bool), exp
            assert exp["severity"] == ("critical" if meta["blocking"] else "warning"), exp
            applies = meta.get("tabellen", tables)
            assert set(applies) <= set(tables), exp
            covered |= set(applies)
            names = [
                kwargs.get("column"),
                kwargs.get("column_A"),
                kwargs.get("column_B"),
                *kwargs.get("column_list", []),
            ]
            for table in applies:
                for name in filter(None, names):
                    assert name in dict(RAW_TABLES[table]), (family, table, name)
                if exp["type"] == "expect_table_columns_to_match_set":
                    assert kwargs["column_set"] == [c for c, _ in RAW_TABLES[table]], (family, table)
            if "bekende_waarden" in meta:
                assert meta["bekende_waarden"] in KNOWN_SOURCES and kwargs["value_set"] == [], exp
        assert covered == set(tables), family


def test_runner_import_does_not_import_gx():
    code = "import expectations, expectations.runner, expectations.parallel, sys; print('great_expectations' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_clean_and_empty_frames_pass(runner):
    con = database(clean_rows())
    known = load_known(con)
    assert known == KNOWN
    for family in FAMILIES:
        outcome = validate_family(family, load_frames(con, family), known=known)
        assert outcome.success and not outcome.failed and not outcome.skipped, outcome.summary_nl()
        assert outcome.evaluated > 0
    empty = database({})
    for family in FAMILIES:
        outcome = validate_family(family, load_frames(empty, family))
        assert outcome.success and outcome.evaluated == 0
        assert "geen gegevens" in outcome.summary_nl()


def _failures(outcome, table, expectation, column):
    return [
        f
        for f in outcome.failed
        if (f["table"], f["expectation"], f["column"]) == (table, expectation, column)
    ]


def test_bad_values_block_with_named_expectation_and_samples(runner):
    rows = clean_rows()
    header = {
        k: rows["iwmo_323_prestaties"][0][k]
        for k in ("bericht_id", "berichtcode", "identificatie", "dagtekening")
    }
    header |= {"afzender": "65656055", "ontvanger": "0384"}
    rows["iwmo_323_prestaties"] += [
        prestatie(header | {"afzender": "1234"}, "RN002"),
        prestatie(header, "RN003", client_pseudoniem="123456782"),
        prestatie(header, "RN004", eenheid="05"),
        prestatie(header, "RN005", bedrag_cent=-5),
    ]
    rows["verantwoording_tevredenheid"][0]["cijfer"] = 11
    con = database(rows)

    outcome = validate_family("iwmo_prestaties", load_frames(con, "iwmo_prestaties"), known=KNOWN)
    assert not outcome.success
    table = "iwmo_323_prestaties"
    agb = _failures(outcome, table, "expect_column_values_to_match_regex", "afzender")
    assert agb and agb[0]["blocking"] and agb[0]["sample"] == ["1234"] and agb[0]["unexpected_count"] == 1
    bsn = _failures(outcome, table, "expect_column_values_to_match_regex", "client_pseudoniem")
    assert bsn and bsn[0]["blocking"] and bsn[0]["sample"] == ["<9 cijfers: mogelijk BSN, gemaskeerd>"]
    eenheid = _failures(outcome, table, "expect_column_values_to_be_in_set", "eenheid")
    assert eenheid and eenheid[0]["blocking"] and eenheid[0]["sample"] == ["05"]
    bedrag = _failures(outcome, table, "expect_column_values_to_be_between", "bedrag_cent")
    assert bedrag and bedrag[0]["blocking"] and bedrag[0]["sample"] == [-5]
    # the unknown AGB '1234' is also outside the region's providers: a signal, not a block
    assert any(not f["blocking"] and f["column"] == "afzender" for f in outcome.failed)
    summary = outcome.summary_nl()
    for fragment in (
        "blokkerend",
        "afzender",
        "'1234'",
        "client_pseudoniem",
        "mogelijk BSN",
        "eenheid",
        "'05'",
        "bedrag_cent",
        "-5",
        "publicatie wordt tegengehouden",
    ):
        assert fragment.lower() in summary.lower(), (fragment, summary)
    assert "123456782" not in summary and "123456782" not in json.dumps(outcome.failed)

    outcome = validate_family("verantwoording", load_frames(con, "verantwoording"), known=KNOWN)
    assert not outcome.success
    (cijfer,) = outcome.failed
    assert (cijfer["table"], cijfer["expectation"], cijfer["column"], cijfer["sample"]) == (
        "verantwoording_tevredenheid",
        "expect_column_values_to_be_in_set",
        "cijfer",
        [11],
    )
    assert "cijfer" in outcome.summary_nl() and "11" in outcome.summary_nl()


def test_signals_keep_success_and_reference_checks_follow_known(runner):
    rows = clean_rows()
    first = rows["iwmo_323_prestaties"][0]
    rows["iwmo_323_prestaties"].append({**first, "declaratienummer": "DN002"})  # same ReferentieNummer: RM05
    con = database(rows)
    frames = load_frames(con, "iwmo_prestaties")

    outcome = validate_family("iwmo_prestaties", frames, known=KNOWN)
    assert outcome.success
    (dubbel,) = outcome.failed
    assert dubbel["expectation"] == "expect_compound_columns_to_be_unique" and not dubbel["blocking"]
    assert dubbel["column"] == "afzender, referentienummer" and dubbel["unexpected_count"] == 2
    assert "RM05" in outcome.summary_nl() and "niet blokkerend" in outcome.summary_nl()

    # without reference sets the referential expectations are skipped, not failed
    outcome = validate_family("iwmo_prestaties", frames)
    assert outcome.success and outcome.skipped

    # data of another region: every gemeentecode unknown, which blocks
    other = {"gemeentecode": {"0001"}, "aanbieder_agb": AANBIEDERS}
    outcome = validate_family("iwmo_prestaties", frames, known=other)
    assert not outcome.success
    blocking = [f for f in outcome.failed if f["blocking"]]
    assert {(f["column"], f["expectation"]) for f in blocking} == {
        ("ontvanger", "expect_column_values_to_be_in_set")
    }
    assert "'0384'" in outcome.summary_nl()
    assert GEMEENTEN and PSEUDO  # the clean fixture uses region codes


def test_schema_drift_blocks(runner):
    frames = load_frames(database(clean_rows()), "klachten")
    frames["klachten"] = frames["klachten"].drop(columns=["categorie"])
    outcome = validate_family("klachten", frames, known=KNOWN)
    assert not outcome.success
    drift = [f for f in outcome.failed if f["expectation"] == "expect_table_columns_to_match_set"]
    assert drift and drift[0]["sample"] == ["ontbreekt: categorie"]


NEW_FAMILIES = ("iwmo_aanvragen", "iwmo_declaratie_antwoorden", "iwmo_retour")


def test_every_raw_table_belongs_to_exactly_one_family():
    tables = [table for family_tables in FAMILIES.values() for table in family_tables]
    assert len(tables) == len(set(tables)), "een raw-tabel staat in meer dan één familie"
    assert set(tables) == set(RAW_TABLES), f"zonder suite: {sorted(set(RAW_TABLES) - set(tables))}"


@pytest.mark.parametrize("family", NEW_FAMILIES)
def test_new_families_pass_clean_rows_per_table(runner, family):
    frames = load_frames(database(clean_rows()), family)
    for table, frame in frames.items():
        assert len(frame) > 0, table
        outcome = validate_family(family, {table: frame}, known=KNOWN)
        assert outcome.success and not outcome.failed and not outcome.skipped, outcome.summary_nl()
        assert outcome.evaluated > 0, table


def _blocking(outcome):
    return {(f["table"], f["expectation"], f["column"]) for f in outcome.failed if f["blocking"]}


def test_aanvragen_bad_values_block_and_sender_side_is_checked(runner):
    rows = clean_rows()
    rows["iwmo_315_aangevraagde_producten"][0]["client_pseudoniem"] = "123456782"
    rows["iwmo_317_producten"][1]["toewijzingnummer"] = None  # te_wijzigen without its toewijzing
    rows["iwmo_319_antwoorden"][0]["verzoek_antwoord"] = "3"
    outcome = validate_family("iwmo_aanvragen", load_frames(database(rows), "iwmo_aanvragen"), known=KNOWN)
    assert not outcome.success
    assert _blocking(outcome) == {
        ("iwmo_315_aangevraagde_producten", "expect_column_values_to_match_regex", "client_pseudoniem"),
        ("iwmo_317_producten", "expect_column_values_to_not_be_null", "toewijzingnummer"),
        ("iwmo_319_antwoorden", "expect_column_values_to_be_in_set", "verzoek_antwoord"),
    }
    bsn = _failures(
        outcome, "iwmo_315_aangevraagde_producten", "expect_column_values_to_match_regex", "client_pseudoniem"
    )
    assert bsn[0]["sample"] == ["<9 cijfers: mogelijk BSN, gemaskeerd>"]
    assert "123456782" not in outcome.summary_nl() and "123456782" not in json.dumps(outcome.failed)

    # a 319 is sent by the gemeente: an AGB as afzender blocks; a rejection without reason only signals
    rows = clean_rows()
    rows["iwmo_319_antwoorden"][0] |= {"afzender": "65656055", "ontvanger": "0384"}
    outcome = validate_family("iwmo_aanvragen", load_frames(database(rows), "iwmo_aanvragen"), known=KNOWN)
    assert not outcome.success
    afzender = _failures(outcome, "iwmo_319_antwoorden", "expect_column_values_to_match_regex", "afzender")
    assert afzender and afzender[0]["blocking"] and afzender[0]["sample"] == ["65656055"]

    rows = clean_rows()
    rows["iwmo_319_antwoorden"][0]["reden_afwijzing"] = None
    outcome = validate_family("iwmo_aanvragen", load_frames(database(rows), "iwmo_aanvragen"), known=KNOWN)
    assert outcome.success
    (signaal,) = outcome.failed
    assert (signaal["column"], signaal["blocking"]) == ("reden_afwijzing", False)


def test_declaratie_antwoorden_bad_values_block(runner):
    rows = clean_rows()
    rows["iwmo_325_prestaties"][0]["retourcodes"] = "9307,XXXX"
    rows["iwmo_325_antwoorden"][0]["totaal_toegekend_cent"] = -1
    family = "iwmo_declaratie_antwoorden"
    outcome = validate_family(family, load_frames(database(rows), family), known=KNOWN)
    assert not outcome.success
    assert _blocking(outcome) == {
        ("iwmo_325_prestaties", "expect_column_values_to_match_regex", "retourcodes"),
        ("iwmo_325_antwoorden", "expect_column_values_to_be_between", "totaal_toegekend_cent"),
    }
    (codes,) = _failures(outcome, "iwmo_325_prestaties", "expect_column_values_to_match_regex", "retourcodes")
    assert codes["sample"] == ["9307,XXXX"]
    assert "XXXX" in outcome.summary_nl() and "-1" in outcome.summary_nl()


def test_retour_bad_code_blocks_but_either_sender_passes(runner):
    rows = clean_rows()
    first = rows["iwmo_retourcodes"][0]
    rows["iwmo_retourcodes"] += [
        {**first, "berichtklasse": "Client", "volgnummer": 1, "retourcode": "12345"},
        {**first, "berichtklasse": "Prestatie", "volgnummer": 1, "retourcode": "0200"},
    ]
    outcome = validate_family("iwmo_retour", load_frames(database(rows), "iwmo_retour"), known=KNOWN)
    assert not outcome.success
    assert _blocking(outcome) == {
        ("iwmo_retourcodes", "expect_column_values_to_be_in_set", "retourcode"),
        ("iwmo_retourcodes", "expect_column_values_to_be_in_set", "berichtklasse"),
    }
    assert not any(f["column"] in ("afzender", "ontvanger") for f in outcome.failed)
    assert "'12345'" in outcome.summary_nl() and "'Prestatie'" in outcome.summary_nl()
