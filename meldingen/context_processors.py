from django.db.models import Count, Q
from django.utils.functional import SimpleLazyObject


def ongelezen(request):
    """The number of unread notifications, for the header. Lazy, so pages that do not show
    it run no query for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def tellen() -> int:
        return user.notificaties.aggregate(n=Count("pk", filter=Q(gelezen_op__isnull=True)))["n"]

    return {"meldingen_ongelezen": SimpleLazyObject(tellen)}
