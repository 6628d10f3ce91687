"""Accounts and logging in without a password: which accounts may use one-time links (sent
by e-mail, django-sesame), making and mailing them, and mailing a password reset.

The link opens a page with one button; only pressing it (a POST) uses the link up, so that
mail scanners that open links in advance do not spend it (``views.inloglink_gebruiken``).
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from sesame.utils import get_token

from aanbesteden.models import Lidmaatschap, User
from meldingen.berichten import bericht_versturen
from meldingen.constants import NotificatieSoort

from .constants import InlogMiddel


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


# --- identity checked by a third party (OpenID Connect) -----------------------------------------
class InlogFout(Exception):
    """A log-in through a provider that may not go on; ``str(exc)`` is for the person (and
    never holds a BSN)."""


def identiteit_sleutel(*, middel: str, waarde: str) -> str:
    """The keyed hash (HMAC-SHA-256) under which an identity is kept: of a BSN, or of a KvK
    number with the acting person's identifier. The key is ``IDENTITEIT_SLEUTEL``; without
    one it is derived from ``SECRET_KEY`` (``check --deploy`` asks for a key of its own as
    soon as a provider is configured)."""
    import hashlib
    import hmac

    from django.utils.crypto import salted_hmac

    sleutel = settings.IDENTITEIT_SLEUTEL
    if sleutel:
        return hmac.new(sleutel.encode(), f"{middel}:{waarde}".encode(), hashlib.sha256).hexdigest()
    return salted_hmac("accounts.identiteit", f"{middel}:{waarde}", algorithm="sha256").hexdigest()


@transaction.atomic
def lidmaatschappen_uit_claims(*, gebruiker: User, aanbieder, groepen: list[str]) -> list:
    """Make the official's memberships say what the SSO claims say, for the gemeenten this
    provider speaks for (those in its group mappings, and its own gemeente): a membership
    the claims give is granted or its role changed, one they no longer give ends. Both
    through the core's one membership service, so access follows in the same transaction."""
    from aanbesteden.constants import LidmaatschapRol
    from aanbesteden.services import lidmaatschap_beeindigen, lidmaatschap_toevoegen

    koppelingen = list(aanbieder.groepkoppelingen.select_related("gemeente"))
    beheerd = {k.gemeente_id for k in koppelingen}
    if aanbieder.gemeente_id:
        beheerd.add(aanbieder.gemeente_id)
    groepen_set = {str(g) for g in groepen}
    gewenst: dict[int, tuple] = {}
    for k in koppelingen:
        if k.groep not in groepen_set:
            continue
        _gemeente, rol, teken = gewenst.get(k.gemeente_id, (k.gemeente, "", False))
        if rol != LidmaatschapRol.BEHEERDER:
            rol = k.rol
        gewenst[k.gemeente_id] = (k.gemeente, rol, teken or k.mag_tekenen)
    for lid in Lidmaatschap.objects.select_for_update().filter(
        gebruiker=gebruiker, gemeente_id__in=beheerd
    ):
        if lid.gemeente_id not in gewenst:
            lidmaatschap_beeindigen(lidmaatschap=lid)
    return [
        lidmaatschap_toevoegen(gemeente=gemeente, gebruiker=gebruiker, rol=rol, mag_tekenen=teken)
        for gemeente, rol, teken in gewenst.values()
    ]


def _claim(claims: dict, naam: str) -> str:
    waarde = claims.get(naam) if naam else None
    if isinstance(waarde, list):
        waarde = waarde[0] if waarde else None
    return str(waarde).strip() if waarde not in (None, "") else ""


def sso_inloggen(*, aanbieder, claims: dict) -> tuple[User, dict]:
    """An official arrives from the gemeente's SSO: find or make the account of the e-mail
    claim, update the name, and make the memberships follow the group claim (committed).
    Then refused when the claims give no membership at all."""
    gebruiker, leden = _sso_bijwerken(aanbieder=aanbieder, claims=claims)
    if not leden:
        raise InlogFout(
            _(
                "Volgens de inlogdienst van uw organisatie hebt u geen toegang (meer) tot een "
                "gemeente op dit platform."
            )
        )
    return gebruiker, {"middel": InlogMiddel.SSO.value, "niveau": "", "kvk": "", "organisatie": ""}


@transaction.atomic
def _sso_bijwerken(*, aanbieder, claims: dict) -> tuple[User, list]:
    email = _claim(claims, aanbieder.claim_email).lower()
    if not email or "@" not in email:
        raise InlogFout(
            _("De inlogdienst gaf geen e-mailadres door. Neem contact op met uw beheerder.")
        )
    groepen = claims.get(aanbieder.claim_groepen) or []
    if isinstance(groepen, str):
        groepen = groepen.split()
    gebruiker = User.objects.filter(email__iexact=email).first()
    if gebruiker is not None and not gebruiker.is_active:
        raise InlogFout(_("Dit account is niet actief."))
    if gebruiker is None:
        if not any(k.groep in set(map(str, groepen)) for k in aanbieder.groepkoppelingen.all()):
            raise InlogFout(
                _("U hebt via deze inlogdienst geen toegang tot een gemeente op dit platform.")
            )
        gebruiker = User.objects.create_user(email=email)
    naam = _claim(claims, aanbieder.claim_naam)
    if naam and "@" not in naam and naam != gebruiker.naam:
        gebruiker.naam = naam[:200]
        gebruiker.save(update_fields=["naam"])
    leden = lidmaatschappen_uit_claims(gebruiker=gebruiker, aanbieder=aanbieder, groepen=groepen)
    return gebruiker, leden


@transaction.atomic
def identiteit_koppelen(*, aanbieder, claims: dict, huidige: User | None) -> tuple[User, dict]:
    """A resident (DigiD) or someone acting for an organisation (eHerkenning) arrives from the
    broker. Logged in already (with a link): the checked identity is linked to that account.
    Not logged in: the account this identity was linked to before logs in. The BSN is used
    for the keyed hash only and is not kept, shown or logged."""
    from django.utils import timezone

    niveau = _claim(claims, aanbieder.claim_niveau)
    if aanbieder.soort == InlogMiddel.DIGID:
        bsn = _claim(claims, aanbieder.claim_bsn)
        if not (bsn.isdigit() and len(bsn) in (8, 9)):
            raise InlogFout(_("DigiD gaf geen geldig burgerservicenummer door."))
        sleutel = identiteit_sleutel(middel=InlogMiddel.DIGID, waarde=bsn.zfill(9))
        identiteit = {
            "middel": InlogMiddel.DIGID.value,
            "niveau": niveau,
            "kvk": "",
            "organisatie": "",
        }
        naam = ""
    else:
        kvk = _claim(claims, aanbieder.claim_kvk)
        if not (kvk.isdigit() and len(kvk) == 8):
            raise InlogFout(_("eHerkenning gaf geen geldig KvK-nummer door."))
        persoon = _claim(claims, "sub")
        sleutel = identiteit_sleutel(middel=InlogMiddel.EHERKENNING, waarde=f"{kvk}:{persoon}")
        naam = _claim(claims, aanbieder.claim_naam)
        identiteit = {
            "middel": InlogMiddel.EHERKENNING.value,
            "niveau": niveau,
            "kvk": kvk,
            "organisatie": _claim(claims, aanbieder.claim_organisatie)[:200],
        }
    from .models import IdentiteitKoppeling

    koppeling = (
        IdentiteitKoppeling.objects.select_for_update()
        .select_related("gebruiker")
        .filter(middel=identiteit["middel"], sleutel=sleutel)
        .first()
    )
    if huidige is not None:
        if koppeling is not None and koppeling.gebruiker_id != huidige.pk:
            raise InlogFout(
                _("Deze identiteit hoort bij een ander account op dit platform. Log daarmee in.")
            )
        gebruiker = huidige
        if koppeling is None:
            koppeling = IdentiteitKoppeling.objects.create(
                gebruiker=huidige, middel=identiteit["middel"], sleutel=sleutel
            )
    elif koppeling is None:
        raise InlogFout(
            _(
                "Dit platform kent u nog niet onder deze identiteit. Log eerst in met de link "
                "uit uw e-mail; daarna koppelt u hem op de pagina waar het gevraagd wordt."
            )
        )
    else:
        gebruiker = koppeling.gebruiker
        if not gebruiker.is_active:
            raise InlogFout(_("Dit account is niet actief."))
        if not mag_inloglink_gebruiken(gebruiker):
            raise InlogFout(_("Medewerkers van een gemeente loggen in via hun eigen inlogdienst."))
    koppeling.laatst_gebruikt = timezone.now()
    koppeling.save(update_fields=["laatst_gebruikt"])
    if naam and "@" not in naam and not gebruiker.naam:
        gebruiker.naam = naam[:200]
        gebruiker.save(update_fields=["naam"])
    identiteit["naam"] = naam[:200]
    return gebruiker, identiteit
