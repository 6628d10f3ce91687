"""Background work of the overviews. Thin: ids in, a service called."""

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def dossier_maken(dossier_id: int) -> bool:
    """Build a requested archive dossier (once)."""
    from .services.dossier import dossier_maken as maken

    return maken(dossier_id=dossier_id)
