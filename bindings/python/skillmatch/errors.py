"""Exceptions raised for the C ABI's status codes.

Every failing ``skm_*`` call becomes a :class:`SkillmatchError` subclass chosen by its status, carrying
the status code, its name and the library's message (``skm_last_error()``, which names what and where:
the id, the line, the position in a filter). Subclasses also derive from the built-in exception that
fits, so ``except ValueError`` catches a malformed filter and ``except LookupError`` an unknown id.
"""

from __future__ import annotations

from typing import NoReturn

from . import _native


class SkillmatchError(Exception):
    """A call into libskillmatch failed.

    Attributes: ``status`` (the skm_status code), ``status_name`` (``"parse_error"``...) and
    ``message`` (the library's text for the failure).
    """

    status: int
    status_name: str
    message: str

    def __init__(self, status: int, status_name: str, message: str) -> None:
        super().__init__(f"{status_name}: {message}" if message else status_name)
        self.status = status
        self.status_name = status_name
        self.message = message


class InvalidArgumentError(SkillmatchError, ValueError):
    """SKM_INVALID_ARGUMENT: a value outside the documented domain (k = 0, bad side, bad UTF-8...)."""


class ParseError(SkillmatchError, ValueError):
    """SKM_PARSE_ERROR: malformed text (profile JSON, a filter expression, a schema)."""


class SkillmatchIOError(SkillmatchError, OSError):
    """SKM_IO_ERROR: a file could not be opened or read."""


class NotFoundError(SkillmatchError, LookupError):
    """SKM_NOT_FOUND: an id, term or attribute that names nothing."""


class CycleError(SkillmatchError, ValueError):
    """SKM_CYCLE: a taxonomy's broader graph is not a DAG."""


class DimensionMismatchError(SkillmatchError, ValueError):
    """SKM_DIMENSION_MISMATCH: a vector of the wrong length."""


class InvalidValueError(SkillmatchError, ValueError):
    """SKM_INVALID_VALUE: NaN, infinity or an otherwise unusable number."""


class DuplicateError(SkillmatchError, ValueError):
    """SKM_DUPLICATE: an id given twice where ids must be unique."""


class CorruptError(SkillmatchError):
    """SKM_CORRUPT: a file that fails its own integrity checks."""


class InternalError(SkillmatchError):
    """SKM_INTERNAL: a broken invariant inside skillmatch (a bug: please report it)."""


class NullArgumentError(SkillmatchError, ValueError):
    """SKM_NULL_ARGUMENT: a required pointer was NULL (a bug in the binding if it ever happens)."""


class OutOfMemoryError(SkillmatchError, MemoryError):
    """SKM_OUT_OF_MEMORY: an allocation inside the library failed."""


# Status code -> exception class; codes the binding does not know give SkillmatchError itself
# (the header says new codes may be added at the end).
ERROR_CLASSES: dict[int, type[SkillmatchError]] = {
    1: InvalidArgumentError,
    2: ParseError,
    3: SkillmatchIOError,
    4: NotFoundError,
    5: CycleError,
    6: DimensionMismatchError,
    7: InvalidValueError,
    8: DuplicateError,
    9: CorruptError,
    10: InternalError,
    11: NullArgumentError,
    12: OutOfMemoryError,
}


def _raise(status: int) -> NoReturn:
    lib = _native.lib()
    # Read on the calling thread right after the failing call: skm_last_error() is per thread.
    message = (lib.skm_last_error() or b"").decode("utf-8", "replace")
    name = (lib.skm_status_name(status) or b"unknown").decode("utf-8", "replace")
    raise ERROR_CLASSES.get(status, SkillmatchError)(status, name, message)


def check(status: int) -> None:
    """Raises the exception for a non-zero skm_status; returns for SKM_OK."""
    if status != 0:
        _raise(status)
