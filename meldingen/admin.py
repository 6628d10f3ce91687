from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .constants import MailStatus
from .models import Notificatie, Uitgaandemail


@admin.register(Notificatie)
class NotificatieAdmin(admin.ModelAdmin):
    list_display = ["onderwerp", "ontvanger", "soort", "created_at", "gelezen_op"]
    list_filter = ["soort"]


@admin.register(Uitgaandemail)
class UitgaandemailAdmin(admin.ModelAdmin):
    """The mail outbox, for an operator: what is owed, how often it was tried, the last
    refusal and the next try. Read-only, except the action that tries the chosen mails now."""

    list_display = [
        "adres",
        "onderwerp",
        "status",
        "pogingen",
        "volgende_poging",
        "laatste_fout_kort",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["adres", "onderwerp"]
    date_hierarchy = "created_at"
    exclude = ["bijlagen"]
    readonly_fields = [
        "adres",
        "onderwerp",
        "tekst",
        "notificatie",
        "status",
        "pogingen",
        "volgende_poging",
        "laatste_fout",
        "verzonden_op",
        "created_at",
    ]
    actions = ["nu_proberen"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("bijlagen", "tekst")

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("laatste fout"))
    def laatste_fout_kort(self, mail: Uitgaandemail) -> str:
        return mail.laatste_fout[:80]

    @admin.action(description=_("Nu opnieuw proberen"))
    def nu_proberen(self, request, queryset) -> None:
        from django.utils import timezone

        aantal = queryset.filter(status__in=[MailStatus.WACHTEN, MailStatus.OPGEGEVEN]).update(
            status=MailStatus.WACHTEN, volgende_poging=timezone.now()
        )
        tekst = _("%(aantal)s mails worden binnen een minuut opnieuw geprobeerd.")
        self.message_user(request, tekst % {"aantal": aantal})
