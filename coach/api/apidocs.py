"""The API's browsable documentation at /docs: Swagger UI 5 served from the package.

Swagger UI 5 reads OpenAPI 3.1 (the bundled 4.x could not: « Unable to render this
definition »). Its two files come from the `fastapi-offline` wheel, so no third-party host is
contacted and the page holds no inline script (the CSP forbids them). Only the two files the
page loads are served: no demo `index.html`, no OAuth redirect page, no source maps.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse

DOCS_HTML = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API du coach CoP — documentation</title>
<link rel="stylesheet" href="/docs-assets/swagger-ui.css"></head>
<body><main><div id="swagger-ui"></div></main>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/docs-init.js"></script></body></html>"""
DOCS_INIT = "SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});\n"
ASSETS = {"swagger-ui-bundle.js": "text/javascript; charset=utf-8",
          "swagger-ui.css": "text/css; charset=utf-8"}


def swagger_ui_directory() -> Path | None:
    try:
        import fastapi_offline
    except ImportError:  # pragma: no cover - the dependency is declared
        return None
    directory = Path(fastapi_offline.__file__).parent / "static"
    return directory if all((directory / name).is_file() for name in ASSETS) else None


def mount_docs(app: FastAPI) -> None:
    directory = swagger_ui_directory()
    if directory is None:  # pragma: no cover
        return

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_HTML)

    @app.get("/docs-init.js", include_in_schema=False)
    async def docs_init() -> PlainTextResponse:
        return PlainTextResponse(DOCS_INIT, media_type="text/javascript")

    for name, media_type in ASSETS.items():
        app.add_api_route(f"/docs-assets/{name}", _file_route(directory / name, media_type),
                          methods=["GET"], include_in_schema=False)


def _file_route(path: Path, media_type: str):
    async def serve() -> FileResponse:
        return FileResponse(path, media_type=media_type,
                            headers={"Cache-Control": "public, max-age=86400"})
    return serve
