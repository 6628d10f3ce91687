"""``manage.py ontwikkelserver [addrport]``: Django's development server (``runserver``, with
static files) plus Celery beat in the same process, so that the scheduled tasks run in the
embedded mode too: an evaluation reminder appears in the console by itself. ``make run``
starts it."""

from __future__ import annotations

import os

from django.contrib.staticfiles.management.commands.runserver import Command as Runserver


class Command(Runserver):
    help = "Development server with the scheduled tasks (Celery beat) in the same process."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--zonder-taken",
            action="store_true",
            help="Do not start the scheduled tasks.",
        )

    def inner_run(self, *args, **options):
        # With the autoreloader, the serving child runs inner_run (RUN_MAIN is set there);
        # the watching parent never does. Beat starts once per serving process.
        if not options.get("zonder_taken") and (
            os.environ.get("RUN_MAIN") == "true" or not options.get("use_reloader")
        ):
            from bedrijfsvoering.ingebed import beat_starten

            beat_starten()
            self.stdout.write("Geplande taken (Celery beat) lopen in dit proces.")
        return super().inner_run(*args, **options)
