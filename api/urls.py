"""``/api/v1/``: the endpoints (a router per part), the schema and its documentation page.
Included in the root urls under the namespace ``api``."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import documentatie, views

app_name = "api"

openbaar = SimpleRouter()
openbaar.register("gemeenten", views.GemeenteViewSet, basename="gemeente")
openbaar.register("opgaven", views.OpgaveViewSet, basename="opgave")
openbaar.register("voorstellen", views.VoorstelViewSet, basename="voorstel")
openbaar.register("register", views.RegisterViewSet, basename="register")

gemeente = SimpleRouter()
gemeente.register("trajecten", views.TrajectViewSet, basename="traject")
gemeente.register("webhooks", views.WebhookViewSet, basename="webhook")

urlpatterns = [
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/docs/", documentatie.documentatie, name="docs"),
    path("api/v1/", include(openbaar.urls)),
    path("api/v1/gemeenten/<slug:gemeente>/", include(gemeente.urls)),
    # Last: every other address under /api/ is a 404 in the API's shape.
    re_path(r"^api/", views.niet_gevonden, name="niet_gevonden"),
]
