"""The overviews' own to-do on the dashboard: concepts nobody touched for a while (the core's
data; the phase apps contribute the rest in their own ``bijdragen`` modules)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbesteden.bijdragen import bijdragen
from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Traject
from aanbesteden.zoeken import zoek_filter


def stille_concepten(gemeente, peil):
    grens = timezone.now() - timedelta(days=settings.CONCEPT_STIL_DAGEN)
    return Traject.objects.filter(
        gemeente=gemeente, status=TrajectStatus.CONCEPT, updated_at__lt=grens
    ).order_by("updated_at", "pk")


bijdragen.dashboard_taak(
    "concepten",
    titel=_("Concepten waar al lang niets mee gebeurt"),
    template="overzicht/taken/_concept.html",
    rijen=stille_concepten,
    volgorde=90,
)

# --- search: the register (everyone) and every traject of the gemeente (its officials) --------


def register_zoeken(gemeente, tekst):
    from aanbesteden.constants import OVERGEDRAGEN

    qs = Traject.objects.filter(status__in=OVERGEDRAGEN).select_related("gemeente")
    if gemeente is not None:
        qs = qs.filter(gemeente=gemeente)
    return zoek_filter(qs, velden=("titel", "samenvatting", "thema", "wijk"), tekst=tekst)


def register_zoekrij(traject) -> dict:
    return {
        "titel": traject.titel,
        "url": reverse(
            "overzicht:register_traject",
            kwargs={"gemeente": traject.gemeente.slug, "pk": traject.pk},
        ),
        "tekst": traject.samenvatting[:200],
        "bij": traject.gemeente.naam,
    }


def trajecten_zoeken(gemeente, tekst):
    qs = Traject.objects.filter(gemeente=gemeente).select_related("gemeente")
    return zoek_filter(qs, velden=("titel", "samenvatting", "thema", "wijk"), tekst=tekst)


def traject_zoekrij(traject) -> dict:
    return {
        "titel": traject.titel,
        "url": traject.get_absolute_url(),
        "tekst": traject.samenvatting[:200],
        "bij": traject.get_status_display(),
    }


bijdragen.zoekbron(
    "register",
    titel=_("Overgedragen taken (register)"),
    zoeken=register_zoeken,
    rij=register_zoekrij,
    publiek=True,
    volgorde=30,
)
bijdragen.zoekbron(
    "trajecten",
    titel=_("Trajecten"),
    zoeken=trajecten_zoeken,
    rij=traject_zoekrij,
    publiek=False,
    volgorde=5,
)
