"""The health endpoint answers 200 with a JSON status, without a redirect or a database."""

from django.test import Client


def test_health() -> None:
    response = Client().get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_health_answers_probes_by_ip() -> None:
    # Docker and Kubernetes probe the container by IP, which ALLOWED_HOSTS rejects.
    response = Client().get("/health", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200


def test_other_paths_still_check_the_host() -> None:
    response = Client().get("/admin/", HTTP_HOST="10.1.2.3")
    assert response.status_code == 400
