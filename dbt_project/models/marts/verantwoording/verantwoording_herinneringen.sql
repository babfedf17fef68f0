-- Reminders for the accountability schedule on the peildatum: one row per boekjaar × provider × onderdeel
-- (`productie`: due before 1 March of B+1; `verklaring`: due before 1 April of B+1) that is missing after its
-- deadline, delivered late, or (statement) of the wrong kind. `reden` is a Dutch sentence for the letter or e-mail.
with s as (
    select * from {{ ref('verantwoording_status') }}
),

productie as (
    select
        boekjaar,
        aanbieder_agb,
        aanbieder_naam,
        'productie' as onderdeel,
        termijn_productie as termijn,
        peildatum,
        case when not ontvangen then 'ontbreekt' else 'te_laat' end as situatie,
        case
            when not ontvangen then
                {{ dbt.concat([
                    "'De productieverantwoording over boekjaar '",
                    "cast(boekjaar as " ~ dbt.type_string() ~ ")",
                    "' ontbreekt; die moest vóór '",
                    "cast(termijn_productie as " ~ dbt.type_string() ~ ")",
                    "' binnen zijn.'"
                ]) }}
            else
                {{ dbt.concat([
                    "'De productieverantwoording over boekjaar '",
                    "cast(boekjaar as " ~ dbt.type_string() ~ ")",
                    "' is te laat ontvangen (op '",
                    "cast(datum_productieverantwoording as " ~ dbt.type_string() ~ ")",
                    "'); die moest vóór '",
                    "cast(termijn_productie as " ~ dbt.type_string() ~ ")",
                    "' binnen zijn.'"
                ]) }}
        end as reden
    from s
    where (not ontvangen and peildatum >= termijn_productie)
       or (ontvangen and productie_tijdig = false)
),

verklaring_basis as (
    select
        *,
        case
            when not ontvangen or soort_verklaring is null or datum_verklaring is null then 'ontbreekt'
            when soort_verklaring = 'bestuursverklaring' and verklaring_vereist = 'accountantsverklaring' then 'onjuiste_soort'
            else 'te_laat'
        end as situatie
    from s
    where not verklaring_ok
      and peildatum >= termijn_verklaring
),

verklaring as (
    select
        boekjaar,
        aanbieder_agb,
        aanbieder_naam,
        'verklaring' as onderdeel,
        termijn_verklaring as termijn,
        peildatum,
        situatie,
        case situatie
            when 'ontbreekt' then
                {{ dbt.concat([
                    "'De '",
                    "coalesce(verklaring_vereist, 'accountants- of bestuursverklaring')",
                    "' over boekjaar '",
                    "cast(boekjaar as " ~ dbt.type_string() ~ ")",
                    "' ontbreekt; die moest vóór '",
                    "cast(termijn_verklaring as " ~ dbt.type_string() ~ ")",
                    "' binnen zijn.'"
                ]) }}
            when 'onjuiste_soort' then
                {{ dbt.concat([
                    "'Over boekjaar '",
                    "cast(boekjaar as " ~ dbt.type_string() ~ ")",
                    "' is een bestuursverklaring geleverd, maar bij een Wmo-omzet van € '",
                    "coalesce(cast(cast(omzet_wmo_totaal_cent / 100 as " ~ dbt.type_bigint() ~ ") as " ~ dbt.type_string() ~ "), 'onbekend')",
                    "' (drempel € '",
                    "cast(cast(drempel_cent / 100 as " ~ dbt.type_bigint() ~ ") as " ~ dbt.type_string() ~ ")",
                    "') is een accountantsverklaring vereist.'"
                ]) }}
            else
                {{ dbt.concat([
                    "'De '",
                    "soort_verklaring",
                    "' over boekjaar '",
                    "cast(boekjaar as " ~ dbt.type_string() ~ ")",
                    "' is te laat ontvangen (gedateerd '",
                    "cast(datum_verklaring as " ~ dbt.type_string() ~ ")",
                    "'); die moest vóór '",
                    "cast(termijn_verklaring as " ~ dbt.type_string() ~ ")",
                    "' binnen zijn.'"
                ]) }}
        end as reden
    from verklaring_basis
)

select * from productie
union all
select * from verklaring
