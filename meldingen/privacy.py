"""The notifications' personal data, for the register in ``aanbesteden.persoonsgegevens``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aanbesteden.persoonsgegevens import VERWIJDEREN, register

from .models import Dagoverzicht, Notificatie, NotificatieVoorkeur, Uitgaandemail

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

register.gegevens(
    Uitgaandemail,
    "uitgaande_mails",
    titel=_("E-mails aan u die het platform verstuurt of verstuurde"),
    rijen=lambda p: Uitgaandemail.objects.filter(adres__iexact=p.email),
    export=("onderwerp", "status", "created_at", "verzonden_op"),
    wissen=VERWIJDEREN,
    gewist=_("De e-mails aan u die nog bewaard werden."),
)
