-- RedenBeeindiging code list with K3 reason group, keyed on (standaard, release, code) (kpis.md K3).
select standaard, release, code, omschrijving, reden_groep
from {{ ref('iwmo_reden_beeindiging') }}
