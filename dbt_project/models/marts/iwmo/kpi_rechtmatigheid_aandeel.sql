{#- K8 "share of the approved amount that carries at least one signal", per (jaar, gemeentecode, aanbieder_agb):
    additive numerator and denominator (aandeel = goedgekeurd_met_signaal_cent / goedgekeurd_bedrag_cent). -#}
with gesignaleerd as (
    select distinct aanbieder_agb, declaratienummer, referentienummer
    from {{ ref('rechtmatigheid_signalen') }}
)

select
    p.jaar,
    p.gemeentecode,
    p.aanbieder_agb,
    count(*) as aantal_regels,
    cast(sum(case when g.referentienummer is not null then 1 else 0 end) as bigint) as aantal_regels_met_signaal,
    cast(sum(p.bedrag_cent) as bigint) as ingediend_bedrag_cent,
    cast(sum(case when p.status = 'goedgekeurd' then p.bedrag_cent else 0 end) as bigint) as goedgekeurd_bedrag_cent,
    cast(sum(case when p.status = 'goedgekeurd' and g.referentienummer is not null then p.bedrag_cent else 0 end) as bigint)
        as goedgekeurd_met_signaal_cent
from {{ ref('fct_prestaties') }} as p
left join gesignaleerd as g
    on g.aanbieder_agb = p.aanbieder_agb
    and g.declaratienummer = p.declaratienummer
    and g.referentienummer = p.referentienummer
group by p.jaar, p.gemeentecode, p.aanbieder_agb
