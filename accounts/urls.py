"""The log-in pages (namespace ``accounts``) and the second factor's pages (namespace
``two_factor``: django-two-factor-auth's views find each other by those names). Both are
included in the root urls."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import tweestaps, views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.InloggenView.as_view(), name="inloggen"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="uitloggen"),
    path("inloggen/oidc/terug/", views.OidcTerugView.as_view(), name="oidc_terug"),
    path("inloggen/oidc/<slug:code>/", views.OidcStartView.as_view(), name="oidc_start"),
    path("inloglink/", views.inloglink_aanvragen, name="inloglink"),
    path("inloglink/verzonden/", views.inloglink_verzonden, name="inloglink_verzonden"),
    path("inloglink/gebruiken/", views.inloglink_gebruiken, name="inloglink_gebruiken"),
    path(
        "wachtwoord/vergeten/", views.WachtwoordVergetenView.as_view(), name="wachtwoord_vergeten"
    ),
    path(
        "wachtwoord/verzonden/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="wachtwoord_verzonden",
    ),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:wachtwoord_gewijzigd"),
        ),
        name="wachtwoord_nieuw",
    ),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="wachtwoord_gewijzigd",
    ),
]

#: Two-step verification of officials and administrators, under django-two-factor-auth's
#: namespace and names.
tweestapsverificatie = [
    path("tweestapsverificatie/", tweestaps.OverzichtView.as_view(), name="profile"),
    path("tweestapsverificatie/instellen/", tweestaps.InstellenView.as_view(), name="setup"),
    path("tweestapsverificatie/instellen/qr-code/", tweestaps.QRCodeView.as_view(), name="qr"),
    path(
        "tweestapsverificatie/instellen/klaar/",
        tweestaps.KlaarView.as_view(),
        name="setup_complete",
    ),
    path(
        "tweestapsverificatie/herstelcodes/",
        tweestaps.HerstelcodesView.as_view(),
        name="backup_tokens",
    ),
    path("tweestapsverificatie/vervangen/", tweestaps.VervangenView.as_view(), name="disable"),
]
