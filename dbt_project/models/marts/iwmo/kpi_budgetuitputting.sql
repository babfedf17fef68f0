{#- K6 per (jaar, gemeentecode, wijkcode, aanbieder_agb, productcategorie): additive sums of fct_budget_jaar.
    Contract (kpis.md K6: assignments with an unknown amount "are left out of utilisation ratios but listed"):
      * toegewezen_bedrag_cent and every money column without a suffix (ingediend, goedgekeurd, in_behandeling,
        afgewezen) sum only the assignment-years whose amount is known, so that any ratio of two of them is
        consistent: uitputting = Σ goedgekeurd_bedrag_cent / Σ toegewezen_bedrag_cent;
      * the assignment-years with an unknown amount (toegewezen NULL, opmerking set) are counted in aantal_onbekend
        and their money is kept in the *_onbekend_bedrag_cent columns;
      * aantal_toewijzingen counts all assignment-years (known and unknown).
    Total declared/approved money of the group = the column plus its _onbekend counterpart.
    toegewezen_bedrag_cent stays DOUBLE at full precision (kpis.md K6: round only for display), but it is summed
    exactly: a sum of DOUBLEs depends on the order in which the rows arrive, and DuckDB's parallel aggregation gives
    no fixed order, so two builds of the same landing could differ in the last bits. Each amount is taken at 10⁻¹⁰
    cent and summed as DECIMAL(38, 10), which is exact and so independent of the order; the total is converted back
    to DOUBLE once. The error, at most ½·10⁻¹⁰ cent per row, is far below the cent that display rounds to. -#}
{%- set bekend = "toegewezen_bedrag_cent is not null" %}
select
    jaar,
    gemeentecode,
    wijkcode,
    aanbieder_agb,
    productcategorie,
    cast(sum(cast(toegewezen_bedrag_cent as decimal(38, 10))) as double) as toegewezen_bedrag_cent,
    cast(sum(case when {{ bekend }} then ingediend_bedrag_cent else 0 end) as {{ dbt.type_bigint() }}) as ingediend_bedrag_cent,
    cast(sum(case when {{ bekend }} then goedgekeurd_bedrag_cent else 0 end) as {{ dbt.type_bigint() }}) as goedgekeurd_bedrag_cent,
    cast(sum(case when {{ bekend }} then in_behandeling_bedrag_cent else 0 end) as {{ dbt.type_bigint() }}) as in_behandeling_bedrag_cent,
    cast(sum(case when {{ bekend }} then afgewezen_bedrag_cent else 0 end) as {{ dbt.type_bigint() }}) as afgewezen_bedrag_cent,
    cast(count(*) as {{ dbt.type_bigint() }}) as aantal_toewijzingen,
    cast(sum(case when {{ bekend }} then 0 else 1 end) as {{ dbt.type_bigint() }}) as aantal_onbekend,
    cast(sum(case when {{ bekend }} then 0 else ingediend_bedrag_cent end) as {{ dbt.type_bigint() }}) as ingediend_onbekend_bedrag_cent,
    cast(sum(case when {{ bekend }} then 0 else goedgekeurd_bedrag_cent end) as {{ dbt.type_bigint() }}) as goedgekeurd_onbekend_bedrag_cent,
    cast(sum(case when {{ bekend }} then 0 else in_behandeling_bedrag_cent end) as {{ dbt.type_bigint() }}) as in_behandeling_onbekend_bedrag_cent,
    cast(sum(case when {{ bekend }} then 0 else afgewezen_bedrag_cent end) as {{ dbt.type_bigint() }}) as afgewezen_onbekend_bedrag_cent
from {{ ref('fct_budget_jaar') }}
group by jaar, gemeentecode, wijkcode, aanbieder_agb, productcategorie
