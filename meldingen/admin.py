from django.contrib import admin

from .models import Notificatie


@admin.register(Notificatie)
class NotificatieAdmin(admin.ModelAdmin):
    list_display = ["onderwerp", "ontvanger", "soort", "created_at", "gelezen_op"]
    list_filter = ["soort"]
