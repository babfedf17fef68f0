{#- The message-header columns every stg_iwmo__ model starts with. `afzender_rol` says who sends the message
    type ('gemeente' for 301/319/325, 'aanbieder' for 305/307/315/317/323), which gives the codes their
    business names gemeentecode and aanbieder_agb. -#}
{% macro stg_iwmo_header(afzender_rol) -%}
    bericht_id,
    berichtcode,
    afzender,
    {% if afzender_rol == 'gemeente' -%}
    afzender as gemeentecode,
    ontvanger as aanbieder_agb,
    {%- else -%}
    afzender as aanbieder_agb,
    ontvanger as gemeentecode,
    {%- endif %}
    ontvanger,
    identificatie as bericht_identificatie,
    dagtekening as bericht_dagtekening
{%- endmacro %}
