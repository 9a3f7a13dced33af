#!/usr/bin/env python3
"""The cross-language scenario in Python (README.md): prints `id<TAB>score` (6 decimals), best first.

Usage: scenario.py [scenario.conf]. The skillmatch package comes from PYTHONPATH (ctest sets it to
bindings/python), else from this repository's bindings/python; the library from SKILLMATCH_LIBRARY.
"""

from __future__ import annotations

import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.append(os.path.join(HERE, "..", "..", "bindings", "python"))

import skillmatch  # noqa: E402


def read_conf(path: str) -> dict[str, str]:
    conf: dict[str, str] = {}
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, sep, value = line.partition("=")
            if not sep:
                raise SystemExit(f"{path}:{number}: expected key = value")
            conf[key.strip()] = value.strip()
    return conf


def main() -> int:
    conf_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "scenario.conf")
    conf = read_conf(conf_path)
    base = os.path.dirname(os.path.abspath(conf_path))

    def text(key: str) -> str:
        with open(os.path.join(base, conf[key]), encoding="utf-8") as stream:
            return stream.read()

    if conf["taxonomy"] != "bundled":
        raise SystemExit("scenario: only taxonomy = bundled is supported")
    k = int(conf["k"])
    explain = conf["explain"] == "true"
    with skillmatch.Engine(candidate_schema=text("candidate_schema")) as engine:
        candidates = text("candidates")
        expected = sum(1 for line in candidates.splitlines() if line.strip())
        added = engine.upsert(skillmatch.Side.CANDIDATE, candidates)
        if added != expected:
            raise SystemExit(f"scenario: {added} candidates added, expected {expected}")
        results = engine.match(text("job").strip(), skillmatch.Side.JOB, k=k, filter=conf["filter"],
                               explain=explain)
        for match in results:
            if explain:
                # The explanation must account for the score: its parts' contributions add up to it.
                parts = match.explanation["parts"] if match.explanation else {}
                total = sum(part["contribution"] for part in parts.values())
                if not math.isclose(total, match.score, abs_tol=1e-4):
                    raise SystemExit(f"scenario: {match.id}: parts add up to {total}, score {match.score}")
            print(f"{match.id}\t{match.score:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
