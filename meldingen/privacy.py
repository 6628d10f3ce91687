"""The notifications' personal data, for the register in ``aanbesteden.persoonsgegevens``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.persoonsgegevens import VERWIJDEREN, register

from .models import Dagoverzicht, Notificatie, NotificatieVoorkeur

register.gegevens(
    Notificatie,
    "meldingen",
    titel=_("Uw meldingen"),
    rijen=lambda p: Notificatie.objects.filter(ontvanger=p.gebruiker),
    export=("soort", "onderwerp", "tekst", "url", "created_at", "gelezen_op", "gemaild_op"),
    wissen=VERWIJDEREN,
    gewist=_("Uw meldingen en uw voorkeuren voor e-mail."),
)

register.gegevens(
    NotificatieVoorkeur,
    "voorkeuren",
    titel=_("Uw voorkeuren voor e-mail"),
    rijen=lambda p: NotificatieVoorkeur.objects.filter(gebruiker=p.gebruiker),
    export=("soort", "bezorging", "updated_at"),
    wissen=VERWIJDEREN,
    gewist=_("Uw meldingen en uw voorkeuren voor e-mail."),
)

register.gegevens(
    Dagoverzicht,
    "dagoverzichten",
    titel=_("Dagoverzichten die u kreeg"),
    rijen=lambda p: Dagoverzicht.objects.filter(gebruiker=p.gebruiker),
    export=("datum", "aantal", "verzonden_op"),
    wissen=VERWIJDEREN,
    gewist=_("Uw meldingen en uw voorkeuren voor e-mail."),
)
