"""One way to handle a form on a page (the form classes themselves live in each app's
``forms.py``).

``formulier_afhandelen`` is the idiom every form page shares, in order:

1. a GET shows the form (status 200);
2. a POST with a valid form goes to ``bewaren``, which calls the service and answers the
   person: a redirect (or the URL to go to) after the success message;
3. a refusal of the service (``Geweigerd``) goes on the form with its reasons, after
   ``toegang_doorgeven`` (a refusal about access is answered by ``GeweigerdMiddleware``), and
   the page shows again with what the person typed (status 400, or the page's own, e.g. 409);
4. an invalid form shows again with its messages (status 400).

The view binds the form itself (each one knows its data, files and initial values) and keeps
the checks that come before the form (role, phase).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .fouten import Geweigerd, toegang_doorgeven

#: The page's context: a mapping, or a function that makes it when the page is shown (so that
#: what it reads from the database is not read for a POST that redirects).
Context = Mapping[str, Any] | Callable[[], Mapping[str, Any]]


def weigering_tonen(form: BaseForm, exc: Geweigerd) -> None:
    """Put a refusal on the form: its message, then each reason, as errors of the whole form.
    A refusal about access (403, 404) is raised again instead."""
    toegang_doorgeven(exc)
    form.add_error(None, exc.bericht)
    for reden in exc.redenen:
        form.add_error(None, reden)


def formulier_afhandelen(
    request: HttpRequest,
    form: BaseForm,
    *,
    template: str,
    context: Context,
    bewaren: Callable[[Any], HttpResponse | str],
    weigering: type[Geweigerd] | tuple[type[Geweigerd], ...] | None = Geweigerd,
    status_weigering: int = 400,
) -> HttpResponse:
    """Show ``form`` on ``template`` (as ``form`` in the context) or, on a POST, save it.

    ``bewaren(form)`` runs for a valid form and returns the answer (a string goes to
    ``redirect``). Only the app's own refusal (``weigering``, one class or a tuple) is caught;
    another one (or any, with ``weigering=None``) is answered by the middleware. After a
    refusal the page answers with ``status_weigering``, after invalid input with 400.
    """
    if isinstance(weigering, tuple):
        opvangen: tuple[type[Geweigerd], ...] = weigering
    else:
        opvangen = (weigering,) if weigering else ()
    if request.method == "POST" and form.is_valid():
        try:
            antwoord = bewaren(form)
        except opvangen as exc:
            weigering_tonen(form, exc)
            return _tonen(request, form, template, context, status_weigering)
        return redirect(antwoord) if isinstance(antwoord, str) else antwoord
    return _tonen(request, form, template, context, 400 if request.method == "POST" else 200)


def _tonen(
    request: HttpRequest, form: BaseForm, template: str, context: Context, status: int
) -> HttpResponse:
    gegevens = context() if callable(context) else context
    return render(request, template, {**gegevens, "form": form}, status=status)
