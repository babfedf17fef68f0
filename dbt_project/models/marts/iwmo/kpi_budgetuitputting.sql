{#- K6 per (jaar, gemeentecode, wijkcode, aanbieder_agb, productcategorie): additive sums of fct_budget_jaar.
    toegewezen_bedrag_cent sums the known amounts only; assignments whose amount is unknown are counted in
    aantal_onbekend and their approved money is kept apart (goedgekeurd_bekend_bedrag_cent is the numerator
    that matches toegewezen_bedrag_cent: uitputting = Σ goedgekeurd_bekend / Σ toegewezen). -#}
select
    jaar,
    gemeentecode,
    wijkcode,
    aanbieder_agb,
    productcategorie,
    sum(toegewezen_bedrag_cent) as toegewezen_bedrag_cent,
    cast(sum(ingediend_bedrag_cent) as bigint) as ingediend_bedrag_cent,
    cast(sum(goedgekeurd_bedrag_cent) as bigint) as goedgekeurd_bedrag_cent,
    cast(sum(case when toegewezen_bedrag_cent is not null then goedgekeurd_bedrag_cent else 0 end) as bigint)
        as goedgekeurd_bekend_bedrag_cent,
    cast(sum(in_behandeling_bedrag_cent) as bigint) as in_behandeling_bedrag_cent,
    cast(sum(afgewezen_bedrag_cent) as bigint) as afgewezen_bedrag_cent,
    count(*) as aantal_toewijzingen,
    cast(sum(case when toegewezen_bedrag_cent is null then 1 else 0 end) as bigint) as aantal_onbekend
from {{ ref('fct_budget_jaar') }}
group by jaar, gemeentecode, wijkcode, aanbieder_agb, productcategorie
