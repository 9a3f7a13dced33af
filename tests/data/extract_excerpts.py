#!/usr/bin/env python3
"""Copies the small, consistent excerpts under tests/data/ from the full upstream files.

Usage: extract_excerpts.py <raw-data-dir> <tests/data-dir>
Records are copied byte for byte (quoted CSV cells with newlines included); only whole records are
selected. Not run by the build: the excerpts are committed.
"""
import csv, io, os, sys

raw, out = sys.argv[1], sys.argv[2]


def records(path):
    """Yields (raw bytes of one record incl. its line end, parsed cells), quote-aware for CSV."""
    data = open(path, 'rb').read()
    quoted = path.endswith('.csv')
    start, i, inq = 0, 0, False
    while i < len(data):
        c = data[i:i + 1]
        if quoted and c == b'"':
            inq = not inq
        elif c == b'\n' and not inq:
            rec = data[start:i + 1]
            text = rec.decode('utf-8').rstrip('\r\n')
            cells = next(csv.reader(io.StringIO(text, newline=''))) if quoted else text.split('\t')
            yield rec, cells
            start = i + 1
        i += 1
    if start < len(data):
        text = data[start:].decode('utf-8')
        yield data[start:], (next(csv.reader(io.StringIO(text, newline=''))) if quoted else text.split('\t'))


def copy(src, dst, keep):
    """Copies the header and the records for which keep(dict) is true; returns the kept dicts."""
    it = records(src)
    head_raw, head = next(it)
    kept = []
    with open(dst, 'wb') as f:
        f.write(head_raw)
        for rec, cells in it:
            row = dict(zip(head, cells))
            if keep(row):
                f.write(rec)
                kept.append(row)
    return kept


# ---- O*NET: three IT occupations and one non-IT one, every row of them.
onet = os.path.join(raw, 'onet')
occ = {'15-1252.00', '15-1211.00', '11-3021.00', '11-1011.00'}
o = lambda n: (os.path.join(onet, n), os.path.join(out, 'onet', n))
for n in ['Occupation Data.txt', 'Alternate Titles.txt', 'Sample of Reported Titles.txt', 'Related Occupations.txt',
          'Skills.txt', 'Knowledge.txt']:
    copy(*o(n), lambda r: r['O*NET-SOC Code'] in occ)
tech = copy(*o('Technology Skills.txt'), lambda r: r['O*NET-SOC Code'] in occ)
commodities = {r['Commodity Code'] for r in tech}
copy(*o('UNSPSC Reference.txt'), lambda r: r['Commodity Code'] in commodities)
copy(*o('Content Model Reference.txt'), lambda r: r['Element ID'] == '2' or r['Element ID'].startswith('2.')
     or r['Element ID'] == '1.A.3.a.4')

# ---- ESCO: the digital skills essential for two ICT occupations, their hierarchy and relations.
esco = os.path.join(raw, 'esco')
e = lambda n: (os.path.join(esco, n), os.path.join(out, 'esco', n))
occupations = {'http://data.europa.eu/esco/occupation/8c57af09-719c-42b3-be40-6ed4946236cc',  # database administrator
               'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d',  # web developer
               'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34'}  # technical director (not ICT)
profiles = copy(*e('esco_occupation_profiles.tsv'), lambda r: r['occupation_uri'] in occupations)
copy(*e('occupations_en.csv'), lambda r: r['conceptUri'] in occupations)
wanted = set()
for p in profiles:
    if p['isco_code'].startswith('25'):
        wanted |= set(p['essential_skill_labels'].split('|')[:20])
skills = copy(*e('digitalSkillsCollection_en.csv'), lambda r: r['preferredLabel'] in wanted or r['preferredLabel'] == 'solve technical problems')
# The other two collections: the transversal skills the profiles name (plus one more), and two digComp
# skills, one of which is also a digital skill of the excerpt (declared once, labels of both kept).
transversal_names = {'show initiative', 'work in teams', 'think creatively'}
skills += copy(*e('transversalSkillsCollection_en.csv'), lambda r: r['preferredLabel'] in transversal_names or r['preferredLabel'] in wanted)
digcomp_names = {'solve technical problems', 'protect personal data and privacy'}
skills += copy(*e('digCompSkillsCollection_en.csv'), lambda r: r['preferredLabel'] in digcomp_names)
kept = {r['conceptUri'] for r in skills}
up = {}
for _, cells in list(records(os.path.join(esco, 'broaderRelationsSkillPillar_en.csv')))[1:]:
    up.setdefault(cells[1], set()).add(cells[3])
closure, stack = set(), list(kept)
for r in skills:
    stack += [u.strip() for u in r['broaderConceptUri'].split('|') if u.strip()]
while stack:
    x = stack.pop()
    if x not in closure:
        closure.add(x)
        stack += list(up.get(x, ()))
copy(*e('broaderRelationsSkillPillar_en.csv'), lambda r: r['conceptUri'] in closure)
copy(*e('skillGroups_en.csv'), lambda r: r['conceptUri'] in closure)
copy(*e('skillsHierarchy_en.csv'), lambda r: any(r.get(f'Level {l} URI') in closure and
                                                  not r.get(f'Level {l + 1} URI') for l in range(4)))
copy(*e('skillSkillRelations_en.csv'), lambda r: r['originalSkillUri'] in kept)

# ---- Stack Overflow: the 40 most asked tags among the first 300 ids, 10 below the threshold, and
# their synonyms, plus synonyms whose target is not in the excerpt.
so = os.path.join(raw, 'stackexchange')
s = lambda n: (os.path.join(so, n), os.path.join(out, 'stackoverflow', n))
tags = [c for _, c in list(records(os.path.join(so, 'stackoverflow_Tags.csv')))[1:301]]
big = sorted(tags, key=lambda c: -int(c[2]))[:40]
small = [c for c in tags if int(c[2]) < 1000][:10]
names = {c[1] for c in big + small}
copy(*s('stackoverflow_Tags.csv'), lambda r: r['TagName'] in names)
syn_rows = list(records(os.path.join(so, 'stackoverflow_TagSynonyms.csv')))[1:]
extra = {c[1] for _, c in syn_rows if c[2] in names}
extra_list = [c[1] for _, c in syn_rows if c[2] not in names][:5]
copy(*s('stackoverflow_TagSynonyms.csv'), lambda r: r['TargetTagName'] in names or r['SourceTagName'] in names or r['SourceTagName'] in extra_list)
