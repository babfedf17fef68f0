{#- Current state of every 307 StopProduct per logical key (gemeente, client, ToewijzingNummer, Begindatum,
    RedenBeeindiging) (inputs.md §1): the latest message per key decides; StatusAanlevering 3 = deleted.
    reden_groep from the seed iwmo_reden_beeindiging on the message's (standaard, release, code), falling back to
    the iWmo 3.2 list when the message's release is not in the seed. -#}
with berichten as (
    select
        s.*,
        row_number() over (
            partition by s.gemeentecode, s.client_pseudoniem, s.toewijzingnummer, s.begindatum, s.reden_beeindiging
            order by s.bericht_dagtekening desc, s.bericht_identificatie desc, s.bericht_id desc
        ) as rang,
        min(s.bericht_dagtekening) over (
            partition by s.gemeentecode, s.client_pseudoniem, s.toewijzingnummer, s.begindatum, s.reden_beeindiging
        ) as eerste_dagtekening
    from {{ ref('stg_iwmo__307_stopproducten') }} as s
),

huidig as (
    select * from berichten where rang = 1
)

select
    h.gemeentecode,
    h.client_pseudoniem,
    h.toewijzingnummer,
    h.begindatum,
    h.reden_beeindiging,
    h.einddatum,
    h.aanbieder_agb,
    h.productcategorie,
    h.productcode,
    h.status_aanlevering,
    h.status_aanlevering = '3' as is_verwijderd,
    coalesce(b.standaard, 'iWmo') as standaard,
    coalesce(b.release, '3.2') as release,
    coalesce(r.reden_groep, r32.reden_groep) as reden_groep,
    h.bericht_id,
    h.bericht_dagtekening,
    h.bericht_identificatie,
    h.eerste_dagtekening
from huidig as h
left join {{ ref('stg_iwmo__berichten') }} as b
    on b.bericht_id = h.bericht_id
left join {{ ref('iwmo_reden_beeindiging') }} as r
    on r.standaard = b.standaard and r.release = b.release and r.code = h.reden_beeindiging
left join {{ ref('iwmo_reden_beeindiging') }} as r32
    on r32.standaard = 'iWmo' and r32.release = '3.2' and r32.code = h.reden_beeindiging
