"""Run the console script's entry point: the same as the installed command.

``python -m cli_tool``
equals ``cli-tool``.
"""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
