"""The API's URLs under /api/ (namespace ``api``). Each URL's view carries the capability of its
endpoints (``capability`` for GET, ``capabilities`` per method), read by the permission-matrix
test like the pages' ``require``."""

from fincloud.web.api.api import api

app_name = "api"


def _annotate(patterns):
    for pattern in patterns:
        path_view = next((c.cell_contents for c in (getattr(pattern.callback, "__closure__", None) or ())
                          if hasattr(c.cell_contents, "operations")), None)
        if path_view is None:
            continue
        caps = {method: getattr(op.view_func, "capability", None)
                for op in path_view.operations for method in op.methods}
        pattern.callback.capabilities = caps
        pattern.callback.capability = caps.get("GET") or next(iter(caps.values()))
    return patterns


urlpatterns = _annotate(api.urls[0])
