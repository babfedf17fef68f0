{#- Fails (returns one row) when no row of the model satisfies `condition`. -#}
{% test row_exists(model, condition) %}
select 1 as ontbreekt
where not exists (select 1 from {{ model }} where {{ condition }})
{% endtest %}
