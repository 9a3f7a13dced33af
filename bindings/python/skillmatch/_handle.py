"""The lifetime of one library handle, shared by every wrapper class."""

from __future__ import annotations

import ctypes
from types import TracebackType
from typing import ClassVar

from . import _native


class NativeHandle:
    """Owns one handle of the C library: released by :meth:`close`, a ``with`` block, or garbage
    collection (a forgotten close() must not leak). Subclasses name the free function and the object."""

    _free_function: ClassVar[str]  # e.g. "skm_engine_free"
    _what: ClassVar[str]  # e.g. "engine", for the error after close()
    _handle: ctypes._Pointer | None = None  # type: ignore[type-arg]

    @property
    def _h(self) -> ctypes._Pointer:  # type: ignore[type-arg]
        if self._handle is None:
            raise ValueError(f"the {self._what} is closed")
        return self._handle

    def close(self) -> None:
        """Releases the handle; further use raises ValueError. Safe to call twice."""
        if self._handle is not None:
            getattr(_native.lib(), self._free_function)(self._handle)
            self._handle = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __del__(self) -> None:
        # At interpreter exit the module may be half torn down: never raise from here.
        try:
            self.close()
        except Exception:
            pass
