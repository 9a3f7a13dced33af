'use strict';
// Skill mentions in free text through the Node binding (real libskillmatch: SKILLMATCH_LIBRARY).
const test = require('node:test');
const assert = require('node:assert/strict');
const skillmatch = require('..');

test('extract', async (t) => {
  const taxonomy = skillmatch.Taxonomy.bundled();
  t.after(() => taxonomy.close());

  await t.test('Japanese posting: offsets index the JavaScript string, cues become must/nice and years', () => {
    const text = '🚀 PythonとPyTorchを用いたモデル開発経験3年以上（必須）。AWS歓迎。';
    const mentions = taxonomy.extract(text);
    for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.mention);
    const torch = mentions.find((m) => m.mention === 'PyTorch');
    assert.ok(torch);
    assert.equal(torch.conceptId, 'onet:tech:PyTorch');
    assert.equal(torch.codePointStart, torch.start - 1); // the rocket is two UTF-16 units, one code point
    assert.equal(torch.requirement, 'must');
    assert.equal(torch.years, 3);
    assert.equal(mentions.find((m) => m.mention === 'AWS').requirement, 'nice');
  });

  await t.test('ambiguous words need context', () => {
    const go = taxonomy.extract('Backend services in Python, Go and Rust.').find((m) => m.mention === 'Go');
    assert.ok(go && go.ambiguous && go.evidence.includes('list'));
    assert.deepEqual(taxonomy.extract("Let's go for a walk in the spring."), []);
    const strict = taxonomy.extract('Backend services in Python, Go and Rust.', { ambiguousWithContext: false });
    assert.ok(!strict.some((m) => m.mention === 'Go'));
  });

  await t.test('bad input: punctuation gives nothing, wrong types and options throw', () => {
    assert.deepEqual(taxonomy.extract('!!! ... ???'), []);
    assert.throws(() => taxonomy.extract(42), TypeError);
    assert.throws(() => taxonomy.extract('Python', { minConfidence: 2 }), skillmatch.InvalidArgumentError);
  });
});
