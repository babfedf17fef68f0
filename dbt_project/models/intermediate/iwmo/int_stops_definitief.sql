{#- Definitive stop per assignment (kpis.md Conventions): among its non-deleted 307 stops with
    RedenBeeindiging <> 20, the one from the latest message (Dagtekening, then Identificatie; within one message
    the latest Einddatum). One row per existing, NOT deleted assignment that has one (deleted assignments are
    excluded from every KPI, so their stops are void). -#}
with kandidaten as (
    select
        s.*,
        row_number() over (
            partition by s.gemeentecode, s.toewijzingnummer
            order by s.bericht_dagtekening desc, s.bericht_identificatie desc, s.einddatum desc, s.begindatum desc
        ) as rang
    from {{ ref('int_stops') }} as s
    inner join {{ ref('int_toewijzingen') }} as t
        on t.gemeentecode = s.gemeentecode
        and t.toewijzingnummer = s.toewijzingnummer
    where not s.is_verwijderd
        and s.reden_beeindiging <> '20'
        and not t.is_verwijderd
)

select
    gemeentecode,
    toewijzingnummer,
    client_pseudoniem,
    aanbieder_agb,
    einddatum as einddatum_traject,
    reden_beeindiging,
    reden_groep,
    standaard,
    release,
    begindatum as stop_begindatum,
    bericht_id,
    bericht_dagtekening
from kandidaten
where rang = 1
