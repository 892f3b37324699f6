"""Print the installed version of the package."""

from . import __version__

if __name__ == "__main__":
    print(__version__)
