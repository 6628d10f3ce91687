"""Background work that survives the broker: a transactional outbox.

``werk_inplannen(taak, **argumenten)`` writes a ``Werk`` row in the caller's transaction and
hands the task to Celery after the commit. A broker that cannot take it (Redis down, the
queue emptied) is logged and never raised: the change is committed and the request answers
as usual. When the task finishes (Celery's ``task_success``, in any worker), every open row
with the same task and arguments is marked done. Beat runs ``werk_nalopen`` every minute: work
not done ``WERK_OPNIEUW_NA`` seconds after it was last offered is offered again, so work queued
while Redis was down, lost from the queue, or taken by a worker that was killed is done after
all. Tasks are idempotent (a row lock and a status), so an extra offer does no harm.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import time
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from celery.signals import task_success
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Werk

if TYPE_CHECKING:
    from celery import Task

log = logging.getLogger(__name__)

#: After the broker refused a task, this process hands it no task for this many seconds (the
#: sweep offers the owed work later), so one request never waits on a dead broker twice.
BROKER_PAUZE = 5.0
_broker_weg_tot = 0.0


def opnieuw_na() -> timedelta:
    """After how long open work is offered again by the sweep."""
    return timedelta(seconds=settings.WERK_OPNIEUW_NA)


def te_laat_na() -> timedelta:
    """After how long open work counts as overdue: shown with its age, and officials may try
    it again."""
    return timedelta(seconds=settings.WERK_TE_LAAT_NA)


def _sleutel(taak: str, argumenten: dict[str, Any]) -> str:
    tekst = f"{taak}:{json.dumps(argumenten, sort_keys=True, default=str)}"
    return hashlib.sha256(tekst.encode()).hexdigest()


def _taak(naam: str) -> Task:
    from .celery import app

    if naam not in app.tasks:
        app.loader.import_default_modules()
    return app.tasks[naam]


def taak_aanbieden(taak: Task, *, args: tuple = (), kwargs: dict[str, Any] | None = None) -> bool:
    """Hand a task to Celery. A broker that cannot take it is logged, not raised (the caller's
    change is committed already; its outbox row makes sure the work is done later). Returns
    whether the broker took it. In-process (eager) mode runs the task here."""
    from .celery import app

    global _broker_weg_tot
    if app.conf.task_always_eager:
        taak.apply_async(args=args, kwargs=kwargs or {})
        return True
    if time.monotonic() < _broker_weg_tot:
        # The broker just failed in this process: do not make the request wait on it again.
        log.info("Broker down a moment ago; task %s stays owed", taak.name)
        return False
    try:
        # No retries here: the sweep tries again; a request must not wait on a dead broker.
        taak.apply_async(args=args, kwargs=kwargs or {}, retry=False)
    except Exception:  # noqa: BLE001 - any broker failure: the outbox keeps the work
        _broker_weg_tot = time.monotonic() + BROKER_PAUZE
        log.warning("Broker did not take task %s; it stays owed", taak.name, exc_info=True)
        return False
    return True


def werk_inplannen(taak: Task, **argumenten: Any) -> Werk:
    """Record work for ``taak`` with keyword ``argumenten`` (JSON) in the current transaction
    and offer it to Celery once the transaction commits."""
    werk = Werk.objects.create(
        taak=taak.name, argumenten=argumenten, sleutel=_sleutel(taak.name, argumenten)
    )
    transaction.on_commit(partial(werk_aanbieden, werk.pk))
    return werk


def werk_aanbieden(werk_id: int) -> bool:
    """Offer one open piece of work to Celery. Returns whether the broker took it."""
    werk = Werk.objects.filter(pk=werk_id, klaar_op__isnull=True).first()
    if werk is None:
        return False
    Werk.objects.filter(pk=werk.pk).update(
        pogingen=F("pogingen") + 1, aangeboden_op=timezone.now(), laatste_fout=""
    )
    try:
        taak = _taak(werk.taak)
    except KeyError:
        log.error("Work %s names unknown task %s", werk.pk, werk.taak)
        Werk.objects.filter(pk=werk.pk).update(laatste_fout="unknown task")
        return False
    genomen = taak_aanbieden(taak, kwargs=werk.argumenten)
    if not genomen:
        Werk.objects.filter(pk=werk.pk, klaar_op__isnull=True).update(
            laatste_fout="broker unavailable"
        )
    return genomen


def werk_opnieuw(taak: Task, **argumenten: Any) -> Werk:
    """An official's "try again": mark older open work for the same task done (it is
    replaced) and record it anew."""
    Werk.objects.filter(sleutel=_sleutel(taak.name, argumenten), klaar_op__isnull=True).update(
        klaar_op=timezone.now(), laatste_fout="replaced by a new try"
    )
    return werk_inplannen(taak, **argumenten)


def open_werk(taak: Task | str, **argumenten: Any) -> Werk | None:
    """The oldest open work for ``taak`` with these arguments, or None."""
    naam = taak if isinstance(taak, str) else taak.name
    return (
        Werk.objects.filter(sleutel=_sleutel(naam, argumenten), klaar_op__isnull=True)
        .order_by("created_at", "pk")
        .first()
    )


def werk_te_laat(werk: Werk | None) -> bool:
    return werk is not None and werk.created_at <= timezone.now() - te_laat_na()


def werk_nalopen(*, limiet: int = 500) -> int:
    """The sweep (beat, every minute): offer open work again that was not done within
    ``WERK_OPNIEUW_NA`` seconds of its last offer (or never offered), up to
    ``WERK_MAX_POGINGEN`` offers; forget done work after a week. Returns how many were
    offered."""
    nu = timezone.now()
    Werk.objects.filter(klaar_op__lt=nu - timedelta(days=7)).delete()
    grens = nu - opnieuw_na()
    ids = list(
        Werk.objects.filter(klaar_op__isnull=True, pogingen__lt=settings.WERK_MAX_POGINGEN)
        .filter(created_at__lte=grens)
        .exclude(aangeboden_op__gt=grens)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limiet]
    )
    for werk_id in ids:
        log.info("Offering owed work %s again", werk_id)
        werk_aanbieden(werk_id)
    return len(ids)


def werk_klaar(taaknaam: str, argumenten: dict[str, Any]) -> int:
    """Mark open work for this task and these arguments done. Returns how many rows."""
    return Werk.objects.filter(
        sleutel=_sleutel(taaknaam, argumenten), klaar_op__isnull=True
    ).update(klaar_op=timezone.now())


def _argumenten(sender: Any, args: Any, kwargs: Any) -> dict[str, Any]:
    """The task's arguments by name, however it was called."""
    try:
        gebonden = inspect.signature(sender.run).bind_partial(*(args or ()), **(kwargs or {}))
    except (TypeError, ValueError):
        return dict(kwargs or {})
    return dict(gebonden.arguments)


@task_success.connect(weak=False, dispatch_uid="aanbesteden.werk_klaar")
def _taak_gelukt(sender: Any = None, **kwargs: Any) -> None:
    if sender is None or getattr(sender, "name", "").startswith("celery."):
        return
    verzoek = sender.request
    try:
        werk_klaar(sender.name, _argumenten(sender, verzoek.args, verzoek.kwargs))
    except Exception:  # noqa: BLE001 - bookkeeping never fails the task; the sweep re-offers
        log.warning("Could not mark work of %s done", sender.name, exc_info=True)


def werk_overzicht() -> dict[str, int]:
    """For the metrics: open work, and open work that is overdue."""
    open_rijen = Werk.objects.filter(klaar_op__isnull=True)
    return {
        "open": open_rijen.count(),
        "te_laat": open_rijen.filter(created_at__lte=timezone.now() - te_laat_na()).count(),
    }
