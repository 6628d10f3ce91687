from django.contrib import admin

from .models import (
    Begrotingspost,
    Inzet,
    Mijlpaal,
    Partner,
    Route,
    RouteAkkoord,
    RouteVersie,
    Tranche,
    Uitnodiging,
)


class AlleenLezen(admin.ModelAdmin):
    """Coalitions and routes change only through their pages and services, so that access
    rights, versions and agreements stay consistent."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Uitnodiging)
class UitnodigingAdmin(AlleenLezen):
    list_display = ["email", "traject", "status", "verloopt_op", "keer_verzonden"]
    list_filter = ["status"]
    search_fields = ["email", "naam", "organisatie", "traject__titel"]
    exclude = ["token_hash"]
    list_select_related = ["traject"]


@admin.register(Partner)
class PartnerAdmin(AlleenLezen):
    list_display = ["organisatie", "traject", "rol", "status", "toegetreden_op"]
    list_filter = ["status", "rol", "soort"]
    search_fields = ["organisatie", "contactpersoon", "traject__titel"]
    list_select_related = ["traject"]


@admin.register(Route)
class RouteAdmin(AlleenLezen):
    list_display = ["traject", "startdatum", "looptijd_maanden", "versie"]
    list_select_related = ["traject"]


for model in (RouteVersie, RouteAkkoord, Mijlpaal, Inzet, Begrotingspost, Tranche):
    admin.site.register(model, AlleenLezen)
