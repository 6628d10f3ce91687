"""The OpenID Connect providers, their group mappings and each gemeente's log-in policy in
the admin (``/beheer/``)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import IdentiteitKoppeling, Inlogbeleid, OidcAanbieder, OidcGroepKoppeling


class GroepKoppelingInline(admin.TabularInline):
    model = OidcGroepKoppeling
    extra = 1
    autocomplete_fields = ["gemeente"]


@admin.register(OidcAanbieder)
class OidcAanbiederAdmin(admin.ModelAdmin):
    list_display = ["naam", "code", "soort", "gemeente", "actief", "geheim_ingesteld"]
    list_filter = ["soort", "actief"]
    inlines = [GroepKoppelingInline]
    fieldsets = [
        (None, {"fields": ["code", "naam", "soort", "gemeente", "actief"]}),
        (_("Verbinding"), {"fields": ["issuer", "client_id", "scopes"]}),
        (
            _("Claims"),
            {
                "fields": [
                    "claim_email",
                    "claim_naam",
                    "claim_groepen",
                    "claim_bsn",
                    "claim_kvk",
                    "claim_organisatie",
                    "claim_niveau",
                ]
            },
        ),
    ]

    @admin.display(boolean=True, description=_("clientgeheim in de omgeving"))
    def geheim_ingesteld(self, obj: OidcAanbieder) -> bool:
        return bool(obj.client_secret)


@admin.register(Inlogbeleid)
class InlogbeleidAdmin(admin.ModelAdmin):
    list_display = [
        "gemeente",
        "wachtwoord_toegestaan",
        "tekenen_gecontroleerd",
        "voorstel_gecontroleerd",
    ]
    autocomplete_fields = ["gemeente"]


@admin.register(IdentiteitKoppeling)
class IdentiteitKoppelingAdmin(admin.ModelAdmin):
    """Read-only: which accounts linked DigiD or eHerkenning, and when (never the hash)."""

    list_display = ["gebruiker", "middel", "created_at", "laatst_gebruikt"]
    list_filter = ["middel"]
    fields = ["gebruiker", "middel", "created_at", "laatst_gebruikt"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
