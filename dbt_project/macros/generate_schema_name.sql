{#- Use the folder's schema name as is (staging, intermediate, marts) instead of dbt's <target>_<schema>,
    because `marts` is a published interface whose name must not depend on the dbt target. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
