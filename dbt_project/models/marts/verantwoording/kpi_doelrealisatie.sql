-- K1 additive counts per (jaar = boekjaar, gemeentecode, wijkcode, aanbieder_agb, deelresultaat, inschatting_vooraf).
-- pct_behaald = Σ aantal_behaald / Σ aantal; realisatiescore = (Σ aantal_behaald + 0.5 × Σ aantal_deels) / Σ aantal
-- (= Σ som_score / Σ aantal). Per subresultaat: use fct_resultaten.
select
    boekjaar as jaar,
    gemeentecode,
    wijkcode,
    aanbieder_agb,
    deelresultaat,
    coalesce(inschatting_vooraf, 'onbekend') as inschatting_vooraf,
    cast(sum(case when resultaat = 'behaald' then 1 else 0 end) as {{ dbt.type_bigint() }}) as aantal_behaald,
    cast(sum(case when resultaat = 'deels behaald' then 1 else 0 end) as {{ dbt.type_bigint() }}) as aantal_deels,
    cast(sum(case when resultaat = 'niet behaald' then 1 else 0 end) as {{ dbt.type_bigint() }}) as aantal_niet,
    count(*) as aantal,
    sum(score) as som_score
from {{ ref('fct_resultaten') }}
group by boekjaar, gemeentecode, wijkcode, aanbieder_agb, deelresultaat, coalesce(inschatting_vooraf, 'onbekend')
