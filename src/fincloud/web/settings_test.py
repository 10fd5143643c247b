"""Settings for the test suite: the same settings, pinned day, fast hashing, a temporary state folder.

``DATABASE_URL`` chooses the database as in production (SQLite in a temp folder by default;
CI runs the web tests a second time with PostgreSQL).
"""

import os
import tempfile

os.environ.setdefault("FINCLOUD_STATE_DIR", tempfile.mkdtemp(prefix="fincloud-test-"))
os.environ.setdefault("FINCLOUD_AS_OF", "2026-11-24")

from fincloud.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
