from django.conf import settings
from django.utils import translation


class GebruikersTaalMiddleware:
    """A logged-in user without an explicit language choice in this browser gets the language
    of the account, so the site speaks the language the mails are written in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and user.taal
        ):
            translation.activate(user.taal)
            request.LANGUAGE_CODE = user.taal
        return self.get_response(request)
