"""The matching engine: a taxonomy plus one index of jobs and one of candidates."""

from __future__ import annotations

import ctypes
import enum
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Union, overload

from . import _native
from ._handle import NativeHandle
from .errors import check
from .taxonomy import Mention, Taxonomy, _encode, _extract, _text

# A profile (docs/profiles.md) as JSON text or as the dict json.loads would give.
ProfileLike = Union[str, Mapping[str, Any]]
# An attribute schema (docs/profiles.md) as JSON text or a dict.
SchemaLike = Union[str, Mapping[str, Any]]


class Side(enum.IntEnum):
    """The side of the market a profile belongs to (a query of one side matches the other)."""

    JOB = 0
    CANDIDATE = 1


@dataclass(frozen=True)
class Match:
    """One result: the document's id, its score in [0, 1] and, when the query asked for
    ``explain=True``, the explanation (docs/matching.md: "parts", "requirements",
    "missing_required", "preferences", "filter") parsed from the library's JSON."""

    id: str
    score: float
    explanation: dict[str, Any] | None = None


@dataclass(frozen=True)
class Results(Sequence[Match]):
    """The best matches of one query, best first (ties by id): iterable, indexable, sized.

    The values are copied out of the library when the query returns, so no handle stays open."""

    query_id: str
    admitted: int  # documents that passed the filters, before top-k
    matches: tuple[Match, ...] = field(default_factory=tuple)

    def __iter__(self) -> Iterator[Match]:
        return iter(self.matches)

    def __len__(self) -> int:
        return len(self.matches)

    @overload
    def __getitem__(self, index: int) -> Match: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Match]: ...
    def __getitem__(self, index: int | slice) -> Match | Sequence[Match]:
        return self.matches[index]


def _json_text(value: ProfileLike | SchemaLike, what: str) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
    raise TypeError(f"{what} must be JSON text or a mapping, not {type(value).__name__}")


def _read_results(handle: ctypes._Pointer, explain: bool) -> Results:  # type: ignore[type-arg]
    """Copies one results handle into Python values. Does not free the handle."""
    lib = _native.lib()
    count, admitted = ctypes.c_size_t(), ctypes.c_size_t()
    query_id = ctypes.c_char_p()
    check(lib.skm_results_count(handle, ctypes.byref(count)))
    check(lib.skm_results_admitted(handle, ctypes.byref(admitted)))
    check(lib.skm_results_query_id(handle, ctypes.byref(query_id)))
    matches: list[Match] = []
    for i in range(count.value):
        match_id, score = ctypes.c_char_p(), ctypes.c_double()
        check(lib.skm_results_id(handle, i, ctypes.byref(match_id)))
        check(lib.skm_results_score(handle, i, ctypes.byref(score)))
        explanation: dict[str, Any] | None = None
        if explain:
            text = ctypes.c_char_p()
            check(lib.skm_results_explanation_json(handle, i, ctypes.byref(text)))
            explanation = json.loads(_text(text.value))
        matches.append(Match(_text(match_id.value), score.value, explanation))
    return Results(_text(query_id.value), admitted.value, tuple(matches))


class Engine(NativeHandle):
    """Matches jobs and candidates. Create it, add profiles with :meth:`upsert`, query with
    :meth:`match`; release with :meth:`close` or ``with Engine(...) as engine:``.

    Thread-safety (the C ABI's): any number of threads may match at once, also while one thread
    upserts or removes; :meth:`close` must not run while another thread uses the engine. Closing it
    releases its indexes; results already returned stay valid.
    """

    _free_function = "skm_engine_free"
    _what = "engine"

    def __init__(
        self,
        *,
        taxonomy: Taxonomy | None = None,
        job_schema: SchemaLike | None = None,
        candidate_schema: SchemaLike | None = None,
        external_vectors: bool = False,
        dimension: int = 128,
        threads: int = 0,
        min_confidence: float = 0.6,
    ) -> None:
        """``taxonomy`` None = the bundled one. Schemas (docs/profiles.md) as JSON text or dicts
        declare the attributes of each side (filters of job queries use the candidate schema).
        Without external vectors the engine learns skill vectors at start-up (seconds).
        Raises InvalidArgumentError, ParseError or DuplicateError for bad options or schemas."""
        lib = _native.lib()
        self._handle: ctypes._Pointer | None = None  # type: ignore[type-arg]
        options = _native.skm_engine_options()
        check(lib.skm_engine_options_init(ctypes.byref(options), ctypes.sizeof(options)))
        if taxonomy is not None:
            options.taxonomy = taxonomy._h
        # Keep the encoded texts referenced until skm_engine_create has copied them.
        job_text = _json_text(job_schema, "job_schema") if job_schema is not None else None
        candidate_text = _json_text(candidate_schema, "candidate_schema") if candidate_schema is not None else None
        options.job_schema_json = job_text
        options.candidate_schema_json = candidate_text
        options.external_vectors = 1 if external_vectors else 0
        options.dimension = dimension
        options.threads = threads
        options.min_confidence = min_confidence
        handle = _native.EngineP()
        check(lib.skm_engine_create(ctypes.byref(options), ctypes.byref(handle)))
        self._handle = handle

    @property
    def dimension(self) -> int:
        """Vector length of the engine's profiles."""
        value = ctypes.c_size_t()
        check(_native.lib().skm_engine_dimension(self._h, ctypes.byref(value)))
        return value.value

    @property
    def taxonomy(self) -> Taxonomy:
        """A new handle on the engine's taxonomy (close it when done, or use ``with``)."""
        handle = _native.TaxonomyP()
        check(_native.lib().skm_engine_taxonomy(self._h, ctypes.byref(handle)))
        return Taxonomy(handle)

    def extract(self, text: str, min_confidence: float = 0.5, ambiguous_with_context: bool = True) -> list[Mention]:
        """Skill mentions in a posting or CV with the engine's resolver (see Taxonomy.extract). A
        profile given as ``{"id": ..., "text": ...}`` to :meth:`upsert` or :meth:`match` gets its
        skills this way (must-haves and years where the text states them)."""
        return _extract(_native.lib().skm_engine_extract, self._h, text, min_confidence, ambiguous_with_context)

    def size(self, side: Side) -> int:
        """Number of live profiles on ``side``."""
        value = ctypes.c_size_t()
        check(_native.lib().skm_engine_size(self._h, Side(side), ctypes.byref(value)))
        return value.value

    def upsert(self, side: Side, profiles: ProfileLike | Iterable[Mapping[str, Any]]) -> int:
        """Adds or replaces profiles on ``side``: JSON or JSONL text, one dict, or an iterable of
        dicts. Returns how many were added or replaced. Every profile is parsed before any is added
        (a ParseError adds nothing); an error while adding stops there, earlier ones stay."""
        if isinstance(profiles, (str, Mapping)):
            text = _json_text(profiles, "profiles")
        else:
            text = b"\n".join(_json_text(p, "each profile") for p in profiles)
        added = ctypes.c_size_t()
        check(_native.lib().skm_engine_upsert_json(self._h, Side(side), text, ctypes.byref(added)))
        return added.value

    def upsert_file(self, side: Side, path: str | os.PathLike[str]) -> int:
        """Adds or replaces every profile of a JSONL file (see :meth:`upsert`)."""
        with open(path, encoding="utf-8") as stream:
            return self.upsert(side, stream.read())

    def remove(self, side: Side, profile_id: str) -> bool:
        """Removes a profile; True when it was there."""
        removed = ctypes.c_int()
        check(_native.lib().skm_engine_remove(self._h, Side(side), _encode(profile_id, "profile_id"),
                                              ctypes.byref(removed)))
        return bool(removed.value)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Saves the engine (both sides, schemas, learned skill vectors, taxonomy identity) to
        ``path`` in the index file format (docs/index-format.md), atomically (temporary file, fsync,
        rename). Removed profiles are not written. Raises SkillmatchIOError naming the path."""
        check(_native.lib().skm_engine_save(self._h, os.fsencode(path)))

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        taxonomy: Taxonomy | None = None,
        threads: int = 0,
        min_confidence: float = 0.6,
        verify_checksums: bool = True,
    ) -> "Engine":
        """An engine saved by :meth:`save` (or ``skillmatch index build``); nothing is relearned.
        Schemas, vector kind and dimension come from the file. ``taxonomy`` must be the one it was
        built with (None = the bundled one), else InvalidArgumentError naming both content hashes.
        A damaged, truncated or wrong-version file raises CorruptError naming the part and offset."""
        lib = _native.lib()
        options = _native.skm_open_options()
        check(lib.skm_open_options_init(ctypes.byref(options), ctypes.sizeof(options)))
        if taxonomy is not None:
            options.taxonomy = taxonomy._h
        options.threads = threads
        options.min_confidence = min_confidence
        options.verify_checksums = 1 if verify_checksums else 0
        handle = _native.EngineP()
        check(lib.skm_engine_open(os.fsencode(path), ctypes.byref(options), ctypes.byref(handle)))
        engine = cls.__new__(cls)
        engine._handle = handle
        return engine

    def match(
        self,
        query: ProfileLike,
        side: Side = Side.JOB,
        *,
        k: int = 10,
        filter: str | None = None,
        explain: bool = False,
        **options: Any,
    ) -> Results:
        """The best documents of the other side for a query profile of ``side`` (not stored).

        ``filter`` is an expression over the other side's attributes (docs/filters.md), e.g.
        ``'jlpt >= N3 and not visa_refused'``. More options: required_as_filter, must_threshold,
        similarity_floor, specificity, weight_vector, weight_required, weight_preferred,
        weight_preferences, preferences (a mapping or pairs of expression -> weight), rerank_depth.
        Raises ParseError (profile JSON or filter, with the position), NotFoundError (an attribute the
        filter names), InvalidArgumentError (k out of range)..."""
        opts, keep = _match_options(k, filter, explain, options)
        out = _native.ResultsP()
        check(_native.lib().skm_engine_match_json(self._h, Side(side), _json_text(query, "query"),
                                                  ctypes.byref(opts), ctypes.byref(out)))
        del keep
        return _consume(out, explain)

    def match_id(self, side: Side, query_id: str, *, k: int = 10, filter: str | None = None,
                 explain: bool = False, **options: Any) -> Results:
        """The same for a profile stored on ``side``; NotFoundError for an unknown id."""
        opts, keep = _match_options(k, filter, explain, options)
        out = _native.ResultsP()
        check(_native.lib().skm_engine_match_id(self._h, Side(side), _encode(query_id, "query_id"),
                                                ctypes.byref(opts), ctypes.byref(out)))
        del keep
        return _consume(out, explain)

    def match_all(self, side: Side, *, k: int = 10, filter: str | None = None, explain: bool = False,
                  threads: int = 0, **options: Any) -> list[Results]:
        """Every stored profile of ``side`` against the other side, in row order (batched)."""
        opts, keep = _match_options(k, filter, explain, options)
        opts.threads = threads
        batch = _native.BatchP()
        lib = _native.lib()
        check(lib.skm_engine_match_all(self._h, Side(side), ctypes.byref(opts), ctypes.byref(batch)))
        del keep
        try:
            count = ctypes.c_size_t()
            check(lib.skm_batch_count(batch, ctypes.byref(count)))
            everything: list[Results] = []
            for i in range(count.value):
                one = _native.ResultsP()
                check(lib.skm_batch_get(batch, i, ctypes.byref(one)))
                everything.append(_consume(one, explain))
            return everything
        finally:
            lib.skm_batch_free(batch)

    def gap_report(self, groups: Sequence[str] | None = None) -> tuple[dict[str, Any], str]:
        """The gap report (docs/gap.md) of the live jobs and candidates: its figures as a dict
        (``skills``, ``areas``, ``funnel``, ``steps``, ``job_gaps``, ``exposure``) and the HTML page.
        ``groups``: candidate attributes for the exposure section; ``[]`` = the protected ones;
        None = no exposure section. Experimental (the C functions are in SKM_EXPERIMENTAL)."""
        names = None if groups is None else _encode(",".join(groups), "groups")
        report = _native.ReportP()
        lib = _native.lib()
        check(lib.skm_engine_gap_report(self._h, names, ctypes.byref(report)))
        try:
            text = ctypes.c_char_p()
            check(lib.skm_report_json(report, ctypes.byref(text)))
            figures = json.loads(_text(text.value))
            check(lib.skm_report_html(report, ctypes.byref(text)))
            return figures, _text(text.value)
        finally:
            lib.skm_report_free(report)


_FLOAT_OPTIONS = ("must_threshold", "similarity_floor", "specificity", "weight_vector", "weight_required",
                  "weight_preferred", "weight_preferences")


def _match_options(k: int, filter: str | None, explain: bool,
                   extra: Mapping[str, Any]) -> tuple[_native.skm_match_options, list[object]]:
    """A filled skm_match_options and the Python objects its pointers borrow (keep them alive)."""
    opts = _native.skm_match_options()
    check(_native.lib().skm_match_options_init(ctypes.byref(opts), ctypes.sizeof(opts)))
    keep: list[object] = []
    if not isinstance(k, int) or k < 1:
        # size_t would wrap a negative k into a huge one; say what is wrong here instead.
        raise ValueError(f"k must be a positive int, not {k!r}")
    opts.k = k
    if filter:
        encoded = _encode(filter, "filter")
        keep.append(encoded)
        opts.filter = encoded
    opts.explain = 1 if explain else 0
    for name, value in extra.items():
        if name in _FLOAT_OPTIONS:
            setattr(opts, name, float(value))
        elif name == "required_as_filter":
            opts.required_as_filter = 1 if value else 0
        elif name == "rerank_depth":
            opts.rerank_depth = int(value)
        elif name == "preferences":
            pairs = list(value.items()) if isinstance(value, Mapping) else list(value)
            array = (_native.skm_preference * max(len(pairs), 1))()
            for i, (expression, weight) in enumerate(pairs):
                encoded = _encode(expression, "preference expression")
                keep.append(encoded)
                array[i].expression = encoded
                array[i].weight = float(weight)
            keep.append(array)
            opts.preferences = ctypes.cast(array, ctypes.POINTER(_native.skm_preference))
            opts.preference_count = len(pairs)
        else:
            raise TypeError(f"unknown match option {name!r}")
    return opts, keep


def _consume(handle: ctypes._Pointer, explain: bool) -> Results:  # type: ignore[type-arg]
    try:
        return _read_results(handle, explain)
    finally:
        _native.lib().skm_results_free(handle)
