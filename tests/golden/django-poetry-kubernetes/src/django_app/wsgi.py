"""The WSGI application, for the server to import.

``django_app.wsgi:application``
"""

import os

from django.core.wsgi import get_wsgi_application

SETTINGS_MODULE = "django_app.settings"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)

application = get_wsgi_application()
