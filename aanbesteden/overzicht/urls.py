"""Overviews across the phases: dashboard, my page, public register, exports, dossier,
report and privacy. They read every phase's data, so they live apart from the core's state
machine (which never imports the phase apps)."""

urlpatterns: list = []
