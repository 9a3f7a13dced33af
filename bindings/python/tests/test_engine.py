"""The Python binding against the real libskillmatch (SKILLMATCH_LIBRARY, set by ctest).

Data: tests/scenario/ (the first 1,000 sample candidates and their schema) and data/sample/jobs.jsonl.
"""

from __future__ import annotations

import json
import math
import os
import threading
import unittest

import skillmatch
from skillmatch import Side

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SCENARIO = os.path.join(ROOT, "tests", "scenario")


def read(*parts: str) -> str:
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as stream:
        return stream.read()


CANDIDATES = [json.loads(line) for line in read("tests", "scenario", "candidates.jsonl").splitlines()[:300]]
BY_ID = {c["id"]: c for c in CANDIDATES}
SCHEMA = read("tests", "scenario", "candidates.schema.json")
JOBS = [json.loads(line) for line in read("data", "sample", "jobs.jsonl").splitlines()[:20]]
JOB_SCHEMA = read("data", "sample", "jobs.schema.json")


class EngineTest(unittest.TestCase):
    engine: skillmatch.Engine

    @classmethod
    def setUpClass(cls) -> None:
        # Learning the skill vectors takes seconds: one engine for the whole class.
        cls.engine = skillmatch.Engine(candidate_schema=SCHEMA, job_schema=json.loads(JOB_SCHEMA), threads=2)
        cls.engine.upsert(Side.CANDIDATE, CANDIDATES)  # an iterable of dicts
        cls.engine.upsert(Side.JOB, "\n".join(json.dumps(j) for j in JOBS))  # JSONL text

    @classmethod
    def tearDownClass(cls) -> None:
        cls.engine.close()

    def test_gap_report_figures_and_page(self) -> None:
        figures, html = self.engine.gap_report(groups=["degree"])
        self.assertEqual(figures["candidates"], self.engine.size(Side.CANDIDATE))
        skill = figures["skills"][0]
        for key in ("concept_id", "label", "demand", "supply", "ratio"):
            self.assertIn(key, skill)
        self.assertEqual([a["id"] for a in figures["areas"]], ["ai", "animation", "cloud", "programming", "other"])
        self.assertEqual(figures["exposure"]["attributes"][0]["attribute"], "degree")
        self.assertTrue(html.startswith("<!DOCTYPE html>") and "<svg" in html)
        self.assertIsNone(self.engine.gap_report()[0]["exposure"])
        with self.assertRaises(skillmatch.SkillmatchError) as caught:
            self.engine.gap_report(groups=["shoe_size"])
        self.assertIn("shoe_size", str(caught.exception))

    def test_sizes_and_dimension(self) -> None:
        self.assertEqual(self.engine.size(Side.CANDIDATE), len(CANDIDATES))
        self.assertEqual(self.engine.size(Side.JOB), len(JOBS))
        self.assertEqual(self.engine.dimension, 128)

    def test_match_returns_best_first_with_filter_applied(self) -> None:
        results = self.engine.match(JOBS[0], Side.JOB, k=7, filter="years_experience >= 3 and not visa_refused")
        self.assertIsInstance(results, skillmatch.Results)
        self.assertEqual(results.query_id, JOBS[0]["id"])
        self.assertEqual(len(results), 7)
        expected_admitted = sum(1 for c in CANDIDATES if c["attributes"].get("years_experience", 0) >= 3
                                and not c["attributes"].get("visa_refused", False))
        self.assertEqual(results.admitted, expected_admitted)
        scores = [m.score for m in results]
        self.assertEqual(scores, sorted(scores, reverse=True))
        for match in results:  # iterable of Match objects
            self.assertIsInstance(match, skillmatch.Match)
            attributes = BY_ID[match.id]["attributes"]
            self.assertGreaterEqual(attributes["years_experience"], 3)
            self.assertFalse(attributes.get("visa_refused", False))
            self.assertTrue(0.0 < match.score <= 1.0)
            self.assertIsNone(match.explanation)
        self.assertEqual(results[0], list(results)[0])

    def test_explanations_are_parsed_and_account_for_the_score(self) -> None:
        results = self.engine.match(JOBS[1], Side.JOB, k=3, filter="remote_ok", explain=True)
        self.assertEqual(len(results), 3)
        for match in results:
            explanation = match.explanation
            assert explanation is not None
            self.assertEqual(explanation["id"], match.id)
            total = sum(part["contribution"] for part in explanation["parts"].values())
            self.assertTrue(math.isclose(total, match.score, abs_tol=1e-5), (total, match.score))
            # Requirements come from the job's skills, in the job's order (skills that resolve to
            # the same concept, like "openstack" and "open_stack", count once).
            texts = [s if isinstance(s, str) else s["name"] for s in JOBS[1]["skills"]]
            found = [r["skill"] for r in explanation["requirements"]]
            self.assertTrue(found)
            self.assertEqual(found, [t for t in texts if t in found])
            self.assertIn("filter", explanation)

    def test_match_id_and_reverse_direction(self) -> None:
        by_id = self.engine.match_id(Side.JOB, JOBS[0]["id"], k=5)
        by_json = self.engine.match(JOBS[0], Side.JOB, k=5)
        self.assertEqual([m.id for m in by_id], [m.id for m in by_json])
        # The stored vector and a freshly embedded one may differ in the last float bit.
        for a, b in zip(by_id, by_json):
            self.assertAlmostEqual(a.score, b.score, places=5)
        jobs = self.engine.match(CANDIDATES[0], Side.CANDIDATE, k=4, filter="visa_sponsorship")
        job_ids = {j["id"]: j for j in JOBS}
        self.assertEqual(len(jobs), 4)
        for match in jobs:
            self.assertTrue(job_ids[match.id]["attributes"]["visa_sponsorship"])

    def test_match_all_gives_one_result_set_per_stored_query(self) -> None:
        everything = self.engine.match_all(Side.JOB, k=2)
        self.assertEqual([r.query_id for r in everything], [j["id"] for j in JOBS])
        single = self.engine.match_id(Side.JOB, JOBS[3]["id"], k=2)
        self.assertEqual([m.id for m in everything[3]], [m.id for m in single])

    def test_preferences_and_weights_change_the_ranking_inputs(self) -> None:
        plain = self.engine.match(JOBS[0], Side.JOB, k=5, explain=True)
        preferring = self.engine.match(JOBS[0], Side.JOB, k=5, explain=True,
                                       preferences={"location = \"Lahore\"": 1.0}, weight_preferences=0.5)
        self.assertNotIn("preferences", plain[0].explanation["parts"])  # type: ignore[index]
        self.assertIn("preferences", preferring[0].explanation["parts"])  # type: ignore[index]

    def test_upsert_replaces_and_remove_deletes(self) -> None:
        with skillmatch.Engine(candidate_schema=SCHEMA, threads=1) as engine:
            self.assertEqual(engine.upsert(Side.CANDIDATE, CANDIDATES[:3]), 3)
            self.assertEqual(engine.upsert(Side.CANDIDATE, CANDIDATES[0]), 1)  # same id: replaced
            self.assertEqual(engine.size(Side.CANDIDATE), 3)
            self.assertTrue(engine.remove(Side.CANDIDATE, CANDIDATES[0]["id"]))
            self.assertFalse(engine.remove(Side.CANDIDATE, CANDIDATES[0]["id"]))
            self.assertEqual(engine.size(Side.CANDIDATE), 2)
            ids = {m.id for m in engine.match(JOBS[0], Side.JOB, k=10)}
            self.assertEqual(ids, {CANDIDATES[1]["id"], CANDIDATES[2]["id"]})

    def test_concurrent_matches_agree_with_a_serial_one(self) -> None:
        expected = [(m.id, m.score) for m in self.engine.match(JOBS[2], Side.JOB, k=5)]
        seen: list[list[tuple[str, float]]] = []
        errors: list[BaseException] = []

        def worker() -> None:
            try:
                for _ in range(3):
                    seen.append([(m.id, m.score) for m in self.engine.match(JOBS[2], Side.JOB, k=5)])
            except BaseException as error:  # reported by the main thread
                errors.append(error)

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(seen), 12)
        for one in seen:
            self.assertEqual(one, expected)


class ErrorTest(unittest.TestCase):
    engine: skillmatch.Engine

    @classmethod
    def setUpClass(cls) -> None:
        cls.engine = skillmatch.Engine(candidate_schema=SCHEMA, threads=1)
        cls.engine.upsert(Side.CANDIDATE, CANDIDATES[:20])

    @classmethod
    def tearDownClass(cls) -> None:
        cls.engine.close()

    def test_bad_filter_is_a_parse_error_with_status_and_position(self) -> None:
        with self.assertRaises(skillmatch.ParseError) as caught:
            self.engine.match(JOBS[0], Side.JOB, filter="years_experience >=")
        error = caught.exception
        self.assertIsInstance(error, skillmatch.SkillmatchError)
        self.assertIsInstance(error, ValueError)
        self.assertEqual(error.status, 2)
        self.assertEqual(error.status_name, "parse_error")
        self.assertIn("position", error.message)
        self.assertIn(error.message, str(error))

    def test_unknown_filter_attribute_is_not_found(self) -> None:
        with self.assertRaises(skillmatch.NotFoundError) as caught:
            self.engine.match(JOBS[0], Side.JOB, filter="jlpt_level >= N3")
        self.assertIsInstance(caught.exception, LookupError)
        self.assertIn("jlpt_level", caught.exception.message)

    def test_malformed_profile_json_names_the_problem(self) -> None:
        # A misspelt field is refused, naming it (the C ABI reports it as invalid_argument).
        with self.assertRaises(skillmatch.SkillmatchError) as caught:
            self.engine.match('{"id": "J1", "skils": ["Python"]}', Side.JOB)
        self.assertIsInstance(caught.exception, ValueError)
        self.assertIn("skils", caught.exception.message)
        with self.assertRaises(skillmatch.ParseError):
            self.engine.upsert(Side.CANDIDATE, '{"id": "X1", "skills": [')
        self.assertEqual(self.engine.size(Side.CANDIDATE), 20)  # a parse error adds nothing

    def test_repeated_id_within_one_upsert_is_a_duplicate(self) -> None:
        with self.assertRaises(skillmatch.DuplicateError) as caught:
            self.engine.upsert(Side.CANDIDATE, [CANDIDATES[0], CANDIDATES[0]])
        self.assertIn(CANDIDATES[0]["id"], caught.exception.message)

    def test_undeclared_attribute_is_not_found(self) -> None:
        profile = {"id": "X2", "skills": ["Python"], "attributes": {"shoe_size": 42}}
        with self.assertRaises(skillmatch.NotFoundError):
            self.engine.upsert(Side.CANDIDATE, profile)

    def test_unknown_stored_id_is_not_found(self) -> None:
        with self.assertRaises(skillmatch.NotFoundError):
            self.engine.match_id(Side.JOB, "no-such-job")

    def test_k_must_be_positive(self) -> None:
        with self.assertRaises(ValueError):
            self.engine.match(JOBS[0], Side.JOB, k=0)
        with self.assertRaises(ValueError):
            self.engine.match(JOBS[0], Side.JOB, k=-1)
        with self.assertRaises(skillmatch.InvalidArgumentError):
            self.engine.match(JOBS[0], Side.JOB, k=2_000_000)  # above SKM_MAX_K: the library says no

    def test_bad_schema_fails_at_creation(self) -> None:
        with self.assertRaises(skillmatch.ParseError):
            skillmatch.Engine(candidate_schema="{not json")

    def test_unknown_option_is_a_type_error(self) -> None:
        with self.assertRaises(TypeError):
            self.engine.match(JOBS[0], Side.JOB, colour="blue")

    def test_closed_engine_refuses_use(self) -> None:
        engine = skillmatch.Engine(candidate_schema=SCHEMA, threads=1)
        with engine as same:
            self.assertIs(same, engine)
        with self.assertRaises(ValueError):
            engine.size(Side.CANDIDATE)
        engine.close()  # idempotent


if __name__ == "__main__":
    unittest.main()
