-- CBS districts of the region (latest referentie/wijken.csv, one row per wijkcode) plus the row `onbekend` for
-- clients whose postcode maps to no district.
with wijken as (
    select
        wijkcode,
        min(wijknaam) as wijknaam,
        min(gemeentecode) as gemeentecode
    from {{ ref('stg_referentie__wijken') }}
    where wijkcode is not null
    group by wijkcode
)

select wijkcode, wijknaam, gemeentecode, false as is_onbekend
from wijken
where wijkcode <> 'onbekend'
union all
select 'onbekend' as wijkcode, 'Onbekend' as wijknaam, cast(null as {{ dbt.type_string() }}) as gemeentecode, true as is_onbekend
