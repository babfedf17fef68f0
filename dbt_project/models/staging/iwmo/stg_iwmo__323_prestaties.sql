-- Rename/cast only: raw.iwmo_323_prestaties (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('aanbieder') }},
    declaratienummer,
    client_pseudoniem,
    referentienummer,
    vorig_referentienummer,
    toewijzingnummer,
    productcategorie,
    productcode,
    periode_begin,
    periode_eind,
    geleverd_volume,
    eenheid,
    product_tarief_cent,
    bedrag_cent,
    debet_credit,
    case when debet_credit = 'C' then -bedrag_cent else bedrag_cent end as bedrag_netto_cent,
    case when debet_credit = 'C' then -geleverd_volume else geleverd_volume end as volume_netto
from {{ source('raw', 'iwmo_323_prestaties') }}
