"""Request size limit and per-client rate limit, as one plain ASGI middleware.

Plain ASGI rather than Starlette's BaseHTTPMiddleware: it adds no task or body copy per request,
which matters at hundreds of requests per second.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_CLIENTS = 10_000  # buckets kept; the least recently seen client is forgotten beyond this


class TokenBucket:
    """`rate` tokens per second up to `burst` per client key; thread-safe."""

    def __init__(self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 when the request may go ahead, else the seconds until a token is there."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / self.rate
            self._buckets[key] = (tokens, now)
            if len(self._buckets) > MAX_CLIENTS:
                self._buckets.popitem(last=False)
            return wait


class BodyTooLarge(Exception):
    pass


class LimitsMiddleware:
    def __init__(self, app: ASGIApp, max_body: int, bucket: TokenBucket | None) -> None:
        self.app = app
        self.max_body = max_body
        self.bucket = bucket

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.bucket is not None:
            client = scope.get("client") or ("unknown", 0)
            wait = self.bucket.take(str(client[0]))
            if wait > 0:
                await _error(send, 429, "too many requests: slow down", {"retry-after": str(max(1, round(wait)))})
                return
        length = _content_length(scope)
        if length is not None and length > self.max_body:
            await _error(send, 413, f"request body over {self.max_body} bytes")
            return
        started = False

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                counting_receive.seen += len(message.get("body", b""))  # type: ignore[attr-defined]
                if counting_receive.seen > self.max_body:  # type: ignore[attr-defined]
                    raise BodyTooLarge
            return message

        counting_receive.seen = 0  # type: ignore[attr-defined]

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:  # a chunked body without Content-Length that grew too big
                await _error(send, 413, f"request body over {self.max_body} bytes")


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _error(send: Send, status: int, message: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": message}).encode()
    raw_headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw_headers += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})
