"""One error hierarchy: every user-facing failure is a LinewatchError with a clear message."""

from __future__ import annotations


class LinewatchError(Exception):
    """Base of every error linewatch reports to a user (printed as one line, no traceback)."""


class StoreError(LinewatchError):
    """The case store cannot be opened, migrated or written."""


class InputError(LinewatchError):
    """Bad input that stops a whole file or command; carries where it was found."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file, self.line, self.field, self.detail = file, line, field, message
        where = ":".join(str(p) for p in (file, line) if p is not None)
        prefix = f"{where}: " if where else ""
        suffix = f" (field '{field}')" if field else ""
        super().__init__(f"{prefix}{message}{suffix}")


class NotFoundError(LinewatchError):
    """A person, number, operation or other entity asked for does not exist in the store."""
