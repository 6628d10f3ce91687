"""A gemeente can ask that whoever submits a proposal shows who they are first, with DigiD or
eHerkenning (its log-in policy). The proposal page says so and links to both; once the
initiative's representative linked DigiD through the real test provider, the requirement
holds."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aanbesteden.fasen import fasen
from accounts.constants import AanbiederSoort
from accounts.models import Inlogbeleid
from tests.accounts.oidc_hulp import aanbieder_instellen, via_aanbieder

pytestmark = pytest.mark.django_db


def _identiteit_onvervuld(traject) -> bool:
    return any(v.code == "identiteit" for v in fasen.onvervuld(traject, "indienen"))


def test_indienen_vraagt_digid_of_eherkenning_als_de_gemeente_dat_wil(
    client, settings, oidc_aanbieder, gemeente, traject, initiatiefnemer
):
    assert not _identiteit_onvervuld(traject)  # no policy: a link is enough
    Inlogbeleid.objects.create(gemeente=gemeente, voorstel_gecontroleerd=True)
    assert _identiteit_onvervuld(traject)

    aanbieder_instellen(settings, oidc_aanbieder, code="digid", soort=AanbiederSoort.DIGID)
    aanbieder_instellen(
        settings, oidc_aanbieder, code="eherkenning", soort=AanbiederSoort.EHERKENNING
    )
    from initiatieven.models import Voorstel

    if not Voorstel.objects.filter(traject=traject).exists():
        from initiatieven.services import voorstel_bij_traject

        voorstel_bij_traject(traject=traject, door=initiatiefnemer)
    client.force_login(initiatiefnemer)
    url = reverse("initiatieven:voorstel", kwargs={"pk": traject.pk})
    pagina = client.get(url).content.decode()
    assert "met DigiD" in pagina
    assert reverse("accounts:oidc_start", kwargs={"code": "digid"}) in pagina
    assert reverse("accounts:oidc_start", kwargs={"code": "eherkenning"}) in pagina

    oidc_aanbieder.account("indiener", bsn="999993653", loa="substantieel")
    antwoord = via_aanbieder(client, oidc_aanbieder, "digid", "indiener", volgende=url)
    assert antwoord["Location"] == url
    assert not _identiteit_onvervuld(traject)
    assert (
        reverse("accounts:oidc_start", kwargs={"code": "digid"})
        not in client.get(url).content.decode()
    )
