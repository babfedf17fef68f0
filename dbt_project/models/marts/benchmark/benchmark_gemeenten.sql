-- K10 regional benchmark per (jaar, gemeentecode, indicator).
-- waarde = teller / noemer (× 1000 for clienten_per_1000; cents → euros for kosten_per_inwoner);
-- regio_waarde = Σ teller / Σ noemer over all municipalities of the year, same scale (ratio of sums, never a mean
-- of ratios; suppressed municipalities still count in the region value).
-- Funnel limits only for the proportions (marts.md: uitval_pct, pct_tijdig_gestart; is_proportie):
--   p ± z·√(p(1−p)/n) with p = regio_waarde, n = the municipality's noemer, z = 1.96 (95 %) and 3.09 (99.8 %),
--   clipped to [0, 1] and rounded to 6 decimals; buiten_998 = waarde below grens_998_laag or above grens_998_hoog.
-- Suppression (kpis.md Conventions and K10, var min_celgrootte, default 10; docs/privacy.md):
--   * primary: the row's tested count (int_benchmark__indicatoren.toets_aantal: clients, result rows, responses, or
--     for a proportion the smaller of numerator and complement) below min_celgrootte;
--   * the region value is suppressed by the same test on the region's sums;
--   * secondary: where the region value is published and exactly one municipality of the (jaar, indicator) is
--     suppressed, it would be the region total minus the others (the denominators are inhabitants, which are
--     public, or shown on the KPI pages), so the unsuppressed municipality with the smallest teller is suppressed
--     too (ties: the lower gemeentecode);
--   * a suppressed row has teller, noemer, waarde, its limits and buiten_998 all NULL and onderdrukt = true, so
--     nothing can be recovered as waarde × noemer.
-- The dashboard applies the same rule again with its own minimum (dashboards/kpi.py benchmark_regels).
with indicatoren as (
    select * from {{ ref('int_benchmark__indicatoren') }}
),

regio as (
    select
        jaar,
        indicator,
        sum(teller) as som_teller,
        sum(noemer) as som_noemer,
        sum(toets_aantal) as som_toets
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
            -- the region's own counts pass the same test (a region of one small municipality would otherwise
            -- publish the small group's value)
            when coalesce(
                case
                    when i.is_proportie then
                        case
                            when r.som_teller < r.som_noemer - r.som_teller then r.som_teller
                            else r.som_noemer - r.som_teller
                        end
                    else r.som_toets
                end, 0
            ) < {{ var('min_celgrootte') }} then null
            when r.som_noemer > 0 then r.som_teller * i.schaal_teller / (r.som_noemer * i.schaal_noemer)
        end as regio_waarde,
        case when r.som_noemer > 0 then r.som_teller / r.som_noemer end as p,
        coalesce(i.toets_aantal, 0) < {{ var('min_celgrootte') }} as primair
    from indicatoren as i
    left join regio as r
        on r.jaar = i.jaar and r.indicator = i.indicator
),

secundair as (
    -- per (jaar, indicator): how many rows fail on their own, and the order of the others by teller
    select
        *,
        sum(case when primair then 1 else 0 end) over (partition by jaar, indicator) as aantal_primair,
        row_number() over (
            partition by jaar, indicator, primair
            order by teller, gemeentecode
        ) as volgorde
    from berekend
),

onderdrukking as (
    select
        *,
        primair
        or (
            not primair
            and aantal_primair = 1
            and regio_waarde is not null
            and volgorde = 1
        ) as onderdrukt
    from secundair
),

met_se as (
    select
        *,
        case
            when is_proportie and noemer > 0 and p is not null then sqrt(p * (1 - p) / noemer)
        end as se
    from onderdrukking
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
    case when onderdrukt then null else teller end as teller,
    case when onderdrukt then null else noemer end as noemer,
    case when onderdrukt then null else ruwe_waarde end as waarde,
    regio_waarde,
    case when onderdrukt then null else g95_laag end as grens_95_laag,
    case when onderdrukt then null else g95_hoog end as grens_95_hoog,
    case when onderdrukt then null else g998_laag end as grens_998_laag,
    case when onderdrukt then null else g998_hoog end as grens_998_hoog,
    case
        when onderdrukt or g998_laag is null or ruwe_waarde is null then null
        else ruwe_waarde < g998_laag or ruwe_waarde > g998_hoog
    end as buiten_998,
    onderdrukt
from grenzen
