"""The personal data of logging in, for the register in ``aanbesteden.persoonsgegevens``: the
identities (DigiD, eHerkenning) linked to an account, kept as a keyed hash only."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.persoonsgegevens import VERWIJDEREN, register

from .models import IdentiteitKoppeling, OidcAanbieder

register.gegevens(
    IdentiteitKoppeling,
    "identiteiten",
    titel=_("Uw gekoppelde DigiD en eHerkenning"),
    rijen=lambda p: IdentiteitKoppeling.objects.filter(gebruiker=p.gebruiker),
    # The keyed hash is no use to anybody outside the platform: the export says which means
    # and when, not the hash.
    export=("middel", "created_at", "laatst_gebruikt"),
    wissen=VERWIJDEREN,
    gewist=_("De koppeling van uw account aan DigiD of eHerkenning is verwijderd."),
)

_CLAIM = _("De naam van een claim bij de inlogdienst, zoals 'email', geen gegeven van een persoon.")
register.geen_persoonsgegevens(
    OidcAanbieder,
    {
        "naam": _("De naam van een inlogdienst op de knop, zoals 'Gemeente Deventer'."),
        "claim_email": _CLAIM,
        "claim_naam": _CLAIM,
        "claim_bsn": _CLAIM,
        "claim_kvk": _CLAIM,
    },
)
