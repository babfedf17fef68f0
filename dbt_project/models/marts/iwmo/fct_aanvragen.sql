{#- K4 aanvraag → toewijzing: one row per 315 AangevraagdProduct, key (aanbieder_agb, referentie_aanbieder)
    (kpis.md K4, marts.md). When a provider sends the same ReferentieAanbieder more than once, the first 315
    (Dagtekening, Identificatie) is the request. Answers (301 ToegewezenProduct by Toewijzingsdatum, 319 Antwoord
    by Dagtekening) come from the 315's receiving municipality to the same provider with the same
    ReferentieAanbieder; only answers dated on or before the peildatum count. On equal dates a 301 is the first
    answer. status: afgewezen = a 319 VerzoekAntwoord 1 with no 301 on or after its date; toegewezen = a 301;
    in_onderzoek = only 319s (VerzoekAntwoord 2); open = no answer. -#}
with aanvragen as (
    select
        a.*,
        row_number() over (
            partition by a.aanbieder_agb, a.referentie_aanbieder
            order by a.bericht_dagtekening, a.bericht_identificatie, a.bericht_id
        ) as rang
    from {{ ref('stg_iwmo__315_aangevraagde_producten') }} as a
),

aanvraag as (
    select a.*, pd.peildatum
    from aanvragen as a
    cross join {{ ref('int_peildatum') }} as pd
    where a.rang = 1
),

toewijzingen_301 as (
    select
        a.aanbieder_agb,
        a.referentie_aanbieder,
        t.toewijzingsdatum as datum,
        t.toewijzingnummer,
        row_number() over (
            partition by a.aanbieder_agb, a.referentie_aanbieder
            order by t.toewijzingsdatum, t.toewijzingnummer
        ) as rang,
        max(t.toewijzingsdatum) over (partition by a.aanbieder_agb, a.referentie_aanbieder) as laatste_datum
    from aanvraag as a
    inner join {{ ref('stg_iwmo__301_toegewezen_producten') }} as t
        on t.gemeentecode = a.gemeentecode
        and t.aanbieder_agb = a.aanbieder_agb
        and t.referentie_aanbieder = a.referentie_aanbieder
        and t.toewijzingsdatum <= a.peildatum
),

eerste_301 as (
    select * from toewijzingen_301 where rang = 1
),

antwoorden_319 as (
    select
        a.aanbieder_agb,
        a.referentie_aanbieder,
        min(r.bericht_dagtekening) as eerste_datum,
        max(case when r.verzoek_antwoord = '1' then r.bericht_dagtekening end) as laatste_afwijzing
    from aanvraag as a
    inner join {{ ref('stg_iwmo__319_antwoorden') }} as r
        on r.gemeentecode = a.gemeentecode
        and r.aanbieder_agb = a.aanbieder_agb
        and r.referentie_aanbieder = a.referentie_aanbieder
        and r.bericht_dagtekening <= a.peildatum
    group by a.aanbieder_agb, a.referentie_aanbieder
),

samen as (
    select
        a.aanbieder_agb,
        a.referentie_aanbieder,
        a.gemeentecode,
        a.client_pseudoniem,
        a.bericht_dagtekening as aanvraagdatum,
        a.productcategorie,
        a.productcode,
        a.verwijzer_type,
        a.peildatum,
        t.datum as toewijzingsdatum_eerste,
        t.laatste_datum as toewijzingsdatum_laatste,
        t.toewijzingnummer,
        r.eerste_datum as antwoord_319_datum,
        r.laatste_afwijzing,
        case
            when t.datum is not null and (r.eerste_datum is null or t.datum <= r.eerste_datum) then t.datum
            else r.eerste_datum
        end as antwoorddatum,
        case
            when t.datum is not null and (r.eerste_datum is null or t.datum <= r.eerste_datum) then '301'
            when r.eerste_datum is not null then '319'
        end as antwoordsoort
    from aanvraag as a
    left join eerste_301 as t
        on t.aanbieder_agb = a.aanbieder_agb and t.referentie_aanbieder = a.referentie_aanbieder
    left join antwoorden_319 as r
        on r.aanbieder_agb = a.aanbieder_agb and r.referentie_aanbieder = a.referentie_aanbieder
)

select
    aanbieder_agb,
    referentie_aanbieder,
    gemeentecode,
    client_pseudoniem,
    aanvraagdatum,
    cast(extract(year from aanvraagdatum) as integer) as jaar,
    productcategorie,
    productcode,
    verwijzer_type,
    antwoorddatum,
    antwoordsoort,
    {{ dbt.datediff('aanvraagdatum', 'antwoorddatum', 'day') }} as dagen_tot_antwoord,
    case when antwoorddatum is not null then {{ werkdagen('aanvraagdatum', 'antwoorddatum') }} <= 5 end
        as tijdig_beantwoord,
    (antwoorddatum is null and {{ werkdagen('aanvraagdatum', 'peildatum') }} > 5) is true
        as antwoord_termijn_verstreken,
    toewijzingnummer,
    toewijzingsdatum_eerste as toewijzingsdatum,
    {{ dbt.datediff('aanvraagdatum', 'toewijzingsdatum_eerste', 'day') }} as dagen_tot_toewijzing,
    case
        when laatste_afwijzing is not null
            and (toewijzingsdatum_laatste is null or toewijzingsdatum_laatste < laatste_afwijzing) then 'afgewezen'
        when toewijzingsdatum_eerste is not null then 'toegewezen'
        when antwoord_319_datum is not null then 'in_onderzoek'
        else 'open'
    end as status
from samen
