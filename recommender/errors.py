"""Coded errors with a Chinese message for the user."""

__all__ = ["PolicyMatchError", "RuleError", "ProfileError", "DocumentError", "TextError"]


class PolicyMatchError(Exception):
    """Base error: a stable code (e.g. ``R101``) and a Chinese message."""

    prefix = "E"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class RuleError(PolicyMatchError):
    """A condition, item or rule file is malformed (codes ``R1xx``)."""


class ProfileError(PolicyMatchError):
    """An enterprise table or profile value is malformed (codes ``P1xx``)."""


class DocumentError(PolicyMatchError):
    """A policy document cannot be read (codes ``D1xx``)."""


class TextError(PolicyMatchError):
    """The text pipeline is misconfigured (codes ``T1xx``)."""
