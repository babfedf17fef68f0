{#- Secondary suppression (kpis.md): within every group whose total is published, never exactly one suppressed
    row, which would be the total minus the others. Returns the groups that break it. -#}
{% test secundair_onderdrukt(model, groep, totaal, onderdrukt='onderdrukt') %}
{%- set cols = groep | join(', ') %}
select {{ cols }}, count(*) as aantal_onderdrukt
from {{ model }}
where {{ totaal }} is not null and {{ onderdrukt }}
group by {{ cols }}
having count(*) = 1
{% endtest %}
