"""Middleware of the project."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

HEALTH_PATH = "/health"


class HealthCheckMiddleware:
    """Answer the health endpoint before anything checks the Host header.

    Docker's HEALTHCHECK and Kubernetes probes reach the app by IP, which
    ALLOWED_HOSTS rightly rejects in production; the probe must pass anyway.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == HEALTH_PATH:
            return JsonResponse({"status": "ok"})
        return self.get_response(request)
