"""The core: gemeenten, users and their memberships, the Traject state machine."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import (
    EmailValidator,
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from django_fsm_log.decorators import fsm_log_by, fsm_log_description
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from .basismodellen import MetAanmaaktijd, MetTijdstempels
from .constants import FASEN, EvaluatieFrequentie, LidmaatschapRol, Taal, TrajectStatus
from .fasen import fasen
from .permissions import mag_vuren
from .transities import TABEL, Transitie


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractBaseUser, PermissionsMixin):
    """Everybody who logs in: officials (with a password), initiative members and partners
    (with one-time links sent by e-mail)."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    taal = models.CharField(_("taal"), max_length=2, choices=Taal.choices, default=Taal.NL)
    is_staff = models.BooleanField(_("platformbeheerder"), default=False)
    is_active = models.BooleanField(_("actief"), default=True)
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    ical_sleutel = models.CharField(_("agendasleutel"), max_length=64, blank=True, db_index=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.naam or self.email

    def get_full_name(self) -> str:
        return self.naam or self.email

    def get_short_name(self) -> str:
        return self.naam.split(" ")[0] if self.naam else self.email


cbs_code_validator = RegexValidator(r"^GM\d{4}$", _("Een CBS-code ziet eruit als GM0363."))


def email_of_webadres_validator(waarde: str) -> None:
    """An e-mail address, or a web address starting with https://."""
    if "@" in waarde and "/" not in waarde:
        EmailValidator(message=_("Vul een geldig e-mailadres in."))(waarde)
        return
    URLValidator(
        schemes=["https"], message=_("Vul een e-mailadres of een webadres met https:// in.")
    )(waarde)


def contact_href(waarde: str) -> str:
    """The link to a contact that is an e-mail address or a web address ('' if none)."""
    if not waarde:
        return ""
    return waarde if waarde.startswith("https://") else f"mailto:{waarde}"


class Gemeente(MetAanmaaktijd):
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam in adressen"), max_length=80, unique=True)
    cbs_code = models.CharField(
        _("CBS-code"), max_length=6, unique=True, validators=[cbs_code_validator]
    )
    beslistermijn_weken = models.PositiveSmallIntegerField(
        _("beslistermijn (weken)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("Binnen hoeveel weken de gemeente op een voorstel beslist."),
    )
    evaluatie_frequentie = models.CharField(
        _("standaard evaluatiefrequentie"),
        max_length=10,
        choices=EvaluatieFrequentie.choices,
        default=EvaluatieFrequentie.HALFJAAR,
    )
    min_contactpersonen = models.PositiveSmallIntegerField(
        _("minimaal aantal contactpersonen"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Hoeveel contactpersonen een initiatief ten minste opgeeft."),
    )
    toegankelijkheid_contact = models.CharField(
        _("contact voor toegankelijkheid"),
        max_length=254,
        blank=True,
        validators=[email_of_webadres_validator],
        help_text=_(
            "E-mailadres of webadres (https://…) waar inwoners een probleem met de "
            "toegankelijkheid van dit platform melden. Staat in de toegankelijkheidsverklaring."
        ),
    )
    privacy_contact = models.CharField(
        _("contact voor privacy"),
        max_length=254,
        blank=True,
        validators=[email_of_webadres_validator],
        help_text=_(
            "E-mailadres of webadres (https://…) van de functionaris gegevensbescherming of "
            "het privacyloket van de gemeente. Staat in de privacyverklaring."
        ),
    )
    steun_postcodes = models.CharField(
        _("postcodegebieden voor steun uit de buurt"),
        max_length=500,
        blank=True,
        validators=[
            RegexValidator(
                r"^\s*[1-9]\d{3}(\s*,\s*[1-9]\d{3})*\s*$",
                _("Vul de cijfers van postcodes in, gescheiden door komma's: 1234, 1235."),
            )
        ],
        help_text=_(
            "De vier cijfers van de postcodes in de gemeente, gescheiden door komma's. "
            "Vult u dit in, dan vragen wij wie een openbaar voorstel steunt om een postcode, "
            "en tellen wij de steun uit de gemeente apart."
        ),
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(beslistermijn_weken__gte=1) & Q(beslistermijn_weken__lte=52),
                name="gemeente_beslistermijn_redelijk",
            ),
            models.CheckConstraint(
                condition=Q(min_contactpersonen__gte=1), name="gemeente_min_contactpersonen"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def steun_postcodegebieden(self) -> frozenset[str]:
        """The four digits of the gemeente's postcodes; empty when it does not ask for them."""
        return frozenset(p.strip() for p in self.steun_postcodes.split(",") if p.strip())

    @property
    def toegankelijkheid_href(self) -> str:
        return contact_href(self.toegankelijkheid_contact)

    @property
    def privacy_href(self) -> str:
        return contact_href(self.privacy_contact)


class Lidmaatschap(MetAanmaaktijd):
    """An official's membership of a gemeente. The row itself is the official's access to every
    traject of the gemeente (``permissions.traject_rollen``): it ends when the row goes."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
        verbose_name=_("gebruiker"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
        verbose_name=_("gemeente"),
    )
    rol = models.CharField(
        _("rol"), max_length=10, choices=LidmaatschapRol.choices, default=LidmaatschapRol.AMBTENAAR
    )
    mag_tekenen = models.BooleanField(
        _("bevoegd om te tekenen"),
        default=False,
        help_text=_("Mag namens de gemeente overeenkomsten ondertekenen."),
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "gemeente"], name="uniek_lidmaatschap")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} – {self.gemeente} ({self.get_rol_display()})"


def _transitiemethode(t: Transitie):
    """The django-fsm transition of one row of the table: source and target from the row, the
    registered requirements as its condition, the row's roles as its permission, logged by
    django-fsm-log (who and why). It only changes the traject's own fields."""

    def methode(self: Traject, *, by=None, description=None) -> None:
        self.status_sinds = timezone.now()

    methode.__name__ = methode.__qualname__ = t.naam
    methode.__doc__ = f"{t.naam}: {' | '.join(t.van)} -> {t.naar} ({', '.join(t.rollen)})"
    conditie: Any = fasen.conditie(t.naam)  # takes a Traject, not any model
    met_overgang = transition(
        field="status",
        source=list(t.van),
        target=t.naar,
        conditions=[conditie],
        permission=mag_vuren(*t.rollen),
        custom={"naam": t.naam},
    )(methode)
    # The log decorators go outermost, so the log row gets who and why.
    return fsm_log_by(fsm_log_description(allow_inline=False)(met_overgang))


class TrajectTransities:
    """One method per transition of ``transities.TABEL`` (``traject.indienen(by=, description=)``
    and so on); django-fsm collects them from ``Traject``, which inherits them. Fire them only
    through ``services.traject_transitie``."""


for _t in TABEL:
    setattr(TrajectTransities, _t.naam, _transitiemethode(_t))


#: Why a traject cannot move to another gemeente (its officials' access follows the gemeente).
GEMEENTE_VAST = _(
    "De gemeente van een traject kan niet worden gewijzigd. Begin een nieuw traject bij de "
    "andere gemeente."
)


class Traject(ConcurrentTransitionMixin, TrajectTransities, MetTijdstempels):
    """One task on its way from first idea to structural anchoring."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="trajecten", verbose_name=_("gemeente")
    )
    titel = models.CharField(_("titel"), max_length=200)
    samenvatting = models.TextField(_("samenvatting"), blank=True, max_length=2000)
    thema = models.CharField(_("thema"), max_length=100, blank=True)
    wijk = models.CharField(_("wijk of buurt"), max_length=100, blank=True)
    status = FSMField(
        _("status"),
        max_length=20,
        choices=TrajectStatus.choices,
        default=TrajectStatus.CONCEPT,
        protected=True,
        db_index=True,
    )
    status_sinds = models.DateTimeField(_("in deze status sinds"), default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-updated_at", "-pk"]
        permissions = [
            ("initiatiefnemer_traject", _("Mag handelen namens het initiatief")),
            ("partner_traject", _("Mag handelen als coalitiepartner")),
        ]
        indexes = [models.Index(fields=["gemeente", "status"], name="traject_gemeente_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=TrajectStatus.values), name="traject_status_geldig"
            )
        ]

    def __str__(self) -> str:
        return self.titel

    def save(self, *args: Any, **kwargs: Any) -> None:
        """The gemeente is fixed once the traject exists: officials' access follows it, so
        moving a traject would hand it to another gemeente's officials in one write. The value
        as loaded (``from_db``, no extra query) is compared; a different one is refused."""
        geladen = self.__dict__.get("_geladen_gemeente_id")
        velden = kwargs.get("update_fields")
        schrijft_gemeente = velden is None or {"gemeente", "gemeente_id"} & set(velden)
        if (
            not self._state.adding
            and geladen is not None
            and schrijft_gemeente
            and self.__dict__.get("gemeente_id", geladen) != geladen
        ):
            raise ValidationError(GEMEENTE_VAST, code="gemeente_vast")
        super().save(*args, **kwargs)
        self._geladen_gemeente_id = self.__dict__.get("gemeente_id")

    def get_absolute_url(self) -> str:
        return reverse("aanbesteden:traject", kwargs={"pk": self.pk})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._geladen_gemeente_id = instance.__dict__.get("gemeente_id")
        return instance

    def refresh_from_db(self, using=None, fields=None, from_queryset=None) -> None:
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        if fields is None or {"gemeente", "gemeente_id"} & set(fields):
            self._geladen_gemeente_id = self.__dict__.get("gemeente_id")

    @property
    def fase(self) -> int:
        for nummer, _label, statussen in FASEN:
            if self.status in statussen:
                return nummer
        return 0


class Werk(MetAanmaaktijd):
    """One piece of background work the platform owes, written in the same transaction as the
    change that asks for it (a transactional outbox): the database, not the broker, is the
    source of truth for work to be done. It is handed to Celery after the commit; when the
    task finishes it is marked done (``aanbesteden.werk``), and a scheduled sweep offers it
    again when it is not done within ``WERK_OPNIEUW_NA`` seconds (broker down or emptied, a
    worker killed). The tasks are idempotent, so a second offer does no harm."""

    taak = models.CharField(_("taak"), max_length=200)
    argumenten = models.JSONField(_("argumenten"), default=dict, blank=True)
    sleutel = models.CharField(_("sleutel"), max_length=64, db_index=True, editable=False)
    pogingen = models.PositiveIntegerField(_("keren aangeboden"), default=0)
    aangeboden_op = models.DateTimeField(_("laatst aangeboden op"), null=True, blank=True)
    laatste_fout = models.TextField(_("laatste fout bij aanbieden"), blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("achtergrondwerk")
        verbose_name_plural = _("achtergrondwerk")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["klaar_op", "aangeboden_op"], name="werk_open")]

    def __str__(self) -> str:
        return f"{self.taak} {self.argumenten}"


class TrajectUserObjectPermission(UserObjectPermissionBase):
    """A person's role on one traject (initiatiefnemer, partner, ``view_traject``), with a real
    foreign key to the traject: "which trajecten may this person see" is a join on an integer
    key instead of guardian's generic table with the object's id as text. django-guardian
    finds this model itself (``assign_perm``, ``get_objects_for_user``, the checker)."""

    content_object = models.ForeignKey(Traject, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("recht op een traject")
        verbose_name_plural = _("rechten op trajecten")


class TrajectGroupObjectPermission(GroupObjectPermissionBase):
    """The same for a group; the platform grants none today (the roles are per person), but a
    permission given to a group through the admin lands here, not in the generic table."""

    content_object = models.ForeignKey(Traject, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = _("groepsrecht op een traject")
        verbose_name_plural = _("groepsrechten op trajecten")
