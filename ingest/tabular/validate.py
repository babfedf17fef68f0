"""Row-level validation: parse every column, quarantine each bad row with its first fault, keep the good rows.

A file's good rows load even when some rows are bad (inputs.md), so nothing here raises for a bad cell. Per bad
row there is one QuarantineItem (audit.quarantaine holds one row per rejected row): the location names the first
faulty column in the order of the specification, and the message mentions the other faulty columns so the
sender can fix them all in one go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from ingest.model import QuarantineItem
from ingest.tabular.table import ROW, Table
from ingest.tabular.values import Parser


@dataclass(frozen=True)
class Field:
    """A column of the specification: its parser, whether a value is required, whether the column must exist.

    `column_required` defaults to `required`: a column whose values are optional may be left out of the header
    altogether (e.g. a complaint register without `bsn`); it then reads as empty.
    """

    name: str
    parser: Parser
    required: bool = True
    column_required: bool | None = None

    @property
    def must_exist(self) -> bool:
        return self.required if self.column_required is None else self.column_required


@dataclass(frozen=True)
class RowCheck:
    """A rule across parsed columns (e.g. afgehandeld not before ontvangst), reported on `column`.

    `bad` and `message` are expressions over the parsed values (named by field); a NULL `bad` (a value missing)
    counts as passing, so a rule never doubles a fault already reported on the column itself.
    """

    column: str
    code: str
    bad: pl.Expr
    message: pl.Expr


def validate(
    table: Table, fields: Sequence[Field], checks: Sequence[RowCheck] = ()
) -> tuple[pl.DataFrame, list[QuarantineItem]]:
    """Parsed good rows (one column per field plus ROW) and one QuarantineItem per bad row."""
    frame = table.columns(
        required=[f.name for f in fields if f.must_exist],
        optional=[f.name for f in fields if not f.must_exist],
    )
    work: dict[str, pl.Series] = {ROW: frame[ROW]}
    faults: list[tuple[str, pl.Expr, pl.Expr]] = []  # (column, code expr, message expr)
    for f in fields:
        raw = frame[f.name]
        parsed = f.parser(raw, f.name)
        work[f.name] = parsed.value.alias(f.name)
        work[f"__ok_{f.name}"] = parsed.ok.alias(f"__ok_{f.name}")
        work[f"__msg_{f.name}"] = parsed.message.cast(pl.String).alias(f"__msg_{f.name}")
        work[f"__raw_{f.name}"] = raw.alias(f"__raw_{f.name}")
        empty = pl.col(f"__raw_{f.name}").is_null()
        if f.required:
            code = pl.when(empty).then(pl.lit("VERPLICHT_VELD_LEEG"))
            message = pl.when(empty).then(
                pl.lit(
                    f"De kolom {f.name} is leeg, maar is verplicht. Vul een waarde in en lever het bestand opnieuw aan."
                )
            )
            code = code.when(~pl.col(f"__ok_{f.name}")).then(pl.lit(parsed.code))
            message = message.when(~pl.col(f"__ok_{f.name}")).then(pl.col(f"__msg_{f.name}"))
        else:
            code = pl.when(~pl.col(f"__ok_{f.name}")).then(pl.lit(parsed.code))
            message = pl.when(~pl.col(f"__ok_{f.name}")).then(pl.col(f"__msg_{f.name}"))
        faults.append((f.name, code, message))
    for check in checks:
        failing = check.bad.fill_null(False)
        faults.append(
            (check.column, pl.when(failing).then(pl.lit(check.code)), pl.when(failing).then(check.message))
        )
    # Report in the order of the specification's columns: a rule lands right after its column's own check.
    order = {f.name: i for i, f in enumerate(fields)}
    faults.sort(key=lambda fault: order.get(fault[0], len(order)))

    df = pl.DataFrame(list(work.values()))
    code_cols = [f"__code_{i}" for i in range(len(faults))]
    df = df.with_columns(
        [code.cast(pl.String).alias(code_cols[i]) for i, (_, code, _) in enumerate(faults)]
        + [msg.cast(pl.String).alias(f"__melding_{i}") for i, (_, _, msg) in enumerate(faults)]
    )
    df = df.with_columns(
        pl.coalesce([pl.col(c) for c in code_cols]).alias("__code"),
        pl.coalesce(
            [pl.when(pl.col(c).is_not_null()).then(pl.lit(faults[i][0])) for i, c in enumerate(code_cols)]
        ).alias("__kolom"),
        pl.coalesce(
            [pl.when(pl.col(c).is_not_null()).then(pl.col(f"__melding_{i}")) for i, c in enumerate(code_cols)]
        ).alias("__melding"),
        pl.concat_list(
            [pl.when(pl.col(c).is_not_null()).then(pl.lit(faults[i][0])) for i, c in enumerate(code_cols)]
        )
        .list.drop_nulls()
        .alias("__kolommen"),
    )
    bad = df.filter(pl.col("__code").is_not_null()).select(
        ROW, "__code", "__kolom", "__melding", "__kolommen"
    )
    items = [_item(table, row) for row in bad.iter_rows(named=True)]
    good = df.filter(pl.col("__code").is_null()).select([f.name for f in fields] + [ROW])
    return good, items


def _item(table: Table, row: dict) -> QuarantineItem:
    others = list(dict.fromkeys(c for c in row["__kolommen"] if c != row["__kolom"]))
    melding = row["__melding"]
    if len(others) == 1:
        melding += f" Let op: in deze rij is ook kolom {others[0]} onjuist."
    elif others:
        melding += (
            f" Let op: in deze rij zijn ook de kolommen {', '.join(others[:-1])} en {others[-1]} onjuist."
        )
    return QuarantineItem(
        locatie=table.place(row[ROW], row["__kolom"]), reden_code=row["__code"], melding=melding
    )
