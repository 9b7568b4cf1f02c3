"""The address a printed page or a QR code gives: the public one, never the presenter's own machine.

``DASHBOARD_PUBLIC_URL`` (e.g. ``https://plan.example.org``) is where the
dashboard is served to the public. A handout printed from a laptop running the
app on ``localhost`` must not print ``http://localhost:8501/…``: nobody reading
the paper can open it. So an unset, malformed or local address is not used;
the static edition's path is printed instead (``/indicator/t2_forest_cover/``)
and the page says why.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from lib.present import routes
from lib.present.blocks import Target
from lib.present.i18n import N_

PUBLIC_URL_ENV = "DASHBOARD_PUBLIC_URL"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "::1", "")
# Marked for the catalogs: a renderer shows it in the page's language (gettext(lang)(note)).
UNSET_NOTE = N_("未设置公开地址（环境变量 DASHBOARD_PUBLIC_URL），此处印的是静态公开版中的路径，请在公开网址后接上它。")


@dataclass(frozen=True)
class Permalink:
    address: str  # an absolute public URL, or the static edition's path
    absolute: bool  # True when ``address`` opens from anywhere (a QR code is worth printing)
    note: str  # why only a path is printed, or ""


def public_base(environ=None) -> str:
    """The public address from ``DASHBOARD_PUBLIC_URL``, or "" when unset, not http(s) or local."""
    value = (os.environ if environ is None else environ).get(PUBLIC_URL_ENV, "").strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or (parts.hostname or "") in LOCAL_HOSTS:
        return ""
    return value


def permalink(app_target: Target, static_target: Target | None = None, base: str | None = None) -> Permalink:
    """``app_target``'s public address in the app, or, with no public address, the static edition's path."""
    base = public_base() if base is None else base
    if base:
        return Permalink(routes.app_url(app_target, base), True, "")
    path = routes.static_path(static_target or app_target) or routes.app_path(app_target)
    return Permalink(path, False, UNSET_NOTE)
