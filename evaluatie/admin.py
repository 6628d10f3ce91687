from django.contrib import admin

from .models import Evaluatie, Evaluatiemoment, Exitplan, Herinnering, Verankering


@admin.register(Evaluatiemoment)
class EvaluatiemomentAdmin(admin.ModelAdmin):
    list_display = ["traject", "gepland_op", "status", "extra"]
    list_filter = ["status", "extra"]
    search_fields = ["traject__titel"]
    raw_id_fields = ["traject"]
    date_hierarchy = "gepland_op"


@admin.register(Herinnering)
class HerinneringAdmin(admin.ModelAdmin):
    list_display = ["moment", "soort", "verzonden_op", "aantal_ontvangers"]
    list_filter = ["soort"]
    raw_id_fields = ["moment"]

    def has_change_permission(self, request, obj=None):
        return False  # the record of what was sent is not edited by hand


@admin.register(Evaluatie)
class EvaluatieAdmin(admin.ModelAdmin):
    list_display = ["moment", "conclusie", "besloten_op"]
    list_filter = ["conclusie"]
    raw_id_fields = ["moment", "besloten_door"]


admin.site.register(Verankering, raw_id_fields=["traject"])
admin.site.register(Exitplan, raw_id_fields=["traject"])
