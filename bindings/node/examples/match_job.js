'use strict';
// Worked example (docs/bindings.md): the best candidates for one job, with what met each skill.
// Run from the repository root:
//   SKILLMATCH_LIBRARY=build/libskillmatch.so node bindings/node/examples/match_job.js
const fs = require('node:fs');
const skillmatch = require('..'); // from elsewhere: require('<repo>/bindings/node')

const { Side } = skillmatch;
const data = process.argv[2] ?? 'data/sample';

const job = {
  id: 'J-demo',
  title: 'Machine learning engineer',
  skills: [
    { name: 'Python', required: true, years: 2 },
    { name: '機械学習', required: true }, // Japanese labels resolve too
    'TensorFlow',
    'Docker',
    { name: 'AWS', weight: 0.5 },
  ],
};

const engine = new skillmatch.Engine({ // bundled taxonomy, learned vectors
  candidateSchema: fs.readFileSync(`${data}/candidates.schema.json`, 'utf8'),
});
try {
  engine.upsert(Side.CANDIDATE, fs.readFileSync(`${data}/candidates.jsonl`, 'utf8'));
  let results;
  try {
    results = engine.match(job, Side.JOB, { k: 5, filter: 'jlpt >= N4 and not visa_refused', explain: true });
  } catch (error) {
    if (error instanceof skillmatch.ParseError) { // e.g. a typo in the filter: error.detail has the position
      console.error(`bad query: ${error.detail}`);
      process.exit(1);
    }
    throw error;
  }
  console.log(`${results.admitted} of ${engine.size(Side.CANDIDATE)} candidates passed the filter`);
  for (const match of results) {
    const parts = Object.fromEntries(Object.entries(match.explanation.parts).map(([n, p]) => [n, p.contribution]));
    console.log(`${match.id}  ${match.score.toFixed(3)}  ${JSON.stringify(parts)}`);
    for (const requirement of match.explanation.requirements) {
      const met = requirement.matched_by;
      const by = met ? `${met.skill} (similarity ${requirement.similarity.toFixed(2)})` : 'nothing';
      console.log(`    ${requirement.skill.padEnd(12)} met by ${by}`);
    }
    if (match.explanation.missing_required.length > 0) {
      console.log(`    missing must-haves: ${match.explanation.missing_required.join(', ')}`);
    }
  }
} finally {
  engine.close();
}
