'use strict';
// Loading libskillmatch and declaring the C ABI (include/skillmatch/skillmatch.h) for koffi.
// Only this module knows C types. The library is found, in order: the path given to
// loadLibrary(), the environment variable SKILLMATCH_LIBRARY (ctest sets it to the build's
// libskillmatch.so), then the standard names through the dynamic loader.

const koffi = require('koffi');

const ENV_VARIABLE = 'SKILLMATCH_LIBRARY';
const STANDARD_NAMES = ['libskillmatch.so.0', 'libskillmatch.so', 'libskillmatch.dylib', 'skillmatch.dll'];

// Opaque handles: distinct types, so koffi refuses an engine where results are expected.
koffi.opaque('skm_taxonomy');
koffi.opaque('skm_concept_list');
koffi.opaque('skm_engine');
koffi.opaque('skm_results');
koffi.opaque('skm_batch');
koffi.opaque('skm_mentions');
koffi.opaque('skm_report');

koffi.struct('skm_resolve_options', {
  size: 'size_t',
  max_results: 'size_t',
  min_confidence: 'double',
  fuzzy: 'int',
});

koffi.struct('skm_engine_options', {
  size: 'size_t',
  taxonomy: 'skm_taxonomy *',
  job_schema_json: 'const char *',
  candidate_schema_json: 'const char *',
  job_schema: 'void *', // skm_schema*: the binding passes schemas as JSON text
  candidate_schema: 'void *',
  external_vectors: 'int',
  dimension: 'size_t',
  threads: 'size_t',
  min_confidence: 'double',
});

koffi.struct('skm_open_options', {
  size: 'size_t',
  taxonomy: 'skm_taxonomy *',
  threads: 'size_t',
  min_confidence: 'double',
  verify_checksums: 'int',
});

koffi.struct('skm_extract_options', {
  size: 'size_t',
  min_confidence: 'double',
  ambiguous_with_context: 'int',
  skills: 'int',
  soft_skills: 'int',
  max_bytes: 'size_t',
});

koffi.struct('skm_preference', {
  expression: 'const char *',
  weight: 'double',
});

koffi.struct('skm_match_options', {
  size: 'size_t',
  k: 'size_t',
  filter: 'const char *',
  required_as_filter: 'int',
  must_threshold: 'double',
  similarity_floor: 'double',
  specificity: 'double',
  weight_vector: 'double',
  weight_required: 'double',
  weight_preferred: 'double',
  weight_preferences: 'double',
  preferences: 'skm_preference *',
  preference_count: 'size_t',
  rerank_depth: 'size_t',
  explain: 'int',
  threads: 'size_t',
});

const PROTOTYPES = [
  'const char *skm_version(void)',
  'const char *skm_status_name(int status)',
  'const char *skm_last_error(void)',
  // taxonomy
  'int skm_taxonomy_bundled(_Out_ skm_taxonomy **out)',
  'int skm_taxonomy_load(const char **paths, size_t path_count, _Out_ skm_taxonomy **out)',
  'void skm_taxonomy_free(skm_taxonomy *taxonomy)',
  'int skm_taxonomy_size(const skm_taxonomy *taxonomy, _Out_ size_t *out_count)',
  'int skm_taxonomy_concept(const skm_taxonomy *taxonomy, const char *id, _Out_ const char **out_label, _Out_ const char **out_kind)',
  'int skm_resolve_options_init(_Inout_ skm_resolve_options *options, size_t size)',
  'int skm_taxonomy_resolve(const skm_taxonomy *taxonomy, const char *text, const skm_resolve_options *options, _Out_ skm_concept_list **out)',
  'int skm_taxonomy_similar(const skm_taxonomy *taxonomy, const char *term, size_t k, _Out_ skm_concept_list **out)',
  'int skm_taxonomy_similarity(const skm_taxonomy *taxonomy, const char *id_a, const char *id_b, _Out_ double *out_similarity)',
  'int skm_concept_list_count(const skm_concept_list *list, _Out_ size_t *out_count)',
  'int skm_concept_list_get(const skm_concept_list *list, size_t index, _Out_ const char **out_id, _Out_ const char **out_label, _Out_ double *out_score, _Out_ const char **out_detail)',
  'void skm_concept_list_free(skm_concept_list *list)',
  // extraction (the text goes as a Buffer with its byte length)
  'int skm_extract_options_init(_Inout_ skm_extract_options *options, size_t size)',
  'int skm_taxonomy_extract(const skm_taxonomy *taxonomy, const void *text, size_t length, const skm_extract_options *options, _Out_ skm_mentions **out)',
  'int skm_engine_extract(const skm_engine *engine, const void *text, size_t length, const skm_extract_options *options, _Out_ skm_mentions **out)',
  'int skm_mentions_json(const skm_mentions *mentions, _Out_ const char **out_json)',
  'void skm_mentions_free(skm_mentions *mentions)',
  // engine
  'int skm_engine_options_init(_Inout_ skm_engine_options *options, size_t size)',
  'int skm_engine_create(const skm_engine_options *options, _Out_ skm_engine **out)',
  'void skm_engine_free(skm_engine *engine)',
  'int skm_engine_taxonomy(const skm_engine *engine, _Out_ skm_taxonomy **out)',
  'int skm_engine_dimension(const skm_engine *engine, _Out_ size_t *out_dimension)',
  'int skm_engine_size(const skm_engine *engine, int side, _Out_ size_t *out_count)',
  'int skm_engine_upsert_json(skm_engine *engine, int side, const char *json, _Out_ size_t *out_added)',
  'int skm_engine_remove(skm_engine *engine, int side, const char *id, _Out_ int *out_removed)',
  'int skm_open_options_init(_Inout_ skm_open_options *options, size_t size)',
  'int skm_engine_save(const skm_engine *engine, const char *path)',
  'int skm_engine_open(const char *path, const skm_open_options *options, _Out_ skm_engine **out)',
  // matching
  'int skm_match_options_init(_Inout_ skm_match_options *options, size_t size)',
  'int skm_engine_match_json(const skm_engine *engine, int query_side, const char *profile_json, const skm_match_options *options, _Out_ skm_results **out)',
  'int skm_engine_match_id(const skm_engine *engine, int query_side, const char *id, const skm_match_options *options, _Out_ skm_results **out)',
  'int skm_engine_match_all(const skm_engine *engine, int query_side, const skm_match_options *options, _Out_ skm_batch **out)',
  'int skm_batch_count(const skm_batch *batch, _Out_ size_t *out_count)',
  'int skm_batch_get(const skm_batch *batch, size_t index, _Out_ skm_results **out)',
  'void skm_batch_free(skm_batch *batch)',
  'int skm_results_count(const skm_results *results, _Out_ size_t *out_count)',
  'int skm_results_query_id(const skm_results *results, _Out_ const char **out_id)',
  'int skm_results_admitted(const skm_results *results, _Out_ size_t *out_admitted)',
  'int skm_results_id(const skm_results *results, size_t index, _Out_ const char **out_id)',
  'int skm_results_score(const skm_results *results, size_t index, _Out_ double *out_score)',
  'int skm_results_explanation_json(const skm_results *results, size_t index, _Out_ const char **out_json)',
  'void skm_results_free(skm_results *results)',
  // the gap report (SKM_EXPERIMENTAL in skillmatch.h)
  'int skm_engine_gap_report(const skm_engine *engine, const char *group_attributes, _Out_ skm_report **out)',
  'int skm_report_json(const skm_report *report, _Out_ const char **out_json)',
  'int skm_report_html(const skm_report *report, _Out_ const char **out_html)',
  'void skm_report_free(skm_report *report)',
];

let loaded = null;

function candidates(path) {
  if (path) return [path];
  const fromEnv = process.env[ENV_VARIABLE];
  if (fromEnv) return [fromEnv];
  return STANDARD_NAMES;
}

/** Loads (once per process) the C library and declares every function; returns the functions. */
function loadLibrary(path) {
  if (loaded) return loaded;
  const tried = [];
  let lib = null;
  for (const name of candidates(path)) {
    try {
      lib = koffi.load(name);
      break;
    } catch (error) {
      tried.push(`${name} (${error.message})`);
    }
  }
  if (!lib) {
    throw new Error(`skillmatch: cannot load the C library; set ${ENV_VARIABLE} to the path of ` +
                    `libskillmatch.so. Tried: ${tried.join('; ')}`);
  }
  const fns = {};
  for (const prototype of PROTOTYPES) {
    const name = /\b(skm_\w+)\(/.exec(prototype)[1];
    fns[name] = lib.func(prototype);
  }
  loaded = fns;
  return fns;
}

/** The loaded functions (loads the library with the default search on first use). */
function native() {
  return loaded || loadLibrary();
}

module.exports = { koffi, loadLibrary, native, ENV_VARIABLE };
