"""Writes of phases 2 and 3, one module per concern:

- ``uitnodigingen``: inviting to the coalition, and the invitee's answer;
- ``partners``: a partner leaving, and a partner's answer to the horizon;
- ``route``: the route's draft: its frame, milestones, contributions, budget and tranches;
- ``partijen``: the parties of a route and who speaks for which;
- ``akkoord``: asking, giving and withdrawing agreement on the route;
- ``fouten``: ``CoalitieFout``, the one error they raise.

The route is edited as a draft: an edit makes no version and sends no message, it marks the
draft as changed and notes what changed. When the draft is ready, a party asks the others to
agree (``route_akkoord_vragen``): that freezes the next version (a snapshot with what changed)
and sends one message per person. Agreements count for the version they were given on, as
long as the draft has not changed since.

Everything is re-exported here, so ``from coalities import services`` and
``services.route_akkoord_vragen(...)`` keep working.
"""

from .akkoord import route_akkoord_geven, route_akkoord_vragen, route_akkoorden_intrekken
from .fouten import CoalitieFout
from .partijen import eigen_partijen, partij_naam, vereis_partij
from .partners import horizon_oordeel_geven, partner_vertrekken
from .route import (
    MAX_CONCEPT_WIJZIGINGEN,
    begrotingspost_opslaan,
    inzet_bevestigen,
    inzet_opslaan,
    mijlpaal_opslaan,
    route_inhoud,
    route_kader_opslaan,
    route_onderdeel_verwijderen,
    route_ophalen_of_maken,
    tranche_opslaan,
)
from .uitnodigingen import (
    _uitnodiging_maken,
    uitnodiger,
    uitnodiging_accepteren,
    uitnodiging_afwijzen,
    uitnodiging_bij_token,
    uitnodiging_bruikbaar,
    uitnodiging_geldigheid,
    uitnodiging_intrekken,
    uitnodiging_link,
    uitnodiging_opnieuw_versturen,
    uitnodiging_versturen,
    uitnodiging_vraag_stellen,
)

__all__ = [
    "MAX_CONCEPT_WIJZIGINGEN",
    "CoalitieFout",
    "_uitnodiging_maken",
    "begrotingspost_opslaan",
    "eigen_partijen",
    "horizon_oordeel_geven",
    "inzet_bevestigen",
    "inzet_opslaan",
    "mijlpaal_opslaan",
    "partij_naam",
    "partner_vertrekken",
    "route_akkoord_geven",
    "route_akkoord_vragen",
    "route_akkoorden_intrekken",
    "route_inhoud",
    "route_kader_opslaan",
    "route_onderdeel_verwijderen",
    "route_ophalen_of_maken",
    "tranche_opslaan",
    "uitnodiger",
    "uitnodiging_accepteren",
    "uitnodiging_afwijzen",
    "uitnodiging_bij_token",
    "uitnodiging_bruikbaar",
    "uitnodiging_geldigheid",
    "uitnodiging_intrekken",
    "uitnodiging_link",
    "uitnodiging_opnieuw_versturen",
    "uitnodiging_versturen",
    "uitnodiging_vraag_stellen",
    "vereis_partij",
]
