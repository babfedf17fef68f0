import duckdb
import pytest

from pipelines.publication import publish, remove_stale_temporaries


@pytest.fixture
def work(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.work.duckdb"))
    con.execute("CREATE SCHEMA marts; CREATE SCHEMA audit; CREATE SCHEMA raw")
    con.execute("CREATE TABLE marts.fct_x AS SELECT range AS id FROM range(3)")
    con.execute("CREATE TABLE audit.runs AS SELECT 'run1' AS run_id, 'publiceren' AS status")
    con.execute("CREATE TABLE raw.geheim AS SELECT 'vrije tekst' AS omschrijving")
    yield con
    con.close()


def test_publish_copies_only_marts_and_audit(work, tmp_path):
    target = tmp_path / "w.duckdb"
    counts = publish(work, target, "run1")
    assert counts == {"audit.runs": 1, "marts.fct_x": 3}
    with duckdb.connect(str(target), read_only=True) as con:
        schemas = {
            r[0]
            for r in con.execute("SELECT DISTINCT table_schema FROM information_schema.tables").fetchall()
        }
        published_status = con.execute("SELECT status FROM audit.runs").fetchall()
    assert schemas == {"marts", "audit"}
    assert not list(tmp_path.glob("*.tmp"))
    # The run only counts as successful once its publication is in place, in the copy and in the work database.
    assert published_status == [("geslaagd",)]
    assert work.execute("SELECT status FROM audit.runs").fetchall() == [("geslaagd",)]


def test_reader_keeps_its_snapshot_while_a_new_publication_is_swapped_in(work, tmp_path):
    target = tmp_path / "w.duckdb"
    publish(work, target, "run1")
    reader = duckdb.connect(str(target), read_only=True)
    work.execute("INSERT INTO marts.fct_x VALUES (99)")
    publish(work, target, "run2")
    assert reader.execute("SELECT count(*) FROM marts.fct_x").fetchall() == [(3,)]
    reader.close()
    with duckdb.connect(str(target), read_only=True) as fresh:
        assert fresh.execute("SELECT count(*) FROM marts.fct_x").fetchall() == [(4,)]


def test_half_written_publications_are_removed(tmp_path):
    target = tmp_path / "w.duckdb"
    leftover = tmp_path / "w.duckdb.deadbeef.tmp"
    leftover.write_bytes(b"half")
    remove_stale_temporaries(target)
    assert not leftover.exists()
