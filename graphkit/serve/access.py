"""Who may use the endpoint from a browser: the Host allow-list and CORS.

A graph served on 127.0.0.1 may hold unpublished work. Two browser tricks
would let any web page the user opens read it:

* CORS: ``Access-Control-Allow-Origin: *`` lets every site's script read the
  answers. So no CORS header is sent unless ``--cors ORIGIN`` names the
  origins (or ``*``) that may read them.
* DNS rebinding: a site re-points its own name at 127.0.0.1, and the browser
  then treats the endpoint as that site. Such requests carry the site's name
  in ``Host``, so only this machine's names and addresses are answered
  (``localhost``, IP addresses, the bound name, and ``--allow-host`` names).
"""
from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass

from ..errors import GraphkitError

LOCAL_NAMES = ("localhost", "localhost.")
WILDCARDS = ("0.0.0.0", "::", "")
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.\-\[\]:]+")


def check_origin(origin: str) -> str:
    """``*`` or a browser origin such as ``https://yasgui.org`` (scheme, host, optional port; no path)."""
    value = origin.strip().rstrip("/")
    if value == "*" or _ORIGIN.fullmatch(value):
        return value
    raise GraphkitError(f"--cors {origin!r}: give an origin such as https://yasgui.org or http://localhost:3000, "
                        "or * for any site")


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_name(header: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, lower-cased."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


@dataclass(frozen=True)
class Access:
    """The names a request may be addressed to, and the origins that may read answers."""

    names: frozenset[str]
    origins: tuple[str, ...] = ()

    @classmethod
    def for_server(cls, bound: str, *, extra_hosts: tuple[str, ...] = (), cors: tuple[str, ...] = ()) -> "Access":
        names = {*LOCAL_NAMES, bound.lower(), *(h.lower() for h in extra_hosts)}
        if bound in WILDCARDS:            # open to the network: this machine's own names too
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
        return cls(frozenset(names), tuple(check_origin(o) for o in cors))

    def host_allowed(self, header: str | None) -> bool:
        if header is None:                  # HTTP/1.0 clients; a browser always sends Host
            return True
        name = host_name(header)
        return name in self.names or _is_ip(name)

    def cors_headers(self, origin: str | None) -> dict[str, str]:
        """The CORS headers for a request from ``origin``; none unless --cors allows it."""
        if not self.origins or not origin:
            return {}
        if "*" in self.origins:
            allowed = "*"
        elif origin.rstrip("/") in self.origins:
            allowed = origin.rstrip("/")
        else:
            return {}
        return {"Access-Control-Allow-Origin": allowed, "Access-Control-Expose-Headers": "X-SPARQL-MaxRows"}
