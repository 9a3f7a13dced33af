// The cross-language scenario in Node (README.md): prints `id<TAB>score` (6 decimals), best first.
// Usage: node scenario.mjs [scenario.conf]. The skillmatch module is this repository's
// bindings/node (koffi installed there); the library comes from SKILLMATCH_LIBRARY.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const skillmatch = require(join(here, '..', '..', 'bindings', 'node'));

function readConf(path) {
  const conf = {};
  readFileSync(path, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`${path}:${i + 1}: expected key = value`);
    conf[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  });
  return conf;
}

// printf("%.6f") of a double: the exact decimal value rounded half to even, as C and Python do
// (Number.prototype.toFixed(6) rounds exact ties up, so it could differ on a score like 0.5078125).
function fixed6(x) {
  const exact = Math.abs(x).toFixed(100); // exact for every double >= 2^-48; smaller ones print 0.000000
  const [whole, frac] = exact.split('.');
  let digits = BigInt(whole + frac.slice(0, 6));
  const rest = frac.slice(6);
  const tail = rest.slice(1).replace(/0+$/, '');
  if (rest[0] > '5' || (rest[0] === '5' && (tail !== '' || digits % 2n === 1n))) digits += 1n;
  const text = digits.toString().padStart(7, '0');
  return `${x < 0 ? '-' : ''}${text.slice(0, -6)}.${text.slice(-6)}`;
}

const confPath = resolve(process.argv[2] ?? join(here, 'scenario.conf'));
const conf = readConf(confPath);
const base = dirname(confPath);
const text = (key) => readFileSync(join(base, conf[key]), 'utf8');
if (conf.taxonomy !== 'bundled') throw new Error('scenario: only taxonomy = bundled is supported');
const k = Number.parseInt(conf.k, 10);
const explain = conf.explain === 'true';

const engine = new skillmatch.Engine({ candidateSchema: text('candidate_schema') });
try {
  const candidates = text('candidates');
  const expected = candidates.split('\n').filter((line) => line.trim()).length;
  const added = engine.upsert(skillmatch.Side.CANDIDATE, candidates);
  if (added !== expected) throw new Error(`scenario: ${added} candidates added, expected ${expected}`);
  const results = engine.match(text('job').trim(), skillmatch.Side.JOB, { k, filter: conf.filter, explain });
  const lines = [];
  for (const match of results) {
    if (explain) {
      // The explanation must account for the score: its parts' contributions add up to it.
      const total = Object.values(match.explanation.parts).reduce((sum, part) => sum + part.contribution, 0);
      if (Math.abs(total - match.score) > 1e-4) {
        throw new Error(`scenario: ${match.id}: parts add up to ${total}, score ${match.score}`);
      }
    }
    lines.push(`${match.id}\t${fixed6(match.score)}\n`);
  }
  process.stdout.write(lines.join(''));
} finally {
  engine.close();
}
