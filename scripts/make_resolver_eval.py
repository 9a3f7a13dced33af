#!/usr/bin/env python3
"""Builds the resolver evaluation sets benchmarks/quality/resolver/english_{dev,test}.tsv.

usage: scripts/make_resolver_eval.py /work/shared/data [--out benchmarks/quality/resolver]

Each line is `input<TAB>expected<TAB>set`: expected is a concept id, `=English name` (the concept that
name resolves to, for noisy forms of a name) or `?` (only whether the input resolves at all counts:
ESCO occupation-profile labels, whose ids the profiles do not give). Sets:
  esco_pref      preferred labels of ESCO skills in the digital, transversal and digComp collections
  esco_alt       their alternative labels (expected: the skill's URI)
  esco_profile   skill labels named by ESCO occupation profiles (expected `?`)
  onet_case / onet_vendor / onet_typo / onet_fullwidth / onet_spacing
                 O*NET technology example names with one resume-style noise each (expected `=name`)
  so_synonym     Stack Overflow tag synonyms (expected `=canonical tag`)
Dev/test split by concept: crc32 of the expected value (the concept) modulo 10; 0-2 are test, 3-9
dev, so every form of one concept is on one side. Deterministic: the same data gives the same files.
Tune on english_dev.tsv only; report english_test.tsv.
"""
import csv
import random
import sys
import zlib
from pathlib import Path

PER_SET = {"dev": 700, "test": 300}  # at most this many lines per set and split


def split_of(expected):
    return "test" if zlib.crc32(expected.encode()) % 10 < 3 else "dev"


def full_width(s):
    return "".join("\u3000" if c == " " else chr(0xFF01 + ord(c) - 0x21) if 0x21 <= ord(c) <= 0x7E else c for c in s)


def typo(s, rng):
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(s) < 8 or len(letters) < 4:
        return None
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(3)
    if kind == 0:
        return s[:i] + s[i + 1:]  # deletion
    if kind == 1 and i + 1 < len(s) and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]  # transposition
    return s[:i] + s[i] + s[i:]  # doubled letter


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = Path(sys.argv[1])
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else Path("benchmarks/quality/resolver")
    rng = random.Random(20261202)
    rows = []  # (input, expected, set)

    esco = data / "raw" / "esco"
    for name in ("digitalSkillsCollection_en.csv", "transversalSkillsCollection_en.csv", "digCompSkillsCollection_en.csv"):
        with open(esco / name, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                uri = r["conceptUri"]
                rows.append((r["preferredLabel"], uri, "esco_pref"))
                for alt in r["altLabels"].replace("\n", "|").split("|"):
                    alt = alt.strip()
                    if alt and alt != r["preferredLabel"]:
                        rows.append((alt, uri, "esco_alt"))
    seen = set()
    with open(esco / "esco_occupation_profiles.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            for col in ("essential_skill_labels", "optional_skill_labels"):
                for label in r[col].split("|"):
                    if label and label not in seen:
                        seen.add(label)
                        rows.append((label, "?", "esco_profile"))

    # O*NET technology names: the vendor is a first word that starts at least five names.
    names = []
    with open(data / "it" / "onet_technology_catalog.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            names.append(r["example"])
    first = {}
    for n in names:
        w = n.split()
        if len(w) >= 2:
            first[w[0]] = first.get(w[0], 0) + 1

    def vendor_dropped(n):
        # The vendor: a first word starting at least five names, extended while every name (at least
        # three) that starts like it goes on with the same word ("Turtle Creek Software"). What remains
        # must look like a product name: one word, or a word with an inner capital or a digit
        # ("Visual Studio" without "Microsoft" is two ordinary words, not a name).
        w = n.split()
        if len(w) < 2 or first.get(w[0], 0) < 5:
            return None
        drop = 1
        while drop + 1 < len(w):
            same = [m.split() for m in names if m.split()[:drop] == w[:drop] and len(m.split()) > drop]
            if len(same) >= 3 and all(x[drop] == w[drop] for x in same):
                drop += 1
            else:
                break
        rest = w[drop:]
        if not rest[0][:1].isupper() and not rest[0][:1].isdigit():
            return None
        if len(rest) > 1 and not any(any(c.isupper() or c.isdigit() for c in x[1:]) or x[:1].isdigit() for x in rest):
            return None
        return " ".join(rest)

    for n in names:
        expected = "=" + n
        w = n.split()
        rows.append((rng.choice([n.lower(), n.upper(), n.swapcase()]), expected, "onet_case"))
        v = vendor_dropped(n)
        if v:
            rows.append((v, expected, "onet_vendor"))
        t = typo(n, rng)
        if t:
            rows.append((t, expected, "onet_typo"))
        rows.append((full_width(n), expected, "onet_fullwidth"))
        if len(w) >= 2:
            rows.append((rng.choice(["-", "_", "", "  "]).join(w), expected, "onet_spacing"))

    with open(data / "it" / "so_tag_synonyms.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.append((r["synonym"], "=" + r["canonical_tag"], "so_synonym"))

    by = {}
    for inp, exp, s in rows:
        if "\t" in inp or "\n" in inp or not inp.strip():
            continue
        by.setdefault((s, split_of(exp if exp != "?" else inp)), []).append((inp, exp, s))
    out.mkdir(parents=True, exist_ok=True)
    for split in ("dev", "test"):
        lines = []
        for (s, sp), items in sorted(by.items()):
            if sp != split:
                continue
            items = sorted(set(items))
            random.Random(f"{s}/{sp}").shuffle(items)
            lines += ["\t".join(x) for x in sorted(items[: PER_SET[split]])]
        header = ["# input\texpected\tset  (generated by scripts/make_resolver_eval.py from ESCO 1.2, O*NET 29.3, "
                  "Stack Overflow; see docs/resolver-evaluation.md)"]
        (out / f"english_{split}.tsv").write_text("\n".join(header + lines) + "\n", encoding="utf-8")
        print(f"english_{split}.tsv: {len(lines)} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
