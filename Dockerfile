# Coach CoP — one image, `coach serve` as entry point.
# Stage 1 builds the wheel (which carries the dialogues, the web client and falc.toml);
# stage 2 installs only that wheel: no source tree, no build tools, no editable install.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml setup.py MANIFEST.in README.md falc.toml ./
COPY coach ./coach
COPY falc ./falc
COPY dialogues ./dialogues
COPY web ./web
RUN pip wheel --no-deps --wheel-dir /dist .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN useradd --create-home --uid 10001 coach
COPY --from=build /dist /dist
# The wheel's file name carries its version: install whatever stage 1 built, with Redis.
RUN pip install "$(find /dist -name 'coach_cop-*.whl')[redis]" \
    && rm -rf /dist \
    && install -d -o coach -g coach -m 0700 /var/lib/coach

USER 10001
WORKDIR /home/coach
ENV COACH_STORE_URL=sqlite:////var/lib/coach/coach.db
VOLUME ["/var/lib/coach"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]

ENTRYPOINT ["coach"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
