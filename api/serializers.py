"""What the API shows of each object. The public ones show nothing that identifies a person
(tests/api/test_geen_persoonsgegevens.py checks them against the register of personal data)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from aanbesteden.constants import TrajectStatus
from aanbesteden.models import Gemeente, Traject
from initiatieven.models import Opgave, Voorstel

from .adressen import niet_publiek
from .models import Webhookabonnement, Webhooklevering


class GemeenteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gemeente
        fields = ["slug", "naam", "cbs_code"]


class OpgaveSerializer(serializers.ModelSerializer):
    """A published call, as its public page shows it (without its contact person)."""

    gemeente = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    open = serializers.BooleanField(source="is_open", read_only=True)
    pagina = serializers.SerializerMethodField()

    class Meta:
        model = Opgave
        fields = [
            "id",
            "gemeente",
            "titel",
            "omschrijving",
            "kwaliteitsniveau",
            "voorwaarden",
            "beoordelingscriteria",
            "thema",
            "wijk",
            "huidige_kosten",
            "status",
            "open",
            "deadline",
            "gepubliceerd_op",
            "pagina",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_pagina(self, opgave: Opgave) -> str:
        return settings.SITE_URL + opgave.get_absolute_url()


class VoorstelSerializer(serializers.ModelSerializer):
    """A submitted proposal its initiative chose to publish: what it proposes, the phase it is
    in and the decision once made. The initiative's name only with its consent; never a
    contact person, nor the official who decided."""

    gemeente = serializers.CharField(source="traject.gemeente.slug", read_only=True)
    titel = serializers.CharField(source="traject.titel", read_only=True)
    samenvatting = serializers.CharField(source="traject.samenvatting", read_only=True)
    opgave = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    initiatief = serializers.SerializerMethodField()
    status = serializers.ChoiceField(
        source="traject.status", choices=TrajectStatus.choices, read_only=True
    )
    fase = serializers.IntegerField(source="traject.fase", read_only=True)
    # Whole numbers declared here: their ranges from the model depend on the database.
    bereik = serializers.IntegerField(read_only=True, allow_null=True)
    looptijd_maanden = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Voorstel
        fields = [
            "id",
            "gemeente",
            "titel",
            "samenvatting",
            "soort",
            "opgave",
            "taak",
            "omschrijving",
            "bijdrage_gemeentedoelen",
            "doelgroep",
            "bereik",
            "looptijd_maanden",
            "initiatief",
            "status",
            "fase",
            "ingediend_op",
            "openbaar_sinds",
            "besluit",
            "besluit_op",
            "besluit_motivatie",
        ]

    def get_initiatief(self, voorstel: Voorstel) -> str | None:
        initiatief = voorstel.initiatief
        return initiatief.naam if initiatief.publiceren else None


class IndicatorSerializer(serializers.Serializer):
    naam = serializers.CharField()
    eenheid = serializers.CharField(allow_blank=True)
    beginwaarde = serializers.CharField(help_text=_("Decimaal als tekst."))
    streefwaarde = serializers.CharField(allow_null=True, help_text=_("Decimaal als tekst."))


class LaatsteEvaluatieSerializer(serializers.Serializer):
    besluit = serializers.CharField(allow_null=True)
    besluit_label = serializers.CharField(allow_null=True)
    datum = serializers.DateField(allow_null=True)


class RegisterSerializer(serializers.Serializer):
    """A task handed over, as the public register and its open data show it
    (docs/open-data.md): the same selector, the same fields."""

    id = serializers.IntegerField()
    gemeente = serializers.CharField(help_text=_("De korte naam van de gemeente."))
    taak = serializers.CharField()
    opgave = serializers.CharField(allow_null=True)
    thema = serializers.CharField(allow_blank=True)
    wijk = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=TrajectStatus.choices)
    status_label = serializers.CharField()
    initiatief = serializers.CharField(allow_null=True)
    partners = serializers.ListField(child=serializers.CharField())
    sinds = serializers.DateField(allow_null=True)
    budget_gemeente = serializers.CharField(help_text=_("Decimaal als tekst, euro."))
    indicatoren = IndicatorSerializer(many=True)
    laatste_evaluatie = LaatsteEvaluatieSerializer()
    volgende_evaluatie = serializers.DateField(allow_null=True)


class TrajectSerializer(serializers.ModelSerializer):
    """A traject of the gemeente, for its own systems."""

    gemeente = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status_label = serializers.SerializerMethodField()
    fase = serializers.IntegerField(
        read_only=True, help_text=_("De fase (1-5); 0 voor en na de vijf fasen.")
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = Traject
        fields = [
            "id",
            "gemeente",
            "titel",
            "samenvatting",
            "thema",
            "wijk",
            "status",
            "status_label",
            "fase",
            "status_sinds",
            "created_at",
            "updated_at",
            "url",
        ]

    def get_status_label(self, traject: Traject) -> str:
        return str(TrajectStatus(traject.status).label)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, traject: Traject) -> str:
        return settings.SITE_URL + reverse(
            "api:traject-detail", kwargs={"gemeente": traject.gemeente.slug, "pk": traject.pk}
        )


class FasewisselingSerializer(serializers.Serializer):
    """One step in the traject's history (django-fsm-log), without who took it."""

    id = serializers.IntegerField()
    op = serializers.DateTimeField(source="timestamp")
    transitie = serializers.CharField(source="transition")
    van = serializers.CharField(source="source_state", allow_null=True)
    naar = serializers.CharField(source="state")
    motivatie = serializers.CharField(source="description", allow_null=True)


class TrajectDetailSerializer(TrajectSerializer):
    geschiedenis = FasewisselingSerializer(many=True, read_only=True)

    class Meta(TrajectSerializer.Meta):
        fields = [*TrajectSerializer.Meta.fields, "geschiedenis"]


class WebhookabonnementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Webhookabonnement
        fields = ["id", "url", "is_active", "created_at"]
        read_only_fields = ["id", "is_active", "created_at"]

    def validate_url(self, url: str) -> str:
        if not url.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError(_("Het adres moet met http:// of https:// beginnen."))
        if settings.WEBHOOK_ALLEEN_HTTPS and not url.lower().startswith("https://"):
            raise serializers.ValidationError(_("Het adres moet met https:// beginnen."))
        if settings.WEBHOOK_ALLEEN_PUBLIEK and niet_publiek(url):
            raise serializers.ValidationError(
                _("Het adres moet een openbaar adres op internet zijn.")
            )
        return url


class NieuwWebhookabonnementSerializer(WebhookabonnementSerializer):
    """The answer to a new subscription: the only time the secret is shown."""

    geheim = serializers.CharField(
        read_only=True,
        help_text=_("Het geheim waarmee elke levering is ondertekend; alleen nu getoond."),
    )

    class Meta(WebhookabonnementSerializer.Meta):
        fields = [*WebhookabonnementSerializer.Meta.fields, "geheim"]
        read_only_fields = [*WebhookabonnementSerializer.Meta.read_only_fields, "geheim"]


class WebhookleveringSerializer(serializers.ModelSerializer):
    traject = serializers.IntegerField(source="traject_id", read_only=True)
    aantal_pogingen = serializers.IntegerField(read_only=True)
    laatste_statuscode = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Webhooklevering
        fields = [
            "id",
            "gebeurtenis",
            "traject",
            "inhoud",
            "status",
            "aantal_pogingen",
            "laatste_statuscode",
            "laatste_fout",
            "geleverd_op",
            "created_at",
        ]
