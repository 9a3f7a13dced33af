"""Skill mentions in free text through the Python binding (real libskillmatch)."""

from __future__ import annotations

import unittest

import skillmatch


class ExtractTest(unittest.TestCase):
    taxonomy: skillmatch.Taxonomy

    @classmethod
    def setUpClass(cls) -> None:
        cls.taxonomy = skillmatch.Taxonomy.bundled()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.taxonomy.close()

    def test_japanese_posting_offsets_index_the_python_string(self) -> None:
        text = "PythonとPyTorchを用いたモデル開発経験3年以上（必須）。AWS歓迎。"
        mentions = self.taxonomy.extract(text)
        by_text = {m.mention: m for m in mentions}
        torch = by_text["PyTorch"]
        self.assertEqual(text[torch.start:torch.end], "PyTorch")
        self.assertEqual(text.encode()[torch.byte_start:torch.byte_end], b"PyTorch")
        self.assertEqual(torch.concept_id, "onet:tech:PyTorch")
        self.assertEqual((torch.requirement, torch.years), ("must", 3.0))
        self.assertEqual(by_text["AWS"].requirement, "nice")
        for m in mentions:
            self.assertEqual(text[m.start:m.end], m.mention)

    def test_ambiguous_words_need_context(self) -> None:
        with_context = self.taxonomy.extract("Backend services in Python, Go and Rust.")
        go = [m for m in with_context if m.mention == "Go"]
        self.assertEqual(len(go), 1)
        self.assertTrue(go[0].ambiguous)
        self.assertIn("list", go[0].evidence)
        self.assertEqual(self.taxonomy.extract("Let's go for a walk in the spring."), [])
        strict = self.taxonomy.extract("Backend services in Python, Go and Rust.", ambiguous_with_context=False)
        self.assertNotIn("Go", [m.mention for m in strict])

    def test_text_outside_the_bmp_and_errors(self) -> None:
        text = "🚀 Docker and Kubernetes"
        k8s = [m for m in self.taxonomy.extract(text) if m.mention == "Kubernetes"][0]
        self.assertEqual(text[k8s.start:k8s.end], "Kubernetes")
        self.assertEqual(self.taxonomy.extract("!!! ... ???"), [])
        with self.assertRaises(TypeError):
            self.taxonomy.extract(b"Python")  # type: ignore[arg-type]
        with self.assertRaises(skillmatch.InvalidArgumentError):
            self.taxonomy.extract("Python", min_confidence=2)


if __name__ == "__main__":
    unittest.main()
