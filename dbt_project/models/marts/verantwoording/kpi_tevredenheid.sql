-- K2 additive counts per (jaar, gemeentecode, wijkcode, aanbieder_agb).
-- Respondents: Tevredenheid rows of the current workbook version, year = boekjaar.
-- aantal_beeindigd: non-deleted assignments of that provider with a definitive stop (einddatum_traject) in the
-- year, by the assignment's municipality and wijk. A provider-year with stops but no respondents gets a row with
-- aantal_respondenten 0 (respons_pct = 0); one with respondents but no stops has aantal_beeindigd 0.
-- gemiddeld_cijfer = Σ som_cijfer / Σ aantal_respondenten; pct_voldoende = Σ aantal_voldoende / Σ aantal_respondenten;
-- respons_pct = Σ aantal_respondenten / Σ aantal_beeindigd.
with respondenten as (
    select
        boekjaar as jaar,
        gemeentecode,
        wijkcode,
        aanbieder_agb,
        count(*) as aantal_respondenten,
        sum(cijfer) as som_cijfer,
        sum(case when cijfer >= 6 then 1 else 0 end) as aantal_voldoende,
        0 as aantal_beeindigd
    from {{ ref('fct_tevredenheid') }}
    group by boekjaar, gemeentecode, wijkcode, aanbieder_agb
),

beeindigd as (
    select
        cast(extract(year from einddatum_traject) as integer) as jaar,
        gemeentecode,
        coalesce(wijkcode, 'onbekend') as wijkcode,
        aanbieder_agb,
        0 as aantal_respondenten,
        0 as som_cijfer,
        0 as aantal_voldoende,
        count(*) as aantal_beeindigd
    from {{ ref('fct_toewijzingen') }}
    where not is_verwijderd
      and einddatum_traject is not null
    group by cast(extract(year from einddatum_traject) as integer), gemeentecode, coalesce(wijkcode, 'onbekend'), aanbieder_agb
),

samen as (
    select * from respondenten
    union all
    select * from beeindigd
)

select
    jaar,
    gemeentecode,
    wijkcode,
    aanbieder_agb,
    cast(sum(aantal_respondenten) as {{ dbt.type_bigint() }}) as aantal_respondenten,
    cast(sum(som_cijfer) as {{ dbt.type_bigint() }}) as som_cijfer,
    cast(sum(aantal_voldoende) as {{ dbt.type_bigint() }}) as aantal_voldoende,
    cast(sum(aantal_beeindigd) as {{ dbt.type_bigint() }}) as aantal_beeindigd
from samen
group by jaar, gemeentecode, wijkcode, aanbieder_agb
