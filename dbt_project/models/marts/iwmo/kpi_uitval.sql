{#- K3 dropout by end reason (kpis.md K3): definitive stops of non-deleted assignments, year = year of
    einddatum_traject. Additive counts; uitval_pct = Σ uitval / (Σ volgens_plan + Σ uitval) at query time. -#}
select
    jaar_einde_traject as jaar,
    gemeentecode,
    wijkcode,
    aanbieder_agb,
    productcategorie,
    reden_beeindiging,
    reden_groep,
    count(*) as aantal,
    cast(sum(duur_dagen) as bigint) as som_duur_dagen,
    count(duur_dagen) as aantal_met_duur
from {{ ref('fct_toewijzingen') }}
where not is_verwijderd
    and einddatum_traject is not null
group by jaar_einde_traject, gemeentecode, wijkcode, aanbieder_agb, productcategorie, reden_beeindiging, reden_groep
