-- K9 reconciliation per boekjaar × provider × municipality, for every provider-year with a current workbook:
-- verantwoord_bedrag_cent = Σ Productie.bedrag of the current workbook for the municipality;
-- goedgekeurd_bedrag_cent = K6 approved amount (approved prestaties, debit − credit, ProductPeriode begin in B);
-- municipalities in either side appear (a missing side counts as 0).
-- afwijking = |verschil| > tolerantie × |goedgekeurd| (var tolerantie, default 0.01), computed in exact decimals.
with werkboeken as (
    select aanbieder_agb, boekjaar
    from {{ ref('int_verantwoording__werkboeken') }}
),

verantwoord as (
    select aanbieder_agb, boekjaar, gemeentecode, cast(sum(bedrag_cent) as {{ dbt.type_bigint() }}) as verantwoord_bedrag_cent
    from {{ ref('int_verantwoording__productie') }}
    group by aanbieder_agb, boekjaar, gemeentecode
),

goedgekeurd as (
    select g.aanbieder_agb, g.jaar as boekjaar, g.gemeentecode, g.goedgekeurd_bedrag_cent
    from {{ ref('int_verantwoording__goedgekeurd') }} as g
    inner join werkboeken as w
        on w.aanbieder_agb = g.aanbieder_agb
       and w.boekjaar = g.jaar
),

sleutels as (
    select aanbieder_agb, boekjaar, gemeentecode from verantwoord
    union
    select aanbieder_agb, boekjaar, gemeentecode from goedgekeurd
),

bedragen as (
    select
        s.boekjaar,
        s.aanbieder_agb,
        s.gemeentecode,
        cast(coalesce(v.verantwoord_bedrag_cent, 0) as {{ dbt.type_bigint() }}) as verantwoord_bedrag_cent,
        cast(coalesce(g.goedgekeurd_bedrag_cent, 0) as {{ dbt.type_bigint() }}) as goedgekeurd_bedrag_cent
    from sleutels as s
    left join verantwoord as v
        on v.aanbieder_agb = s.aanbieder_agb and v.boekjaar = s.boekjaar and v.gemeentecode = s.gemeentecode
    left join goedgekeurd as g
        on g.aanbieder_agb = s.aanbieder_agb and g.boekjaar = s.boekjaar and g.gemeentecode = s.gemeentecode
)

select
    boekjaar,
    aanbieder_agb,
    gemeentecode,
    verantwoord_bedrag_cent,
    goedgekeurd_bedrag_cent,
    cast(verantwoord_bedrag_cent - goedgekeurd_bedrag_cent as {{ dbt.type_bigint() }}) as verschil_cent,
    abs(verantwoord_bedrag_cent - goedgekeurd_bedrag_cent)
        > cast({{ var('tolerantie') }} as {{ dbt.type_numeric() }}) * abs(goedgekeurd_bedrag_cent) as afwijking
from bedragen
