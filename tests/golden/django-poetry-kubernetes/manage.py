#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

SETTINGS_MODULE = "django_app.settings"


def main() -> None:
    """Run an administrative task, e.g. ``python manage.py migrate``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
