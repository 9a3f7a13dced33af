"""skillmatch for Python: matching IT job seekers and jobs through libskillmatch's C ABI (ctypes).

    import skillmatch
    with skillmatch.Engine(candidate_schema=schema_text) as engine:
        engine.upsert(skillmatch.Side.CANDIDATE, candidates_jsonl)
        for match in engine.match(job, skillmatch.Side.JOB, k=10, filter="jlpt >= N3", explain=True):
            print(match.id, match.score, match.explanation["parts"])

The library is found through SKILLMATCH_LIBRARY, else the dynamic loader's standard names; call
load_library(path) first to choose it explicitly. Standard library only; no compiled extension.
"""

from __future__ import annotations

from ._native import load_library
from .engine import Engine, Match, Results, Side
from .errors import (
    CorruptError,
    CycleError,
    DimensionMismatchError,
    DuplicateError,
    InternalError,
    InvalidArgumentError,
    InvalidValueError,
    NotFoundError,
    NullArgumentError,
    OutOfMemoryError,
    ParseError,
    SkillmatchError,
    SkillmatchIOError,
)
from .taxonomy import Concept, Mention, ScoredConcept, Taxonomy

__all__ = [
    "Concept", "CorruptError", "CycleError", "DimensionMismatchError", "DuplicateError", "Engine",
    "InternalError", "InvalidArgumentError", "InvalidValueError", "Match", "Mention", "NotFoundError",
    "NullArgumentError", "OutOfMemoryError", "ParseError", "Results", "ScoredConcept", "Side",
    "SkillmatchError", "SkillmatchIOError", "Taxonomy", "load_library", "version",
]


def version() -> str:
    """"MAJOR.MINOR.PATCH" of the loaded library."""
    from . import _native

    return _native.lib().skm_version().decode("ascii")
