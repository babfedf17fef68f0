-- K10 regional benchmark per (jaar, gemeentecode, indicator).
-- waarde = teller / noemer (× 1000 for clienten_per_1000; cents → euros for kosten_per_inwoner);
-- regio_waarde = Σ teller / Σ noemer over all municipalities of the year, same scale (ratio of sums, never a mean
-- of ratios; suppressed municipalities still count in the region value).
-- Funnel limits only for the proportions (marts.md: uitval_pct, pct_tijdig_gestart; is_proportie):
--   p ± z·√(p(1−p)/n) with p = regio_waarde, n = the municipality's noemer, z = 1.96 (95 %) and 3.09 (99.8 %),
--   clipped to [0, 1] and rounded to 6 decimals; buiten_998 = waarde below grens_998_laag or above grens_998_hoog,
--   computed whenever waarde and noemer are published.
-- Suppression (kpis.md Conventions, var min_celgrootte, default 10), per part of the row:
--   * noemer (a count) below min_celgrootte → the rate/mean is suppressed: waarde, noemer, teller, limits and
--     buiten_998 NULL;
--   * teller that counts persons/events below min_celgrootte → teller NULL; waarde, noemer, limits and buiten_998
--     stay published (so a low outlier, e.g. 3 dropouts of 60, can still be flagged).
--   onderdrukt = true when anything in the row is suppressed. The same rule on the region totals: regio_waarde is
--   NULL when the region's noemer is below min_celgrootte.
with indicatoren as (
    select * from {{ ref('int_benchmark__indicatoren') }}
),

regio as (
    select
        jaar,
        indicator,
        sum(teller) as som_teller,
        sum(noemer) as som_noemer
    from indicatoren
    where teller is not null
      and noemer is not null
    group by jaar, indicator
),

berekend as (
    select
        i.jaar,
        i.gemeentecode,
        i.indicator,
        i.teller,
        i.noemer,
        i.is_proportie,
        case when i.noemer > 0 then i.teller * i.schaal_teller / (i.noemer * i.schaal_noemer) end as ruwe_waarde,
        case
            -- the region's own denominator follows the same suppression rule (a region of one small
            -- municipality would otherwise publish the small group's rate)
            when coalesce(i.noemer_is_telling and r.som_noemer < {{ var('min_celgrootte') }}, false) then null
            when r.som_noemer > 0 then r.som_teller * i.schaal_teller / (r.som_noemer * i.schaal_noemer)
        end as regio_waarde,
        case when r.som_noemer > 0 then r.som_teller / r.som_noemer end as p,
        coalesce(i.noemer_is_telling and i.noemer < {{ var('min_celgrootte') }}, false) as noemer_onderdrukt,
        coalesce(i.teller_is_telling and i.teller < {{ var('min_celgrootte') }}, false) as teller_onderdrukt
    from indicatoren as i
    left join regio as r
        on r.jaar = i.jaar and r.indicator = i.indicator
),

met_se as (
    select
        *,
        case
            when is_proportie and noemer > 0 and p is not null then sqrt(p * (1 - p) / noemer)
        end as se
    from berekend
),

grenzen as (
    -- rounded to 6 decimals by a cast to numeric(28, 6) (portable; Postgres has no round(double, n))
    select
        *,
        case when se is not null then cast(cast(greatest(0.0, p - 1.96 * se) as {{ dbt.type_numeric() }}) as double precision) end as g95_laag,
        case when se is not null then cast(cast(least(1.0, p + 1.96 * se) as {{ dbt.type_numeric() }}) as double precision) end as g95_hoog,
        case when se is not null then cast(cast(greatest(0.0, p - 3.09 * se) as {{ dbt.type_numeric() }}) as double precision) end as g998_laag,
        case when se is not null then cast(cast(least(1.0, p + 3.09 * se) as {{ dbt.type_numeric() }}) as double precision) end as g998_hoog
    from met_se
)

select
    jaar,
    gemeentecode,
    indicator,
    case when noemer_onderdrukt or teller_onderdrukt then null else teller end as teller,
    case when noemer_onderdrukt then null else noemer end as noemer,
    case when noemer_onderdrukt then null else ruwe_waarde end as waarde,
    regio_waarde,
    case when noemer_onderdrukt then null else g95_laag end as grens_95_laag,
    case when noemer_onderdrukt then null else g95_hoog end as grens_95_hoog,
    case when noemer_onderdrukt then null else g998_laag end as grens_998_laag,
    case when noemer_onderdrukt then null else g998_hoog end as grens_998_hoog,
    case
        when noemer_onderdrukt or g998_laag is null or ruwe_waarde is null then null
        else ruwe_waarde < g998_laag or ruwe_waarde > g998_hoog
    end as buiten_998,
    noemer_onderdrukt or teller_onderdrukt as onderdrukt
from grenzen
