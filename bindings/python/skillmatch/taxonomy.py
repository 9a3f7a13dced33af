"""Skill taxonomies: the bundled one or native-format files; resolve free text, similar skills."""

from __future__ import annotations

import ctypes
import os
from collections.abc import Iterable
from dataclasses import dataclass

from . import _native
from ._handle import NativeHandle
from .errors import check


@dataclass(frozen=True)
class Concept:
    """A taxonomy concept: its stable id, preferred label and kind ("technology", "skill"...)."""

    id: str
    label: str
    kind: str


@dataclass(frozen=True)
class ScoredConcept:
    """One item of resolve() (score = confidence, detail = method such as "synonym") or similar()
    (score = similarity, detail = the concept's kind)."""

    id: str
    label: str
    score: float
    detail: str


@dataclass(frozen=True)
class Mention:
    """A skill mention in a text. ``start``/``end`` index the Python string (code points, end
    exclusive): ``text[m.start:m.end] == m.mention``; ``byte_start``/``byte_end`` index its UTF-8.
    ``requirement`` is "must", "nice" or "unstated"; ``years`` 0 when the text states none."""

    concept_id: str
    label: str
    mention: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    confidence: float
    requirement: str
    years: float
    ambiguous: bool
    evidence: str


def _extract(function: object, handle: object, text: str, min_confidence: float,
             ambiguous_with_context: bool) -> list[Mention]:
    """Runs skm_taxonomy_extract or skm_engine_extract and reads the mentions (via their JSON)."""
    import json

    lib = _native.lib()
    data = _encode(text, "text")
    options = _native.skm_extract_options()
    check(lib.skm_extract_options_init(ctypes.byref(options), ctypes.sizeof(options)))
    options.min_confidence = min_confidence
    options.ambiguous_with_context = 1 if ambiguous_with_context else 0
    out = _native.MentionsP()
    check(function(handle, data, len(data), ctypes.byref(options), ctypes.byref(out)))  # type: ignore[operator]
    try:
        text_json = ctypes.c_char_p()
        check(lib.skm_mentions_json(out, ctypes.byref(text_json)))
        items = json.loads(_text(text_json.value))
    finally:
        lib.skm_mentions_free(out)
    return [Mention(i["concept_id"], i["preferred_label"], i["mention"], i["start"], i["end"], i["byte_start"],
                    i["byte_end"], i["confidence"], i["requirement"], i["years"], i["ambiguous"], i["evidence"])
            for i in items]


def _text(value: bytes | None) -> str:
    return value.decode("utf-8") if value is not None else ""


def _encode(text: str, what: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    return text.encode("utf-8")


def _concept_list(handle: ctypes._Pointer) -> list[ScoredConcept]:  # type: ignore[type-arg]
    lib = _native.lib()
    try:
        count = ctypes.c_size_t()
        check(lib.skm_concept_list_count(handle, ctypes.byref(count)))
        items: list[ScoredConcept] = []
        for i in range(count.value):
            cid, label, detail = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
            score = ctypes.c_double()
            check(lib.skm_concept_list_get(handle, i, ctypes.byref(cid), ctypes.byref(label),
                                           ctypes.byref(score), ctypes.byref(detail)))
            items.append(ScoredConcept(_text(cid.value), _text(label.value), score.value, _text(detail.value)))
        return items
    finally:
        lib.skm_concept_list_free(handle)


class Taxonomy(NativeHandle):
    """An immutable skill taxonomy (with its resolver and similarity tables, built on first use).

    Use :meth:`bundled` or :meth:`load`; release with :meth:`close` or a ``with`` block (the engine
    and results keep what they need, so a taxonomy may be closed before them). Thread-safe.
    """

    _free_function = "skm_taxonomy_free"
    _what = "taxonomy"

    def __init__(self, handle: ctypes._Pointer) -> None:  # type: ignore[type-arg]
        """Wraps a handle the caller owns; use the class methods instead."""
        self._handle: ctypes._Pointer | None = handle  # type: ignore[type-arg]

    @classmethod
    def bundled(cls) -> Taxonomy:
        """The taxonomy compiled into the library (O*NET, ESCO, Stack Overflow, Japanese labels)."""
        handle = _native.TaxonomyP()
        check(_native.lib().skm_taxonomy_bundled(ctypes.byref(handle)))
        return cls(handle)

    @classmethod
    def load(cls, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Taxonomy:
        """Loads native-format taxonomy files (a directory stands for every *.tsv in it).

        Raises SkillmatchIOError, ParseError, DuplicateError, NotFoundError or CycleError naming the
        file and line.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        encoded = [os.fsencode(p) for p in paths]
        array = (ctypes.c_char_p * max(len(encoded), 1))(*encoded)
        handle = _native.TaxonomyP()
        check(_native.lib().skm_taxonomy_load(array, len(encoded), ctypes.byref(handle)))
        return cls(handle)

    def __len__(self) -> int:
        count = ctypes.c_size_t()
        check(_native.lib().skm_taxonomy_size(self._h, ctypes.byref(count)))
        return count.value

    def concept(self, concept_id: str) -> Concept:
        """The concept with this id (or alias id); NotFoundError when there is none."""
        label, kind = ctypes.c_char_p(), ctypes.c_char_p()
        check(_native.lib().skm_taxonomy_concept(self._h, _encode(concept_id, "concept_id"),
                                                 ctypes.byref(label), ctypes.byref(kind)))
        return Concept(concept_id, _text(label.value), _text(kind.value))

    def __contains__(self, concept_id: object) -> bool:
        if not isinstance(concept_id, str):
            return False
        from .errors import NotFoundError

        try:
            self.concept(concept_id)
        except NotFoundError:
            return False
        return True

    def resolve(self, text: str, max_results: int = 5, min_confidence: float = 0.5,
                fuzzy: bool = True) -> list[ScoredConcept]:
        """Readings of free skill text ("nodejs", "MS Excel", "機械学習"), best first; [] if unknown."""
        lib = _native.lib()
        options = _native.skm_resolve_options()
        check(lib.skm_resolve_options_init(ctypes.byref(options), ctypes.sizeof(options)))
        options.max_results = max_results
        options.min_confidence = min_confidence
        options.fuzzy = 1 if fuzzy else 0
        out = _native.ConceptListP()
        check(lib.skm_taxonomy_resolve(self._h, _encode(text, "text"), ctypes.byref(options), ctypes.byref(out)))
        return _concept_list(out)

    def extract(self, text: str, min_confidence: float = 0.5, ambiguous_with_context: bool = True) -> list[Mention]:
        """Skill mentions in a posting or CV (English, Japanese, mixed), in text order. Ordinary-word
        names ("Go", "Spring") are kept only with supporting context unless ambiguous_with_context is
        False. The first call builds the matcher (about a second on the bundled taxonomy)."""
        return _extract(_native.lib().skm_taxonomy_extract, self._h, text, min_confidence, ambiguous_with_context)

    def similar(self, term: str, k: int = 10) -> list[ScoredConcept]:
        """The concepts most similar to a concept id or free text, best first (at most k)."""
        out = _native.ConceptListP()
        check(_native.lib().skm_taxonomy_similar(self._h, _encode(term, "term"), k, ctypes.byref(out)))
        return _concept_list(out)

    def similarity(self, id_a: str, id_b: str) -> float:
        """sim(a, b) in [0, 1] of two concept ids (1 for the same concept)."""
        value = ctypes.c_double()
        check(_native.lib().skm_taxonomy_similarity(self._h, _encode(id_a, "id_a"), _encode(id_b, "id_b"),
                                                    ctypes.byref(value)))
        return value.value
