{#- Current version of every assignment (inputs.md §1, kpis.md Conventions), deleted ones included.
    Key (gemeentecode = 301 Afzender, toewijzingnummer). Current = latest (Toewijzingsdatum, Toewijzingstijd),
    ties by message Dagtekening, then Identificatie (string order), then bericht_id. -#}
with versies as (
    select
        tp.*,
        row_number() over (
            partition by tp.gemeentecode, tp.toewijzingnummer
            order by tp.toewijzingsdatum desc, tp.toewijzingstijd desc nulls last,
                tp.bericht_dagtekening desc, tp.bericht_identificatie desc, tp.bericht_id desc
        ) as versie_rang,
        count(*) over (partition by tp.gemeentecode, tp.toewijzingnummer) as aantal_versies
    from {{ ref('stg_iwmo__301_toegewezen_producten') }} as tp
),

client_laatste_301 as (
    -- Area: the BRP postcode of the client in the latest 301 for that client and municipality.
    select
        gemeentecode,
        client_pseudoniem,
        postcode4,
        row_number() over (
            partition by gemeentecode, client_pseudoniem
            order by bericht_dagtekening desc, bericht_identificatie desc, bericht_id desc
        ) as rang
    from {{ ref('stg_iwmo__301_clienten') }}
),

wijken as (
    select postcode4, gemeentecode, min(wijkcode) as wijkcode
    from {{ ref('stg_referentie__wijken') }}
    group by postcode4, gemeentecode
)

select
    v.gemeentecode,
    v.toewijzingnummer,
    v.aanbieder_agb,
    v.client_pseudoniem,
    v.referentie_aanbieder,
    v.productcategorie,
    v.productcode,
    v.toewijzingsdatum,
    v.toewijzingstijd,
    v.ingangsdatum,
    v.einddatum,
    v.reden_wijziging,
    v.volume,
    v.eenheid,
    v.frequentie,
    v.budget_cent,
    (v.reden_wijziging = '13' or (v.reden_wijziging = '01' and v.einddatum = v.ingangsdatum)) is true
        as is_verwijderd,
    c.postcode4,
    coalesce(w.wijkcode, 'onbekend') as wijkcode,
    v.bericht_id,
    v.bericht_dagtekening,
    v.bericht_identificatie,
    v.aantal_versies
from versies as v
left join client_laatste_301 as c
    on c.gemeentecode = v.gemeentecode
    and c.client_pseudoniem = v.client_pseudoniem
    and c.rang = 1
left join wijken as w
    on w.postcode4 = c.postcode4
    and w.gemeentecode = v.gemeentecode
where v.versie_rang = 1
