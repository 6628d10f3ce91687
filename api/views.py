"""The endpoints. Public ones (no token, limited per client address): gemeenten, published
calls, published proposals, the register. With a gemeente's token, under
``/api/v1/gemeenten/<gemeente>/``: its trajecten with phase and history, and its webhooks.

Every GET answers with an ETag and honours ``If-None-Match`` (304); a traject also with
Last-Modified (``If-Modified-Since``)."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import conditional_page
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from aanbesteden.models import Traject
from overzicht.selectors.register import register_rij, register_trajecten

from . import selectors, serializers, services
from .filters import OpgaveFilter, RegisterFilter, TrajectFilter, VoorstelFilter
from .limiet import PubliekeLimiet
from .models import Webhookabonnement
from .permissies import TokenVanDeGemeente


class ConditioneelMixin:
    """ETag on every successful GET, and 304 for a matching If-None-Match (or, where the view
    sets Last-Modified, If-Modified-Since)."""

    @method_decorator(conditional_page)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class PubliekMixin(ConditioneelMixin):
    """No token, no session: the same answer for everybody, limited per client address."""

    authentication_classes: list = []
    permission_classes: list = []
    throttle_classes = [PubliekeLimiet]


class MetTokenMixin(ConditioneelMixin):
    """A token of the gemeente in the address (``TokenVanDeGemeente``)."""

    permission_classes = [TokenVanDeGemeente]

    @property
    def applicatie(self):
        return self.request.auth


@extend_schema_view(
    list=extend_schema(summary=_("Alle gemeenten op het platform"), tags=["openbaar"]),
    retrieve=extend_schema(summary=_("Eén gemeente"), tags=["openbaar"]),
)
class GemeenteViewSet(PubliekMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.GemeenteSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return selectors.gemeenten()


@extend_schema_view(
    list=extend_schema(summary=_("Gepubliceerde opgaven"), tags=["openbaar"]),
    retrieve=extend_schema(summary=_("Eén gepubliceerde opgave"), tags=["openbaar"]),
)
class OpgaveViewSet(PubliekMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]{1,18}"
    serializer_class = serializers.OpgaveSerializer
    filterset_class = OpgaveFilter

    def get_queryset(self):
        return selectors.gepubliceerde_opgaven()


@extend_schema_view(
    list=extend_schema(
        summary=_("Gepubliceerde voorstellen"),
        description=(
            _(
                "Ingediende voorstellen die het initiatief openbaar heeft gemaakt, met fase "
                "en besluit."
            )
        ),
        tags=["openbaar"],
    ),
    retrieve=extend_schema(summary=_("Eén gepubliceerd voorstel"), tags=["openbaar"]),
)
class VoorstelViewSet(PubliekMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]{1,18}"
    serializer_class = serializers.VoorstelSerializer
    filterset_class = VoorstelFilter

    def get_queryset(self):
        return selectors.gepubliceerde_voorstellen()


@extend_schema_view(
    list=extend_schema(
        summary=_("Het register: overgedragen taken"),
        description=(
            _("Zoals het openbare register en de open data ze tonen (docs/open-data.md).")
        ),
        tags=["openbaar"],
    ),
    retrieve=extend_schema(summary=_("Eén overgedragen taak"), tags=["openbaar"]),
)
class RegisterViewSet(PubliekMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]{1,18}"
    serializer_class = serializers.RegisterSerializer
    filterset_class = RegisterFilter

    def get_queryset(self):
        return register_trajecten(gemeente=None).select_related("gemeente")

    def get_serializer(self, *args, **kwargs):
        if args:
            objecten = args[0]
            if kwargs.get("many"):
                args = ([self._rij(t) for t in objecten], *args[1:])
            else:
                args = (self._rij(objecten), *args[1:])
        return super().get_serializer(*args, **kwargs)

    @staticmethod
    def _rij(traject) -> dict:
        return {**register_rij(traject), "gemeente": traject.gemeente.slug}


@extend_schema_view(
    list=extend_schema(
        summary=_("De trajecten van de gemeente"),
        description=_("Met fase en status; te filteren op status, fase en datum."),
        tags=["gemeente"],
    ),
    retrieve=extend_schema(
        summary=_("Eén traject met zijn geschiedenis"),
        tags=["gemeente"],
        responses=serializers.TrajectDetailSerializer,
    ),
)
class TrajectViewSet(MetTokenMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]{1,18}"
    serializer_class = serializers.TrajectSerializer
    filterset_class = TrajectFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is made without a token
            return Traject.objects.none()
        return selectors.gemeente_trajecten(gemeente=self.applicatie.gemeente)

    def retrieve(self, request, *args, **kwargs):
        traject = self.get_object()
        traject.geschiedenis = list(selectors.traject_geschiedenis(traject=traject))
        response = Response(serializers.TrajectDetailSerializer(traject).data)
        response["Last-Modified"] = http_date(traject.updated_at.timestamp())
        return response


@extend_schema_view(
    list=extend_schema(summary=_("De webhooks van de gemeente"), tags=["webhooks"]),
    retrieve=extend_schema(summary=_("Eén webhook"), tags=["webhooks"]),
    create=extend_schema(
        summary=_("Abonneren op fasewisselingen"),
        description=(
            _(
                "Elke fasewisseling van een traject van de gemeente wordt ondertekend naar het "
                "adres gestuurd. Het geheim staat alleen in dit antwoord. Vraagt een token dat "
                "mag schrijven."
            )
        ),
        tags=["webhooks"],
        responses={201: serializers.NieuwWebhookabonnementSerializer},
    ),
    destroy=extend_schema(
        summary=_("Abonnement opzeggen"),
        description=_("Vraagt een token dat mag schrijven."),
        tags=["webhooks"],
    ),
    leveringen=extend_schema(
        summary=_("Het logboek van leveringen van deze webhook"),
        tags=["webhooks"],
        responses=serializers.WebhookleveringSerializer(many=True),
    ),
)
class WebhookViewSet(
    MetTokenMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = serializers.WebhookabonnementSerializer
    lookup_value_regex = r"[0-9]{1,18}"
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Webhookabonnement.objects.none()
        return selectors.abonnementen(applicatie=self.applicatie)

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=int(self.kwargs["pk"]))

    def create(self, request, *args, **kwargs):
        invoer = self.get_serializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        abonnement = services.abonnement_aanmaken(
            applicatie=self.applicatie, url=invoer.validated_data["url"]
        )
        return Response(
            serializers.NieuwWebhookabonnementSerializer(abonnement).data,
            status=status.HTTP_201_CREATED,
        )

    def perform_destroy(self, instance):
        services.abonnement_opzeggen(abonnement=instance)

    @action(detail=True, methods=["get"])
    def leveringen(self, request, *args, **kwargs):
        abonnement = self.get_object()
        pagina = self.paginate_queryset(selectors.leveringen(abonnement=abonnement))
        return self.get_paginated_response(
            serializers.WebhookleveringSerializer(pagina, many=True).data
        )


@csrf_exempt
def niet_gevonden(request, *args, **kwargs) -> JsonResponse:
    """Any other address under /api/: a 404 in the API's error shape, not the HTML page."""
    return JsonResponse({"detail": str(_("Niet gevonden.")), "code": "not_found"}, status=404)
