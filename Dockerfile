# Podium in a container: configuration from the environment only (see README, "Configuration").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 podium
WORKDIR /app

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY schedules ./schedules
RUN pip install --no-cache-dir .

USER 10001
ENV DATABASE_URL=sqlite:////home/podium/podium.db
ENTRYPOINT ["podium"]
CMD ["agenda"]
