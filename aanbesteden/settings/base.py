"""Settings shared by every runtime mode. Machine-specific values come from ``env``."""

from datetime import timedelta

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from bedrijfsvoering.logboek import logging_instellingen

from .env import BASE_DIR, env, media_opslag

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Django's admin (/beheer/), as ``accounts.tweestaps.BeheerSite``: second factor required.
    "accounts.apps.BeheerConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "guardian",
    "django_fsm_log",
    "axes",
    "two_factor",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "django_celery_beat",
    "django_ratelimit",
    "django_guid",
    "django_prometheus",
    # The REST API (api/): Django REST framework, its OpenAPI 3 description, its filters.
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    # The platform's own apps. Who may import whom (core <- meldingen <- accounts <- the phase
    # apps <- overzicht <- bedrijfsvoering) is in docs/architectuur.md and
    # tests/test_importrichting.py; this order is the order of their ``ready()``: meldingen
    # comes after the phase apps, so its general "new phase" message follows the phase apps'
    # own follow-ups of a transition.
    "aanbesteden",
    "accounts",
    "initiatieven",
    "coalities",
    "overdracht",
    "evaluatie",
    "meldingen",
    "overzicht",
    "api",
    "bedrijfsvoering",
]

MIDDLEWARE = [
    # The health and metrics endpoints, answered before host validation and the HTTPS
    # redirect (bedrijfsvoering/middleware.py).
    "bedrijfsvoering.middleware.InterneVerzoekenMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # The request id (X-Request-ID) and one log line per request.
    "bedrijfsvoering.middleware.verzoek_id_middleware",
    "bedrijfsvoering.middleware.VerzoekLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "aanbesteden.middleware.GebruikersTaalMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A refusal (aanbesteden.fouten.Geweigerd) that left a view: 403, 404 or its own status.
    "aanbesteden.fouten.GeweigerdMiddleware",
    "accounts.middleware.TweedeFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "aanbesteden.urls"
WSGI_APPLICATION = "aanbesteden.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aanbesteden.context_processors.site",
                "meldingen.context_processors.ongelezen",
            ],
        },
    },
    {
        # Plain-text mail: the same templates, without HTML escaping (links keep their "&").
        "NAME": "tekst",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections: a new connection per request costs a fifth of the throughput.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=600)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "aanbesteden.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # django-sesame, refusing officials and administrators (they log in with two factors).
    "accounts.backends.InloglinkBackend",
    # OpenID Connect (mozilla-django-oidc): SSO for officials, DigiD and eHerkenning through a
    # broker; the providers are configured in the admin (accounts.models.OidcAanbieder).
    "accounts.backends.OidcBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:inloggen"
LOGIN_REDIRECT_URL = "overzicht:start"
LOGOUT_REDIRECT_URL = "overzicht:home"

# One-time log-in links (initiative members and partners have no password).
SESAME_ONE_TIME = True
SESAME_MAX_AGE = env.int("INLOGLINK_GELDIG_SECONDEN", default=60 * 60 * 24)
SESAME_TOKEN_NAME = "sleutel"

# OpenID Connect providers (accounts.models.OidcAanbieder, configured in the admin). Their
# client secrets come from the environment only, by the provider's code:
# OIDC_CLIENT_SECRETS="gemeente-a-sso=…,digid=…". One callback address for every provider:
# <SITE_URL>/inloggen/oidc/terug/.
OIDC_CLIENT_SECRETS = env.dict("OIDC_CLIENT_SECRETS", default={})
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_terug"
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
# The key of the keyed hash (HMAC-SHA-256) under which a BSN or an eHerkenning identity is
# kept: the BSN itself is never stored. Empty: derived from SECRET_KEY (check --deploy asks
# for one of its own, at least 32 characters, as soon as OIDC_CLIENT_SECRETS is set).
IDENTITEIT_SLEUTEL = env.str("IDENTITEIT_SLEUTEL", default="")
# How long after DigiD, eHerkenning or SSO the checked identity may sign (minutes).
IDENTITEIT_GELDIG_MINUTEN = env.int("IDENTITEIT_GELDIG_MINUTEN", default=60)

# Two factors for officials and platform administrators: password, then a code (TOTP) from an
# authenticator app or a recovery code (accounts/tweestaps.py). django-otp slows down
# repeated wrong codes: after n failures the next try waits 2^(n-1) seconds.
OTP_TOTP_ISSUER = "Maatschappelijk aanbesteden"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Seconds between the password and the code before the log-in starts over.
TWO_FACTOR_LOGIN_TIMEOUT = 600
# The admin's log-in is ours (BeheerSite), not a patch of every AdminSite.
TWO_FACTOR_PATCH_ADMIN = False

# Lock-out after repeated failed password log-ins.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTEN", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The log-in form posts the e-mail address as "username" (Django's AuthenticationForm); without
# this axes would look for "email" (the user model's USERNAME_FIELD), find nothing and count
# every failure against the IP address alone.
AXES_USERNAME_FORM_FIELD = "username"
# E-mail addresses are case-insensitive: "Anne@…" and "anne@…" count as one account.
AXES_USERNAME_CALLABLE = "accounts.backends.axes_gebruikersnaam"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"

# --- The client's address, the lock-out's address and the limits on mail -------------------
# Behind VERTROUWDE_PROXIES trusted proxies (the TLS proxy of the README is one) the client's
# address is read from X-Forwarded-For, as the outermost trusted proxy wrote it; with 0 the
# header is ignored and REMOTE_ADDR is the client. One function reads it, for the lock-out
# (per account and address) and for the limits alike.
VERTROUWDE_PROXIES = env.int("VERTROUWDE_PROXIES", default=0)
AXES_CLIENT_IP_CALLABLE = "aanbesteden.limieten.client_adres"
RATELIMIT_IP_META_KEY = "aanbesteden.limieten.client_adres"
# Requests that mail somebody or create data for a visitor (log-in links, password resets, new
# proposals, support requests, invitations) are counted in the cache by django-ratelimit,
# per e-mail address, per client address, and per traject and sender; each a list of rates
# ("3/m" = 3 a minute, "5/15m" = 5 in 15 minutes). Over a limit: the 429 page, nothing made.
LIMIET_PER_ADRES = env.list("LIMIET_PER_ADRES", default=["3/m", "5/15m", "20/d"])
LIMIET_PER_CLIENT = env.list("LIMIET_PER_CLIENT", default=["10/m", "50/h"])
LIMIET_PER_TRAJECT = env.list("LIMIET_PER_TRAJECT", default=["10/m", "50/h"])
RATELIMIT_VIEW = "aanbesteden.views.limiet_bereikt"
# The public API (reads only), per client address.
LIMIET_API_PER_CLIENT = env.list("LIMIET_API_PER_CLIENT", default=["120/m", "3000/h"])
# The counters' cache: memory of this one process in the embedded mode and the tests;
# production shares them between processes in Redis (settings/production.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "aanbesteden" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
# The project's own CSS/JS, plus static/vendor/: the few files of the npm packages the site
# uses (the NL Design System CSS), copied there by `make install` (and the Dockerfile).
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"  # never served directly: downloads go through views that check access
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))
# Uploads and generated PDFs: on the local disk (MEDIA_ROOT), or with MEDIA_S3_BUCKET set in
# an S3-compatible object store that every web and worker process reaches (settings/env.py).
STORAGES = {
    "default": media_opslag(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
BIJLAGE_MAX_BYTES = env.int("BIJLAGE_MAX_BYTES", default=10 * 1024 * 1024)
# An office file (a zip) may inflate to at most this many bytes, all its parts together.
BIJLAGE_MAX_UITGEPAKT_BYTES = env.int("BIJLAGE_MAX_UITGEPAKT_BYTES", default=50 * 1024 * 1024)

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
# Seconds to wait for the SMTP server before a send fails (and its task is tried again);
# without it a hanging server would hold a worker forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="noreply@maatschappelijk-aanbesteden.local"
)
# Sender of Django's own mail to ADMINS and MANAGERS (none are set: errors go to the log and
# to SENTRY_DSN), the same as the platform's by default.
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Celery: without a broker, tasks run in-process (the embedded mode).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task taken by a worker that dies before acknowledging it (acks_late) is given to another
# worker after this many seconds. It must exceed the longest time a message stays unacked:
# the longest retry countdown (the decision letter's fifth try waits 16 minutes; the
# agreement's at most 10) plus the task's own run (PDF and seal: seconds). Raise it together
# with any longer countdown or ETA.
# max_retries / interval_*: a web process that hands a task to a broker that is down gives up
# after one short retry (the outbox keeps the work; the sweep offers it again) instead of
# holding the request for seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=30 * 60),
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# django-celery-beat's database schedule, behind a lock in Redis so that one beat schedules
# (bedrijfsvoering/beat.py).
CELERY_BEAT_SCHEDULER = "bedrijfsvoering.beat.EnkeleBeatScheduler"
CELERY_BEAT_SCHEDULE = {
    "evaluatie-herinneringen": {
        "task": "evaluatie.tasks.herinneringen_scannen",
        "schedule": crontab(minute="*/15"),
    },
    "notificaties-dagoverzicht": {
        "task": "meldingen.tasks.dagoverzichten_versturen",
        "schedule": crontab(hour=7, minute=0),
    },
    # The outboxes: owed work offered again, owed mail sent (with backoff).
    "werk-nalopen": {
        "task": "aanbesteden.tasks.werk_nalopen",
        "schedule": 60.0,
    },
    "mails-nalopen": {
        "task": "meldingen.tasks.mails_nalopen",
        "schedule": 60.0,
    },
    # Beat's heartbeat: /gezond/ reports beat down when it is older than allowed.
    "bedrijfsvoering-hartslag": {
        "task": "bedrijfsvoering.tasks.hartslag",
        "schedule": 60.0,
    },
}
# Owed background work (aanbesteden.werk): offered again by the sweep when not done this many
# seconds after its last offer; shown as overdue (with a "try again" for officials) after
# WERK_TE_LAAT_NA seconds; offered at most WERK_MAX_POGINGEN times.
WERK_OPNIEUW_NA = env.int("WERK_OPNIEUW_NA", default=10 * 60)
WERK_TE_LAAT_NA = env.int("WERK_TE_LAAT_NA", default=5 * 60)
WERK_MAX_POGINGEN = env.int("WERK_MAX_POGINGEN", default=50)
# Owed mail (meldingen.Uitgaandemail): seconds to wait after each failed try; after the last
# one the mail is given up (and counted in the metrics). About three days in all.
MAIL_WACHTTIJDEN = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600, 24 * 3600, 24 * 3600]
BEAT_HARTSLAG_MAX_SECONDEN = env.int("BEAT_HARTSLAG_MAX_SECONDEN", default=5 * 60)

# The platform's sealing certificate (PKCS#12). Without one, a self-signed one is generated
# for development in MEDIA_ROOT/zegel/.
ZEGEL_PKCS12_PAD = env.str("ZEGEL_PKCS12_PAD", default="")
ZEGEL_PKCS12_WACHTWOORD = env.str("ZEGEL_PKCS12_WACHTWOORD", default="")

HERINNERING_ESCALATIE_DAGEN = env.int("HERINNERING_ESCALATIE_DAGEN", default=7)
CONCEPT_STIL_DAGEN = env.int("CONCEPT_STIL_DAGEN", default=30)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# --- Operations: logs, request ids, metrics, error reports (docs/operations.md) -------------
# One line per event on standard output: JSON in production, readable text in the embedded
# mode (LOG_FORMAT), each with the request id and the user.
LOG_FORMAT = env.str("LOG_FORMAT", default="tekst")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = logging_instellingen(formaat=LOG_FORMAT, niveau=LOG_LEVEL)
# The request id: X-Request-ID from the trusted proxy (VERTROUWDE_PROXIES > 0), else a new one;
# returned in the response and carried into the Celery tasks the request queues.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
}
# /metrics: for a request with "Authorization: Bearer <METRICS_TOKEN>", or straight (through no
# proxy) from one of METRICS_NETWERKEN (comma-separated, e.g. 10.0.0.0/8). Neither: nobody.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
METRICS_NETWERKEN = env.list("METRICS_NETWERKEN", default=[])
# Error reports to Sentry (or a compatible service) when SENTRY_DSN is set; nothing otherwise.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from bedrijfsvoering.foutmelding import foutmelding_instellen

    foutmelding_instellen(
        SENTRY_DSN,
        omgeving=env.str("DJANGO_SETTINGS_MODULE", default="").rpartition(".")[2] or "dev",
    )

# --- The REST API (api/, docs/api.md) ---------------------------------------------------------
# Public reads need no token; a gemeente's own systems send "Authorization: Bearer <token>"
# (api.authenticatie). Sessions are not accepted: the API has no cookies and so no CSRF.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authenticatie.TokenAuthenticatie"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.paginering.Paginering",
    "DEFAULT_SCHEMA_CLASS": "api.schema.Schema",
    "DEFAULT_VERSIONING_CLASS": None,
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "api.fouten.fout_antwoord",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Maatschappelijk aanbesteden API",
    "DESCRIPTION": (
        "Openbaar: opgaven, gepubliceerde voorstellen en het register van overgedragen taken. "
        "Met een token van de gemeente: haar trajecten met fase en geschiedenis, en webhooks "
        "bij elke fasewisseling. Zie docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "TrajectStatusEnum": "aanbesteden.constants.TrajectStatus",
        "OpgaveStatusEnum": "initiatieven.constants.OpgaveStatus",
        "LeveringStatusEnum": "api.constants.LeveringStatus",
    },
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
}
# Webhooks: seconds before the first retry (doubling, at most ten minutes), and the time a
# receiver has to answer. Production accepts only https:// addresses on the public internet.
WEBHOOK_WACHTTIJD_SECONDEN = env.int("WEBHOOK_WACHTTIJD_SECONDEN", default=30)
WEBHOOK_TIMEOUT_SECONDEN = env.int("WEBHOOK_TIMEOUT_SECONDEN", default=5)
WEBHOOK_ALLEEN_HTTPS = env.bool("WEBHOOK_ALLEEN_HTTPS", default=False)
# ... and only to addresses on the public internet, never the platform's own network.
WEBHOOK_ALLEEN_PUBLIEK = env.bool("WEBHOOK_ALLEEN_PUBLIEK", default=False)
# In-process (no broker): False runs a failed delivery's retries at once, inside the request
# (Celery's eager mode skips the waits; the tests count on it); True makes one attempt there and
# leaves the retries to beat's ``api.tasks.webhooks_nalopen`` (the embedded mode, dev.py).
WEBHOOK_OPNIEUW_DOOR_BEAT = False

# seed_demo (published passwords and keys) runs only where this is on: never in production.
DEMOGEGEVENS_TOEGESTAAN = True
