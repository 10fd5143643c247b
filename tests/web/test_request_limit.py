"""Uploads: a request body over the limit is refused with 413 before any view reads it
(issue 4 "Uploads: size limit")."""

from django.test import override_settings


@override_settings(FINCLOUD_UPLOAD_MAX_BYTES=1024)
def test_oversized_request_is_refused_before_the_view(assessor):
    body = b"x" * (1024 + 2 * 1024 * 1024)
    response = assessor.generic("POST", "/portfolio/import/", body, content_type="application/octet-stream")
    assert response.status_code == 413


def test_request_within_the_limit_reaches_the_view(assessor):
    response = assessor.get("/portfolio/import/")
    assert response.status_code == 200
