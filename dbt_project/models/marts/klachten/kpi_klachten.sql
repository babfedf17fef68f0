-- K7 additive counts per (jaar, gemeentecode, aanbieder_agb, categorie, uitkomst). Year = year of datum_ontvangst.
-- A complaint without an outcome is counted under uitkomst `onbekend`.
-- pct_binnen_6_weken = Σ aantal_binnen_6_weken / Σ aantal_afgehandeld; mean handling days = Σ som_afhandeldagen /
-- Σ aantal_afgehandeld; the median comes from fct_klachten.
select
    jaar,
    gemeentecode,
    aanbieder_agb,
    categorie,
    coalesce(uitkomst, 'onbekend') as uitkomst,
    count(*) as aantal_klachten,
    cast(sum(case when datum_afgehandeld is not null then 1 else 0 end) as {{ dbt.type_bigint() }}) as aantal_afgehandeld,
    cast(sum(case when binnen_6_weken then 1 else 0 end) as {{ dbt.type_bigint() }}) as aantal_binnen_6_weken,
    cast(coalesce(sum(afhandeldagen), 0) as {{ dbt.type_bigint() }}) as som_afhandeldagen
from {{ ref('fct_klachten') }}
group by jaar, gemeentecode, aanbieder_agb, categorie, coalesce(uitkomst, 'onbekend')
