-- K10 numerators and denominators per municipality × year × indicator, before region values, funnel limits and
-- suppression (benchmark_gemeenten). Per indicator:
--   is_proportie      funnel limits apply: the proportions uitval_pct and pct_tijdig_gestart (marts.md); not the
--                     realisatiescore, which is a mean score
--   toets_aantal      the count of persons or events suppression tests (kpis.md K10): the clients for the two
--                     per-inhabitant indicators (also behind the costs), the result rows for the realisatiescore,
--                     the responses for gemiddeld_cijfer, and for the proportions the smaller of numerator and
--                     complement (denominator − numerator; the denominator is at least either)
--   schaal_teller, schaal_noemer   waarde = teller × schaal_teller / (noemer × schaal_noemer), in whole numbers so
--                     that e.g. 25 clients per 5000 inhabitants is exactly 5.0 per 1000
with inwoners as (
    select gemeentecode, jaar, inwoners from {{ ref('stg_referentie__inwoners') }}
),

clienten as (
    select gemeentecode, jaar, count(distinct client_pseudoniem) as teller
    from {{ ref('int_klachten__toewijzing_actief_jaar') }}
    group by gemeentecode, jaar
),

kosten as (
    -- approved prestaties (debit − credit, year of ProductPeriode Begindatum) on existing, non-deleted
    -- assignments only (kpis.md Conventions: deleted assignments are excluded from every KPI except RM11; a line
    -- without an assignment has no K6 amount either)
    select p.gemeentecode, p.jaar, cast(sum(p.bedrag_cent) as {{ dbt.type_bigint() }}) as teller
    from {{ ref('fct_prestaties') }} as p
    inner join {{ ref('int_toewijzingen') }} as t
        on t.gemeentecode = p.gemeentecode
        and t.toewijzingnummer = p.toewijzingnummer
        and t.aanbieder_agb = p.aanbieder_agb
    where p.status = 'goedgekeurd'
      and not t.is_verwijderd
    group by p.gemeentecode, p.jaar
),

realisatie as (
    select gemeentecode, jaar, sum(som_score) as teller, sum(aantal) as noemer
    from {{ ref('kpi_doelrealisatie') }}
    group by gemeentecode, jaar
),

cijfer as (
    select gemeentecode, jaar, sum(som_cijfer) as teller, sum(aantal_respondenten) as noemer
    from {{ ref('kpi_tevredenheid') }}
    group by gemeentecode, jaar
    having sum(aantal_respondenten) > 0
),

uitval as (
    select
        gemeentecode,
        jaar,
        sum(case when reden_groep = 'uitval' then aantal else 0 end) as teller,
        sum(case when reden_groep in ('volgens_plan', 'uitval') then aantal else 0 end) as noemer
    from {{ ref('kpi_uitval') }}
    group by gemeentecode, jaar
    having sum(case when reden_groep in ('volgens_plan', 'uitval') then aantal else 0 end) > 0
),

tijdig as (
    -- K4 toewijzing → start; year = year of the reference date max(ingangsdatum, toewijzingsdatum);
    -- only started assignments (tijdig_gestart known) count
    select
        gemeentecode,
        cast(extract(year from case
            when toewijzingsdatum is null or ingangsdatum >= toewijzingsdatum then ingangsdatum
            else toewijzingsdatum
        end) as integer) as jaar,
        sum(case when tijdig_gestart then 1 else 0 end) as teller,
        count(*) as noemer
    from {{ ref('fct_toewijzingen') }}
    where not is_verwijderd
      and tijdig_gestart is not null
    group by 1, 2
)

select
    c.jaar, c.gemeentecode, 'clienten_per_1000' as indicator,
    cast(c.teller as double precision) as teller, cast(i.inwoners as double precision) as noemer,
    1000 as schaal_teller, 1 as schaal_noemer, false as is_proportie, cast(c.teller as double precision) as toets_aantal
from clienten as c
left join inwoners as i on i.gemeentecode = c.gemeentecode and i.jaar = c.jaar

union all

-- teller in eurocents, waarde in euros per inhabitant; tested on the clients behind the costs (none: 0)
select
    k.jaar, k.gemeentecode, 'kosten_per_inwoner',
    cast(k.teller as double precision), cast(i.inwoners as double precision),
    1, 100, false, cast(coalesce(c.teller, 0) as double precision)
from kosten as k
left join inwoners as i on i.gemeentecode = k.gemeentecode and i.jaar = k.jaar
left join clienten as c on c.gemeentecode = k.gemeentecode and c.jaar = k.jaar

union all

-- a mean score (behaald 1, deels 0.5), not a proportion: no funnel limits (marts.md)
select jaar, gemeentecode, 'realisatiescore', cast(teller as double precision), cast(noemer as double precision), 1, 1, false, cast(noemer as double precision)
from realisatie

union all

select jaar, gemeentecode, 'gemiddeld_cijfer', cast(teller as double precision), cast(noemer as double precision), 1, 1, false, cast(noemer as double precision)
from cijfer

union all

select
    jaar, gemeentecode, 'uitval_pct', cast(teller as double precision), cast(noemer as double precision), 1, 1, true,
    cast(case when teller < noemer - teller then teller else noemer - teller end as double precision)
from uitval

union all

select
    jaar, gemeentecode, 'pct_tijdig_gestart', cast(teller as double precision), cast(noemer as double precision), 1, 1, true,
    cast(case when teller < noemer - teller then teller else noemer - teller end as double precision)
from tijdig
