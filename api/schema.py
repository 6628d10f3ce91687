"""The OpenAPI description (drf-spectacular), with the errors every operation can answer,
so that a client (and schemathesis) knows every status code the API may return."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


class FoutSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
    velden = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False
    )


FOUTEN = {
    "400": _("Ongeldige invoer (per veld de reden)."),
    "401": _("Geen of een ongeldig token."),
    "403": _("Het token hoort niet bij deze gemeente, of mag niet schrijven."),
    "404": _("Niet gevonden."),
    "405": _("Deze methode kan hier niet."),
    "406": _("Dit antwoordformaat is er niet."),
    "415": _("Dit formaat van de inhoud kan niet."),
    "429": _("Te veel verzoeken; zie Retry-After."),
}
#: The errors that only an endpoint with a token can answer.
ALLEEN_MET_TOKEN = {"401", "403"}


class Schema(AutoSchema):
    def _resolve_path_parameters(self, variables):
        # Numbers are whole numbers of at most 18 digits, the short names of gemeenten are
        # slugs: as the URL patterns accept them.
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            if parameter["name"] == "id":
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": 10**18 - 1}
            elif parameter["name"] in ("gemeente", "slug"):
                parameter["schema"] = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}
                parameter["description"] = str(_("De korte naam van de gemeente in adressen."))
        return parameters

    def get_operation(self, *args, **kwargs):
        # A filter without a value is refused (api.filters.StrengeFilterSet): say so.
        operation = super().get_operation(*args, **kwargs)
        for parameter in (operation or {}).get("parameters", []):
            schema = parameter.get("schema", {})
            if parameter["in"] != "query" or schema.get("type") != "string":
                continue
            if parameter["name"] == "gemeente":
                schema["pattern"] = "^[-a-zA-Z0-9_]+$"
            elif "enum" not in schema and "format" not in schema:
                schema["minLength"] = 1
        return operation

    def get_description(self):
        # Only what ``extend_schema`` says: the views' docstrings are for developers.
        return ""

    def _get_response_bodies(self, direction="response"):
        antwoorden = super()._get_response_bodies(direction)
        met_token = bool(self.get_auth())
        fout = self._get_response_for_code(FoutSerializer, "400")
        for code, omschrijving in FOUTEN.items():
            if code in antwoorden or (code in ALLEEN_MET_TOKEN and not met_token):
                continue
            if code == "415" and self.method not in ("POST", "PUT", "PATCH"):
                continue
            antwoorden[code] = {**fout, "description": str(omschrijving)}
        if self.method == "GET":
            antwoorden["304"] = {"description": str(_("Niet gewijzigd (If-None-Match)."))}
        return antwoorden
