from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from guardian.admin import GuardedModelAdmin

from .models import Gemeente, Lidmaatschap, Traject, User, Werk


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "naam", "taal", "is_staff", "is_active"]
    search_fields = ["email", "naam"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Persoon"), {"fields": ("naam", "telefoon", "taal")}),
        (_("Rechten"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class LidmaatschapInline(admin.TabularInline):
    model = Lidmaatschap
    extra = 0
    autocomplete_fields = ["gebruiker"]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "cbs_code", "beslistermijn_weken", "evaluatie_frequentie"]
    prepopulated_fields = {"slug": ["naam"]}
    search_fields = ["naam", "cbs_code"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            # A gemeente made here gets what one made by the service gets.
            from .services import gemeente_inrichten

            gemeente_inrichten(gemeente=obj)


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    """The membership row is the official's access (``permissions.traject_rollen``), so the
    admin's own save, delete and bulk delete end or move that access with the row; nothing
    else has to be kept in step."""

    list_display = ["gebruiker", "gemeente", "rol", "mag_tekenen"]
    list_filter = ["gemeente", "rol"]
    autocomplete_fields = ["gebruiker"]


@admin.register(Traject)
class TrajectAdmin(GuardedModelAdmin):
    list_display = ["titel", "gemeente", "status", "updated_at"]
    list_filter = ["gemeente", "status"]
    search_fields = ["titel"]
    readonly_fields = ["status", "status_sinds"]

    def get_readonly_fields(self, request, obj=None):
        # The gemeente is chosen when the traject is made and fixed after (see Traject.save).
        velden = list(super().get_readonly_fields(request, obj))
        return [*velden, "gemeente"] if obj is not None else velden


@admin.register(Werk)
class WerkAdmin(admin.ModelAdmin):
    """The outbox of background work, for an operator: what is owed, since when, how often it
    was offered to the broker and the last failure to do so. Read-only."""

    list_display = ["taak", "created_at", "pogingen", "aangeboden_op", "laatste_fout", "klaar_op"]
    list_filter = [("klaar_op", admin.EmptyFieldListFilter), "taak"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "taak",
        "argumenten",
        "pogingen",
        "aangeboden_op",
        "laatste_fout",
        "klaar_op",
        "created_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
