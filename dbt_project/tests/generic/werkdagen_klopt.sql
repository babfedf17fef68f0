{#- Checks the real working-day calendar against hand-counted cases: gevallen = list of [a, b, expected].
    Fails with one row per case where werkdag_nr(b) − werkdag_nr(a) differs (or a date is missing). -#}
{% test werkdagen_klopt(model, gevallen) %}
with gevallen as (
    {%- for g in gevallen %}
    select cast('{{ g[0] }}' as date) as a, cast('{{ g[1] }}' as date) as b, {{ g[2] }} as verwacht
    {%- if not loop.last %} union all{% endif %}
    {%- endfor %}
)
select g.a, g.b, g.verwacht, wb.werkdag_nr - wa.werkdag_nr as berekend
from gevallen as g
left join {{ model }} as wa on wa.datum = g.a
left join {{ model }} as wb on wb.datum = g.b
where wa.werkdag_nr is null or wb.werkdag_nr is null or wb.werkdag_nr - wa.werkdag_nr <> g.verwacht
{% endtest %}
