"""Tasks for the operations tests only: one that logs a line, one that fails."""

import logging

from celery import shared_task

log = logging.getLogger("tests.bedrijfsvoering.taak")


@shared_task(name="tests.bedrijfsvoering.taak_die_logt")
def taak_die_logt() -> str:
    log.info("de taak loopt")
    return "klaar"


@shared_task(name="tests.bedrijfsvoering.taak_die_faalt")
def taak_die_faalt() -> None:
    raise RuntimeError("deze taak faalt altijd")
