'use strict';
// skillmatch for Node.js: matching IT job seekers and jobs through libskillmatch's C ABI (koffi).
//
//   const skillmatch = require('skillmatch');
//   const engine = new skillmatch.Engine({ candidateSchema });
//   try {
//     engine.upsert(skillmatch.Side.CANDIDATE, candidatesJsonl);
//     for (const m of engine.match(job, skillmatch.Side.JOB, { k: 10, filter: 'jlpt >= N3', explain: true }))
//       console.log(m.id, m.score, m.explanation.parts);
//   } finally {
//     engine.close();
//   }
//
// Handles are freed by close() (also [Symbol.dispose], for `using`); a FinalizationRegistry frees
// what a program forgets to close. Results are copied into JS values when a query returns.

const { koffi, loadLibrary, native } = require('./lib/native');
const errors = require('./lib/errors');

const { check } = errors;

/** The side of the market a profile belongs to (a query of one side matches the other). */
const Side = Object.freeze({ JOB: 0, CANDIDATE: 1 });

function checkSide(side) {
  if (side !== Side.JOB && side !== Side.CANDIDATE) {
    throw new TypeError(`side must be Side.JOB or Side.CANDIDATE, not ${String(side)}`);
  }
  return side;
}

function jsonText(value, what) {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  throw new TypeError(`${what} must be JSON text or an object, not ${typeof value}`);
}

function str(value, what) {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string, not ${typeof value}`);
  return value;
}

// Skill mentions of `text` through skm_taxonomy_extract or skm_engine_extract. start/end index the
// JavaScript string (UTF-16 units: text.slice(m.start, m.end) === m.mention); codePointStart/End
// and byteStart/End are the other offsets.
function extractWith(fn, handle, text, { minConfidence = 0.5, ambiguousWithContext = true } = {}) {
  const fns = native();
  const bytes = Buffer.from(str(text, 'text'), 'utf8');
  const options = { size: koffi.sizeof('skm_extract_options') };
  check(fns.skm_extract_options_init(options, options.size));
  options.min_confidence = minConfidence;
  options.ambiguous_with_context = ambiguousWithContext ? 1 : 0;
  const out = [null];
  check(fn(handle, bytes, bytes.length, options, out));
  try {
    const json = [null];
    check(fns.skm_mentions_json(out[0], json));
    return JSON.parse(json[0]).map((m) => ({
      conceptId: m.concept_id, label: m.preferred_label, mention: m.mention,
      start: m.utf16_start, end: m.utf16_end, codePointStart: m.start, codePointEnd: m.end,
      byteStart: m.byte_start, byteEnd: m.byte_end, confidence: m.confidence,
      requirement: m.requirement, years: m.years, ambiguous: m.ambiguous, evidence: m.evidence,
    }));
  } finally {
    fns.skm_mentions_free(out[0]);
  }
}

// Frees handles that were never closed, when their wrapper is garbage-collected.
const finalizer = new FinalizationRegistry(({ free, handle }) => free(handle));

/** Base of the handle wrappers: close() once, then any use throws. */
class Handle {
  constructor(handle, freeName) {
    const fns = native();
    this._handle = handle;
    this._free = fns[freeName];
    finalizer.register(this, { free: this._free, handle }, this);
  }

  get _h() {
    if (this._handle === null) throw new Error(`the ${this.constructor.name.toLowerCase()} is closed`);
    return this._handle;
  }

  /** Releases the handle; further use throws. Safe to call twice. */
  close() {
    if (this._handle !== null) {
      finalizer.unregister(this);
      this._free(this._handle);
      this._handle = null;
    }
  }
}
if (typeof Symbol.dispose === 'symbol') {
  Handle.prototype[Symbol.dispose] = function dispose() { this.close(); };
}

function conceptList(handle) {
  const fns = native();
  try {
    const count = [0];
    check(fns.skm_concept_list_count(handle, count));
    const items = [];
    for (let i = 0; i < count[0]; i++) {
      const id = [null]; const label = [null]; const score = [0]; const detail = [null];
      check(fns.skm_concept_list_get(handle, i, id, label, score, detail));
      items.push({ id: id[0], label: label[0], score: score[0], detail: detail[0] });
    }
    return items;
  } finally {
    fns.skm_concept_list_free(handle);
  }
}

/** An immutable skill taxonomy (with its resolver and similarity tables, built on first use). */
class Taxonomy extends Handle {
  /** @private wraps an owned handle; use Taxonomy.bundled() or Taxonomy.load(). */
  constructor(handle) { super(handle, 'skm_taxonomy_free'); }

  /** The taxonomy compiled into the library (O*NET, ESCO, Stack Overflow, Japanese labels). */
  static bundled() {
    const out = [null];
    check(native().skm_taxonomy_bundled(out));
    return new Taxonomy(out[0]);
  }

  /** Loads native-format taxonomy files (a directory stands for every *.tsv in it). */
  static load(paths) {
    const list = Array.isArray(paths) ? paths : [paths];
    list.forEach((p, i) => str(p, `paths[${i}]`));
    const out = [null];
    check(native().skm_taxonomy_load(list, list.length, out));
    return new Taxonomy(out[0]);
  }

  /** Number of concepts. */
  get size() {
    const out = [0];
    check(native().skm_taxonomy_size(this._h, out));
    return out[0];
  }

  /** {id, label, kind} of a concept id (or alias id); NotFoundError when there is none. */
  concept(id) {
    const label = [null]; const kind = [null];
    check(native().skm_taxonomy_concept(this._h, str(id, 'id'), label, kind));
    return { id, label: label[0], kind: kind[0] };
  }

  /** Readings of free skill text, best first: [{id, label, score (confidence), detail (method)}]. */
  resolve(text, { maxResults = 5, minConfidence = 0.5, fuzzy = true } = {}) {
    const fns = native();
    const options = { size: koffi.sizeof('skm_resolve_options') };
    check(fns.skm_resolve_options_init(options, options.size));
    options.max_results = maxResults;
    options.min_confidence = minConfidence;
    options.fuzzy = fuzzy ? 1 : 0;
    const out = [null];
    check(fns.skm_taxonomy_resolve(this._h, str(text, 'text'), options, out));
    return conceptList(out[0]);
  }

  /**
   * Skill mentions in a posting or CV (English, Japanese, mixed), in text order: [{conceptId, label,
   * mention, start, end (UTF-16 offsets into `text`), codePointStart, codePointEnd, byteStart,
   * byteEnd, confidence, requirement ('must' | 'nice' | 'unstated'), years, ambiguous, evidence}].
   * Ordinary-word names ("Go", "Spring") need supporting context unless ambiguousWithContext is false.
   */
  extract(text, options = {}) {
    return extractWith(native().skm_taxonomy_extract, this._h, text, options);
  }

  /** The concepts most similar to an id or free text: [{id, label, score (similarity), detail (kind)}]. */
  similar(term, k = 10) {
    const out = [null];
    check(native().skm_taxonomy_similar(this._h, str(term, 'term'), k, out));
    return conceptList(out[0]);
  }

  /** sim(a, b) in [0, 1] of two concept ids. */
  similarity(idA, idB) {
    const out = [0];
    check(native().skm_taxonomy_similarity(this._h, str(idA, 'idA'), str(idB, 'idB'), out));
    return out[0];
  }
}

/** The best matches of one query, best first (ties by id); iterable, with length and at(i). */
class Results {
  constructor(queryId, admitted, matches) {
    this.queryId = queryId;   // the query profile's id
    this.admitted = admitted; // documents that passed the filters, before top-k
    this.matches = matches;   // [{id, score, explanation}]
    Object.freeze(this);
  }

  get length() { return this.matches.length; }
  at(index) { return this.matches.at(index); }
  [Symbol.iterator]() { return this.matches[Symbol.iterator](); }
}

function readResults(handle, explain) {
  const fns = native();
  const count = [0]; const admitted = [0]; const queryId = [null];
  check(fns.skm_results_count(handle, count));
  check(fns.skm_results_admitted(handle, admitted));
  check(fns.skm_results_query_id(handle, queryId));
  const matches = [];
  for (let i = 0; i < count[0]; i++) {
    const id = [null]; const score = [0];
    check(fns.skm_results_id(handle, i, id));
    check(fns.skm_results_score(handle, i, score));
    let explanation = null;
    if (explain) {
      const text = [null];
      check(fns.skm_results_explanation_json(handle, i, text));
      explanation = JSON.parse(text[0]);
    }
    matches.push(Object.freeze({ id: id[0], score: score[0], explanation }));
  }
  return new Results(queryId[0], admitted[0], Object.freeze(matches));
}

function consume(handle, explain) {
  try {
    return readResults(handle, explain);
  } finally {
    native().skm_results_free(handle);
  }
}

const NUMBER_OPTIONS = {
  mustThreshold: 'must_threshold',
  similarityFloor: 'similarity_floor',
  specificity: 'specificity',
  rerankDepth: 'rerank_depth',
  threads: 'threads',
};
const WEIGHT_OPTIONS = {
  vector: 'weight_vector',
  required: 'weight_required',
  preferred: 'weight_preferred',
  preferences: 'weight_preferences',
};

function matchOptions(options = {}) {
  const fns = native();
  const o = { size: koffi.sizeof('skm_match_options') };
  check(fns.skm_match_options_init(o, o.size));
  const { k = 10, filter = null, explain = false, requiredAsFilter = false, weights = {}, preferences = null,
    ...rest } = options;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  o.k = k;
  o.filter = filter ? str(filter, 'filter') : null;
  o.explain = explain ? 1 : 0;
  o.required_as_filter = requiredAsFilter ? 1 : 0;
  for (const [name, value] of Object.entries(rest)) {
    if (!(name in NUMBER_OPTIONS)) throw new TypeError(`unknown match option ${name}`);
    o[NUMBER_OPTIONS[name]] = value;
  }
  for (const [name, value] of Object.entries(weights)) {
    if (!(name in WEIGHT_OPTIONS)) throw new TypeError(`unknown score weight ${name}`);
    o[WEIGHT_OPTIONS[name]] = value;
  }
  if (preferences) {
    const pairs = Array.isArray(preferences) ? preferences : Object.entries(preferences);
    o.preferences = pairs.map(([expression, weight]) => ({ expression: str(expression, 'preference'), weight }));
    o.preference_count = pairs.length;
  } else {
    o.preferences = null;
    o.preference_count = 0;
  }
  return { o, explain: Boolean(explain) };
}

/**
 * The matching engine: a taxonomy plus one index of jobs and one of candidates.
 * Any number of matches may run while one writer upserts (the C ABI's contract); JS calls it from
 * one thread anyway. close() releases it; results already returned stay valid.
 */
// Engine.open() hands an opened handle to the constructor under this key.
const openedHandle = Symbol('openedHandle');

class Engine extends Handle {
  /**
   * @param {object} [options]
   * @param {Taxonomy} [options.taxonomy] default: the bundled one
   * @param {string|object} [options.jobSchema] attribute schema of jobs (docs/profiles.md), JSON text or object
   * @param {string|object} [options.candidateSchema] attribute schema of candidates
   * @param {boolean} [options.externalVectors] profiles carry "vector"; the engine does not embed
   * @param {number} [options.dimension] default 128
   * @param {number} [options.threads] 0 = hardware threads
   * @param {number} [options.minConfidence] default 0.6
   */
  constructor(options = {}) {
    if (options && options[openedHandle]) {
      super(options[openedHandle], 'skm_engine_free');
      return;
    }
    const { taxonomy = null, jobSchema = null, candidateSchema = null, externalVectors = false,
      dimension = 128, threads = 0, minConfidence = 0.6 } = options;
    const fns = native();
    const o = { size: koffi.sizeof('skm_engine_options') };
    check(fns.skm_engine_options_init(o, o.size));
    o.taxonomy = taxonomy ? taxonomy._h : null;
    o.job_schema_json = jobSchema !== null ? jsonText(jobSchema, 'jobSchema') : null;
    o.candidate_schema_json = candidateSchema !== null ? jsonText(candidateSchema, 'candidateSchema') : null;
    o.job_schema = null;
    o.candidate_schema = null;
    o.external_vectors = externalVectors ? 1 : 0;
    o.dimension = dimension;
    o.threads = threads;
    o.min_confidence = minConfidence;
    const out = [null];
    check(fns.skm_engine_create(o, out));
    super(out[0], 'skm_engine_free');
  }

  /**
   * An engine saved by save() (or `skillmatch index build`); nothing is relearned. Schemas, vector
   * kind and dimension come from the file. Throws CorruptError naming the part and offset for a
   * damaged, truncated or wrong-version file; InvalidArgumentError for another taxonomy.
   * @param {string} path
   * @param {object} [options] taxonomy (the one it was built with; default bundled), threads,
   *   minConfidence (0.6), verifyChecksums (true)
   */
  static open(path, { taxonomy = null, threads = 0, minConfidence = 0.6, verifyChecksums = true } = {}) {
    const fns = native();
    const o = { size: koffi.sizeof('skm_open_options') };
    check(fns.skm_open_options_init(o, o.size));
    o.taxonomy = taxonomy ? taxonomy._h : null;
    o.threads = threads;
    o.min_confidence = minConfidence;
    o.verify_checksums = verifyChecksums ? 1 : 0;
    const out = [null];
    check(fns.skm_engine_open(str(path, 'path'), o, out));
    return new Engine({ [openedHandle]: out[0] });
  }

  /**
   * Saves both sides, schemas, learned skill vectors and the taxonomy identity to `path`
   * (docs/index-format.md), atomically. Removed profiles are not written.
   * @param {string} path
   */
  save(path) {
    check(native().skm_engine_save(this._h, str(path, 'path')));
  }

  /** Vector length of the engine's profiles. */
  get dimension() {
    const out = [0];
    check(native().skm_engine_dimension(this._h, out));
    return out[0];
  }

  /** Skill mentions with the engine's resolver (see Taxonomy#extract); profiles given as
   * {id, text} to upsert() or match() get their skills this way. */
  extract(text, options = {}) {
    return extractWith(native().skm_engine_extract, this._h, text, options);
  }

  /** A new Taxonomy handle on the engine's taxonomy (close it when done). */
  taxonomy() {
    const out = [null];
    check(native().skm_engine_taxonomy(this._h, out));
    return new Taxonomy(out[0]);
  }

  /** Number of live profiles on `side`. */
  size(side) {
    const out = [0];
    check(native().skm_engine_size(this._h, checkSide(side), out));
    return out[0];
  }

  /**
   * Adds or replaces profiles: JSON or JSONL text, one object, or an array of objects. Returns how
   * many were added or replaced. A parse error adds nothing; an error while adding stops there.
   */
  upsert(side, profiles) {
    const text = Array.isArray(profiles)
      ? profiles.map((p, i) => jsonText(p, `profiles[${i}]`)).join('\n')
      : jsonText(profiles, 'profiles');
    const added = [0];
    check(native().skm_engine_upsert_json(this._h, checkSide(side), text, added));
    return added[0];
  }

  /** Removes a profile; true when it was there. */
  remove(side, id) {
    const removed = [0];
    check(native().skm_engine_remove(this._h, checkSide(side), str(id, 'id'), removed));
    return removed[0] !== 0;
  }

  /**
   * The best documents of the other side for a query profile of `side` (not stored).
   * Options: k (10), filter (docs/filters.md), explain, requiredAsFilter, mustThreshold,
   * similarityFloor, specificity, weights {vector, required, preferred, preferences},
   * preferences ({expression: weight} or [[expression, weight]]), rerankDepth, threads.
   */
  match(query, side = Side.JOB, options = {}) {
    const { o, explain } = matchOptions(options);
    const out = [null];
    check(native().skm_engine_match_json(this._h, checkSide(side), jsonText(query, 'query'), o, out));
    return consume(out[0], explain);
  }

  /** The same for a profile stored on `side`; NotFoundError for an unknown id. */
  matchId(side, id, options = {}) {
    const { o, explain } = matchOptions(options);
    const out = [null];
    check(native().skm_engine_match_id(this._h, checkSide(side), str(id, 'id'), o, out));
    return consume(out[0], explain);
  }

  /** Every stored profile of `side` against the other side, in row order: an array of Results. */
  matchAll(side, options = {}) {
    const fns = native();
    const { o, explain } = matchOptions(options);
    const out = [null];
    check(fns.skm_engine_match_all(this._h, checkSide(side), o, out));
    const batch = out[0];
    try {
      const count = [0];
      check(fns.skm_batch_count(batch, count));
      const all = [];
      for (let i = 0; i < count[0]; i++) {
        const one = [null];
        check(fns.skm_batch_get(batch, i, one));
        all.push(consume(one[0], explain));
      }
      return all;
    } finally {
      fns.skm_batch_free(batch);
    }
  }

  /**
   * The gap report (docs/gap.md) of the live jobs and candidates: `{ figures, html }`, the figures
   * parsed from its JSON (skills, areas, funnel, steps, jobGaps as job_gaps, exposure) and the HTML
   * page. `groups`: candidate attributes for the exposure section; [] = the protected ones;
   * undefined = none. Experimental (the C functions are in SKM_EXPERIMENTAL).
   */
  gapReport(groups) {
    const fns = native();
    if (groups !== undefined && !Array.isArray(groups)) throw new TypeError('groups must be an array of attribute names');
    const out = [null];
    check(fns.skm_engine_gap_report(this._h, groups === undefined ? null : groups.join(','), out));
    const report = out[0];
    try {
      const text = [null];
      check(fns.skm_report_json(report, text));
      const figures = JSON.parse(text[0]);
      check(fns.skm_report_html(report, text));
      return { figures, html: text[0] };
    } finally {
      fns.skm_report_free(report);
    }
  }
}

/** "MAJOR.MINOR.PATCH" of the loaded library. */
function version() { return native().skm_version(); }

module.exports = {
  Engine, Taxonomy, Results, Side, version, loadLibrary: (path) => { loadLibrary(path); },
  ...Object.fromEntries(Object.entries(errors).filter(([name]) => name !== 'check')),
};
