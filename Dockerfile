# Podium in a container: configuration from the environment only (see README, "Configuration").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 podium
WORKDIR /app

# The exact versions of constraints.txt, so two builds a day apart install the same thing; the timetables and
# rosters ship inside the package (bot/schedules), so every action works from any directory.
COPY pyproject.toml README.md constraints.txt ./
COPY bot ./bot
RUN pip install --no-cache-dir -c constraints.txt '.[slack]'

USER 10001
ENV DATABASE_URL=sqlite:////home/podium/podium.db
EXPOSE 3000
# Slack over HTTP by default (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET); /healthz is for the load balancer.
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=2)"]
ENTRYPOINT ["podium"]
CMD ["serve", "slack", "--host", "0.0.0.0", "--port", "3000"]
