{#- A DATE for day `dag` of month `maand` (Python ints) in the year given by the SQL expression `jaar_expr`,
    e.g. b_datum_in_jaar('boekjaar + 1', 3, 1) = 1 March of the year after the boekjaar. Portable (ISO string cast). -#}
{% macro b_datum_in_jaar(jaar_expr, maand, dag) -%}
    cast({{ dbt.concat(["cast(" ~ jaar_expr ~ " as " ~ dbt.type_string() ~ ")", "'-" ~ ('%02d' % maand) ~ "-" ~ ('%02d' % dag) ~ "'"]) }} as date)
{%- endmacro %}
