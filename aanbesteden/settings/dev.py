"""Embedded mode for a first run: SQLite, tasks in-process, mail to the console."""

from .base import *  # noqa: F403
from .env import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str(
    "SECRET_KEY", default="dev-only-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
)

# SQLite cannot enforce unique constraints with NULLS NOT DISTINCT; PostgreSQL (production)
# does, and the services guard the same rules with row locks.
SILENCED_SYSTEM_CHECKS = ["models.W047"]
# The limits' counters live in this process's memory: one process here, so they are shared;
# production keeps them in Redis (django_ratelimit's check does apply there).
SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003", "django_ratelimit.W001"]

# The site's address in mailed links follows the port `make run PORT=…` serves on.
PORT = env.int("PORT", default=8000)
SITE_URL = env.str("SITE_URL", default=f"http://127.0.0.1:{PORT}").rstrip("/")

# The scheduled tasks run inside the development server (`manage.py ontwikkelserver`, which
# `make run` starts; bedrijfsvoering/ingebed.py). The reminder scan runs every half minute
# instead of every quarter hour, so that the demo's reminders appear soon after the start.
CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,  # noqa: F405
    "evaluatie-herinneringen": {
        "task": "evaluatie.tasks.herinneringen_scannen",
        "schedule": env.float("HERINNERING_SCAN_SECONDEN", default=30.0),
    },
}
# Without a broker a task runs inside the request that queued it: a webhook that fails is tried
# once there (each try may wait WEBHOOK_TIMEOUT_SECONDEN), and again by beat when its wait is
# over, with the same waits and number of tries as a worker's retries. With a broker (a worker
# retries) beat does not sweep the deliveries: the two would send the same one twice.
WEBHOOK_OPNIEUW_DOOR_BEAT = CELERY_TASK_ALWAYS_EAGER  # noqa: F405
if WEBHOOK_OPNIEUW_DOOR_BEAT:
    CELERY_BEAT_SCHEDULE["webhooks-nalopen"] = {
        "task": "api.tasks.webhooks_nalopen",
        "schedule": 60.0,
    }
