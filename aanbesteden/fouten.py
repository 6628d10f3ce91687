"""One way to refuse: ``Geweigerd`` carries the message for the person, the reasons behind it
and the HTTP status a page answers with. Every app's refusal is a subclass of it
(``TransitieGeweigerd``, ``IntakeFout``, ``CoalitieFout``, ``OvereenkomstFout``,
``EvaluatieFout``, ``BestandGeweigerd``); a service raises it, guarding its own state.

Views map it in one place:

* a view that shows a form catches the app's refusal and puts ``bericht`` and ``redenen`` on the
  form (or in a message), after ``toegang_doorgeven(exc)``, which passes a refusal about access
  (403, 404) on instead; ``formulieren.formulier_afhandelen`` does this for a form page;
* ``GeweigerdMiddleware`` answers every refusal a view did not catch: 403 and 404 as Django's
  own (``PermissionDenied`` with the message, ``Http404``), so the same pages answer; any other
  status with the error page and the message, never a 500.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render


class Geweigerd(Exception):
    """Something that may not happen now. ``str(exc)`` and ``bericht`` are for the person,
    ``redenen`` say what is missing, ``status`` is the HTTP status of a page that refuses."""

    status: int = 400

    def __init__(
        self, bericht: Any, *, redenen: Iterable[Any] | None = None, status: int | None = None
    ) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        self.redenen = list(redenen or [])
        if status is not None:
            self.status = status

    @property
    def over_toegang(self) -> bool:
        """A refusal of who asks (403) or of what does not exist for them (404)."""
        return self.status in (403, 404)


def toegang_doorgeven(exc: Geweigerd) -> None:
    """Raise ``exc`` again when it is about access, for ``GeweigerdMiddleware`` to answer;
    return when it belongs on the form."""
    if exc.over_toegang:
        raise exc


def als_django_fout(exc: Geweigerd) -> Exception | None:
    """Django's own exception for a refusal about access (None for the others)."""
    if exc.status == 403:
        return PermissionDenied(exc.bericht)
    if exc.status == 404:
        return Http404()
    return None


class GeweigerdMiddleware:
    """Answers a ``Geweigerd`` that left a view: 403/404 as Django's own (the handler pages),
    any other status with the error page, the message and that status."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, Geweigerd):
            return None
        django_fout = als_django_fout(exception)
        if django_fout is not None:
            raise django_fout from exception
        return render(request, "400.html", {"reden": exception.bericht}, status=exception.status)
