-- K6 `goedgekeurd_bedrag_cent` per provider × municipality × year: Σ debit − Σ credit (fct_prestaties.bedrag_cent is
-- signed) of approved prestaties whose ProductPeriode begins in the year. Taken from fct_prestaties rather than
-- fct_budget_jaar so that approved lines whose assignment is unknown (RM01) are still reconciled: money paid is
-- money that must be accounted for.
select
    aanbieder_agb,
    gemeentecode,
    cast(extract(year from periode_begin) as integer) as jaar,
    cast(sum(bedrag_cent) as {{ dbt.type_bigint() }}) as goedgekeurd_bedrag_cent,
    count(*) as aantal_prestaties
from {{ ref('fct_prestaties') }}
where status = 'goedgekeurd'
group by aanbieder_agb, gemeentecode, cast(extract(year from periode_begin) as integer)
