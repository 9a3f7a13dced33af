"""Taxonomy, version and library loading through the Python binding (real libskillmatch)."""

from __future__ import annotations

import os
import re
import unittest

import skillmatch


class TaxonomyTest(unittest.TestCase):
    taxonomy: skillmatch.Taxonomy

    @classmethod
    def setUpClass(cls) -> None:
        cls.taxonomy = skillmatch.Taxonomy.bundled()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.taxonomy.close()

    def test_version_is_semantic(self) -> None:
        self.assertRegex(skillmatch.version(), r"^\d+\.\d+\.\d+$")

    def test_bundled_taxonomy_has_concepts(self) -> None:
        self.assertGreater(len(self.taxonomy), 1000)
        python = self.taxonomy.concept("onet:tech:Python")
        self.assertEqual(python, skillmatch.Concept("onet:tech:Python", "Python", "technology"))
        self.assertIn("onet:tech:Python", self.taxonomy)
        self.assertNotIn("onet:tech:NoSuchThing", self.taxonomy)

    def test_resolve_messy_text(self) -> None:
        for text, expected in [("nodejs", "onet:tech:Node.js"), ("k8s", "onet:tech:Kubernetes"),
                               ("Pyhton", "onet:tech:Python")]:
            readings = self.taxonomy.resolve(text)
            self.assertTrue(readings, text)
            self.assertEqual(readings[0].id, expected, text)
            self.assertTrue(0 < readings[0].score <= 1)
        self.assertEqual(self.taxonomy.resolve("qwertyuiop zxcv"), [])  # unknown: empty, no error
        self.assertEqual(self.taxonomy.resolve("Pyhton", fuzzy=False), [])

    def test_japanese_label_resolves(self) -> None:
        readings = self.taxonomy.resolve("機械学習")
        self.assertTrue(readings)
        self.assertRegex(readings[0].label.lower(), "machine learning")

    def test_similar_and_similarity(self) -> None:
        neighbours = self.taxonomy.similar("PyTorch", k=5)
        self.assertLessEqual(len(neighbours), 5)
        self.assertIn("onet:tech:TensorFlow", [n.id for n in neighbours])
        scores = [n.score for n in neighbours]
        self.assertEqual(scores, sorted(scores, reverse=True))
        self.assertEqual(self.taxonomy.similarity("onet:tech:Python", "onet:tech:Python"), 1.0)
        s = self.taxonomy.similarity("onet:tech:PyTorch", "onet:tech:TensorFlow")
        self.assertTrue(0 < s < 1, s)

    def test_errors_carry_status_and_message(self) -> None:
        with self.assertRaises(skillmatch.NotFoundError) as caught:
            self.taxonomy.concept("onet:tech:NoSuchThing")
        self.assertEqual(caught.exception.status, 4)
        self.assertIn("NoSuchThing", caught.exception.message)
        with self.assertRaises(skillmatch.NotFoundError):
            self.taxonomy.similar("qwertyuiop zxcv")
        with self.assertRaises(skillmatch.InvalidArgumentError):
            self.taxonomy.similar("Python", k=0)
        with self.assertRaises(TypeError):
            self.taxonomy.concept(42)  # type: ignore[arg-type]

    def test_missing_file_is_an_io_error(self) -> None:
        with self.assertRaises(skillmatch.SkillmatchIOError) as caught:
            skillmatch.Taxonomy.load("/nonexistent/taxonomy.tsv")
        self.assertIsInstance(caught.exception, OSError)
        self.assertIn("/nonexistent/taxonomy.tsv", caught.exception.message)

    def test_context_manager_closes(self) -> None:
        with skillmatch.Taxonomy.bundled() as taxonomy:
            self.assertGreater(len(taxonomy), 0)
        with self.assertRaises(ValueError):
            len(taxonomy)
        taxonomy.close()  # idempotent

    def test_library_comes_from_the_environment(self) -> None:
        path = os.environ.get("SKILLMATCH_LIBRARY")
        if not path:
            self.skipTest("SKILLMATCH_LIBRARY not set")
        from skillmatch import _native

        self.assertEqual(_native.load_library()._name, path)
        self.assertTrue(re.search(r"libskillmatch\.so", path))


if __name__ == "__main__":
    unittest.main()
