"""The BSN appears nowhere: a resident links DigiD through the real test provider and signs
an agreement with it; then every place a BSN could leak to is searched: the pages the
resident, the official and the public open, the exports (the person's data, the dashboard's
CSV, open data, the archive dossier), the PDFs, the log lines of the whole run (at DEBUG),
the mails, the session and every text column of the database."""

from __future__ import annotations

import io
import logging
import zipfile
from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from pypdf import PdfReader

from accounts.constants import AanbiederSoort
from accounts.models import IdentiteitKoppeling
from coalities.models import Partner
from overdracht.constants import VersieStatus
from overdracht.services import ondertekening_tekenen
from tests.accounts.oidc_hulp import aanbieder_instellen, via_aanbieder

pytestmark = pytest.mark.django_db

BSN = "999993653"
#: The BSN as it could be written elsewhere: plain, grouped, or without its leading zero.
VORMEN = (BSN, "9999.93.653", "999 993 653")


def _pdf_tekst(data: bytes) -> str:
    lezer = PdfReader(BytesIO(data))
    return " ".join(p.extract_text() for p in lezer.pages)


def _inhoud(antwoord) -> bytes:
    if antwoord.streaming:
        return b"".join(antwoord.streaming_content)
    return antwoord.content


def _database() -> str:
    delen = []
    with connection.cursor() as cursor:
        for tabel in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabel)}")  # noqa: S608
            for rij in cursor.fetchall():
                delen.extend(str(w) for w in rij if w is not None)
    return "\n".join(delen)


def _geen_bsn(waar: str, tekst: str) -> None:
    for vorm in VORMEN:
        assert vorm not in tekst, f"BSN found in {waar}"


def test_bsn_staat_nergens(
    client,
    settings,
    caplog,
    oidc_aanbieder,
    gemeente,
    vastgesteld,
    ambtenaar,
    partner,
    tweede_partner,
    django_capture_on_commit_callbacks,
):
    caplog.set_level(logging.DEBUG)
    settings.IDENTITEIT_SLEUTEL = "sleutel-van-de-test-voor-het-bsn-0123456789abcdef"
    aanbieder_instellen(settings, oidc_aanbieder, code="digid", soort=AanbiederSoort.DIGID)
    Partner.objects.filter(gebruiker=tweede_partner).update(soort="bewoner")
    oidc_aanbieder.account("bewoner", bsn=BSN, loa="urn:digid:substantieel")

    # The resident links DigiD and signs with it; the others sign; the agreement is sealed.
    versie = vastgesteld
    rij = versie.ondertekeningen.get(ondertekenaar=tweede_partner)
    tekenpagina = reverse(
        "overdracht:tekenen",
        kwargs={"pk": versie.traject_id, "nummer": versie.nummer, "id": rij.pk},
    )
    client.force_login(tweede_partner)
    via_aanbieder(client, oidc_aanbieder, "digid", "bewoner", volgende=tekenpagina)
    assert IdentiteitKoppeling.objects.filter(gebruiker=tweede_partner).exists()
    sessie = str(dict(client.session.items()))
    client.post(
        tekenpagina, {"instemming": "on", "naam": rij.naam, "pdf_sha256": versie.pdf_sha256}
    )
    with django_capture_on_commit_callbacks(execute=True):
        for o in versie.ondertekeningen.filter(getekend_op__isnull=True):
            ondertekening_tekenen(
                ondertekening_id=o.pk,
                door=o.ondertekenaar,
                ip_adres=None,
                getypte_naam=o.naam,
                pdf_sha256=versie.pdf_sha256,
            )
    versie.refresh_from_db()
    assert versie.status == VersieStatus.VERZEGELD
    assert versie.ondertekeningen.get(pk=rij.pk).middel == "digid"

    gevonden: dict[str, str] = {"sessie": sessie}
    traject = versie.traject
    versie_url = reverse("overdracht:versie", kwargs={"pk": traject.pk, "nummer": versie.nummer})

    # What the resident sees and downloads.
    for url in [
        traject.get_absolute_url(),
        versie_url,
        reverse("overzicht:mijn_trajecten"),
        reverse("overzicht:privacy"),
        reverse("overzicht:privacy_export"),
    ]:
        antwoord = client.get(url)
        assert antwoord.status_code == 200, url
        gevonden[url] = antwoord.content.decode()
    archief = client.get(reverse("overzicht:privacy_export_zip"))
    with zipfile.ZipFile(io.BytesIO(_inhoud(archief))) as z:
        for naam in z.namelist():
            data = z.read(naam)
            gevonden[f"zip:{naam}"] = (
                _pdf_tekst(data) if naam.endswith(".pdf") else data.decode(errors="replace")
            )

    # What the official sees and exports, and the admin.
    client.logout()
    client.force_login(ambtenaar)
    for url in [
        traject.get_absolute_url(),
        versie_url,
        reverse("overzicht:dashboard", kwargs={"gemeente": gemeente.slug}),
        reverse("overzicht:trajecten_csv", kwargs={"gemeente": gemeente.slug}),
    ]:
        antwoord = client.get(url)
        assert antwoord.status_code == 200, url
        gevonden[url] = _inhoud(antwoord).decode()

    # What the public sees: the register, open data and the verification page.
    client.logout()
    for url in [
        reverse("overzicht:register", kwargs={"gemeente": gemeente.slug}),
        reverse("overzicht:register_json", kwargs={"gemeente": gemeente.slug}),
        reverse("overzicht:register_csv", kwargs={"gemeente": gemeente.slug}),
    ]:
        antwoord = client.get(url)
        assert antwoord.status_code == 200, url
        gevonden[url] = _inhoud(antwoord).decode()
    with versie.verzegeld_pdf.open("rb") as f:
        verzegeld = f.read()
    controle = client.post(
        reverse("overdracht:verifieren"),
        {"bestand": SimpleUploadedFile("o.pdf", verzegeld, "application/pdf")},
    )
    assert "gecontroleerd met DigiD" in controle.content.decode()
    gevonden["controlepagina"] = controle.content.decode()

    # The PDFs, the mails, the log lines and the database.
    with versie.pdf.open("rb") as f:
        gevonden["pdf"] = _pdf_tekst(f.read())
    gevonden["verzegelde pdf"] = _pdf_tekst(verzegeld)
    gevonden["verzegelde pdf (bytes)"] = verzegeld.decode("latin-1")
    gevonden["mails"] = "\n".join(
        f"{m.subject}\n{m.body}\n"
        + "\n".join(
            _pdf_tekst(inhoud) if isinstance(inhoud, bytes) else str(inhoud)
            for _n, inhoud, _s in m.attachments
        )
        for m in mail.outbox
    )
    assert caplog.records, "the run logged nothing: the log search would prove nothing"
    gevonden["logboek"] = "\n".join(f"{r.name} {r.getMessage()} {r.args!r}" for r in caplog.records)
    gevonden["database"] = _database()

    for waar, tekst in gevonden.items():
        _geen_bsn(waar, tekst)
    # The control: the search does find the BSN where it is (the provider's account file).
    assert BSN in oidc_aanbieder.bestand.read_text()
