from django.db import models
from django.utils.translation import gettext_lazy as _


class TrajectStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    INGEDIEND = "ingediend", _("Ingediend")
    HORIZON = "horizon", _("Stip aan de horizon")
    COALITIE = "coalitie", _("Vitale coalities")
    ROUTE = "route", _("Routes naar de horizon")
    OVERDRACHT = "overdracht", _("Formele overdracht")
    EVALUATIE = "evaluatie", _("Evaluatie en verankering")
    VERANKERD = "verankerd", _("Verankerd")
    BEEINDIGD = "beeindigd", _("Beëindigd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


#: The five phases shown in the stepper, with the states that belong to each.
FASEN: list[tuple[int, object, tuple[str, ...]]] = [
    (1, _("Stip aan de horizon"), (TrajectStatus.HORIZON,)),
    (2, _("Vitale coalities"), (TrajectStatus.COALITIE,)),
    (3, _("Routes naar de horizon"), (TrajectStatus.ROUTE,)),
    (4, _("Formele overdracht"), (TrajectStatus.OVERDRACHT,)),
    (5, _("Evaluatie en verankering"), (TrajectStatus.EVALUATIE, TrajectStatus.VERANKERD)),
]

#: States in which a traject is closed: nothing moves any more.
EINDSTATUSSEN = frozenset(
    {
        TrajectStatus.VERANKERD,
        TrajectStatus.BEEINDIGD,
        TrajectStatus.AFGEWEZEN,
        TrajectStatus.INGETROKKEN,
    }
)

#: States from which a task counts as handed over (the public register, the year report).
OVERGEDRAGEN = (
    TrajectStatus.OVERDRACHT,
    TrajectStatus.EVALUATIE,
    TrajectStatus.VERANKERD,
    TrajectStatus.BEEINDIGD,
)


class Rol(models.TextChoices):
    """The roles a user can have on one traject."""

    AMBTENAAR = "ambtenaar", _("Gemeente")
    INITIATIEFNEMER = "initiatiefnemer", _("Initiatiefnemer")
    PARTNER = "partner", _("Coalitiepartner")


class LidmaatschapRol(models.TextChoices):
    AMBTENAAR = "ambtenaar", _("Ambtenaar")
    BEHEERDER = "beheerder", _("Beheerder")


class EvaluatieFrequentie(models.TextChoices):
    KWARTAAL = "kwartaal", _("Elk kwartaal")
    HALFJAAR = "halfjaar", _("Elk half jaar")
    JAAR = "jaar", _("Elk jaar")


#: Months between two evaluation moments.
FREQUENTIE_MAANDEN = {
    EvaluatieFrequentie.KWARTAAL: 3,
    EvaluatieFrequentie.HALFJAAR: 6,
    EvaluatieFrequentie.JAAR: 12,
}


class Taal(models.TextChoices):
    NL = "nl", "Nederlands"
    EN = "en", "English"


class PartijSoort(models.TextChoices):
    """The kinds of party in a traject: the gemeente, the initiative, and each partner."""

    GEMEENTE = "gemeente", _("Gemeente")
    INITIATIEF = "initiatief", _("Initiatief")
    PARTNER = "partner", _("Partner")
