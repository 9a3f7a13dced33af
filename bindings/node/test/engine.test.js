'use strict';
// The Node binding's engine against the real libskillmatch (SKILLMATCH_LIBRARY, set by ctest).
// Data: tests/scenario/ (sample candidates and their schema) and data/sample/jobs.jsonl.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const skillmatch = require('..');

const { Side } = skillmatch;
const root = path.resolve(__dirname, '..', '..', '..');
const read = (...parts) => fs.readFileSync(path.join(root, ...parts), 'utf8');
const candidates = read('tests', 'scenario', 'candidates.jsonl').split('\n').filter(Boolean).slice(0, 300)
  .map((line) => JSON.parse(line));
const byId = new Map(candidates.map((c) => [c.id, c]));
const schema = read('tests', 'scenario', 'candidates.schema.json');
const jobSchema = JSON.parse(read('data', 'sample', 'jobs.schema.json'));
const jobs = read('data', 'sample', 'jobs.jsonl').split('\n').filter(Boolean).slice(0, 20)
  .map((line) => JSON.parse(line));

test('engine', async (t) => {
  // Learning the skill vectors takes seconds: one engine for these tests.
  const engine = new skillmatch.Engine({ candidateSchema: schema, jobSchema, threads: 2 });
  t.after(() => engine.close());
  assert.equal(engine.upsert(Side.CANDIDATE, candidates), candidates.length);
  assert.equal(engine.upsert(Side.JOB, jobs.map((j) => JSON.stringify(j)).join('\n')), jobs.length);

  await t.test('gap report: figures and page', () => {
    const { figures, html } = engine.gapReport(['degree']);
    assert.equal(figures.candidates, engine.size(Side.CANDIDATE));
    for (const key of ['concept_id', 'label', 'demand', 'supply', 'ratio']) assert.ok(key in figures.skills[0], key);
    assert.deepEqual(figures.areas.map((a) => a.id), ['ai', 'animation', 'cloud', 'programming', 'other']);
    assert.equal(figures.exposure.attributes[0].attribute, 'degree');
    assert.ok(html.startsWith('<!DOCTYPE html>') && html.includes('<svg'));
    assert.equal(engine.gapReport().figures.exposure, null);
    assert.throws(() => engine.gapReport(['shoe_size']), /shoe_size/);
  });

  await t.test('sizes and dimension', () => {
    assert.equal(engine.size(Side.CANDIDATE), candidates.length);
    assert.equal(engine.size(Side.JOB), jobs.length);
    assert.equal(engine.dimension, 128);
  });

  await t.test('match: best first, filter applied, iterable results', () => {
    const results = engine.match(jobs[0], Side.JOB, { k: 7, filter: 'years_experience >= 3 and not visa_refused' });
    assert.ok(results instanceof skillmatch.Results);
    assert.equal(results.queryId, jobs[0].id);
    assert.equal(results.length, 7);
    const admitted = candidates.filter((c) => (c.attributes.years_experience ?? 0) >= 3
      && !c.attributes.visa_refused).length;
    assert.equal(results.admitted, admitted);
    const scores = [...results].map((m) => m.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    for (const match of results) {
      const attributes = byId.get(match.id).attributes;
      assert.ok(attributes.years_experience >= 3);
      assert.ok(!attributes.visa_refused);
      assert.ok(match.score > 0 && match.score <= 1);
      assert.equal(match.explanation, null);
    }
    assert.equal(results.at(0), [...results][0]);
  });

  await t.test('explanations are parsed and account for the score', () => {
    const results = engine.match(jobs[1], Side.JOB, { k: 3, filter: 'remote_ok', explain: true });
    assert.equal(results.length, 3);
    for (const match of results) {
      assert.equal(match.explanation.id, match.id);
      const total = Object.values(match.explanation.parts).reduce((sum, p) => sum + p.contribution, 0);
      assert.ok(Math.abs(total - match.score) < 1e-5, `${total} vs ${match.score}`);
      // Requirements come from the job's skills, in the job's order (skills that resolve to the
      // same concept, like "openstack" and "open_stack", count once).
      const texts = jobs[1].skills.map((s) => (typeof s === 'string' ? s : s.name));
      const found = match.explanation.requirements.map((r) => r.skill);
      assert.ok(found.length > 0);
      assert.deepEqual(found, texts.filter((text) => found.includes(text)));
      assert.ok('filter' in match.explanation);
    }
  });

  await t.test('matchId equals matching the same JSON; reverse direction filters jobs', () => {
    const byId = [...engine.matchId(Side.JOB, jobs[0].id, { k: 5 })];
    const byJson = [...engine.match(jobs[0], Side.JOB, { k: 5 })];
    assert.deepEqual(byId.map((m) => m.id), byJson.map((m) => m.id));
    // The stored vector and a freshly embedded one may differ in the last float bit.
    byId.forEach((m, i) => assert.ok(Math.abs(m.score - byJson[i].score) < 1e-5));
    const found = engine.match(candidates[0], Side.CANDIDATE, { k: 4, filter: 'visa_sponsorship' });
    assert.equal(found.length, 4);
    const jobById = new Map(jobs.map((j) => [j.id, j]));
    for (const m of found) assert.equal(jobById.get(m.id).attributes.visa_sponsorship, true);
  });

  await t.test('matchAll: one result set per stored query, in row order', () => {
    const all = engine.matchAll(Side.JOB, { k: 2 });
    assert.deepEqual(all.map((r) => r.queryId), jobs.map((j) => j.id));
    const single = engine.matchId(Side.JOB, jobs[3].id, { k: 2 });
    assert.deepEqual([...all[3]].map((m) => m.id), [...single].map((m) => m.id));
  });

  await t.test('preferences add their part to the score', () => {
    const plain = engine.match(jobs[0], Side.JOB, { k: 5, explain: true });
    const preferring = engine.match(jobs[0], Side.JOB, {
      k: 5, explain: true, preferences: { 'location = "Lahore"': 1 }, weights: { preferences: 0.5 } });
    assert.ok(!('preferences' in plain.at(0).explanation.parts));
    assert.ok('preferences' in preferring.at(0).explanation.parts);
  });

  await t.test('errors: parse, not found, duplicate, k', () => {
    assert.throws(() => engine.match(jobs[0], Side.JOB, { filter: 'years_experience >=' }), (error) => {
      assert.ok(error instanceof skillmatch.ParseError);
      assert.equal(error.status, 2);
      assert.equal(error.statusName, 'parse_error');
      assert.match(error.detail, /position/);
      return true;
    });
    assert.throws(() => engine.match(jobs[0], Side.JOB, { filter: 'jlpt_level >= N3' }), skillmatch.NotFoundError);
    // A misspelt field is refused, naming it (the C ABI reports it as invalid_argument).
    assert.throws(() => engine.match('{"id": "J1", "skils": ["Python"]}', Side.JOB),
      (error) => error instanceof skillmatch.SkillmatchError && /skils/.test(error.detail));
    const before = engine.size(Side.CANDIDATE);
    assert.throws(() => engine.upsert(Side.CANDIDATE, '{"id": "X1", "skills": ['), skillmatch.ParseError);
    assert.throws(() => engine.upsert(Side.CANDIDATE, [candidates[0], candidates[0]]), skillmatch.DuplicateError);
    assert.throws(() => engine.upsert(Side.CANDIDATE, { id: 'X2', skills: ['Python'], attributes: { shoe_size: 42 } }),
      skillmatch.NotFoundError);
    assert.equal(engine.size(Side.CANDIDATE), before);
    assert.throws(() => engine.matchId(Side.JOB, 'no-such-job'), skillmatch.NotFoundError);
    assert.throws(() => engine.match(jobs[0], Side.JOB, { k: 0 }), RangeError);
    assert.throws(() => engine.match(jobs[0], Side.JOB, { k: 2000000 }), skillmatch.InvalidArgumentError);
    assert.throws(() => engine.match(jobs[0], 7), TypeError);
    assert.throws(() => engine.match(jobs[0], Side.JOB, { colour: 'blue' }), TypeError);
    assert.throws(() => new skillmatch.Engine({ candidateSchema: '{not json' }), skillmatch.ParseError);
  });

  await t.test('upsert replaces, remove deletes, closed engine refuses use', () => {
    const small = new skillmatch.Engine({ candidateSchema: schema, threads: 1 });
    try {
      assert.equal(small.upsert(Side.CANDIDATE, candidates.slice(0, 3)), 3);
      assert.equal(small.upsert(Side.CANDIDATE, candidates[0]), 1);
      assert.equal(small.size(Side.CANDIDATE), 3);
      assert.equal(small.remove(Side.CANDIDATE, candidates[0].id), true);
      assert.equal(small.remove(Side.CANDIDATE, candidates[0].id), false);
      const ids = new Set([...small.match(jobs[0], Side.JOB, { k: 10 })].map((m) => m.id));
      assert.deepEqual(ids, new Set([candidates[1].id, candidates[2].id]));
    } finally {
      small.close();
    }
    assert.throws(() => small.size(Side.CANDIDATE), /closed/);
    small.close();
  });
});
