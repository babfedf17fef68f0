{#- K8 per (jaar, gemeentecode, aanbieder_agb, signaal_code): lines and amount per signal (year of ProductPeriode
    Begindatum), additive. goedgekeurd_bedrag_cent = the approved amount among those lines. -#}
select
    s.jaar,
    s.gemeentecode,
    s.aanbieder_agb,
    s.signaal_code,
    s.signaal,
    count(*) as aantal_regels,
    cast(sum(s.bedrag_cent) as bigint) as bedrag_cent,
    cast(sum(case when p.status = 'goedgekeurd' then p.bedrag_cent else 0 end) as bigint) as goedgekeurd_bedrag_cent
from {{ ref('rechtmatigheid_signalen') }} as s
inner join {{ ref('fct_prestaties') }} as p
    on p.aanbieder_agb = s.aanbieder_agb
    and p.declaratienummer = s.declaratienummer
    and p.referentienummer = s.referentienummer
group by s.jaar, s.gemeentecode, s.aanbieder_agb, s.signaal_code, s.signaal
