"""Server URLs: is one well formed, and is it on this machine? (No SDK: the registry asks too.)"""
from __future__ import annotations

from timeline.errors import UsageError


def check_base_url(url: str, what: str = "--base-url") -> str:
    """``url`` if it is an http(s) URL with a host; a UsageError otherwise."""
    from urllib.parse import urlparse

    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UsageError(f"{what}: {url!r} is not an http(s) URL (e.g. http://localhost:11434/v1)")
    try:
        parsed.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise UsageError(f"{what}: {url!r} has an invalid port") from None
    return url


def is_loopback(url: str | None) -> bool:
    """True for a URL on this machine (localhost, 127.0.0.0/8, ::1): a local model server,
    to which sending articles is not sending them to a cloud service."""
    if not url:
        return False
    import ipaddress
    from urllib.parse import urlparse

    host = (urlparse(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
