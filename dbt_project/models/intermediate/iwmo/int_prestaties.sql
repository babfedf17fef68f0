{#- Every 323 line with its approval status from the 325 (inputs.md §1, kpis.md K6):
    a 325 answers the 323 whose (Identificatie, Dagtekening) equals its DeclaratieIdentificatie/-Dagtekening and
    that was sent by the 325's receiver (same provider) to its sender (same municipality); when several 325s
    answer one 323, the latest (Dagtekening, Identificatie) counts.
    Return codes are aggregated in code order, so that a rebuild gives the same text whatever order rows arrive in.
    status: no 325 → in_behandeling; 325 header or DeclaratieAntwoord with a rejecting code (other than 0200
    and 8001 'volledig toegewezen') and
    TotaalToegekendBedrag 0 (or absent) → whole declaration afgewezen; line returned with a code <> 0200 →
    afgewezen; otherwise goedgekeurd. -#}
with antwoord_totalen as (
    select
        bericht_id,
        sum(totaal_toegekend_cent) as totaal_toegekend_cent,
        {{ dbt.listagg('antwoord_retourcodes', "','", 'order by antwoord_retourcodes') }} as antwoord_retourcodes
    from {{ ref('stg_iwmo__325_antwoorden') }}
    group by bericht_id
),

antwoorden as (
    select
        b.bericht_id as antwoord_bericht_id,
        b.afzender as gemeentecode,
        b.ontvanger as aanbieder_agb,
        b.declaratie_identificatie,
        b.declaratie_dagtekening,
        b.bericht_dagtekening as antwoord_dagtekening,
        b.header_retourcodes,
        a.antwoord_retourcodes,
        a.totaal_toegekend_cent,
        row_number() over (
            partition by b.afzender, b.ontvanger, b.declaratie_identificatie, b.declaratie_dagtekening
            order by b.bericht_dagtekening desc, b.bericht_identificatie desc, b.bericht_id desc
        ) as rang
    from {{ ref('stg_iwmo__berichten') }} as b
    left join antwoord_totalen as a
        on a.bericht_id = b.bericht_id
    where b.berichttype = 'WMO325'
),

laatste_antwoord as (
    select
        *,
        (({{ heeft_afwijzende_code('header_retourcodes', niet_afwijzende_kopcodes()) }} or {{ heeft_afwijzende_code('antwoord_retourcodes', niet_afwijzende_kopcodes()) }})
            and coalesce(totaal_toegekend_cent, 0) = 0) as geheel_afgewezen
    from antwoorden
    where rang = 1
),

geretourneerd as (
    select
        bericht_id as antwoord_bericht_id,
        referentienummer,
        {{ dbt.listagg('retourcodes', "','", 'order by retourcodes') }} as retourcodes
    from {{ ref('stg_iwmo__325_prestaties') }}
    group by bericht_id, referentienummer
)

select
    p.aanbieder_agb,
    p.declaratienummer,
    p.referentienummer,
    p.gemeentecode,
    p.toewijzingnummer,
    p.client_pseudoniem,
    p.productcategorie,
    p.productcode,
    p.eenheid,
    p.periode_begin,
    p.periode_eind,
    p.geleverd_volume,
    p.volume_netto,
    p.product_tarief_cent as tarief_cent,
    p.bedrag_cent as bedrag_ingediend_cent,
    p.bedrag_netto_cent as bedrag_cent,
    p.debet_credit,
    p.vorig_referentienummer,
    p.bericht_id,
    p.bericht_identificatie,
    p.bericht_dagtekening,
    a.antwoord_bericht_id,
    a.antwoord_dagtekening,
    case
        when a.antwoord_bericht_id is null then 'in_behandeling'
        when a.geheel_afgewezen then 'afgewezen'
        when g.referentienummer is not null and {{ heeft_afwijzende_code('g.retourcodes') }} then 'afgewezen'
        else 'goedgekeurd'
    end as status,
    case
        when a.antwoord_bericht_id is null then ''
        when a.geheel_afgewezen then
            -- only the lists that carry a rejecting code (header and/or DeclaratieAntwoord)
            {{ dbt.concat([
                "case when " ~ heeft_afwijzende_code('a.header_retourcodes', niet_afwijzende_kopcodes()) ~ " then a.header_retourcodes else '' end",
                "case when " ~ heeft_afwijzende_code('a.header_retourcodes', niet_afwijzende_kopcodes()) ~ " and " ~ heeft_afwijzende_code('a.antwoord_retourcodes', niet_afwijzende_kopcodes()) ~ " then ',' else '' end",
                "case when " ~ heeft_afwijzende_code('a.antwoord_retourcodes', niet_afwijzende_kopcodes()) ~ " then a.antwoord_retourcodes else '' end"]) }}
        when g.referentienummer is not null and {{ heeft_afwijzende_code('g.retourcodes') }} then g.retourcodes
        else ''
    end as retourcodes,
    coalesce(a.geheel_afgewezen, false) as declaratie_geheel_afgewezen
from {{ ref('stg_iwmo__323_prestaties') }} as p
left join laatste_antwoord as a
    on a.aanbieder_agb = p.aanbieder_agb
    and a.gemeentecode = p.gemeentecode
    and a.declaratie_identificatie = p.bericht_identificatie
    and a.declaratie_dagtekening = p.bericht_dagtekening
left join geretourneerd as g
    on g.antwoord_bericht_id = a.antwoord_bericht_id
    and g.referentienummer = p.referentienummer
