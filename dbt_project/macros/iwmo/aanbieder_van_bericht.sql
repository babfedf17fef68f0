{#- The provider (AGB) side of a loaded message, from its type `ty` and, for a retour, the answered type `orig`
    (both rows of the iwmo_berichttypen seed): a retour carries the answered message's header, so its provider is
    that message's sender or receiver; other messages are the provider's when it sends that type. -#}
{% macro aanbieder_van_bericht(b, ty, orig) -%}
    case
        when {{ ty }}.retour_op is not null and {{ ty }}.berichttype <> 'WMO325' then
            case when {{ orig }}.afzender_rol = 'aanbieder' then {{ b }}.afzender else {{ b }}.ontvanger end
        when {{ ty }}.afzender_rol = 'aanbieder' then {{ b }}.afzender
        else {{ b }}.ontvanger
    end
{%- endmacro %}
