{#- One row per 323 line (marts.md), key (aanbieder_agb, declaratienummer, referentienummer), with its approval
    status from the 325 (int_prestaties). bedrag_cent and volume are signed (debit positive, credit negative). -#}
select
    aanbieder_agb,
    declaratienummer,
    referentienummer,
    gemeentecode,
    toewijzingnummer,
    client_pseudoniem,
    productcategorie,
    productcode,
    eenheid,
    periode_begin,
    periode_eind,
    cast(extract(year from periode_begin) as integer) as jaar,
    volume_netto as volume,
    geleverd_volume,
    tarief_cent,
    bedrag_cent,
    bedrag_ingediend_cent,
    debet_credit,
    vorig_referentienummer,
    status,
    retourcodes,
    declaratie_geheel_afgewezen,
    bericht_identificatie as declaratie_identificatie,
    bericht_dagtekening as declaratie_dagtekening,
    antwoord_dagtekening
from {{ ref('int_prestaties') }}
