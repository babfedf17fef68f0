{#- Every column of a composite key is filled: returns the rows where any of them is NULL. -#}
{% test b_not_null_combination(model, combination_of_columns) %}
select *
from {{ model }}
where
{%- for col in combination_of_columns %}
    {{ col }} is null{% if not loop.last %} or{% endif %}
{%- endfor %}
{% endtest %}
