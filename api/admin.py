"""The platform manager makes a gemeente's application tokens here. The token is shown once,
right after it was made (or renewed); only its hash is stored."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Applicatie, Webhookabonnement, Webhooklevering, Webhookpoging


def _token_tonen(request, applicatie: Applicatie, token: str) -> None:
    messages.warning(
        request,
        _(
            "Het token van %(applicatie)s is: %(token)s — kopieer het nu en geef het veilig aan "
            "de gemeente. Het wordt niet opnieuw getoond."
        )
        % {"applicatie": applicatie, "token": token},
    )


class WebhookabonnementInline(admin.TabularInline):
    model = Webhookabonnement
    extra = 0
    fields = ["url", "is_active", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Applicatie)
class ApplicatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente", "scope", "is_active", "token_begin", "laatst_gebruikt_op"]
    list_filter = ["gemeente", "scope", "is_active"]
    search_fields = ["naam", "gemeente__naam"]
    fields = [
        "gemeente",
        "naam",
        "scope",
        "is_active",
        "token_begin",
        "laatst_gebruikt_op",
        "created_at",
    ]
    readonly_fields = ["token_begin", "laatst_gebruikt_op", "created_at"]
    inlines = [WebhookabonnementInline]
    actions = ["nieuw_token"]

    def get_readonly_fields(self, request, obj=None):
        # The gemeente of an existing application is fixed: its token would otherwise reach
        # another gemeente's trajecten.
        if obj is not None:
            return [*self.readonly_fields, "gemeente"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        token = None if change else obj.token_zetten()
        super().save_model(request, obj, form, change)
        if token:
            _token_tonen(request, obj, token)

    @admin.action(description=_("Nieuw token maken (het oude werkt dan niet meer)"))
    def nieuw_token(self, request, queryset):
        for applicatie in queryset:
            token = applicatie.token_zetten()
            applicatie.save(update_fields=["token_hash", "token_begin"])
            _token_tonen(request, applicatie, token)
        self.message_user(
            request,
            ngettext(
                "%(aantal)d token vernieuwd.", "%(aantal)d tokens vernieuwd.", queryset.count()
            )
            % {"aantal": queryset.count()},
        )


class WebhookpogingInline(admin.TabularInline):
    model = Webhookpoging
    extra = 0
    can_delete = False
    fields = ["nummer", "statuscode", "fout", "duur_ms", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Webhooklevering)
class WebhookleveringAdmin(admin.ModelAdmin):
    """The delivery log: read only."""

    list_display = [
        "created_at",
        "gebeurtenis",
        "traject",
        "abonnement",
        "status",
        "aantal_pogingen",
        "laatste_statuscode",
    ]
    list_filter = ["status", "abonnement__applicatie__gemeente"]
    list_select_related = ["traject", "abonnement"]
    inlines = [WebhookpogingInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
