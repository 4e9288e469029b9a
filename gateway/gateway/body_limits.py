"""Request bodies are bounded per route and refused early: a declared `Content-Length` over the limit is
answered 413 before anything is read, and a body sent without one (chunked) is counted as it arrives and
refused as soon as it passes the limit, so no route ever holds a huge body in memory."""

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from contracts.http import HttpError
from contracts.sandbox import MAX_SOURCE_BYTES

KIB = 1024
# The largest valid body of each route, with room to spare; every other route takes at most the default.
ROUTE_LIMITS = {
    "/api/code/run": 6 * MAX_SOURCE_BYTES + 4 * KIB,  # code of 64 Ki characters, each JSON-escaped
    "/api/voice/tts": 32 * KIB,  # 3000 characters of text
}
DEFAULT_LIMIT = 4 * KIB


class BodyTooLarge(Exception):
    pass


def limit_for(path: str) -> int:
    return ROUTE_LIMITS.get(path, DEFAULT_LIMIT)


class BodySizeLimit:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(send, limit)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _refuse(send, limit)


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps(HttpError(error="body_too_large",
                                message=f"request bodies on this route are limited to {limit} bytes").model_dump())
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body.encode()})
