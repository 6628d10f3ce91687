"""Who may use an authenticated endpoint: a token of the gemeente in the address, and for a
write a token with the scope to write. Another gemeente's token is refused (403) whatever it
asks; without a valid token the answer is 401."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import Applicatie


class TokenVanDeGemeente(BasePermission):
    message = _("Dit token hoort niet bij deze gemeente.")

    def has_permission(self, request, view) -> bool:
        applicatie = request.auth
        if not isinstance(applicatie, Applicatie):
            return False
        if applicatie.gemeente.slug != view.kwargs.get("gemeente"):
            return False
        if request.method not in SAFE_METHODS and not applicatie.mag_schrijven:
            self.message = _("Dit token mag alleen lezen.")
            return False
        return True
