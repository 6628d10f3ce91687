from django.db.models import Count, Q
from django.utils.functional import SimpleLazyObject


def site(request):
    """The header's facts: the official's gemeente and the number of unread notifications.

    Lazy, so pages that do not show them run no query for them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def kop():
        from .models import Gemeente

        gemeente = Gemeente.objects.filter(lidmaatschappen__gebruiker=user).first()
        ongelezen = user.notificaties.aggregate(n=Count("pk", filter=Q(gelezen_op__isnull=True)))
        return {"gemeente": gemeente, "ongelezen": ongelezen["n"]}

    return {"kop": SimpleLazyObject(kop)}
