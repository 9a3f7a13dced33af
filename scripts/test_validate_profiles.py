#!/usr/bin/env python3
"""Tests of scripts/validate_profiles.py against the rules of docs/profiles.md, and of the committed sample
data. Run from the repository root:  python3 scripts/test_validate_profiles.py
"""
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(ROOT, "scripts", "validate_profiles.py")
CAND_SCHEMA = os.path.join(ROOT, "data", "sample", "candidates.schema.json")
JOB_SCHEMA = os.path.join(ROOT, "data", "sample", "jobs.schema.json")


def run(text, *extra, schema=CAND_SCHEMA, raw=None):
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as f:
        f.write(raw if raw is not None else text.encode("utf-8"))
        path = f.name
    try:
        p = subprocess.run([sys.executable, VALIDATOR, path, "--schema", schema, *extra],
                           capture_output=True, text=True)
        return p.returncode, p.stdout, p.stderr.replace(path, "F")
    finally:
        os.unlink(path)


GOOD = '{"id": "C1", "skills": ["Python", {"name": "AWS", "years": 3}], "attributes": {"jlpt": "N2"}}\n'


class BadLines(unittest.TestCase):
    def assert_bad(self, line, fragment, lineno=2):
        rc, _, err = run(GOOD + line + "\n")
        self.assertEqual(rc, 1, err)
        self.assertIn(f"F:{lineno}: ", err)
        self.assertIn(fragment, err)

    def test_good_line_passes(self):
        rc, out, err = run(GOOD + "\n   \n")
        self.assertEqual(rc, 0, err)
        self.assertIn("1 valid profiles, 0 bad lines", out)

    def test_duplicate_id_names_first_line(self):
        self.assert_bad('{"id": "C1", "skills": ["Go"]}', "repeats the id of line 1")

    def test_years_and_level_together(self):
        self.assert_bad('{"id": "C2", "skills": [{"name": "Go", "years": 2, "level": 3}]}', "not both")

    def test_undeclared_attribute(self):
        self.assert_bad('{"id": "C2", "skills": ["Go"], "attributes": {"shoe_size": 42}}', "not declared")

    def test_ordinal_outside_scale(self):
        self.assert_bad('{"id": "C2", "skills": ["Go"], "attributes": {"jlpt": "N6"}}', "'N6' is not one of")

    def test_boolean_as_string(self):
        self.assert_bad('{"id": "C2", "skills": ["Go"], "attributes": {"remote_ok": "yes"}}', "boolean expected")

    def test_weight_must_be_positive(self):
        self.assert_bad('{"id": "C2", "skills": [{"name": "Go", "weight": 0}]}', "positive number")

    def test_level_range(self):
        self.assert_bad('{"id": "C2", "skills": [{"name": "Go", "level": 6}]}', "from 1 to 5")

    def test_unknown_field(self):
        self.assert_bad('{"id": "C2", "skils": ["Go"]}', "unknown field 'skils'")

    def test_unknown_skill_key(self):
        self.assert_bad('{"id": "C2", "skills": [{"name": "Go", "must": true}]}', "unknown key 'must'")

    def test_invalid_json(self):
        self.assert_bad('{"id": "C2", "skills": ["Go"]', "invalid JSON")

    def test_nan(self):
        self.assert_bad('{"id": "C2", "skills": ["Go"], "attributes": {"years_experience": NaN}}', "NaN")

    def test_duplicate_key(self):
        self.assert_bad('{"id": "C2", "skills": ["Go"], "id": "C3"}', "duplicate key 'id'")

    def test_no_skills_no_vector(self):
        self.assert_bad('{"id": "C2", "skills": []}', "neither skills nor a vector")

    def test_vector_dimension(self):
        text = '{"id": "V1", "vector": [1, 2]}\n{"id": "V2", "vector": [1, 2, 3]}\n'
        rc, _, err = run(text)
        self.assertEqual(rc, 1)
        self.assertIn("F:2: 'vector' has 3 numbers, line 1 had 2", err)

    def test_not_utf8(self):
        rc, _, err = run(None, raw=GOOD.encode() + b'{"id": "C2", "skills": ["\xff"]}\n')
        self.assertEqual(rc, 1)
        self.assertIn("F:2: not UTF-8", err)

    def test_null_is_absent_and_annotations_ignored(self):
        rc, _, err = run('{"id": "C2", "skills": ["Go"], "attributes": {"jlpt": null}, "_x": [1]}\n')
        self.assertEqual(rc, 0, err)

    def test_skip_bad_counts_and_reports_every_bad_line(self):
        text = GOOD + '{"id": "C1", "skills": ["Go"]}\n{"id": "C3", "skills": ["Go"]}\n{"id": "C4", "skills": [1]}\n'
        rc, out, err = run(text, "--skip-bad")
        self.assertEqual(rc, 0)
        self.assertIn("2 valid profiles, 2 bad lines skipped", out)
        self.assertIn("F:2: ", err)
        self.assertIn("F:4: ", err)


class SampleData(unittest.TestCase):
    def check(self, name, schema, expected):
        path = os.path.join(ROOT, "data", "sample", name)
        p = subprocess.run([sys.executable, VALIDATOR, path, "--schema", schema], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"{expected} valid profiles, 0 bad lines", p.stdout)

    def test_jobs(self):
        self.check("jobs.jsonl", JOB_SCHEMA, 300)

    def test_candidates(self):
        self.check("candidates.jsonl", CAND_SCHEMA, 2000)


if __name__ == "__main__":
    unittest.main()
