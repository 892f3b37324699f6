"""The health endpoint answers 200 with a JSON status."""

from flask_app.app import create_app


def test_health() -> None:
    client = create_app().test_client()
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
