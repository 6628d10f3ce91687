"""Background work of the core. Tasks are thin: they take ids and call a service."""

from celery import shared_task
from django.db import transaction
from django.utils import timezone


@shared_task(
    acks_late=True, autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5
)
def notificatie_mailen(notificatie_id: int) -> bool:
    """Mail a notification once. Returns whether a mail was sent now."""
    from .berichten import _mail
    from .models import Notificatie

    with transaction.atomic():
        notificatie = (
            Notificatie.objects.select_for_update()
            .select_related("ontvanger")
            .filter(pk=notificatie_id, gemaild_op__isnull=True)
            .first()
        )
        if notificatie is None:
            return False
        _mail(notificatie.ontvanger.email, notificatie.onderwerp, notificatie.tekst)
        notificatie.gemaild_op = timezone.now()
        notificatie.save(update_fields=["gemaild_op"])
    return True


@shared_task
def dagoverzichten_versturen() -> int:
    """Daily digest (extended by the notifications issue). Returns the number of mails."""
    return 0
