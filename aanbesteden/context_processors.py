from django.utils.functional import SimpleLazyObject


def site(request):
    """The header's facts of the core: the official's gemeente.

    Lazy, so pages that do not show it run no query for it. (The apps above the core add
    their own facts, such as the number of unread notifications.)"""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def kop():
        from .models import Gemeente

        return {"gemeente": Gemeente.objects.filter(lidmaatschappen__gebruiker=user).first()}

    return {"kop": SimpleLazyObject(kop)}
