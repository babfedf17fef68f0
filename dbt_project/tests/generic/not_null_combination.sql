{#- Every column of `combination_of_columns` is filled (grain keys). -#}
{% test not_null_combination(model, combination_of_columns) %}
select *
from {{ model }}
where {% for c in combination_of_columns %}{{ c }} is null{% if not loop.last %} or {% endif %}{% endfor %}
{% endtest %}
