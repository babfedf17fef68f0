{#- Working-day calendar (kpis.md Conventions). One row per date between vars werkdagen_van and werkdagen_tot.
    werkdag_nr = number of working days from the start of the calendar up to and including the date, so
    werkdagen(a, b) = werkdag_nr(b) - werkdag_nr(a) counts the working days d with a < d <= b (negative when b < a).
    Holidays: from the `holidays` package (int_feestdagen_pakket) keep Nieuwjaarsdag, Tweede Paasdag,
    Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag; Goede Vrijdag, Eerste Paasdag, Eerste
    Pinksterdag are dropped; Koningsdag (27 Apr, 26 Apr when 27 Apr is a Sunday) and Bevrijdingsdag (5 May, only
    in years divisible by 5) are derived by the spec's rule (the package gives Koninginnedag before 2014). -#}
{%- set van = var('werkdagen_van', '2010-01-01') -%}
{%- set tot = var('werkdagen_tot', '2040-12-31') -%}
with datums as (
    -- duckdb-only: range() table function as a date spine
    select cast(d as date) as datum
    from range(cast('{{ van }}' as date), cast('{{ tot }}' as date) + interval 1 day, interval 1 day) as t(d)
),

pakket as (
    select
        datum,
        case naam_pakket
            when 'New Year''s Day' then 'Nieuwjaarsdag'
            when 'Easter Monday' then 'Tweede Paasdag'
            when 'Ascension Day' then 'Hemelvaartsdag'
            when 'Pentecost Monday' then 'Tweede Pinksterdag'
            when 'Christmas Day' then 'Eerste Kerstdag'
            when 'Second Day of Christmas' then 'Tweede Kerstdag'
        end as feestdag
    from {{ ref('int_feestdagen_pakket') }}
),

kalender as (
    -- duckdb-only: extract(isodow ...) (also PostgreSQL; Snowflake would need dayofweekiso)
    select
        d.datum,
        extract(isodow from d.datum) as iso_weekdag,
        coalesce(
            min(p.feestdag),
            case
                when extract(month from d.datum) = 4 and extract(day from d.datum) = 27
                    and extract(isodow from d.datum) <> 7 then 'Koningsdag'
                when extract(month from d.datum) = 4 and extract(day from d.datum) = 26
                    and extract(isodow from d.datum) = 6 then 'Koningsdag'
                when extract(month from d.datum) = 5 and extract(day from d.datum) = 5
                    and extract(year from d.datum) % 5 = 0 then 'Bevrijdingsdag'
            end
        ) as feestdag
    from datums as d
    left join pakket as p
        on p.datum = d.datum and p.feestdag is not null
    group by d.datum
)

select
    datum,
    cast(iso_weekdag as integer) as iso_weekdag,
    feestdag,
    feestdag is not null as is_feestdag,
    (iso_weekdag <= 5 and feestdag is null) as is_werkdag,
    cast(sum(case when iso_weekdag <= 5 and feestdag is null then 1 else 0 end)
        over (order by datum rows between unbounded preceding and current row) as integer) as werkdag_nr
from kalender
