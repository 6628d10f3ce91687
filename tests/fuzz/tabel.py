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
        (kern_forms.InloggenForm,),
        lambda w: kern_forms.InloggenForm(),
        lambda w: reverse("aanbesteden:inloggen"),
        None,
        vast=lambda w: {"username": st.one_of(st.just(w.ambtenaar.email), st.emails())},
    ),
    Doel(
        "inloglink aanvragen",
        (kern_forms.InloglinkForm,),
        lambda w: kern_forms.InloglinkForm(),
        lambda w: reverse("aanbesteden:inloglink"),
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
        lambda w: reverse("aanbesteden:wachtwoord_vergeten"),
        None,
    ),
]

DOELEN: list[Doel] = [*KERN]

#: Form classes of the project that are not posted anywhere themselves, with the reason.
OVERGESLAGEN: dict[type, str] = {
    kern_forms.Formulier: "base class of the project's forms",
    kern_forms.ModelFormulier: "base class of the project's model forms",
}
