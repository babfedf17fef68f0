{#- One row per assignment (gemeentecode, toewijzingnummer), current version, deleted ones included with
    is_verwijderd = true (marts.md). For deleted assignments the KPI columns (dagen_tot_start, tijdig_gestart,
    duur_dagen, duur_tot_peildatum, einddatum_traject) are NULL: they are excluded from every KPI (kpis.md). -#}
with starts as (
    select gemeentecode, toewijzingnummer, min(begindatum) as startdatum
    from {{ ref('int_starts') }}
    where not is_verwijderd
    group by gemeentecode, toewijzingnummer
),

basis as (
    select
        t.*,
        s.startdatum,
        d.einddatum_traject,
        d.reden_beeindiging,
        d.reden_groep,
        case when t.ingangsdatum > t.toewijzingsdatum then t.ingangsdatum else t.toewijzingsdatum end
            as referentiedatum,
        pd.peildatum
    from {{ ref('int_toewijzingen') }} as t
    cross join {{ ref('int_peildatum') }} as pd
    left join starts as s
        on s.gemeentecode = t.gemeentecode and s.toewijzingnummer = t.toewijzingnummer
    left join {{ ref('int_stops_definitief') }} as d
        on d.gemeentecode = t.gemeentecode and d.toewijzingnummer = t.toewijzingnummer
)

select
    gemeentecode,
    toewijzingnummer,
    aanbieder_agb,
    client_pseudoniem,
    wijkcode,
    referentie_aanbieder,
    productcategorie,
    productcode,
    eenheid,
    volume,
    frequentie,
    budget_cent,
    toewijzingsdatum,
    ingangsdatum,
    einddatum,
    reden_wijziging,
    is_verwijderd,
    startdatum,
    einddatum_traject,
    reden_beeindiging,
    reden_groep,
    referentiedatum,
    cast(extract(year from referentiedatum) as integer) as jaar_referentie,
    cast(extract(year from einddatum_traject) as integer) as jaar_einde_traject,
    case when not is_verwijderd and startdatum is not null then
        case when startdatum > referentiedatum then {{ dbt.datediff('referentiedatum', 'startdatum', 'day') }} else 0 end
    end as dagen_tot_start,
    case when not is_verwijderd and startdatum is not null then
        {{ werkdagen('referentiedatum', 'startdatum') }} <= 5
    end as tijdig_gestart,
    -- no start yet and more than 5 working days since the reference date on the peildatum (waiting, already late)
    (not is_verwijderd and startdatum is null and referentiedatum <= peildatum
        and {{ werkdagen('referentiedatum', 'peildatum') }} > 5) is true as start_termijn_verstreken,
    -- K5: a trajectory is completed when its definitive stop lies on or before the peildatum; one that stops later
    -- (a stop announced ahead) is still open on the peildatum and counts there, never in the completed durations
    case when not is_verwijderd and startdatum is not null and einddatum_traject <= peildatum then
        {{ dbt.datediff('startdatum', 'einddatum_traject', 'day') }} + 1
    end as duur_dagen,
    case when not is_verwijderd and startdatum <= peildatum
        and (einddatum_traject is null or einddatum_traject > peildatum) then
        {{ dbt.datediff('startdatum', 'peildatum', 'day') }} + 1
    end as duur_tot_peildatum,
    aantal_versies,
    bericht_id as bericht_id_huidige_versie
from basis
