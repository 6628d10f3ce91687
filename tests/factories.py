"""factory_boy factories of the core; exposed as pytest fixtures in conftest.py.

``TrajectFactory(status=...)`` puts a traject straight in a state (a test of one phase);
``TrajectFactory(fase=..., ambtenaar=..., partners=[...])`` walks it there through the real
transitions, each phase app preparing its data with the same preparations as the demo
seeding (``aanbesteden.demo.traject_naar``): "in the route phase, with confirmed partners" is
``TrajectFactory(fase="route", initiatiefnemer=ini, ambtenaar=amb, partners=[p1, p2])``.
"""

import factory
from factory.django import DjangoModelFactory

from aanbesteden import services
from aanbesteden.constants import LidmaatschapRol, Rol, TrajectStatus
from aanbesteden.models import Gemeente, Traject, User
from aanbesteden.permissions import rol_toekennen


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    naam = factory.Faker("name", locale="nl_NL")
    taal = "nl"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        password = kwargs.pop("password", None)
        return model_class.objects.create_user(*args, password=password, **kwargs)


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    cbs_code = factory.Sequence(lambda n: f"GM{n + 1000:04d}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.gemeente_aanmaken(**kwargs)


def ambtenaar_van(gemeente: Gemeente, rol: str = LidmaatschapRol.AMBTENAAR, **kwargs) -> User:
    user = UserFactory(password="geheim-wachtwoord-123", **kwargs)
    services.lidmaatschap_toevoegen(gemeente=gemeente, gebruiker=user, rol=rol, mag_tekenen=True)
    return user


class TrajectFactory(DjangoModelFactory):
    class Meta:
        model = Traject

    gemeente = factory.SubFactory(GemeenteFactory)
    titel = factory.Sequence(lambda n: f"Traject {n}")

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        initiatiefnemer=None,
        status=None,
        fase=None,
        ambtenaar=None,
        partners=(),
        **kwargs,
    ):
        traject = services.traject_aanmaken(initiatiefnemer=initiatiefnemer, **kwargs)
        if fase:
            from aanbesteden.demo import Demo, traject_naar

            demo = Demo(
                gemeente=traject.gemeente,
                ambtenaar=ambtenaar or ambtenaar_van(traject.gemeente),
                initiatiefnemer=initiatiefnemer or UserFactory(),
                partners=list(partners),
            )
            return traject_naar(traject, fase, demo)
        if status:
            # Place the traject directly in a state (tests of one phase do not walk all others).
            traject = status_zetten(traject, status)
        return traject


def status_zetten(traject: Traject, status: str) -> Traject:
    """Put ``traject`` straight in ``status`` (past the transitions), with what entering that
    status makes: in the route phase the route exists (the follow-up of every transition into
    it, ``coalities.fasen.route_aanmaken``), so the route's pages only read."""
    Traject.objects.filter(pk=traject.pk).update(status=status)
    traject = Traject.objects.get(pk=traject.pk)
    if status == TrajectStatus.ROUTE:
        from coalities.services import route_ophalen_of_maken

        route_ophalen_of_maken(traject)
    return traject


def partner_van(traject: Traject, **kwargs) -> User:
    user = UserFactory(**kwargs)
    rol_toekennen(traject=traject, user=user, rol=Rol.PARTNER)
    return user
