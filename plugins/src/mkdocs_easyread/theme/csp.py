"""A strict Content-Security-Policy for the built site.

Material writes a few small inline scripts (the same on every page of the same
depth). The site needs no other inline code, so a policy that allows only the
site's own files plus these scripts by hash works; the plugin computes it on
every build, because the scripts change with Material's version.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.DOTALL)


def inline_script_hashes(html: str) -> set[str]:
    return {"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'" for body in INLINE_SCRIPT.findall(html)}


def policy(hashes: set[str]) -> str:
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(sorted(hashes)),
        # Material and the charts set style attributes; styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)
