'use strict';
// Taxonomy, version and errors through the Node binding (real libskillmatch: SKILLMATCH_LIBRARY).
const test = require('node:test');
const assert = require('node:assert/strict');
const skillmatch = require('..');

test('taxonomy', async (t) => {
  const taxonomy = skillmatch.Taxonomy.bundled();
  t.after(() => taxonomy.close());

  await t.test('version is semantic', () => {
    assert.match(skillmatch.version(), /^\d+\.\d+\.\d+$/);
  });

  await t.test('bundled taxonomy has concepts', () => {
    assert.ok(taxonomy.size > 1000);
    assert.deepEqual(taxonomy.concept('onet:tech:Python'),
      { id: 'onet:tech:Python', label: 'Python', kind: 'technology' });
  });

  await t.test('resolves messy text; unknown text gives an empty list', () => {
    for (const [text, expected] of [['nodejs', 'onet:tech:Node.js'], ['k8s', 'onet:tech:Kubernetes'],
      ['Pyhton', 'onet:tech:Python']]) {
      const readings = taxonomy.resolve(text);
      assert.ok(readings.length > 0, text);
      assert.equal(readings[0].id, expected, text);
      assert.ok(readings[0].score > 0 && readings[0].score <= 1);
    }
    assert.deepEqual(taxonomy.resolve('qwertyuiop zxcv'), []);
    assert.deepEqual(taxonomy.resolve('Pyhton', { fuzzy: false }), []);
  });

  await t.test('similar and similarity', () => {
    const neighbours = taxonomy.similar('PyTorch', 5);
    assert.ok(neighbours.length <= 5);
    assert.ok(neighbours.some((n) => n.id === 'onet:tech:TensorFlow'));
    assert.equal(taxonomy.similarity('onet:tech:Python', 'onet:tech:Python'), 1);
  });

  await t.test('errors carry the status, its name and the library message', () => {
    assert.throws(() => taxonomy.concept('onet:tech:NoSuchThing'), (error) => {
      assert.ok(error instanceof skillmatch.NotFoundError);
      assert.ok(error instanceof skillmatch.SkillmatchError);
      assert.equal(error.status, 4);
      assert.equal(error.statusName, 'not_found');
      assert.match(error.detail, /NoSuchThing/);
      assert.equal(error.name, 'NotFoundError');
      return true;
    });
    assert.throws(() => taxonomy.similar('Python', 0), skillmatch.InvalidArgumentError);
    assert.throws(() => skillmatch.Taxonomy.load('/nonexistent/taxonomy.tsv'), (error) =>
      error instanceof skillmatch.IOError && /\/nonexistent\/taxonomy\.tsv/.test(error.detail));
    assert.throws(() => taxonomy.concept(42), TypeError);
  });

  await t.test('a closed handle refuses use; close twice is fine', () => {
    const other = skillmatch.Taxonomy.bundled();
    other.close();
    assert.throws(() => other.size, /closed/);
    other.close();
  });
});
