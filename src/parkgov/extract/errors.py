"""The one error extraction raises for bad input, with a message in Chinese."""


class ExtractError(Exception):
    """A document cannot be read; ``str(err)`` is a one-line Chinese message for the user."""
