"""Background work of logging in. Tasks are thin: they take ids and call a service."""

from celery import shared_task


@shared_task(
    acks_late=True, autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5
)
def inloglink_mailen(email: str, volgende: str = "") -> bool:
    """A requested log-in link, mailed if an account may have one. Run after the response, so
    that its time does not show whether the address exists. Returns whether a link was sent."""
    from .services import inloglink_versturen

    return inloglink_versturen(email=email, volgende=volgende)


@shared_task(
    acks_late=True, autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5
)
def wachtwoord_herstel_mailen(email: str, taal: str = "") -> None:
    """A requested password reset, mailed after the response (see ``inloglink_mailen``)."""
    from .services import wachtwoord_herstel_mailen as mailen

    mailen(email=email, taal=taal)
