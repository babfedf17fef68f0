{#- Data steward: per provider and message type, how many messages were loaded and the Dagtekening of the
    latest, and how many days that lies before the peildatum (a provider that went quiet shows up here). The
    provider side of a message as in K11 (macro aanbieder_van_bericht); a retour is dated by its own Dagtekening. -#}
with typen as (
    select * from {{ ref('iwmo_berichttypen') }}
),

berichten as (
    select
        {{ aanbieder_van_bericht('b', 'ty', 'orig') }} as aanbieder_agb,
        b.berichttype,
        ty.afzender_rol,
        ty.omschrijving,
        coalesce(b.dagtekening_retour, b.bericht_dagtekening) as dagtekening
    from {{ ref('stg_iwmo__berichten') }} as b
    inner join typen as ty
        on ty.berichttype = b.berichttype
    left join typen as orig
        on orig.berichttype = ty.retour_op
)

select
    m.aanbieder_agb,
    m.berichttype,
    m.omschrijving,
    m.afzender_rol,
    count(*) as aantal_berichten,
    min(m.dagtekening) as eerste_dagtekening,
    max(m.dagtekening) as laatste_dagtekening,
    p.peildatum,
    {{ dbt.datediff('max(m.dagtekening)', 'p.peildatum', 'day') }} as dagen_sinds_laatste
from berichten as m
cross join {{ ref('int_peildatum') }} as p
group by m.aanbieder_agb, m.berichttype, m.omschrijving, m.afzender_rol, p.peildatum
