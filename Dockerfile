# Coach CoP — one image, `coach serve` as entry point.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --create-home --uid 10001 coach

COPY pyproject.toml README.md falc.toml ./
COPY coach ./coach
COPY falc ./falc
COPY dialogues ./dialogues
COPY web ./web
# Editable install: the service reads dialogues/ and web/ next to the package.
RUN pip install -e ".[redis]" && mkdir -p /app/var && chown coach:coach /app/var

USER coach
ENV COACH_STORE_URL=sqlite:////app/var/coach.db
VOLUME ["/app/var"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"

ENTRYPOINT ["coach"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
