{#- The reference date of all reports (kpis.md Conventions): var `peildatum` when set, else the latest
    Dagtekening of all loaded iWmo messages; with no messages at all, today. Exactly one row. -#}
with berichten as (
    select max(bericht_dagtekening) as max_dagtekening
    from {{ ref('stg_iwmo__berichten') }}
)

select
    {%- if var('peildatum', none) %}
    cast('{{ var("peildatum") }}' as date) as peildatum,
    'var' as bron
    {%- else %}
    coalesce(max_dagtekening, current_date) as peildatum,
    case when max_dagtekening is null then 'vandaag' else 'max_dagtekening' end as bron
    {%- endif %}
from berichten
