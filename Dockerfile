# One image for every process of the platform: web (gunicorn), worker and beat (Celery).
# Build: docker compose build    Run: docker compose up -d (see README, "Productie")

# --- front-end packages from npm --------------------------------------------------------------
FROM node:20-bookworm-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error --omit=dev \
 && mkdir -p vendor/utrecht vendor/utrecht-tokens \
 && cp node_modules/@utrecht/component-library-css/dist/index.css vendor/utrecht/index.css \
 && cp node_modules/@utrecht/design-tokens/dist/index.css vendor/utrecht-tokens/index.css

# --- the application --------------------------------------------------------------------------
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=aanbesteden.settings.production \
    STATIC_ROOT=/app/var/static \
    MEDIA_ROOT=/app/var/media

# WeasyPrint (agreement and decision-letter PDFs) needs Pango and HarfBuzz; DejaVu is the
# font embedded in the PDFs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /home/aanbesteden aanbesteden

WORKDIR /app
COPY pyproject.toml README.md ./
COPY aanbesteden ./aanbesteden
COPY meldingen ./meldingen
COPY accounts ./accounts
COPY initiatieven ./initiatieven
COPY coalities ./coalities
COPY overdracht ./overdracht
COPY evaluatie ./evaluatie
COPY overzicht ./overzicht
COPY api ./api
COPY bedrijfsvoering ./bedrijfsvoering
COPY templates ./templates
COPY static ./static
COPY manage.py ./
COPY --from=frontend /build/vendor ./static/vendor
RUN pip install -e . \
 && SECRET_KEY=collectstatic-only-not-used-at-runtime-0123456789abcdefghijkl \
    ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    CELERY_BROKER_URL=memory:// ZEGEL_PKCS12_PAD=/dev/null ZEGEL_PKCS12_WACHTWOORD=- \
    python manage.py collectstatic --noinput \
 && mkdir -p /app/var/media \
 && chown -R aanbesteden /app/var

USER aanbesteden
EXPOSE 8000
CMD ["gunicorn", "--config", "python:bedrijfsvoering.gunicorn", "aanbesteden.wsgi", "--bind", "0.0.0.0:8000"]
