#!/usr/bin/env python3
"""Builds the matching evaluation sets under benchmarks/quality/matching/ from the raw public data.

    python3 scripts/make_matching_eval.py --data /work/shared/data --out benchmarks/quality/matching

Two sets, each a pair of profile JSONL files (docs/profiles.md) plus the occupation each profile was
drawn from (`_occupation`, the relevance label: a job and a candidate are relevant to each other when
they come from the same occupation) and its split (`_split`, dev or test):

  onet/  O*NET-named profiles. Jobs: two per O*NET IT occupation (the occupations the bundled taxonomy
         carries), 10-15 of the occupation's technologies as O*NET names them, drawn with hot /
         in-demand technologies favoured, the first 3-4 drawn as must-haves, plus 0-2 of the
         occupation's most important O*NET skills as nice-to-haves. Candidates: 10 per IT occupation,
         5-12 of its technologies written as resumes write them (see noisy_name: lower/upper case,
         vendor word dropped, a Stack Overflow tag synonym, a typo, a version number), some skills
         left out, 0-2 extra skills of any occupation, years on some skills; and distractor
         candidates drawn the same way from non-IT occupations (none of them relevant to any job).
  esco/  ESCO-named profiles. Jobs: one per ESCO ICT occupation (ISCO 25xx, 35xx, 133x) with at least
         8 skills: up to 6 essential skills as must-haves, then essential and optional ones up to 15
         as nice-to-haves, as ESCO labels them. Candidates: 6 per ICT occupation, 5-12 of its essential
         and optional skills, written with an alternative ESCO label where the data has one (the digital,
         transversal and DigComp collections and the skill groups carry them), some lower-cased, some
         extra skills; distractors from non-ICT occupations.

Split rule (both sets): an occupation is in the test split when the first byte of md5(occupation id)
is odd, else dev. Every profile of an occupation (jobs, candidates, distractors) is in its
occupation's split; a split is evaluated on its own jobs against its own candidates. Weights are fitted
on dev only.

No titles: profiles carry skills only, so the figures measure skill matching, not title look-up.
Deterministic: one seed (--seed), sorted inputs; rerunning gives the same bytes.
Only this script reads the shared data; the outputs are committed, so the build never needs it.
Sources and licences: O*NET 29.3 (CC BY 4.0), ESCO v1.2.0 (Decision 2011/833/EU), Stack Overflow tag
synonyms (CC BY-SA 4.0): benchmarks/quality/matching/README.md.
"""
import argparse
import csv
import hashlib
import json
import os
import random
import sys

csv.field_size_limit(sys.maxsize)

# The O*NET IT occupations: the ones the bundled taxonomy carries (src/loaders, docs/loaders.md).
ONET_IT_PREFIXES = ("15-1", "15-2")
ONET_IT_EXTRA = {"11-3021.00", "17-2061.00", "17-2199.08", "25-1021.00", "27-1014.00", "27-1024.00",
                 "49-2011.00"}


def split_of(occupation_id):
    return "test" if hashlib.md5(occupation_id.encode()).digest()[0] % 2 else "dev"


def onet_is_it(code):
    return code.startswith(ONET_IT_PREFIXES) or code in ONET_IT_EXTRA


def esco_is_ict(isco):
    return isco.startswith(("25", "35", "133"))


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


# ---------------------------------------------------------------------------------------------------
# Resume-style noise

def typo(name, rng):
    """Swaps two neighbouring letters or drops one, inside a long word."""
    if len(name) < 7:
        return name
    i = rng.randrange(1, len(name) - 2)
    if not (name[i].isalpha() and name[i + 1].isalpha()):
        return name
    if rng.random() < 0.5:
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    return name[:i] + name[i + 1:]


def noisy_name(name, rng, synonyms):
    """One rendering of a skill name the way people write it on a resume."""
    r = rng.random()
    if r < 0.25:
        return name.lower()
    if r < 0.32:
        return name.upper() if len(name) <= 6 else name
    if r < 0.45:  # the vendor word dropped ("Microsoft Excel" -> "Excel")
        words = name.split(" ")
        return " ".join(words[1:]) if len(words) > 1 and len(" ".join(words[1:])) > 3 else name
    if r < 0.55:  # a synonym people use, from Stack Overflow's tag synonyms
        key = name.lower().replace(" ", "-")
        if key in synonyms:
            return rng.choice(synonyms[key])
        return name.lower()
    if r < 0.63:
        return typo(name, rng)
    if r < 0.67 and len(name.split(" ")) == 1:  # a version number
        return name + " " + str(rng.randint(2, 12))
    return name


def skill_entry(text, required=False, years=None):
    if not required and years is None:
        return text
    e = {"name": text}
    if required:
        e["required"] = True
    if years is not None:
        e["years"] = years
    return e


def weighted_sample(items, weights, n, rng):
    """n distinct items drawn without replacement, probability proportional to weight."""
    items, weights = list(items), list(weights)
    out = []
    while items and len(out) < n:
        total = sum(weights)
        x = rng.random() * total
        acc = 0.0
        for i, w in enumerate(weights):
            acc += w
            if acc >= x:
                break
        out.append(items.pop(i))
        weights.pop(i)
    return out


def candidate_skills(names, weights, rng, synonyms, extras_pool, noise=True):
    """A candidate's skills: a weighted subset of the occupation's, noisy, with extra skills."""
    n = rng.randint(5, 12)
    chosen = weighted_sample(names, weights, n, rng)
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        extra = rng.choice(extras_pool)
        if extra not in chosen:
            chosen.insert(rng.randrange(len(chosen) + 1), extra)
    skills = []
    for name in chosen:
        text = noisy_name(name, rng, synonyms) if noise else name
        years = round(rng.choice([0.5, 1, 2, 3, 4, 5, 7]) * 1.0, 1) if rng.random() < 0.3 else None
        skills.append(skill_entry(text, years=years))
    return skills


# ---------------------------------------------------------------------------------------------------
# O*NET set

def build_onet(data, rng, synonyms):
    onet = os.path.join(data, "raw", "onet")
    techs = {}  # code -> [(example, weight)]
    for r in read_tsv(os.path.join(onet, "Technology Skills.txt")):
        w = 1.0 + 2.0 * (r["Hot Technology"] == "Y") + 2.0 * (r["In Demand"] == "Y")
        techs.setdefault(r["O*NET-SOC Code"], []).append((r["Example"], w))
    skills = {}  # code -> [(element name, importance)]
    for r in read_tsv(os.path.join(onet, "Skills.txt")):
        if r["Scale ID"] == "IM":
            skills.setdefault(r["O*NET-SOC Code"], []).append((r["Element Name"], float(r["Data Value"])))
    codes = sorted(c for c, t in techs.items() if len(t) >= 10)
    it = [c for c in codes if onet_is_it(c)]
    non_it = [c for c in codes if not onet_is_it(c)]
    # Extra skills a resume adds: any occupation's technology, as often as occupations list it.
    pool = sorted(e for c in codes for e, _ in techs[c])

    jobs, cands = [], []
    for code in it:
        names = [e for e, _ in techs[code]]
        weights = [w for _, w in techs[code]]
        split = split_of("onet:" + code)
        top_skills = [s for s, _ in sorted(skills.get(code, []), key=lambda x: (-x[1], x[0]))[:6]]
        for j in range(2):
            chosen = weighted_sample(names, weights, rng.randint(10, 15), rng)
            musts = rng.randint(3, 4)
            entries = [skill_entry(n, required=i < musts) for i, n in enumerate(chosen)]
            entries += rng.sample(top_skills, min(len(top_skills), rng.randint(0, 2)))
            jobs.append({"id": f"J-{code}-{j}", "skills": entries, "_occupation": "onet:" + code, "_split": split})
        for k in range(10):
            s = candidate_skills(names, weights, rng, synonyms, pool)
            if rng.random() < 0.3 and top_skills:
                s.append(rng.choice(top_skills))
            cands.append({"id": f"C-{code}-{k}", "skills": s, "_occupation": "onet:" + code, "_split": split})
    for code in sorted(rng.sample(non_it, min(240, len(non_it)))):
        names = [e for e, _ in techs[code]]
        weights = [w for _, w in techs[code]]
        cands.append({"id": f"D-{code}", "skills": candidate_skills(names, weights, rng, synonyms, pool),
                      "_occupation": "onet:" + code, "_split": split_of("onet:" + code)})
    return jobs, cands


# ---------------------------------------------------------------------------------------------------
# ESCO set

def esco_alt_labels(esco):
    """preferred label -> alternative labels, from the files that carry them."""
    alts = {}
    for fname in ("digitalSkillsCollection_en.csv", "transversalSkillsCollection_en.csv",
                  "digCompSkillsCollection_en.csv", "skillGroups_en.csv"):
        path = os.path.join(esco, fname)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                labels = [a.strip() for a in (r.get("altLabels") or "").replace("\n", "|").split("|") if a.strip()]
                if labels and r.get("preferredLabel"):
                    alts[r["preferredLabel"]] = sorted(set(labels))
    return alts


def esco_name(label, rng, alts):
    r = rng.random()
    if label in alts and r < 0.5:
        return rng.choice(alts[label])
    if r < 0.65:
        return label.lower()
    if r < 0.7:
        return typo(label, rng)
    return label


def build_esco(data, rng):
    esco = os.path.join(data, "raw", "esco")
    alts = esco_alt_labels(esco)
    occ = []
    for r in read_tsv(os.path.join(esco, "esco_occupation_profiles.tsv")):
        ess = [s for s in r["essential_skill_labels"].split("|") if s]
        opt = [s for s in r["optional_skill_labels"].split("|") if s]
        if len(ess) + len(opt) >= 8 and ess:
            occ.append((r["occupation_uri"], r["isco_code"], ess, opt))
    occ.sort()
    ict = [o for o in occ if esco_is_ict(o[1])]
    non_ict = [o for o in occ if not esco_is_ict(o[1])]
    pool = sorted({s for o in occ for s in o[2] + o[3]})
    jobs, cands = [], []

    def person(o):
        uri, _, ess, opt = o
        names = ess + opt
        weights = [3.0] * len(ess) + [1.0] * len(opt)
        n = rng.randint(5, 12)
        chosen = weighted_sample(names, weights, n, rng)
        for _ in range(rng.choice([0, 1, 1, 2])):
            extra = rng.choice(pool)
            if extra not in chosen:
                chosen.append(extra)
        rng.shuffle(chosen)
        return [esco_name(s, rng, alts) for s in chosen]

    for o in ict:
        uri, _, ess, opt = o
        oid = "esco:" + uri.rsplit("/", 1)[-1]
        split = split_of(oid)
        ess_order = rng.sample(ess, len(ess))
        musts = ess_order[:min(6, max(1, len(ess) // 2))]
        rest = ess_order[len(musts):] + rng.sample(opt, len(opt))
        entries = [skill_entry(s, required=True) for s in musts] + rest[:15 - len(musts)]
        jobs.append({"id": f"J-{oid[5:13]}", "skills": entries, "_occupation": oid, "_split": split})
        for k in range(6):
            cands.append({"id": f"C-{oid[5:13]}-{k}", "skills": person(o), "_occupation": oid, "_split": split})
    for o in sorted(rng.sample(non_ict, min(300, len(non_ict)))):
        oid = "esco:" + o[0].rsplit("/", 1)[-1]
        cands.append({"id": f"D-{oid[5:13]}", "skills": person(o), "_occupation": oid, "_split": split_of(oid)})
    return jobs, cands


def so_synonyms(data):
    """Stack Overflow tag -> the synonyms people type for it (only approved, used ones)."""
    path = os.path.join(data, "raw", "stackexchange", "stackoverflow_TagSynonyms.csv")
    syn = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["ApprovalDate"]:
                syn.setdefault(r["TargetTagName"], []).append(r["SourceTagName"].replace("-", " "))
    return {k: sorted(v) for k, v in syn.items()}


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="the shared data directory (holding raw/onet, raw/esco)")
    ap.add_argument("--out", default="benchmarks/quality/matching")
    ap.add_argument("--seed", type=int, default=20260901)
    args = ap.parse_args()
    for name, build in (("onet", lambda rng: build_onet(args.data, rng, so_synonyms(args.data))),
                        ("esco", lambda rng: build_esco(args.data, rng))):
        rng = random.Random(args.seed)
        jobs, cands = build(rng)
        os.makedirs(os.path.join(args.out, name), exist_ok=True)
        write_jsonl(os.path.join(args.out, name, "jobs.jsonl"), jobs)
        write_jsonl(os.path.join(args.out, name, "candidates.jsonl"), cands)
        for split in ("dev", "test"):
            nj = sum(j["_split"] == split for j in jobs)
            nc = sum(c["_split"] == split for c in cands)
            nd = sum(c["_split"] == split and c["id"].startswith("D-") for c in cands)
            print(f"{name} {split}: {nj} jobs, {nc} candidates ({nd} distractors)")


if __name__ == "__main__":
    main()
