"""Background work of the core. Tasks are thin: they take ids and call a service."""

from celery import shared_task


@shared_task(
    acks_late=True, autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5
)
def notificatie_mailen(notificatie_id: int) -> bool:
    """Mail a notification once. Returns whether a mail was sent now."""
    from .berichten import notificatie_mailen_nu

    return notificatie_mailen_nu(notificatie_id)


@shared_task(
    acks_late=True, autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5
)
def inloglink_mailen(email: str, volgende: str = "") -> bool:
    """A requested log-in link, mailed if an account may have one. Run after the response, so
    that its time does not show whether the address exists. Returns whether a link was sent."""
    from .accounts import inloglink_versturen

    return inloglink_versturen(email=email, volgende=volgende)


@shared_task(
    acks_late=True, autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5
)
def wachtwoord_herstel_mailen(email: str, taal: str = "") -> None:
    """A requested password reset, mailed after the response (see ``inloglink_mailen``)."""
    from .accounts import wachtwoord_herstel_mailen as mailen

    mailen(email=email, taal=taal)


@shared_task
def dagoverzichten_versturen() -> int:
    """Daily digest: one mail per user per day with what waits. Returns the number of mails."""
    from .overzicht.services import dagoverzichten_versturen as versturen

    return versturen()


# The overviews' tasks (archive dossier), registered with Celery through this module.
from .overzicht.tasks import dossier_maken  # noqa: E402, F401
