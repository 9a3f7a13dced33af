"""Worked example (docs/bindings.md): the best candidates for one job, with what met each skill.

Run from the repository root:
    SKILLMATCH_LIBRARY=build/libskillmatch.so PYTHONPATH=bindings/python python3 bindings/python/examples/match_job.py
"""

import sys

import skillmatch
from skillmatch import Side

DATA = sys.argv[1] if len(sys.argv) > 1 else "data/sample"

with open(f"{DATA}/candidates.schema.json", encoding="utf-8") as stream:
    schema = stream.read()

job = {
    "id": "J-demo",
    "title": "Machine learning engineer",
    "skills": [
        {"name": "Python", "required": True, "years": 2},
        {"name": "機械学習", "required": True},  # Japanese labels resolve too
        "TensorFlow",
        "Docker",
        {"name": "AWS", "weight": 0.5},
    ],
}

with skillmatch.Engine(candidate_schema=schema) as engine:  # bundled taxonomy, learned vectors
    engine.upsert_file(Side.CANDIDATE, f"{DATA}/candidates.jsonl")
    try:
        results = engine.match(job, Side.JOB, k=5, filter="jlpt >= N4 and not visa_refused", explain=True)
    except skillmatch.ParseError as error:  # e.g. a typo in the filter: error.message has the position
        sys.exit(f"bad query: {error.message}")

    print(f"{results.admitted} of {engine.size(Side.CANDIDATE)} candidates passed the filter")
    for match in results:
        parts = {name: part["contribution"] for name, part in match.explanation["parts"].items()}
        print(f"{match.id}  {match.score:.3f}  {parts}")
        for requirement in match.explanation["requirements"]:
            met = requirement["matched_by"]
            by = f'{met["skill"]} (similarity {requirement["similarity"]:.2f})' if met else "nothing"
            print(f'    {requirement["skill"]:<12} met by {by}')
        if match.explanation["missing_required"]:
            print(f'    missing must-haves: {", ".join(match.explanation["missing_required"])}')
