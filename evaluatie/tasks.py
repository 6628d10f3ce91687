"""Background work of phase 5. Thin: the scan itself is ``services.herinneringen_versturen``."""

from celery import shared_task


@shared_task(name="evaluatie.tasks.herinneringen_scannen", acks_late=True)
def herinneringen_scannen() -> int:
    """Run by Celery beat (settings.CELERY_BEAT_SCHEDULE). Safe to run twice or at the same
    time: every reminder is sent exactly once. Returns how many reminders were sent now."""
    from .services import herinneringen_versturen

    return len(herinneringen_versturen())
