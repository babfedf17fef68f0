{#- True when a comma-separated list of 4-digit retourcodes holds a code outside `niet_afwijzend`.
    Lines of a 325: every code other than 0200 rejects (inputs.md §1). Header and DeclaratieAntwoord of a 325:
    0200 (geen opmerking) and 8001 (declaratie is volledig toegewezen) are not rejecting.
    Portable: strips the non-rejecting codes, commas and spaces and checks whether anything remains. -#}
{% macro heeft_afwijzende_code(codes, niet_afwijzend=['0200']) -%}
    {%- set ns = namespace(expr="coalesce(" ~ codes ~ ", '')") -%}
    {%- for code in niet_afwijzend -%}
        {%- set ns.expr = "replace(" ~ ns.expr ~ ", '" ~ code ~ "', '')" -%}
    {%- endfor -%}
    (replace(replace({{ ns.expr }}, ',', ''), ' ', '') <> '')
{%- endmacro %}

{#- Non-rejecting codes on a 325 header or DeclaratieAntwoord. -#}
{% macro niet_afwijzende_kopcodes() -%}
    {{ return(['0200', '8001']) }}
{%- endmacro %}
