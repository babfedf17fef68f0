{#- Grain test for composite keys: no combination of `combination_of_columns` occurs more than once.
    Usage: data_tests: [{unique_combination: {arguments: {combination_of_columns: [a, b]}}}] -#}
{% test unique_combination(model, combination_of_columns) %}
{%- set cols = combination_of_columns | join(', ') %}
select {{ cols }}, count(*) as aantal
from {{ model }}
group by {{ cols }}
having count(*) > 1
{% endtest %}
