"""The gateway's Starlette application: HTTP API, WebSocket hub, and the built web client."""

import asyncio
import contextlib
import logging

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from runtime.heap import freeze_startup_heap

from . import http, problems, reports, timeline
from .body_limits import BodySizeLimit
from .settings import GatewaySettings
from .state import build_gateway
from .websocket import interview_socket

log = logging.getLogger("gateway")

PLACEHOLDER_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MockMind</title></head>
<body><main><h1>MockMind</h1><p>The web client is not built yet: run <code>make web</code>.</p></main></body></html>"""


async def placeholder(_request) -> HTMLResponse:
    return HTMLResponse(PLACEHOLDER_PAGE)


def create_app(settings: GatewaySettings | None = None) -> Starlette:
    settings = settings or GatewaySettings()
    gateway = build_gateway(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        await gateway.open()
        stamping = asyncio.create_task(gateway.stamp_open_sockets())
        freeze_startup_heap()
        log.info("gateway replica %s ready", gateway.replica_id)
        try:
            yield
        finally:
            stamping.cancel()
            await gateway.close()

    routes = [
        Route("/api/sessions", http.create_session, methods=["POST"]),
        Route("/api/sessions", http.list_sessions, methods=["GET"]),
        Route("/api/sessions/{session_id}", http.get_session, methods=["GET"]),
        Route("/api/audio/{key}", http.get_audio, methods=["GET"]),
        Route("/api/sessions/{session_id}/report", reports.get_report, methods=["GET"]),
        Route("/api/sessions/{session_id}/report.md", reports.get_report_markdown, methods=["GET"]),
        Route("/api/sessions/{session_id}/timeline", timeline.get_timeline, methods=["GET"]),
        Route("/api/sessions/{session_id}/share", timeline.share_session, methods=["POST"]),
        Route("/api/replay/{share_token}/timeline", timeline.get_shared_timeline, methods=["GET"]),
        Route("/api/problems", problems.list_problems, methods=["GET"]),
        Route("/api/problems/{question_id}", problems.get_problem, methods=["GET"]),
        Route("/api/candidates/progress", http.get_progress, methods=["GET"]),
        Route("/api/code/run", http.run_code, methods=["POST"]),
        Route("/api/voice/tts", http.speak, methods=["POST"]),
        Route("/api/health", http.health, methods=["GET"]),
        Route("/api/openapi.json", http.openapi, methods=["GET"], include_in_schema=False),
        WebSocketRoute("/ws/{session_id}", interview_socket),
    ]
    if settings.web_dist_dir.is_dir():
        routes.append(Mount("/", StaticFiles(directory=settings.web_dist_dir, html=True), name="web"))
    else:
        routes.append(Route("/", placeholder))
    app = Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(BodySizeLimit)])
    app.state.gateway = gateway
    return app
