"""The ASGI application, for the server to import.

``django_app.asgi:application``
"""

import os

from django.core.asgi import get_asgi_application

SETTINGS_MODULE = "django_app.settings"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)

application = get_asgi_application()
