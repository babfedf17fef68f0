{#- Rows where `expression` is not true fail (NULL counts as failing unless the expression handles it). -#}
{% test a_expression_is_true(model, expression) %}
select *
from {{ model }}
where not coalesce(({{ expression }}), false)
{% endtest %}
