"""The core's personal data, for the register in ``aanbesteden.persoonsgegevens``: the account,
memberships, the trajecten a person is involved in, and the third-party tables the core installs
(log-ins and lock-outs of django-axes, sessions, django-fsm-log's timeline, object
permissions, the admin's log, and second-factor devices once an app for them is installed)."""

from __future__ import annotations

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_celery_beat.models import PeriodicTask
from django_fsm_log.models import StateLog
from guardian.models import UserObjectPermission

from .models import Gemeente, Lidmaatschap, Traject, TrajectUserObjectPermission, User, Werk
from .persoonsgegevens import (
    GEWIST_ADRES,
    LEEG,
    LOSGEKOPPELD,
    LOSKOPPELEN,
    VERWIJDEREN,
    Persoon,
    register,
)


def _account_sluiten(rijen: list, persoon: Persoon) -> None:
    for gebruiker in rijen:
        gebruiker.set_unusable_password()
        gebruiker.is_active = False
        gebruiker.save(update_fields=["password", "is_active"])
        gebruiker.groups.clear()


register.gegevens(
    User,
    "gebruiker",
    titel=_("Uw account"),
    rijen=lambda p: User.objects.filter(pk=p.gebruiker.pk),
    export=("email", "naam", "telefoon", "taal", "date_joined", "last_login", "is_staff"),
    wissen={
        "naam": LEEG,
        "telefoon": LEEG,
        "email": GEWIST_ADRES,
        "ical_sleutel": LEEG,
        "last_login": LEEG,
    },
    daarna=_account_sluiten,
    gewist=_("Uw naam, e-mailadres en telefoonnummer. Uw account is gesloten."),
)

register.gegevens(
    Lidmaatschap,
    "lidmaatschappen",
    titel=_("Uw lidmaatschap van een gemeente"),
    rijen=lambda p: Lidmaatschap.objects.filter(gebruiker=p.gebruiker),
    export=("gemeente__naam", "rol", "mag_tekenen", "created_at"),
    wissen=VERWIJDEREN,
    gewist=_("Uw lidmaatschap van een gemeente (als ambtenaar)."),
)


def _rollen(p: Persoon):
    return TrajectUserObjectPermission.objects.filter(user=p.gebruiker)


@register.betrokken
def _trajecten_met_rol(p: Persoon):
    """Trajecten the person started or has a role on (initiatiefnemer, partner)."""
    met_rol = _rollen(p).values("content_object_id")
    return Traject.objects.filter(Q(aangemaakt_door=p.gebruiker) | Q(pk__in=met_rol))


register.gegevens(
    Traject,
    "trajecten",
    titel=_("Trajecten waarbij u betrokken bent"),
    rijen=lambda p: register.betrokken_trajecten(p),
    export=("id", "titel", "gemeente__naam", "status", "created_at"),
    wissen={"aangemaakt_door": LOSKOPPELEN},
    gewist=LOSGEKOPPELD,
)


def _tijdlijn_als_ambtenaar(rijen, p: Persoon):
    """Steps on trajecten of a gemeente the person works for: the motivation of a decision of
    the gemeente, written by its official."""
    gemeente_trajecten = Traject.objects.filter(gemeente__lidmaatschappen__gebruiker=p.gebruiker)
    return rijen.filter(
        content_type=ContentType.objects.get_for_model(Traject),
        object_id__in=gemeente_trajecten.values("pk"),
    )


register.gegevens(
    StateLog,
    "tijdlijn",
    titel=_("Stappen die u zette in de tijdlijn van trajecten"),
    rijen=lambda p: StateLog.objects.filter(by=p.gebruiker),
    export=("timestamp", "object_id", "transition", "source_state", "state", "description"),
    wissen={"by": LOSKOPPELEN, "description": LEEG},
    bewaren=_tijdlijn_als_ambtenaar,
    bewaard_wissen={"by": LOSKOPPELEN},
    gewist=_(
        "Wat u schreef bij stappen in de tijdlijn van trajecten. De stap zelf (wanneer, van "
        "welke naar welke fase) blijft, zonder uw naam."
    ),
    bewaard=_(
        "De motivatie die u als ambtenaar schreef bij stappen van trajecten van uw gemeente. "
        "Die hoort bij het besluit van de gemeente; uw naam is eraf gehaald."
    ),
)


# --- log-ins and lock-outs (django-axes): by the e-mail address typed as user name ---------
def _axes(model):
    return lambda p: (
        model.objects.filter(username__iexact=p.email) if p.email else model.objects.none()
    )


_INLOG_GEWIST = _(
    "Uw inloggegevens: wanneer en vanaf welk IP-adres en welke browser u inlogde of het probeerde."
)

if apps.is_installed("axes"):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    register.gegevens(
        AccessLog,
        "inloggen",
        titel=_("Wanneer u inlogde"),
        rijen=_axes(AccessLog),
        export=("attempt_time", "logout_time", "ip_address", "user_agent", "path_info"),
        wissen=VERWIJDEREN,
        gewist=_INLOG_GEWIST,
    )
    register.gegevens(
        AccessAttempt,
        "inlogpogingen",
        titel=_("Mislukte pogingen om in te loggen (blokkering)"),
        rijen=_axes(AccessAttempt),
        export=("attempt_time", "ip_address", "user_agent", "path_info", "failures_since_start"),
        wissen=VERWIJDEREN,
        gewist=_INLOG_GEWIST,
    )
    register.gegevens(
        AccessFailureLog,
        "inlogfouten",
        titel=_("Elke mislukte poging om in te loggen"),
        rijen=_axes(AccessFailureLog),
        export=("attempt_time", "ip_address", "user_agent", "path_info", "locked_out"),
        wissen=VERWIJDEREN,
        gewist=_INLOG_GEWIST,
    )


# --- sessions: found by the user id inside the session data ---------------------------------
if apps.is_installed("django.contrib.sessions"):
    from django.contrib.sessions.models import Session

    def _sessies(p: Persoon):
        eigen = str(p.gebruiker.pk)
        sleutels = [
            s.pk
            for s in Session.objects.only("session_key", "session_data").iterator()
            if str(s.get_decoded().get("_auth_user_id", "")) == eigen
        ]
        return Session.objects.filter(pk__in=sleutels)

    register.gegevens(
        Session,
        "sessies",
        titel=_("Plaatsen waar u bent ingelogd (sessies)"),
        rijen=_sessies,
        export=("expire_date",),
        wissen=VERWIJDEREN,
        gewist=_("Uw sessies: u bent overal uitgelogd."),
    )


register.gegevens(
    TrajectUserObjectPermission,
    "rollen",
    titel=_("Uw rollen in trajecten"),
    rijen=_rollen,
    export=("permission__codename", "content_object_id"),
    wissen=VERWIJDEREN,
    gewist=_("Uw rollen in trajecten."),
)

register.gegevens(
    UserObjectPermission,
    "objectrechten",
    titel=_("Uw rechten op andere onderdelen"),
    rijen=lambda p: UserObjectPermission.objects.filter(user=p.gebruiker),
    export=("permission__codename", "content_type__model", "object_pk"),
    wissen=VERWIJDEREN,
    gewist=_("Uw rechten op andere onderdelen (zoals een archiefdossier)."),
)

register.gegevens(
    LogEntry,
    "beheerhandelingen",
    titel=_("Wat u in het beheer veranderde"),
    rijen=lambda p: LogEntry.objects.filter(user=p.gebruiker),
    export=("action_time", "content_type__model", "object_repr", "change_message"),
    wissen={},
    bewaren=lambda rijen, p: rijen,
    blijft={
        "user": _(
            "Een wijziging in het beheer blijft gekoppeld aan het gesloten account, dat geen "
            "naam of e-mailadres meer heeft."
        )
    },
    bewaard=_(
        "Wat u als platformbeheerder in het beheer veranderde (wat en wanneer). Het blijft "
        "gekoppeld aan uw gesloten account, zonder naam of e-mailadres."
    ),
)


# --- second-factor devices: declared for whichever of these apps is installed -------------
#: (app label, model) of the django-otp device models: every device of the person is deleted.
OTP_APPARATEN = (
    ("otp_totp", "TOTPDevice"),
    ("otp_static", "StaticDevice"),
    ("otp_hotp", "HOTPDevice"),
    ("otp_email", "EmailDevice"),
    ("two_factor", "PhoneDevice"),
    ("otp_webauthn", "WebAuthnCredential"),
)

for app_label, model_naam in OTP_APPARATEN:
    try:
        apparaat = apps.get_model(app_label, model_naam)
    except LookupError:
        continue
    register.gegevens(
        apparaat,
        f"tweede_stap_{model_naam.lower()}",
        titel=_("Uw middelen voor de tweede inlogstap"),
        rijen=lambda p, m=apparaat: m.objects.filter(user=p.gebruiker),
        export=("name",),
        wissen=VERWIJDEREN,
        gewist=_("Uw middelen voor de tweede inlogstap (zoals een app met codes)."),
    )


# --- fields that look personal but are not -------------------------------------------------
register.geen_persoonsgegevens(
    Gemeente,
    {
        "naam": _("De naam van een gemeente is geen persoonsgegeven."),
        "steun_postcodes": _(
            "De cijfers van de postcodes van een gemeente; zij wijzen niemand aan."
        ),
    },
)
register.geen_persoonsgegevens(
    Group, {"name": _("Een groep heet naar de gemeente (gemeente:<naam>), niet naar een persoon.")}
)
register.geen_persoonsgegevens(
    Permission, {"name": _("De naam van een recht, zoals 'Mag handelen namens de gemeente'.")}
)
register.geen_persoonsgegevens(
    PeriodicTask, {"name": _("De naam van een geplande taak, zoals 'evaluatie-herinneringen'.")}
)

register.gegevens(
    Werk,
    "achtergrondwerk",
    titel=_("Werk dat het platform voor u klaarzet, zoals het mailen van een inloglink"),
    rijen=lambda p: Werk.objects.filter(argumenten__email=p.email),
    export=("taak", "created_at", "klaar_op"),
    wissen=VERWIJDEREN,
    gewist=_("Werk dat voor uw e-mailadres klaarstond."),
)
