"""Which web pages may read the endpoint: no CORS unless asked, and only this machine's Host names.

Run over real HTTP with httpx, as a browser's requests look: an Origin header
for cross-site calls, a foreign Host header for a DNS-rebinding page.
"""
from __future__ import annotations

import httpx
import pytest

from graphkit.errors import GraphkitError
from graphkit.serve import ServeOptions, Service
from graphkit.serve.access import Access, host_name

ASK = "ASK { ?s ?p ?o }"
TOOL = "https://yasgui.example"



def serve(graph_file, **options):
    service = Service(graph_file, ServeOptions(port=0, workers=1, quiet=True, **options))
    service.start()
    return service


@pytest.fixture(scope="module")
def default(graph_file):
    with serve(graph_file) as service:
        yield service


@pytest.fixture(scope="module")
def with_cors(graph_file):
    with serve(graph_file, cors=(TOOL,)) as service:
        yield service


@pytest.fixture
def client():
    with httpx.Client(timeout=30) as http:
        yield http


def test_no_site_may_read_answers_by_default(default, client):
    endpoint = default.url + "sparql"
    for reply in (client.get(endpoint, params={"query": ASK}, headers={"Origin": TOOL}),
                  client.post(endpoint, data={"query": ASK}, headers={"Origin": "https://evil.example"}),
                  client.get(endpoint, params={"query": "nonsense"}, headers={"Origin": TOOL})):
        assert reply.status_code in (200, 400)
        assert not [name for name in reply.headers if name.lower().startswith("access-control-")]
    preflight = client.options(endpoint, headers={"Origin": TOOL, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204 and "access-control-allow-origin" not in preflight.headers


def test_a_foreign_host_name_is_refused(default, client):
    # DNS rebinding: the attacker's name now points at 127.0.0.1, and the browser sends that name as Host
    port = default.server.server_address[1]
    for path in ("sparql", ""):
        reply = client.get(default.url + path, params={"query": ASK}, headers={"Host": f"evil.example:{port}"})
        assert reply.status_code == 403 and "--allow-host" in reply.text and len(reply.text.splitlines()) == 1
    reply = client.post(default.url + "sparql", data={"query": ASK}, headers={"Host": "rebind.example"})
    assert reply.status_code == 403
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", "[::1]", "LOCALHOST"):
        reply = client.get(default.url + "sparql", params={"query": ASK}, headers={"Host": host})
        assert reply.status_code == 200 and reply.json()["boolean"] is True, host


def test_allow_host_adds_a_name(graph_file, client):
    with serve(graph_file, allow_hosts=("graphs.lan",)) as service:
        reply = client.get(service.url + "sparql", params={"query": ASK}, headers={"Host": "graphs.lan:7337"})
        assert reply.status_code == 200
        assert client.get(service.url + "sparql", headers={"Host": "other.lan"}).status_code == 403


def test_cors_names_the_origins_that_may_read(with_cors, client):
    endpoint = with_cors.url + "sparql"
    preflight = client.options(endpoint, headers={"Origin": TOOL, "Access-Control-Request-Method": "POST",
                                                  "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204 and preflight.headers["access-control-allow-origin"] == TOOL
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
    reply = client.post(endpoint, data={"query": ASK}, headers={"Origin": TOOL})
    assert reply.headers["access-control-allow-origin"] == TOOL and "Origin" in reply.headers["vary"]
    assert "X-SPARQL-MaxRows" in reply.headers["access-control-expose-headers"]
    other = client.post(endpoint, data={"query": ASK}, headers={"Origin": "https://evil.example"})
    assert other.status_code == 200 and "access-control-allow-origin" not in other.headers


def test_cors_star_must_be_asked_for():
    access = Access.for_server("127.0.0.1", cors=("*",))
    assert access.cors_headers("https://any.example")["Access-Control-Allow-Origin"] == "*"
    assert Access.for_server("127.0.0.1").cors_headers("https://any.example") == {}


def test_a_bad_origin_is_one_sentence(graph_file):
    for origin in ("yasgui.org", "https://yasgui.org/page", "javascript:alert(1)"):
        with pytest.raises(GraphkitError, match="give an origin such as"):
            Service(graph_file, ServeOptions(port=0, workers=1, cors=(origin,)))


def test_other_methods_get_405_with_allow(default, client):
    for method in ("PUT", "DELETE", "PATCH", "HEAD"):
        reply = client.request(method, default.url + "sparql", content=b"x")
        assert reply.status_code == 405 and reply.headers["allow"] == "GET, POST, OPTIONS", method


def test_host_names():
    assert host_name("LocalHost:7337") == "localhost"
    assert host_name("[::1]:7337") == "::1"
    assert host_name("::1") == "::1"
    assert host_name("example.org") == "example.org"
