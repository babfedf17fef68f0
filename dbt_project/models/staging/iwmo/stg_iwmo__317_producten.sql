-- Rename/cast only: raw.iwmo_317_producten (docs/architecture.md). Header identificatie/dagtekening are the message's.
select
    bericht_id,
    berichtcode,
    afzender,
    afzender as aanbieder_agb,
    ontvanger as gemeentecode,
    ontvanger,
    identificatie as bericht_identificatie,
    dagtekening as bericht_dagtekening,
    referentie_aanbieder,
    soort,
    toewijzingnummer,
    productcategorie,
    productcode,
    gewenste_ingangsdatum,
    einddatum,
    volume,
    eenheid,
    frequentie,
    budget_cent
from {{ source('raw', 'iwmo_317_producten') }}
