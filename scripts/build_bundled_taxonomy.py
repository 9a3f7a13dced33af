#!/usr/bin/env python3
"""Builds the bundled default taxonomy (data/taxonomy/*.tsv, skillmatch native format v1) from the
raw public releases in ../shared/data/raw (O*NET 29.3 text release, ESCO v1.2.0 CSV, Stack Exchange
Data Explorer exports).

    python3 scripts/build_bundled_taxonomy.py --raw ../shared/data/raw --out data/taxonomy

One output file per source, so each keeps its own licence (data/PROVENANCE.md):
  onet.tsv          O*NET technologies (all), UNSPSC categories, IT occupations, Skills/Knowledge (CC BY 4.0)
  esco.tsv          ESCO digital skills, their groups, ICT occupations, cross-links to O*NET (EC reuse terms)
  stackoverflow.tsv Stack Overflow tags and tag synonyms, cross-links (CC BY-SA 4.0)
The ids and the mapping follow docs/taxonomy-format.md and docs/loaders.md, the same mapping as the
library's C++ loaders (skillmatch/loaders.hpp), so a taxonomy loaded from the raw release and the
bundled one name concepts alike. Output is deterministic (sorted), so rebuilding gives the same bytes.
"""
import argparse
import csv
import os
import re
import sys
import unicodedata
from collections import defaultdict

csv.field_size_limit(1 << 30)

IT_OCCUPATIONS = ["15-", "11-3021.00", "17-2061.00", "17-2199.08", "25-1021.00", "27-1014.00", "27-1024.00",
                  "49-2011.00"]
ESCO_ISCO_PREFIXES = ["25", "35", "1330", "2166"]
SO_MIN_QUESTIONS = 1000
TIER_WEIGHT = {"Primary-Short": 1.0, "Primary-Long": 0.75, "Supplemental": 0.5}


def clean(text):
    """One line of label text: tabs/newlines are field separators in the native format."""
    return " ".join(text.split())


def tech_id(example):
    return "onet:tech:" + clean(example).replace(" ", "_")


def kept_occupation(code):
    return any(code == p or (p.endswith("-") and code.startswith(p)) for p in IT_OCCUPATIONS)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def fmt_weight(w):
    return f"{w:.4g}"


class Writer:
    def __init__(self, path, header):
        self.path = path
        self.lines = []
        self.header = header

    def add(self, *fields):
        self.lines.append("\t".join(str(f) for f in fields))

    def save(self):
        with open(self.path, "w", encoding="utf-8", newline="\n") as f:
            f.write("#skillmatch-taxonomy 1\n")
            for h in self.header:
                f.write("# " + h + "\n")
            f.write("\n".join(self.lines) + "\n")


# ---------------------------------------------------------------------------------------------- O*NET
def build_onet(raw, out):
    d = os.path.join(raw, "onet")
    w = Writer(os.path.join(out, "onet.tsv"), [
        "O*NET 29.3 Database (May 2025), O*NET Resource Center, US Department of Labor/ETA. CC BY 4.0.",
        "Derived by scripts/build_bundled_taxonomy.py: technologies, UNSPSC categories, IT occupations, skills.",
    ])
    labels = {}  # id -> preferred label, for cross-linking
    commodities = {}  # technology id -> its UNSPSC commodity codes
    # UNSPSC chain of every commodity used.
    unspsc = {r["Commodity Code"]: r for r in read_tsv(os.path.join(d, "UNSPSC Reference.txt"))}
    tech_rows = list(read_tsv(os.path.join(d, "Technology Skills.txt")))
    examples = defaultdict(lambda: {"commodities": set(), "occupations": set(), "hot": False, "demand": False})
    for r in tech_rows:
        e = examples[clean(r["Example"])]
        e["commodities"].add(r["Commodity Code"])
        e["occupations"].add(r["O*NET-SOC Code"])
        e["hot"] |= r["Hot Technology"] == "Y"
        e["demand"] |= r["In Demand"] == "Y"
    categories = {}
    for e in examples.values():
        for code in e["commodities"]:
            u = unspsc[code]
            chain = [(u["Commodity Code"], u["Commodity Title"]), (u["Class Code"], u["Class Title"]),
                     (u["Family Code"], u["Family Title"]), (u["Segment Code"], u["Segment Title"])]
            for i, (c, t) in enumerate(chain):
                categories[c] = (t, chain[i + 1][0] if i + 1 < len(chain) else None)
    for code in sorted(categories):
        title, parent = categories[code]
        w.add("concept", "unspsc:" + code, "category", clean(title), "en")
    for code in sorted(categories):
        title, parent = categories[code]
        if parent:
            w.add("broader", "unspsc:" + code, "unspsc:" + parent)
    for ex in sorted(examples):
        e = examples[ex]
        cid = tech_id(ex)
        labels[cid] = ex
        commodities[cid] = e["commodities"]
        w.add("concept", cid, "technology", ex, "en")
        flags = ",".join(f for f, on in (("hot", e["hot"]), ("in_demand", e["demand"])) if on) or "-"
        w.add("stats", cid, len(e["occupations"]), 0, flags)
        for code in sorted(e["commodities"]):
            w.add("broader", cid, "unspsc:" + code)

    # Occupations.
    occ = {r["O*NET-SOC Code"]: r for r in read_tsv(os.path.join(d, "Occupation Data.txt"))
           if kept_occupation(r["O*NET-SOC Code"])}
    for code in sorted(occ):
        w.add("concept", "onet:" + code, "occupation", clean(occ[code]["Title"]), "en")
        labels["onet:" + code] = occ[code]["Title"]
    for r in read_tsv(os.path.join(d, "Alternate Titles.txt")):
        code = r["O*NET-SOC Code"]
        if code in occ:
            w.add("label", "onet:" + code, "en", "alternative", clean(r["Alternate Title"]))
            if r["Short Title"].strip():
                w.add("label", "onet:" + code, "en", "abbreviation", clean(r["Short Title"]))
    for r in read_tsv(os.path.join(d, "Sample of Reported Titles.txt")):
        if r["O*NET-SOC Code"] in occ:
            w.add("label", "onet:" + r["O*NET-SOC Code"], "en", "alternative", clean(r["Reported Job Title"]))
    links = {}
    for r in tech_rows:
        code = r["O*NET-SOC Code"]
        if code in occ:
            weight = 0.5 + 0.25 * (r["Hot Technology"] == "Y") + 0.25 * (r["In Demand"] == "Y")
            key = ("onet:" + code, tech_id(r["Example"]))
            links[key] = max(links.get(key, 0), weight)
    for (a, b), wt in sorted(links.items()):
        w.add("related", a, b, "occupation_skill", fmt_weight(wt))
    for r in read_tsv(os.path.join(d, "Related Occupations.txt")):
        a, b = r["O*NET-SOC Code"], r["Related O*NET-SOC Code"]
        if a in occ and b in occ:
            w.add("related", "onet:" + a, "onet:" + b, "occupation_related", fmt_weight(TIER_WEIGHT[r["Relatedness Tier"]]))

    # Skills and Knowledge elements with their content-model parents.
    names = {r["Element ID"]: r["Element Name"] for r in read_tsv(os.path.join(d, "Content Model Reference.txt"))}
    element_kind = {}
    importance = defaultdict(dict)
    for fname, kind in (("Skills.txt", "skill"), ("Knowledge.txt", "knowledge")):
        for r in read_tsv(os.path.join(d, fname)):
            if r["Scale ID"] != "IM" or not kept_occupation(r["O*NET-SOC Code"]) or r["O*NET-SOC Code"] not in occ:
                continue
            eid = r["Element ID"]
            element_kind[eid] = "soft_skill" if eid.startswith("2.B.1.") else kind
            if r.get("Recommend Suppress", "N") == "Y":
                continue
            importance[eid][r["O*NET-SOC Code"]] = float(r["Data Value"])
    parents = set()
    for eid in element_kind:
        parts = eid.split(".")
        for i in range(1, len(parts)):
            parents.add(".".join(parts[:i]))
    for pid in sorted(parents - set(element_kind)):
        w.add("concept", "onet:" + pid, "category", clean(names[pid]), "en")
    for eid in sorted(element_kind):
        w.add("concept", "onet:" + eid, element_kind[eid], clean(names[eid]), "en")
        labels["onet:" + eid] = names[eid]
        freq = sum(1 for v in importance[eid].values() if v >= 3.0)
        w.add("stats", "onet:" + eid, freq, 0, "-")
    for eid in sorted(set(element_kind) | parents):
        if "." in eid:
            w.add("broader", "onet:" + eid, "onet:" + eid.rsplit(".", 1)[0])
    for eid in sorted(importance):
        for code in sorted(importance[eid]):
            wt = (importance[eid][code] - 1.0) / 4.0
            if wt > 0:
                w.add("related", "onet:" + code, "onet:" + eid, "occupation_skill", fmt_weight(wt))
    w.save()
    return labels, commodities


# ------------------------------------------------------------------------- cross-link keys (conservative)
def key(text):
    """NFKC + case fold, punctuation except + and # removed, spaces removed: 'Node.js' -> 'nodejs'."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[^\w+#]+", "", t)
    return t


def cross_index(labels):
    index = defaultdict(set)
    for cid, label in labels.items():
        index[key(label)].add(cid)
    return index


def unique_match(index, text):
    hits = index.get(key(text), set())
    return next(iter(hits)) if len(hits) == 1 else None


# ----------------------------------------------------------------------------------------------- ESCO
def build_esco(raw, out, onet_labels):
    d = os.path.join(raw, "esco")
    w = Writer(os.path.join(out, "esco.tsv"), [
        "ESCO classification v1.2.0, (c) European Union; reuse under Commission Decision 2011/833/EU.",
        "Derived by scripts/build_bundled_taxonomy.py: digital skills, their groups, ICT occupations; same_as links to O*NET.",
    ])
    skills = {r["conceptUri"]: r for r in read_csv(os.path.join(d, "digitalSkillsCollection_en.csv"))}
    groups = {r["conceptUri"]: r for r in read_csv(os.path.join(d, "skillGroups_en.csv"))}
    broader = defaultdict(set)
    for r in read_csv(os.path.join(d, "broaderRelationsSkillPillar_en.csv")):
        if r["conceptUri"] in skills or r["conceptUri"] in groups:
            broader[r["conceptUri"]].add(r["broaderUri"])
    # The collection also names each broader concept's label (broaderConceptPT, parallel to
    # broaderConceptUri): that describes broader skills outside the digital collection.
    outside = {}
    for uri, r in skills.items():
        uris = [b.strip() for b in r["broaderConceptUri"].split("|")]
        pts = [b.strip() for b in r["broaderConceptPT"].split("|")]
        for i, b in enumerate(uris):
            if b:
                broader[uri].add(b)
                if b not in skills and b not in groups and len(pts) == len(uris) and pts[i]:
                    outside[b] = pts[i]
    # Groups reachable upwards from the kept skills.
    needed, stack = set(), [b for s in skills for b in broader[s]]
    while stack:
        g = stack.pop()
        if g in needed or g in skills:
            continue
        needed.add(g)
        stack.extend(broader.get(g, ()))
    labels = {}
    described = {}
    for g in needed:
        if g in groups:
            described[g] = groups[g]["preferredLabel"]
        elif g in outside:
            described[g] = outside[g]
    for g in sorted(described):
        # Not tagged digital: kept as a grouping node so the hierarchy above digital skills survives.
        w.add("concept", g, "category", clean(described[g]), "en")
    dropped = 0
    for uri in sorted(skills):
        r = skills[uri]
        kind = "knowledge" if r["skillType"] == "knowledge" else "skill"
        w.add("concept", uri, kind, clean(r["preferredLabel"]), "en")
        labels[uri] = r["preferredLabel"]
        for alt in sorted(set(a.strip() for a in r["altLabels"].split("\n") if a.strip())):
            w.add("label", uri, "en", "alternative", clean(alt))
    kept = set(skills) | set(described)
    for c in sorted(kept):
        for b in sorted(broader.get(c, ())):
            if b in kept and b != c:
                w.add("broader", c, b)
            else:
                dropped += 1
    for r in read_csv(os.path.join(d, "skillSkillRelations_en.csv")):
        a, b = r["originalSkillUri"], r["relatedSkillUri"]
        if a in skills and b in skills:
            w.add("related", a, b, "related", "1" if r["relationType"] == "essential" else "0.5")
    # ICT occupations and their skills (the profile file lists skills by label).
    by_label = defaultdict(set)
    for uri, r in skills.items():
        by_label[r["preferredLabel"]].add(uri)
    occs = {r["conceptUri"]: r for r in read_csv(os.path.join(d, "occupations_en.csv"))
            if any(r["iscoGroup"].startswith(p) for p in ESCO_ISCO_PREFIXES)}
    for uri in sorted(occs):
        r = occs[uri]
        w.add("concept", uri, "occupation", clean(r["preferredLabel"]), "en")
        for alt in sorted(set(a.strip() for a in r["altLabels"].split("\n") if a.strip())):
            w.add("label", uri, "en", "alternative", clean(alt))
    unmatched = 0
    for r in read_tsv(os.path.join(d, "esco_occupation_profiles.tsv")):
        if r["occupation_uri"] not in occs:
            continue
        for col, wt in (("essential_skill_labels", "1"), ("optional_skill_labels", "0.5")):
            for label in sorted(set(x for x in r[col].split("|") if x)):
                hits = by_label.get(label, ())
                if len(hits) == 1:
                    w.add("related", r["occupation_uri"], next(iter(hits)), "occupation_skill", wt)
                else:
                    unmatched += 1  # not a digital skill (ESCO transversal/sector skills are not bundled)
    # same_as: an ESCO skill whose preferred label names exactly one O*NET technology.
    onet_index = cross_index({k: v for k, v in onet_labels.items() if k.startswith("onet:tech:")})
    links = 0
    for uri in sorted(skills):
        target = unique_match(onet_index, skills[uri]["preferredLabel"])
        if target:
            w.add("same_as", target, uri)
            links += 1
    w.save()
    print(f"esco: {len(skills)} skills, {len(occs)} occupations, {links} same_as, "
          f"{dropped} broader edges to undescribed groups dropped, {unmatched} occupation skills not digital",
          file=sys.stderr)
    return labels


# ------------------------------------------------------------------------------------- Stack Overflow
def build_stackoverflow(raw, out, onet_labels, esco_labels, onet_commodities, common_text):
    d = os.path.join(raw, "stackexchange")
    w = Writer(os.path.join(out, "stackoverflow.tsv"), [
        "Stack Overflow tags and tag synonyms, Stack Exchange Data Explorer exports. CC BY-SA 4.0:",
        "this file and files derived from it stay under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).",
        "Derived by scripts/build_bundled_taxonomy.py: tags with >= %d questions and synonym targets;" % SO_MIN_QUESTIONS,
        "synonyms as hidden labels; same_as links to O*NET / ESCO concepts that name the same thing.",
    ])
    counts = {r["TagName"]: int(r["Count"] or 0) for r in read_csv(os.path.join(d, "stackoverflow_Tags.csv"))}
    synonyms = defaultdict(set)
    for r in read_csv(os.path.join(d, "stackoverflow_TagSynonyms.csv")):
        synonyms[r["TargetTagName"]].add(r["SourceTagName"])
    tags = {t for t, c in counts.items() if c >= SO_MIN_QUESTIONS} | {t for t in synonyms if t in counts}
    for t in sorted(tags):
        w.add("concept", "so:" + t, "technology", t, "en")
        w.add("stats", "so:" + t, 0, counts[t], "-")
        spaced = t.replace("-", " ")
        if spaced != t:
            w.add("label", "so:" + t, "en", "alternative", spaced)
        for s in sorted(synonyms.get(t, ())):
            w.add("label", "so:" + t, "en", "hidden", s)
    onet_tech = {k: v for k, v in onet_labels.items() if k.startswith("onet:tech:")}
    # O*NET often writes "Vendor Product": also index the product without a leading word shared by
    # many examples (learned here from the data: words starting >= 5 example names).
    # A vendor prefixes products of several kinds (Microsoft, Adobe, Oracle, Apache...): >= 5
    # examples across >= 3 UNSPSC commodities; a product family ("Career Zone", "Career Cruising")
    # stays in one commodity and is not a vendor.
    first_words = defaultdict(set)
    for cid, v in onet_tech.items():
        parts = v.split()
        if len(parts) > 1:
            first_words[parts[0]].add(cid)
    vendors = {wd for wd, ids in first_words.items()
               if len(ids) >= 5 and len({c for i in ids for c in onet_commodities[i]}) >= 3}
    # A one-word product name that is also an ordinary English word ("Google Drive", "IBM Cloud")
    # must not claim the generic tag ("drive", "cloud"): words written in lower case in running text
    # (ESCO descriptions, O*NET occupation descriptions) are ordinary words.
    ordinary = set()
    for text in common_text:
        ordinary.update(re.findall(r"(?<![\w.])[a-z][a-z]+(?![\w])", text))
    primary = cross_index(onet_tech)
    secondary = defaultdict(set)
    for cid, v in onet_tech.items():
        parts = v.split()
        if len(parts) > 1 and parts[0] in vendors:
            rest = parts[1:]
            if len(rest) == 1 and rest[0].lower() in ordinary:
                continue
            secondary[key(" ".join(rest))].add(cid)
    esco_index = cross_index(esco_labels)
    links = 0
    for t in sorted(tags):
        target = unique_match(primary, t)
        if not target and not primary.get(key(t)):
            hits = secondary.get(key(t), set())
            target = next(iter(hits)) if len(hits) == 1 else None
        if not target:
            target = unique_match(esco_index, t)
        if target:
            w.add("same_as", target, "so:" + t)
            links += 1
    w.save()
    print(f"stackoverflow: {len(tags)} tags, {sum(len(v) for k, v in synonyms.items() if k in tags)} synonyms, "
          f"{links} same_as", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "raw"))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "taxonomy"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    onet, commodities = build_onet(a.raw, a.out)
    esco = build_esco(a.raw, a.out, onet)
    common_text = [r["description"] for r in read_csv(os.path.join(a.raw, "esco", "digitalSkillsCollection_en.csv"))]
    common_text += [r["Description"] for r in read_tsv(os.path.join(a.raw, "onet", "Occupation Data.txt"))]
    build_stackoverflow(a.raw, a.out, onet, esco, commodities, common_text)


if __name__ == "__main__":
    main()
