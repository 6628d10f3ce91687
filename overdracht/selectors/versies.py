"""Agreement versions: which exist, the current one, who may see one, who signs it, the
clause library, and the public check of a sealed PDF."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse

from aanbesteden.constants import Rol
from aanbesteden.models import Traject, User

from ..constants import VersieStatus
from ..models import Clausule, Ondertekening, OvereenkomstVersie


def controle_url() -> str:
    """The full address of the public page that checks a sealed PDF, as printed on it."""
    return settings.SITE_URL + reverse("overdracht:verifieren")


# --- versions -----------------------------------------------------------------------------------
def versies_van_traject(*, traject: Traject) -> QuerySet[OvereenkomstVersie]:
    return (
        OvereenkomstVersie.objects.filter(traject=traject)
        .prefetch_related(
            Prefetch(
                "ondertekeningen",
                queryset=Ondertekening.objects.select_related("ondertekenaar").order_by("pk"),
            )
        )
        .order_by("-nummer")
    )


def huidige_versie(*, traject: Traject) -> OvereenkomstVersie | None:
    return (
        OvereenkomstVersie.objects.filter(traject=traject)
        .exclude(status=VersieStatus.VERVANGEN)
        .first()
    )


def versie_get(*, traject: Traject, nummer: Any) -> OvereenkomstVersie:
    try:
        nummer = int(nummer)
    except (TypeError, ValueError):
        raise Http404 from None
    versie = (
        versies_van_traject(traject=traject)
        .select_related("traject__gemeente")
        .filter(nummer=nummer)
        .first()
    )
    if versie is None:
        raise Http404
    return versie


def is_ondertekenaar(user: User, versie: OvereenkomstVersie) -> bool:
    return any(o.ondertekenaar_id == user.pk for o in versie.ondertekeningen.all())


def mag_versie_zien(user: User, versie: OvereenkomstVersie, rollen: frozenset[str]) -> bool:
    """Officials see every version; a signatory sees the versions put to them; everybody
    else with a role sees only the sealed agreement. Nobody else sees a draft."""
    if Rol.AMBTENAAR in rollen:
        return True
    if not rollen:
        return False
    if versie.status == VersieStatus.VERZEGELD:
        return True
    if versie.status == VersieStatus.CONCEPT:
        return False
    return is_ondertekenaar(user, versie)


def eigen_ondertekeningen(user: User, versie: OvereenkomstVersie) -> list[Ondertekening]:
    return [o for o in versie.ondertekeningen.all() if o.ondertekenaar_id == user.pk]


def tekenbevoegde_ambtenaren(*, traject: Traject) -> QuerySet[User]:
    return (
        User.objects.filter(
            is_active=True,
            lidmaatschappen__gemeente_id=traject.gemeente_id,
            lidmaatschappen__mag_tekenen=True,
        )
        .order_by("naam", "email")
        .distinct()
    )


def clausules_van_gemeente(*, gemeente, alleen_actief: bool = False) -> QuerySet[Clausule]:
    qs = Clausule.objects.filter(gemeente=gemeente)
    if alleen_actief:
        qs = qs.filter(actief=True)
    return qs.order_by("soort", "titel", "pk")


def versie_voor_sha256(sha256: str) -> OvereenkomstVersie | None:
    if not sha256:
        return None
    return (
        OvereenkomstVersie.objects.filter(verzegeld_sha256=sha256)
        .select_related("traject__gemeente")
        .prefetch_related("ondertekeningen")
        .first()
    )


def vorige_versie(versie: OvereenkomstVersie) -> OvereenkomstVersie | None:
    return (
        OvereenkomstVersie.objects.filter(traject_id=versie.traject_id, nummer__lt=versie.nummer)
        .prefetch_related("clausules")
        .order_by("-nummer")
        .first()
    )
