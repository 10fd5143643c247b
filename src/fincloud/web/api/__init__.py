"""JSON API (django-ninja, OpenAPI) with token authentication and the same permissions as the pages."""
