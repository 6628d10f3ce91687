"""Every form of the project, where it is posted and by whom: the fuzz test's table.

A form class of the project's apps that is in no row (nor in ``OVERGESLAGEN`` with a reason)
fails ``test_elk_formulier_staat_in_de_tabel``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.urls import reverse
from hypothesis import strategies as st

from aanbesteden import forms as kern_forms
from aanbesteden.constants import TrajectStatus
from accounts import forms as accounts_forms
from coalities import forms as coalities_forms
from tests.toegang.tabel import Wereld


@dataclass(frozen=True)
class Doel:
    naam: str
    formulieren: tuple[type, ...]  # the form classes this row exercises
    formulier: Callable[[Wereld], forms.BaseForm]  # an instance, to walk its fields
    url: Callable[[Wereld], str]
    gebruiker: str | None  # a role of the ``rollen`` fixture, None for anonymous
    methode: str = "POST"
    vast: Callable[[Wereld], dict[str, Any]] = field(default=lambda w: {})
    voorbereiden: Callable[[Wereld], None] = field(default=lambda w: None)


def _traject_ingediend(w: Wereld) -> None:
    from aanbesteden.models import Traject

    Traject.objects.filter(pk=w.traject.pk).update(status=TrajectStatus.INGEDIEND)
    w.traject.refresh_from_db()


def _status_meestal_juist(w: Wereld) -> dict:
    return {
        "status": st.one_of(
            st.just(w.traject.status), st.sampled_from(TrajectStatus.values), st.text(max_size=30)
        )
    }


KERN = [
    Doel(
        "stap zetten: toelaten (motivatie verplicht)",
        (kern_forms.TransitieForm,),
        lambda w: kern_forms.TransitieForm(motivatie_verplicht=True),
        lambda w: reverse(
            "aanbesteden:transitie", kwargs={"pk": w.traject.pk, "transitie": "toelaten"}
        ),
        "ambtenaar",
        vast=_status_meestal_juist,
        voorbereiden=_traject_ingediend,
    ),
    Doel(
        "stap zetten: indienen",
        (kern_forms.TransitieForm,),
        lambda w: kern_forms.TransitieForm(),
        lambda w: reverse(
            "aanbesteden:transitie", kwargs={"pk": w.traject.pk, "transitie": "indienen"}
        ),
        "initiatiefnemer",
        vast=_status_meestal_juist,
    ),
    Doel(
        "inloggen met wachtwoord",
        (accounts_forms.InloggenForm,),
        lambda w: accounts_forms.InloggenForm(),
        lambda w: reverse("accounts:inloggen"),
        None,
        vast=lambda w: {"username": st.one_of(st.just(w.ambtenaar.email), st.emails())},
    ),
    Doel(
        "inloglink aanvragen",
        (accounts_forms.InloglinkForm,),
        lambda w: accounts_forms.InloglinkForm(),
        lambda w: reverse("accounts:inloglink"),
        None,
    ),
    Doel(
        "trajecten filteren",
        (kern_forms.TrajectFilterForm,),
        lambda w: kern_forms.TrajectFilterForm(),
        lambda w: reverse("aanbesteden:gemeente_trajecten", args=[w.gemeente.slug]),
        "ambtenaar",
        methode="GET",
    ),
    Doel(
        "wachtwoord vergeten",
        (auth_forms.PasswordResetForm,),
        lambda w: auth_forms.PasswordResetForm(),
        lambda w: reverse("accounts:wachtwoord_vergeten"),
        None,
    ),
]


def _coalitie_met_horizon(w: Wereld) -> None:
    """The traject in the coalition phase with a horizon, the partner confirmed in it."""
    from aanbesteden.models import Traject
    from tests.toegang.fasen_tabel import maak_rijk

    w.maak(maak_rijk)
    Traject.objects.filter(pk=w.traject.pk).update(status=TrajectStatus.COALITIE)
    w.traject.refresh_from_db()


def _horizon_versie_meestal_juist(w: Wereld) -> dict:
    from initiatieven.models import Horizon

    versie = str(Horizon.objects.get(traject=w.traject).versie)
    return {"versie": st.one_of(st.just(versie), st.text(max_size=12))}


COALITIE = [
    Doel(
        "partner: oordeel over de stip aan de horizon",
        (coalities_forms.HorizonOordeelForm,),
        lambda w: coalities_forms.HorizonOordeelForm(),
        lambda w: reverse("coalities:horizon_oordeel", kwargs={"pk": w.traject.pk}),
        "partner",
        vast=_horizon_versie_meestal_juist,
        voorbereiden=_coalitie_met_horizon,
    ),
]

DOELEN: list[Doel] = [*KERN, *COALITIE]


@dataclass(frozen=True)
class PaginaAls:
    """A page whose forms are fuzzed as a user the access table has no column for."""

    naam: str
    kwargs: Callable[[Wereld], dict]
    gebruiker: Callable[[Wereld], Any]  # the user, or None for anonymous
    status: str | None = None
    query = None

    @property
    def sleutel(self) -> str:
        return f"{self.naam} GET [als {self.gebruiker.__name__}]"


def beheerder(w: Wereld):
    from aanbesteden.constants import LidmaatschapRol
    from tests.factories import ambtenaar_van

    return w.maak(
        lambda w: ambtenaar_van(
            w.gemeente, rol=LidmaatschapRol.BEHEERDER, email="beheerder@a.example.org"
        )
    )


def anoniem(w: Wereld):
    return None


UITNODIGING_TOKEN = "een-geldige-uitnodiging-voor-de-fuzztest"


def _geldige_uitnodiging(w: Wereld) -> dict:
    import datetime

    from django.utils import timezone

    from aanbesteden.tokens import token_hash
    from coalities.models import Uitnodiging

    nu = timezone.now()
    Uitnodiging.objects.create(
        traject=w.traject,
        email="nieuw@example.org",
        naam="Nieuwe partner",
        organisatie="Sportclub",
        token_hash=token_hash(UITNODIGING_TOKEN),
        verloopt_op=nu + datetime.timedelta(days=14),
        uitgenodigd_door=w.initiatiefnemer,
        verzonden_op=nu,
    )
    return {"token": UITNODIGING_TOKEN}


PAGINAS_ALS = [
    PaginaAls("initiatieven:criteria", lambda w: {"gemeente": w.gemeente.slug}, beheerder),
    PaginaAls("overdracht:bibliotheek_nieuw", lambda w: {"gemeente": w.gemeente.slug}, beheerder),
    PaginaAls("coalities:uitnodiging", _geldige_uitnodiging, anoniem, status="coalitie"),
]

#: Form classes of the project that are not posted anywhere themselves, with the reason.
OVERGESLAGEN: dict[type, str] = {
    coalities_forms.RouteFormulier: "base class of the route's forms",
    kern_forms.Formulier: "base class of the project's forms",
    kern_forms.ModelFormulier: "base class of the project's model forms",
    accounts_forms.CodeForm: "second step of the log-in wizard, after the password; wrong and"
    " malformed codes in tests/accounts/test_tweestapsverificatie.py",
    accounts_forms.HerstelcodeForm: "recovery-code step of the log-in wizard; see"
    " tests/accounts/test_tweestapsverificatie.py",
    accounts_forms.AppKoppelenForm: "step of the set-up wizard, only without an app; see"
    " tests/accounts/test_tweestapsverificatie.py",
}
