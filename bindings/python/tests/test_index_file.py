"""Engine.save / Engine.open through the Python binding: same results, writers after open, damage."""

from __future__ import annotations

import json
import os
import tempfile
import unittest

import skillmatch
from skillmatch import Side

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def read(*parts: str) -> str:
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as stream:
        return stream.read()


CANDIDATES = [json.loads(line) for line in read("tests", "scenario", "candidates.jsonl").splitlines()[:200]]
SCHEMA = read("tests", "scenario", "candidates.schema.json")
JOBS = [json.loads(line) for line in read("data", "sample", "jobs.jsonl").splitlines()[:10]]
JOB_SCHEMA = read("data", "sample", "jobs.schema.json")


class IndexFileTest(unittest.TestCase):
    def test_save_open_same_results_then_writers_and_damage(self) -> None:
        with tempfile.TemporaryDirectory() as tmp, \
                skillmatch.Engine(candidate_schema=SCHEMA, job_schema=JOB_SCHEMA, threads=2) as engine:
            engine.upsert(Side.CANDIDATE, CANDIDATES)
            engine.upsert(Side.JOB, JOBS)
            path = os.path.join(tmp, "portal.skm")
            engine.save(path)
            with skillmatch.Engine.open(path, threads=2) as opened:
                self.assertEqual(opened.size(Side.CANDIDATE), 200)
                self.assertEqual(opened.dimension, engine.dimension)
                for job in JOBS[:5]:
                    want = engine.match(job, Side.JOB, k=5, filter="jlpt >= N4")
                    got = opened.match(job, Side.JOB, k=5, filter="jlpt >= N4")
                    self.assertEqual([(m.id, m.score) for m in want], [(m.id, m.score) for m in got])
                self.assertTrue(opened.remove(Side.CANDIDATE, CANDIDATES[0]["id"]))
                opened.upsert(Side.CANDIDATE, {"id": "NEW1", "skills": ["Python"]})
                self.assertEqual(opened.size(Side.CANDIDATE), 200)
                opened.save(path)  # over the file it was opened from
            with skillmatch.Engine.open(path, verify_checksums=False) as again:
                self.assertEqual(again.size(Side.CANDIDATE), 200)
            with open(path, "rb") as stream:
                data = bytearray(stream.read())
            bad = os.path.join(tmp, "bad.skm")
            with open(bad, "wb") as stream:
                stream.write(data[: len(data) // 3])
            with self.assertRaises(skillmatch.CorruptError) as caught:
                skillmatch.Engine.open(bad)
            self.assertIn("truncated", str(caught.exception))
            data[len(data) // 2] ^= 0x01
            with open(bad, "wb") as stream:
                stream.write(data)
            with self.assertRaises(skillmatch.CorruptError) as caught:
                skillmatch.Engine.open(bad)
            self.assertIn("at offset", str(caught.exception))
            with self.assertRaises(skillmatch.SkillmatchIOError):
                skillmatch.Engine.open(os.path.join(tmp, "absent.skm"))


if __name__ == "__main__":
    unittest.main()
