"""Accounts and logging in without a password: which accounts may use one-time links (sent
by e-mail, django-sesame), making and mailing them, and mailing a password reset.

The link opens a page with one button; only pressing it (a POST) uses the link up, so that
mail scanners that open links in advance do not spend it (``views.inloglink_gebruiken``).
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from sesame.utils import get_token

from aanbesteden.models import Lidmaatschap, User
from meldingen.berichten import bericht_versturen
from meldingen.constants import NotificatieSoort


def mag_inloglink_gebruiken(user: User) -> bool:
    """Whether ``user`` may log in with a one-time link: initiative members and partners only.

    Officials (any membership of a gemeente, ambtenaar or beheerder), platform administrators
    (staff) and superusers log in with their password and a second factor; a link would skip
    both, so access to their mailbox would be enough. They get no link, and a link issued
    earlier stops working (``backends.InloglinkBackend``).
    """
    if user.is_staff or user.is_superuser:
        return False
    return not Lidmaatschap.objects.filter(gebruiker=user).exists()


def inloglink(user: User, volgende: str = "") -> str:
    """The absolute one-time log-in URL for ``user``, landing on ``volgende`` afterwards."""
    query = {settings.SESAME_TOKEN_NAME: get_token(user)}
    if volgende and url_has_allowed_host_and_scheme(volgende, allowed_hosts=None):
        query["next"] = volgende
    return f"{settings.SITE_URL}{reverse('accounts:inloglink_gebruiken')}?{urlencode(query)}"


def gebruiker_voor_email(*, email: str, naam: str = "", taal: str = "") -> User:
    """The account of ``email``, made without a password when it does not exist yet."""
    email = User.objects.normalize_email(email).strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, naam=naam[:200], taal=taal or "nl")
    return user


def inloglink_versturen(*, email: str, volgende: str = "", maak_aan: bool = False) -> bool:
    """Mail a one-time log-in link to ``email`` if an active account exists (or ``maak_aan``).

    Answers the same either way towards the visitor, so nobody learns which addresses exist.
    """
    email = (email or "").strip().lower()
    user: User | None
    if maak_aan:
        user = gebruiker_voor_email(email=email)
    else:
        user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None or not user.is_active or not mag_inloglink_gebruiken(user):
        return False
    link = inloglink(user, volgende)

    # Recorded in the mail outbox (with the account, when one is made now) and sent after the
    # commit; a mail server that is away delays the mail, never the page.
    bericht_versturen(
        ontvangers=[user],
        soort=NotificatieSoort.INLOGLINK,
        sjabloon="accounts/mail/inloglink",
        context={"link": link, "geldig_uren": settings.SESAME_MAX_AGE // 3600},
        alleen_mail=True,
    )
    return True


def wachtwoord_herstel_mailen(*, email: str, taal: str = "") -> None:
    """Mail a link to choose a new password to every active account of ``email`` that has a
    password (Django's PasswordResetForm decides), in ``taal``."""
    from django.contrib.auth.forms import PasswordResetForm
    from django.template import loader

    from meldingen.berichten import mail_vastleggen

    class HerstelFormulier(PasswordResetForm):
        def send_mail(
            self,
            subject_template_name,
            email_template_name,
            context,
            from_email,
            to_email,
            html_email_template_name=None,
        ):
            # Through the mail outbox: recorded, then sent and retried like every mail.
            onderwerp = "".join(
                loader.render_to_string(subject_template_name, context).splitlines()
            )
            tekst = loader.render_to_string(email_template_name, context)
            mail_vastleggen(adres=to_email, onderwerp=onderwerp, tekst=tekst)

    formulier = HerstelFormulier({"email": email})
    if not formulier.is_valid():
        return
    site = urlsplit(settings.SITE_URL)
    with translation.override(taal or settings.LANGUAGE_CODE):
        formulier.save(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            email_template_name="accounts/mail/wachtwoord.txt",
            subject_template_name="accounts/mail/wachtwoord_onderwerp.txt",
        )
