'use strict';
// Engine.save / Engine.open through the Node binding: same results, writers after open, damage.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const skillmatch = require('..');

const { Side } = skillmatch;
const root = path.resolve(__dirname, '..', '..', '..');
const read = (...parts) => fs.readFileSync(path.join(root, ...parts), 'utf8');
const candidates = read('tests', 'scenario', 'candidates.jsonl').split('\n').filter(Boolean).slice(0, 200)
  .map((line) => JSON.parse(line));
const schema = read('tests', 'scenario', 'candidates.schema.json');
const jobs = read('data', 'sample', 'jobs.jsonl').split('\n').filter(Boolean).slice(0, 5)
  .map((line) => JSON.parse(line));

test('save then open: same results, writers work, damage is a CorruptError', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skm-node-'));
  const file = path.join(dir, 'portal.skm');
  const engine = new skillmatch.Engine({ candidateSchema: schema, threads: 2 });
  try {
    engine.upsert(Side.CANDIDATE, candidates);
    engine.save(file);
    const opened = skillmatch.Engine.open(file, { threads: 2 });
    try {
      assert.equal(opened.size(Side.CANDIDATE), candidates.length);
      for (const job of jobs) {
        const want = engine.match(job, Side.JOB, { k: 5, filter: 'jlpt >= N4' });
        const got = opened.match(job, Side.JOB, { k: 5, filter: 'jlpt >= N4' });
        assert.deepEqual([...got].map((m) => [m.id, m.score]), [...want].map((m) => [m.id, m.score]));
      }
      assert.equal(opened.remove(Side.CANDIDATE, candidates[0].id), true);
      assert.equal(opened.size(Side.CANDIDATE), candidates.length - 1);
    } finally {
      opened.close();
    }
    const bytes = fs.readFileSync(file);
    const bad = path.join(dir, 'bad.skm');
    fs.writeFileSync(bad, bytes.subarray(0, bytes.length >> 1));
    assert.throws(() => skillmatch.Engine.open(bad), (e) => e instanceof skillmatch.CorruptError && /truncated/.test(e.message));
    bytes[bytes.length >> 1] ^= 1;
    fs.writeFileSync(bad, bytes);
    assert.throws(() => skillmatch.Engine.open(bad), (e) => e instanceof skillmatch.CorruptError && /at offset \d+/.test(e.message));
    assert.throws(() => skillmatch.Engine.open(path.join(dir, 'absent.skm')), skillmatch.IOError);
    assert.throws(() => skillmatch.Engine.open(42), TypeError);
  } finally {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
