from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from . import accounts, tweestaps, verklaringen, views
from .overzicht import views as overzicht_views

kern = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("inloggen/", views.InloggenView.as_view(), name="inloggen"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="uitloggen"),
    path("inloglink/", views.inloglink_aanvragen, name="inloglink"),
    path("inloglink/verzonden/", views.inloglink_verzonden, name="inloglink_verzonden"),
    path("inloglink/gebruiken/", accounts.inloglink_gebruiken, name="inloglink_gebruiken"),
    path(
        "wachtwoord/vergeten/", views.WachtwoordVergetenView.as_view(), name="wachtwoord_vergeten"
    ),
    path(
        "wachtwoord/verzonden/",
        auth_views.PasswordResetDoneView.as_view(),
        name="wachtwoord_verzonden",
    ),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("aanbesteden:wachtwoord_gewijzigd")
        ),
        name="wachtwoord_nieuw",
    ),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="wachtwoord_gewijzigd",
    ),
    path("taal/", views.taal_kiezen, name="taal"),
    path("mijn/", overzicht_views.mijn_pagina, name="mijn_trajecten"),
    path("meldingen/", overzicht_views.meldingen, name="notificaties"),
    path("meldingen/<int:pk>/gelezen/", views.notificatie_gelezen, name="notificatie_gelezen"),
    path(
        "gemeenten/<slug:gemeente>/trajecten/", views.gemeente_trajecten, name="gemeente_trajecten"
    ),
    path("trajecten/<int:pk>/", views.traject_detail, name="traject"),
    path(
        "trajecten/<int:pk>/stap/<slug:transitie>/", views.TransitieView.as_view(), name="transitie"
    ),
    path("toegankelijkheid/", verklaringen.toegankelijkheid, name="toegankelijkheid"),
    path(
        "g/<slug:gemeente>/toegankelijkheid/",
        verklaringen.toegankelijkheid,
        name="toegankelijkheid_gemeente",
    ),
    path("privacyverklaring/", verklaringen.privacyverklaring, name="privacyverklaring"),
    path(
        "g/<slug:gemeente>/privacyverklaring/",
        verklaringen.privacyverklaring,
        name="privacyverklaring_gemeente",
    ),
    path("favicon.ico", views.favicon, name="favicon"),
]

# Two-step verification of officials and administrators. The namespace and names are
# django-two-factor-auth's, which its views use to find each other.
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

urlpatterns = [
    path("", include((kern, "aanbesteden"))),
    path("", include((tweestapsverificatie, "two_factor"))),
    path("", include("initiatieven.urls")),
    path("", include("coalities.urls")),
    path("", include("overdracht.urls")),
    path("", include("evaluatie.urls")),
    path("", include(("aanbesteden.overzicht.urls", "overzicht"))),
    path("", include("bedrijfsvoering.urls")),
    path("beheer/", admin.site.urls),
]

handler400 = "aanbesteden.views.fout_400"
handler403 = "aanbesteden.views.fout_403"
handler404 = "aanbesteden.views.fout_404"
handler500 = "aanbesteden.views.fout_500"

if settings.DEBUG:  # pragma: no cover
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
