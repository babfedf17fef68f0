-- K7 per_100_clienten per (jaar, gemeentecode, aanbieder_agb): complaints received in the year divided by the
-- distinct clients with a non-deleted assignment of that provider in that municipality active in the year, × 100.
-- aantal_clienten_actief is a distinct count: do not SUM it over providers or municipalities (a client with two
-- providers counts once per provider).
with clienten as (
    select
        jaar,
        gemeentecode,
        aanbieder_agb,
        count(distinct client_pseudoniem) as aantal_clienten_actief
    from {{ ref('int_klachten__toewijzing_actief_jaar') }}
    group by jaar, gemeentecode, aanbieder_agb
),

klachten as (
    select
        jaar,
        gemeentecode,
        aanbieder_agb,
        count(*) as aantal_klachten
    from {{ ref('fct_klachten') }}
    group by jaar, gemeentecode, aanbieder_agb
),

sleutels as (
    select jaar, gemeentecode, aanbieder_agb from clienten
    union
    select jaar, gemeentecode, aanbieder_agb from klachten
)

select
    s.jaar,
    s.gemeentecode,
    s.aanbieder_agb,
    coalesce(c.aantal_clienten_actief, 0) as aantal_clienten_actief,
    coalesce(k.aantal_klachten, 0) as aantal_klachten,
    case
        when coalesce(c.aantal_clienten_actief, 0) > 0
            then cast(coalesce(k.aantal_klachten, 0) as double precision) * 100 / c.aantal_clienten_actief
    end as per_100_clienten
from sleutels as s
left join clienten as c
    on c.jaar = s.jaar and c.gemeentecode = s.gemeentecode and c.aanbieder_agb = s.aanbieder_agb
left join klachten as k
    on k.jaar = s.jaar and k.gemeentecode = s.gemeentecode and k.aanbieder_agb = s.aanbieder_agb
