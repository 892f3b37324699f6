"""Run the console script's entry point: the same as the installed command.

``python -m worker``
equals ``worker``.
"""

from .worker import main

if __name__ == "__main__":
    raise SystemExit(main())
