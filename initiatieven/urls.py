from django.urls import path

from . import views

app_name = "initiatieven"
urlpatterns = [
    path("g/<slug:gemeente>/", views.gemeente, name="gemeente"),
]
