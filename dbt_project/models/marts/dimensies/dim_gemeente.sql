-- Municipalities of the region (latest referentie/gemeenten.csv).
select
    gemeentecode,
    gemeentenaam,
    regio
from {{ ref('stg_referentie__gemeenten') }}
