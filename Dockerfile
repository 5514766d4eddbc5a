# syntax=docker/dockerfile:1
# Stage 1: build the web app.
FROM node:20-bookworm-slim AS spa
WORKDIR /app
COPY openapi/ openapi/
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend/ frontend/
RUN cd frontend && npm run build

# Stage 2: the Python application, run as an unprivileged user.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    TEND_ENV=production TEND_SPA_DIR=/app/frontend/dist
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY src/ src/
COPY migrations/ migrations/
RUN pip install --no-cache-dir . && useradd --system --create-home --uid 10001 tend
COPY --from=spa /app/frontend/dist/ frontend/dist/
USER tend
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["tend", "serve", "--host", "0.0.0.0", "--port", "8000"]
