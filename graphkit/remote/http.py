"""HTTP to SPARQL servers: one client, credentials, and failures turned into one sentence.

Credentials never go on the command line: ``GRAPHKIT_ENDPOINT_USER`` and
``GRAPHKIT_ENDPOINT_PASSWORD`` in the environment are sent when the server
asks, with HTTP Basic or Digest authentication as it asks (Virtuoso's
``/sparql-graph-crud-auth`` wants Digest; Fuseki and GraphDB take Basic).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from ..errors import GraphkitError

TIMEOUT = httpx.Timeout(120.0, connect=10.0)
USER_VARIABLE, PASSWORD_VARIABLE = "GRAPHKIT_ENDPOINT_USER", "GRAPHKIT_ENDPOINT_PASSWORD"
_TAGS = re.compile(r"<[^>]*>")


class EndpointError(GraphkitError):
    """A SPARQL server cannot be reached, refuses a request or fails while answering."""


class ServerAuth(httpx.Auth):
    """Answers a 401 with Basic or Digest credentials, whichever the server's challenge names."""

    def __init__(self, user: str, password: str):
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)
        self._scheme = ""

    def auth_flow(self, request: httpx.Request):
        if self._scheme:        # learnt from an earlier challenge: authenticate at once
            yield from (self._digest if self._scheme == "digest" else self._basic).auth_flow(request)
            return
        response = yield request
        challenge = " ".join(response.headers.get_list("www-authenticate")).lower()
        if response.status_code != 401:
            return
        if "digest" in challenge:
            self._scheme = "digest"
            flow = self._digest.auth_flow(request)
            next(flow)              # the unauthenticated request, already sent
            try:
                yield flow.send(response)
            except StopIteration:
                return
        elif "basic" in challenge:
            self._scheme = "basic"
            yield from self._basic.auth_flow(request)


def auth_from_environment() -> ServerAuth | None:
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if user and password is not None:
        return ServerAuth(user, password)
    return None


@contextmanager
def http_client(auth: httpx.Auth | None = None) -> Iterator[httpx.Client]:
    with httpx.Client(timeout=TIMEOUT, auth=auth if auth is not None else auth_from_environment(),
                      follow_redirects=True, headers={"User-Agent": "graphkit"}) as client:
        yield client


def check_url(url: str) -> str:
    """An http(s) URL, or EndpointError."""
    try:
        parsed = httpx.URL(url)
    except Exception:           # httpx raises several kinds on malformed URLs
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise EndpointError(f"{url!r} is not an http:// or https:// URL of a SPARQL server")
    return url


def describe_failure(exc: httpx.HTTPError, url: str) -> str:
    """What went wrong on the way to url, as the end of a sentence."""
    if isinstance(exc, httpx.ConnectError):
        return f"cannot reach the server at {url} ({_reason(exc)})"
    if isinstance(exc, httpx.TimeoutException):
        return f"the server at {url} did not answer in time"
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return f"the connection to {url} dropped ({_reason(exc)})"
    return f"the request to {url} failed ({_reason(exc)})"


def describe_refusal(response: httpx.Response) -> str:
    """HTTP status and the first words of the server's explanation."""
    text = re.sub(r"\s+", " ", _TAGS.sub(" ", response.text or "")).strip()
    reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    return f"{reason}: {text[:200]}" if text else reason


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:160]
