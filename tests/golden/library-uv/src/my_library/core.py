"""The library's public functions."""


def greet(name: str, *, punctuation: str = "!") -> str:
    """Return a greeting for ``name``.

    >>> greet("world")
    'Hello, world!'

    Raises ValueError when ``name`` is blank.
    """
    cleaned = name.strip()
    if not cleaned:
        raise ValueError("name must not be blank")
    return f"Hello, {cleaned}{punctuation}"
