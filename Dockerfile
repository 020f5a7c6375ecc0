# Production image: web (gunicorn), worker and beat all run from it (see docker-compose.yml).
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Static files are collected into the image (WhiteNoise serves them). The key and broker here exist only so
# that settings load during the build; nothing is written with them.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_DEBUG=false CELERY_BROKER_URL=redis://build:6379/0 \
        python manage.py collectstatic --noinput \
    && useradd --system --uid 10001 --no-create-home --home-dir /app portal \
    && mkdir -p var/media \
    && chown -R portal:portal var

USER portal
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--worker-class", "gthread", "--no-control-socket"]
