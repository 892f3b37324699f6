"""The health endpoint answers 200 with a JSON status."""

from fastapi.testclient import TestClient

from fastapi_service.main import app


def test_health() -> None:
    client = TestClient(app)
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
