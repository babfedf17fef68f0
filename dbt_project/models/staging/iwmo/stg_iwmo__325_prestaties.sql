-- Rename/cast only: raw.iwmo_325_prestaties (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    {{ stg_iwmo_header('gemeente') }},
    declaratie_identificatie,
    declaratie_dagtekening,
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
    bedrag_cent,
    debet_credit,
    retourcodes
from {{ source('raw', 'iwmo_325_prestaties') }}
