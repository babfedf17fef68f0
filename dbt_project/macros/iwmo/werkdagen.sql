{#- werkdagen(a, b): number of Dutch working days d with a < d <= b (kpis.md Conventions); negative when b < a;
    NULL when either date is NULL or outside the calendar of int_werkdagen.
    Expands to two scalar subqueries on int_werkdagen (an equality lookup; DuckDB decorrelates them into hash joins). -#}
{% macro werkdagen(a, b) -%}
    ((select wd_b.werkdag_nr from {{ ref('int_werkdagen') }} as wd_b where wd_b.datum = {{ b }})
     - (select wd_a.werkdag_nr from {{ ref('int_werkdagen') }} as wd_a where wd_a.datum = {{ a }}))
{%- endmacro %}

{#- perioden(frequentie, begin, eind): number of periods of a Frequentie over the closed date range [begin, eind]
    (kpis.md K6): 1 → days; 2 → days / 7; 4 → Σ over calendar months m of days(range ∩ m) / days(m).
    Frequentie 6 depends on the assignment's validity and is handled by the caller; other codes → NULL. -#}
{% macro perioden(frequentie, begin, eind) -%}
    (case
        when {{ begin }} > {{ eind }} then 0.0
        when {{ frequentie }} = '1' then cast({{ dbt.datediff(begin, eind, 'day') }} + 1 as double)
        when {{ frequentie }} = '2' then ({{ dbt.datediff(begin, eind, 'day') }} + 1) / 7.0
        when {{ frequentie }} = '4' then
            case
                when {{ dbt.date_trunc('month', begin) }} = {{ dbt.date_trunc('month', eind) }}
                    then ({{ dbt.datediff(begin, eind, 'day') }} + 1)
                        / cast(extract(day from {{ dbt.last_day(begin, 'month') }}) as double)
                else
                    (extract(day from {{ dbt.last_day(begin, 'month') }}) - extract(day from {{ begin }}) + 1)
                        / cast(extract(day from {{ dbt.last_day(begin, 'month') }}) as double)
                    + ({{ dbt.datediff(dbt.date_trunc('month', begin), dbt.date_trunc('month', eind), 'month') }} - 1)
                    + extract(day from {{ eind }}) / cast(extract(day from {{ dbt.last_day(eind, 'month') }}) as double)
            end
    end)
{%- endmacro %}
