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
