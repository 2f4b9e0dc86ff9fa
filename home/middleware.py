from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse


class HealthCheckMiddleware:
    """Answers `/healthz` before host validation and HTTPS redirects, so a load balancer can probe
    each application server by its IP address over plain HTTP."""

    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != self.path:
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError:
            return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        response = HttpResponse("ok\n", content_type="text/plain")
        response["Cache-Control"] = "no-store"
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere, relaxed only for the Wagtail admin (and its previews), which
    needs inline scripts and styles."""

    def get_policy_parts(self, request, response, report_only=False):
        if not report_only and request.path_info.startswith("/admin/"):
            response._csp_replace = {
                **(getattr(response, "_csp_replace", None) or {}),
                **settings.ADMIN_CONTENT_SECURITY_POLICY,
            }
        return super().get_policy_parts(request, response, report_only)
