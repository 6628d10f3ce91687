"""Background work of the core. Thin: the sweep of the outbox of owed work."""

from celery import shared_task


@shared_task
def werk_nalopen() -> int:
    """Offer owed work again that was not done in time (``aanbesteden.werk``)."""
    from .werk import werk_nalopen as nalopen

    return nalopen()
