{#- Current state of every 305 StartProduct per logical key (gemeente, client, ToewijzingNummer, Begindatum)
    (inputs.md §1): the latest message per key (Dagtekening, then Identificatie) decides; StatusAanlevering 3 =
    deleted (kept here with is_verwijderd = true; every use filters it). eerste_dagtekening = Dagtekening of the
    first message for the key (used for K11 timeliness). -#}
with berichten as (
    select
        s.*,
        row_number() over (
            partition by s.gemeentecode, s.client_pseudoniem, s.toewijzingnummer, s.begindatum
            order by s.bericht_dagtekening desc, s.bericht_identificatie desc, s.bericht_id desc
        ) as rang,
        min(s.bericht_dagtekening) over (
            partition by s.gemeentecode, s.client_pseudoniem, s.toewijzingnummer, s.begindatum
        ) as eerste_dagtekening,
        count(*) over (
            partition by s.gemeentecode, s.client_pseudoniem, s.toewijzingnummer, s.begindatum
        ) as aantal_berichten
    from {{ ref('stg_iwmo__305_startproducten') }} as s
)

select
    gemeentecode,
    client_pseudoniem,
    toewijzingnummer,
    begindatum,
    aanbieder_agb,
    productcategorie,
    productcode,
    toewijzing_ingangsdatum,
    status_aanlevering,
    status_aanlevering = '3' as is_verwijderd,
    bericht_id,
    bericht_dagtekening,
    bericht_identificatie,
    eerste_dagtekening,
    aantal_berichten
from berichten
where rang = 1
