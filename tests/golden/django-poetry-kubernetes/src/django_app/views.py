"""Views of the project."""

from django.http import HttpRequest, JsonResponse


def health(request: HttpRequest) -> JsonResponse:
    """Liveness/readiness probe: 200 while the process serves requests; no database access."""
    return JsonResponse({"status": "ok"})
