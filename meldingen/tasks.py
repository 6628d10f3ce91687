"""Background work of the notifications. Tasks are thin: they take ids and call a service."""

from celery import shared_task


@shared_task(
    acks_late=True, autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5
)
def notificatie_mailen(notificatie_id: int) -> bool:
    """Mail a notification once. Returns whether a mail was sent now."""
    from .berichten import notificatie_mailen_nu

    return notificatie_mailen_nu(notificatie_id)


@shared_task
def dagoverzichten_versturen() -> int:
    """Daily digest: one mail per user per day with what waits. Returns the number of mails."""
    from .services import dagoverzichten_versturen as versturen

    return versturen()


@shared_task(acks_late=True)
def mail_versturen(mail_id: int) -> bool:
    """Send one owed mail (exactly once). A failure is recorded on the mail with the time of
    its next try, which the sweep keeps; this task does not retry itself."""
    from .berichten import mail_versturen_nu

    return mail_versturen_nu(mail_id)


@shared_task
def mails_nalopen() -> int:
    """Beat, every minute: send owed mails whose next try is due."""
    from .berichten import mails_nalopen as nalopen

    return nalopen()
