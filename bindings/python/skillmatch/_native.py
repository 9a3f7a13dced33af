"""Loading libskillmatch and declaring the C ABI (include/skillmatch/skillmatch.h) for ctypes.

Only this module knows C types. Every function gets argtypes and restype, so a wrong argument is a
Python TypeError instead of a crash. The library is found, in order: the path given to
``load_library()``, the environment variable SKILLMATCH_LIBRARY (ctest sets it to the build's
libskillmatch.so), then the standard names through the dynamic loader (ldconfig / LD_LIBRARY_PATH).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import (
    POINTER,
    Structure,
    c_char_p,
    c_double,
    c_int,
    c_size_t,
    c_void_p,
)

ENV_VARIABLE = "SKILLMATCH_LIBRARY"
# Tried in order when neither a path nor the environment variable names the library.
STANDARD_NAMES = ("libskillmatch.so.0", "libskillmatch.so", "libskillmatch.dylib", "skillmatch.dll")

# Opaque handles: distinct pointer types, so passing an engine where results are expected is a
# TypeError raised by ctypes, not undefined behaviour in C.
class _Opaque(Structure):
    pass


class skm_taxonomy(_Opaque):
    pass


class skm_concept_list(_Opaque):
    pass


class skm_engine(_Opaque):
    pass


class skm_results(_Opaque):
    pass


class skm_batch(_Opaque):
    pass


class skm_mentions(_Opaque):
    pass


class skm_report(_Opaque):
    pass


TaxonomyP = POINTER(skm_taxonomy)
ConceptListP = POINTER(skm_concept_list)
EngineP = POINTER(skm_engine)
ResultsP = POINTER(skm_results)
BatchP = POINTER(skm_batch)
MentionsP = POINTER(skm_mentions)
ReportP = POINTER(skm_report)

skm_status = c_int
skm_side = c_int


class skm_resolve_options(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("max_results", c_size_t),
        ("min_confidence", c_double),
        ("fuzzy", c_int),
    ]


class skm_engine_options(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("taxonomy", TaxonomyP),
        ("job_schema_json", c_char_p),
        ("candidate_schema_json", c_char_p),
        ("job_schema", c_void_p),  # skm_schema*: the binding passes schemas as JSON text
        ("candidate_schema", c_void_p),
        ("external_vectors", c_int),
        ("dimension", c_size_t),
        ("threads", c_size_t),
        ("min_confidence", c_double),
    ]


class skm_open_options(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("taxonomy", TaxonomyP),
        ("threads", c_size_t),
        ("min_confidence", c_double),
        ("verify_checksums", c_int),
    ]


class skm_extract_options(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("min_confidence", c_double),
        ("ambiguous_with_context", c_int),
        ("skills", c_int),
        ("soft_skills", c_int),
        ("max_bytes", c_size_t),
    ]


class skm_preference(Structure):
    _fields_ = [("expression", c_char_p), ("weight", c_double)]


class skm_match_options(Structure):
    _fields_ = [
        ("size", c_size_t),
        ("k", c_size_t),
        ("filter", c_char_p),
        ("required_as_filter", c_int),
        ("must_threshold", c_double),
        ("similarity_floor", c_double),
        ("specificity", c_double),
        ("weight_vector", c_double),
        ("weight_required", c_double),
        ("weight_preferred", c_double),
        ("weight_preferences", c_double),
        ("preferences", POINTER(skm_preference)),
        ("preference_count", c_size_t),
        ("rerank_depth", c_size_t),
        ("explain", c_int),
        ("threads", c_size_t),
    ]


_out_str = POINTER(c_char_p)
_out_size = POINTER(c_size_t)
_out_double = POINTER(c_double)
_out_int = POINTER(c_int)

# name: (restype, argtypes). restype None = void.
_PROTOTYPES: dict[str, tuple[object, list[object]]] = {
    "skm_version": (c_char_p, []),
    "skm_status_name": (c_char_p, [skm_status]),
    "skm_last_error": (c_char_p, []),
    # taxonomy
    "skm_taxonomy_bundled": (skm_status, [POINTER(TaxonomyP)]),
    "skm_taxonomy_load": (skm_status, [POINTER(c_char_p), c_size_t, POINTER(TaxonomyP)]),
    "skm_taxonomy_free": (None, [TaxonomyP]),
    "skm_taxonomy_size": (skm_status, [TaxonomyP, _out_size]),
    "skm_taxonomy_concept": (skm_status, [TaxonomyP, c_char_p, _out_str, _out_str]),
    "skm_resolve_options_init": (skm_status, [POINTER(skm_resolve_options), c_size_t]),
    "skm_taxonomy_resolve": (
        skm_status,
        [TaxonomyP, c_char_p, POINTER(skm_resolve_options), POINTER(ConceptListP)],
    ),
    "skm_taxonomy_similar": (skm_status, [TaxonomyP, c_char_p, c_size_t, POINTER(ConceptListP)]),
    "skm_taxonomy_similarity": (skm_status, [TaxonomyP, c_char_p, c_char_p, _out_double]),
    "skm_concept_list_count": (skm_status, [ConceptListP, _out_size]),
    "skm_concept_list_get": (
        skm_status,
        [ConceptListP, c_size_t, _out_str, _out_str, _out_double, _out_str],
    ),
    "skm_concept_list_free": (None, [ConceptListP]),
    # extraction (text is passed with its length: bytes, not NUL-terminated)
    "skm_extract_options_init": (skm_status, [POINTER(skm_extract_options), c_size_t]),
    "skm_taxonomy_extract": (
        skm_status,
        [TaxonomyP, c_char_p, c_size_t, POINTER(skm_extract_options), POINTER(MentionsP)],
    ),
    "skm_engine_extract": (
        skm_status,
        [EngineP, c_char_p, c_size_t, POINTER(skm_extract_options), POINTER(MentionsP)],
    ),
    "skm_mentions_json": (skm_status, [MentionsP, _out_str]),
    "skm_mentions_free": (None, [MentionsP]),
    # engine
    "skm_engine_options_init": (skm_status, [POINTER(skm_engine_options), c_size_t]),
    "skm_engine_create": (skm_status, [POINTER(skm_engine_options), POINTER(EngineP)]),
    "skm_engine_free": (None, [EngineP]),
    "skm_engine_taxonomy": (skm_status, [EngineP, POINTER(TaxonomyP)]),
    "skm_engine_dimension": (skm_status, [EngineP, _out_size]),
    "skm_engine_size": (skm_status, [EngineP, skm_side, _out_size]),
    "skm_engine_upsert_json": (skm_status, [EngineP, skm_side, c_char_p, _out_size]),
    "skm_engine_remove": (skm_status, [EngineP, skm_side, c_char_p, _out_int]),
    "skm_open_options_init": (skm_status, [POINTER(skm_open_options), c_size_t]),
    "skm_engine_save": (skm_status, [EngineP, c_char_p]),
    "skm_engine_open": (skm_status, [c_char_p, POINTER(skm_open_options), POINTER(EngineP)]),
    # the gap report (SKM_EXPERIMENTAL in skillmatch.h)
    "skm_engine_gap_report": (skm_status, [EngineP, c_char_p, POINTER(ReportP)]),
    "skm_report_json": (skm_status, [ReportP, _out_str]),
    "skm_report_html": (skm_status, [ReportP, _out_str]),
    "skm_report_free": (None, [ReportP]),
    # matching
    "skm_match_options_init": (skm_status, [POINTER(skm_match_options), c_size_t]),
    "skm_engine_match_json": (
        skm_status,
        [EngineP, skm_side, c_char_p, POINTER(skm_match_options), POINTER(ResultsP)],
    ),
    "skm_engine_match_id": (
        skm_status,
        [EngineP, skm_side, c_char_p, POINTER(skm_match_options), POINTER(ResultsP)],
    ),
    "skm_engine_match_all": (
        skm_status,
        [EngineP, skm_side, POINTER(skm_match_options), POINTER(BatchP)],
    ),
    "skm_batch_count": (skm_status, [BatchP, _out_size]),
    "skm_batch_get": (skm_status, [BatchP, c_size_t, POINTER(ResultsP)]),
    "skm_batch_free": (None, [BatchP]),
    "skm_results_count": (skm_status, [ResultsP, _out_size]),
    "skm_results_query_id": (skm_status, [ResultsP, _out_str]),
    "skm_results_admitted": (skm_status, [ResultsP, _out_size]),
    "skm_results_id": (skm_status, [ResultsP, c_size_t, _out_str]),
    "skm_results_score": (skm_status, [ResultsP, c_size_t, _out_double]),
    "skm_results_explanation_json": (skm_status, [ResultsP, c_size_t, _out_str]),
    "skm_results_free": (None, [ResultsP]),
}

_lock = threading.Lock()
_library: ctypes.CDLL | None = None


def _candidates(path: str | os.PathLike[str] | None) -> list[str]:
    if path is not None:
        return [os.fspath(path)]
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return [from_env]
    names = list(STANDARD_NAMES)
    found = ctypes.util.find_library("skillmatch")
    if found:
        names.insert(0, found)
    return names


def load_library(path: str | os.PathLike[str] | None = None) -> ctypes.CDLL:
    """Loads (once per process) and returns the C library with every prototype declared.

    Raises OSError naming every place tried when the library cannot be found or lacks a symbol.
    A later call with another path returns the library already loaded.
    """
    global _library
    with _lock:
        if _library is not None:
            return _library
        tried: list[str] = []
        lib: ctypes.CDLL | None = None
        for name in _candidates(path):
            try:
                lib = ctypes.CDLL(name)
                break
            except OSError as error:
                tried.append(f"{name} ({error})")
        if lib is None:
            raise OSError(
                "skillmatch: cannot load the C library; set "
                f"{ENV_VARIABLE} to the path of libskillmatch.so. Tried: " + "; ".join(tried)
            )
        for name, (restype, argtypes) in _PROTOTYPES.items():
            try:
                function = getattr(lib, name)
            except AttributeError as error:
                raise OSError(f"skillmatch: {lib._name} has no symbol {name}: wrong or old library") from error
            function.restype = restype
            function.argtypes = argtypes
        _library = lib
        return lib


def lib() -> ctypes.CDLL:
    """The loaded library (loads it with the default search on first use)."""
    return _library if _library is not None else load_library()
