/*
 * skillmatch/skillmatch.h — the C ABI of skillmatch (C99; also compiles as C++).
 *
 * One header for every language that is not C++: C itself, Python (ctypes/cffi), Node (koffi),
 * PHP FFI, Go cgo, Java FFM, Rust extern "C". The reference with one line per function is
 * docs/c-api.md.
 *
 * CONVENTIONS (they hold for every function below unless its comment says otherwise)
 *
 *  - Status. Every function returns skm_status: SKM_OK (0) on success, otherwise an error code, and
 *    then skm_last_error() gives a message naming what and where (the id, the line, the position in
 *    a filter). The three exceptions, which cannot fail, are skm_version(), skm_status_name() and
 *    skm_last_error() themselves.
 *  - Out-parameters. Results come back through pointers given last. On error an out-parameter
 *    that is a handle or a string is set to NULL (when the pointer itself is not NULL), numbers are
 *    left unchanged unless documented.
 *  - Handles. Each object is a typed opaque handle (skm_engine, skm_taxonomy, ...), created by a
 *    function that returns it through `skm_X **out` and released by skm_X_free(), which accepts
 *    NULL. A handle freed twice, or used after being freed, is undefined behaviour (as free()).
 *  - Strings. Input strings are NUL-terminated UTF-8; the caller owns them and the library copies
 *    what it keeps, so they may be freed as soon as the call returns. Invalid UTF-8 gives
 *    SKM_INVALID_ARGUMENT. Returned `const char *` strings belong to the handle they came from and
 *    stay valid, unchanged, until that handle is freed; never free them.
 *  - Options structs start with `size_t size`. Initialise one with its skm_X_options_init(&o,
 *    sizeof o), which sets `size` and every default; then change the fields you need. The library
 *    reads only the fields of the struct version that `size` names, so a program compiled against
 *    this header keeps working with a later library whose struct has grown (its newer fields take
 *    their defaults). Each released version of a struct has a fixed size (sizeof of that release's
 *    layout); fields are only ever appended, after the end of the previous version. Accepted: a
 *    released version's size, or anything at least the current sizeof (a newer header); any other
 *    size gives SKM_INVALID_ARGUMENT naming the accepted sizes. Output structs (skm_requirement)
 *    follow the same rule: the library fills only the fields of the caller's version. A NULL
 *    options pointer means "all defaults" wherever the parameter is documented as optional.
 *  - Stable and experimental. Everything here is stable ABI (kept within a major version) except
 *    what lies in the SKM_EXPERIMENTAL section at the end, which is declared only when the caller
 *    defines SKM_EXPERIMENTAL and may change or go in any release.
 *  - Booleans are `int` (0 = false, anything else = true).
 *  - Exceptions never cross this boundary: failures inside, including running out of memory, come
 *    back as a status.
 *
 * THREADS
 *  - skm_last_error() is per thread: it reports the last failure of the calling thread.
 *  - A taxonomy handle is immutable: every function taking `const skm_taxonomy *` may run
 *    concurrently with any other (lazily built tables are built once, other callers wait).
 *  - An engine follows the C++ contract: any number of threads may match and read (every function
 *    taking `const skm_engine *`) at once, also while one thread adds, updates or removes profiles.
 *    Several writers are safe too (they serialise). skm_engine_free() must not run concurrently
 *    with anything on that engine.
 *  - Results, batches and concept lists are immutable once returned: any number of threads may
 *    read one at once (lazily built JSON text is built under a lock inside the handle).
 *  - Profile builders and schema builders are plain values: one thread may modify one at a time;
 *    reading (passing it as `const`) may happen from several threads when nobody modifies it.
 *  - Different handles never share mutable state: they can be used from different threads freely.
 *
 * Not C++ in this header: no namespaces, no references, no bool, no overloads.
 */
#ifndef SKILLMATCH_SKILLMATCH_H
#define SKILLMATCH_SKILLMATCH_H

#include <stddef.h>
#include <stdint.h>

/* SKM_API marks exported functions. Building the shared library defines SKM_BUILDING_LIBRARY;
 * users of the static C library on Windows define SKM_STATIC. */
#if defined(_WIN32) && !defined(SKM_STATIC)
#  if defined(SKM_BUILDING_LIBRARY)
#    define SKM_API __declspec(dllexport)
#  else
#    define SKM_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define SKM_API __attribute__((visibility("default")))
#else
#  define SKM_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ============================================================================================ */
/* Version                                                                                      */
/* ============================================================================================ */

/* Version of this header. The shared library's SOVERSION is SKM_VERSION_MAJOR: a program built
 * against MAJOR.x runs with any library MAJOR.y, y >= x. */
#define SKM_VERSION_MAJOR 0
#define SKM_VERSION_MINOR 1
#define SKM_VERSION_PATCH 0
/* MAJOR * 10000 + MINOR * 100 + PATCH, for #if comparisons. */
#define SKM_VERSION_NUMBER (SKM_VERSION_MAJOR * 10000 + SKM_VERSION_MINOR * 100 + SKM_VERSION_PATCH)

/* "MAJOR.MINOR.PATCH" of the library actually loaded (may differ from the macros above when the
 * shared library was swapped). Static storage, never NULL, never fails; thread-safe. */
SKM_API const char *skm_version(void);

/* ============================================================================================ */
/* Status and errors                                                                            */
/* ============================================================================================ */

/* Codes 1..10 are the C++ library's skillmatch::ErrorCode values (error.hpp); 11.. belong to the
 * C ABI. New codes may be added at the end: treat any unknown non-zero value as an error. */
typedef enum skm_status {
  SKM_OK = 0,
  SKM_INVALID_ARGUMENT = 1,   /* a value outside the documented domain (k = 0, bad UTF-8, size too small...) */
  SKM_PARSE_ERROR = 2,        /* malformed text: JSON, a filter expression, a taxonomy or schema file */
  SKM_IO_ERROR = 3,           /* a file could not be opened or read */
  SKM_NOT_FOUND = 4,          /* an id, term or attribute that names nothing */
  SKM_CYCLE = 5,              /* a taxonomy's broader graph is not a DAG */
  SKM_DIMENSION_MISMATCH = 6, /* a vector of the wrong length */
  SKM_INVALID_VALUE = 7,      /* NaN, infinity or an otherwise unusable number */
  SKM_DUPLICATE = 8,          /* an id given twice where ids must be unique */
  SKM_CORRUPT = 9,            /* a file that fails its own integrity checks */
  SKM_INTERNAL = 10,          /* a broken invariant inside skillmatch (a bug: please report it) */
  SKM_NULL_ARGUMENT = 11,     /* a required pointer or handle was NULL */
  SKM_OUT_OF_MEMORY = 12      /* an allocation failed; the handle involved is unchanged */
} skm_status;

/* The name of a status: "ok", "invalid_argument", ..., "out_of_memory"; "unknown" for a value not
 * listed above. Static storage, never NULL, never fails; thread-safe. */
SKM_API const char *skm_status_name(int status);

/* The message of the most recent failed call on the calling thread, e.g.
 * "skm_engine_upsert_json: line 3: skills[1].weight must be a positive finite number"; "" when no
 * call on this thread has failed. Successful calls do not clear it. The string belongs to the
 * thread and stays valid until the next failing skm_ call on the same thread (copy it to keep it).
 * Never NULL, never fails. */
SKM_API const char *skm_last_error(void);

/* ============================================================================================ */
/* Handles                                                                                      */
/* ============================================================================================ */

typedef struct skm_taxonomy_s skm_taxonomy;         /* an immutable skill taxonomy (+ resolver, similarity) */
typedef struct skm_concept_list_s skm_concept_list; /* concepts with a score: resolve / similar results */
typedef struct skm_schema_s skm_schema;             /* attribute schema of one side, declared by calls */
typedef struct skm_profile_s skm_profile;           /* a profile builder (id, skills, attributes, vector) */
typedef struct skm_engine_s skm_engine;             /* the matching engine: taxonomy + job and candidate indexes */
typedef struct skm_results_s skm_results;           /* the best matches of one query */
typedef struct skm_batch_s skm_batch;               /* the results of every query of one side */
typedef struct skm_mentions_s skm_mentions;         /* skill mentions found in one text */

/* Which side of the market a profile belongs to. Functions take the side as an `int` (the same
 * ABI as the enum, and any value a binding passes is defined behaviour): other values give
 * SKM_INVALID_ARGUMENT. */
typedef enum skm_side {
  SKM_SIDE_JOB = 0,
  SKM_SIDE_CANDIDATE = 1
} skm_side;

/* ============================================================================================ */
/* Taxonomy                                                                                     */
/* ============================================================================================ */

/* The bundled default taxonomy for IT hiring (O*NET, ESCO, Stack Overflow, Japanese labels),
 * compiled into the library. The first call builds it (about a second); later calls share it.
 * Owns: *out, free with skm_taxonomy_free(). Errors: SKM_NULL_ARGUMENT, SKM_OUT_OF_MEMORY.
 * Thread-safe. */
SKM_API skm_status skm_taxonomy_bundled(skm_taxonomy **out);

/* Loads a taxonomy from native-format files (docs/taxonomy-format.md); a directory stands for every
 * *.tsv in it, in name order. `paths` holds `path_count` NUL-terminated paths (path_count >= 1).
 * Owns: *out, free with skm_taxonomy_free(). Errors: SKM_NULL_ARGUMENT (paths or one of them),
 * SKM_INVALID_ARGUMENT (path_count 0, bad UTF-8), SKM_IO_ERROR (naming the path), SKM_PARSE_ERROR
 * (naming file:line), SKM_DUPLICATE, SKM_NOT_FOUND (a reference to an undeclared id), SKM_CYCLE.
 * Thread-safe. */
SKM_API skm_status skm_taxonomy_load(const char *const *paths, size_t path_count, skm_taxonomy **out);

/* Releases a taxonomy handle. Engines, results and lists made from it keep what they need alive,
 * so it may be freed before them. NULL is accepted. Not concurrently with other calls on `taxonomy`. */
SKM_API void skm_taxonomy_free(skm_taxonomy *taxonomy);

/* Number of concepts. Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_taxonomy_size(const skm_taxonomy *taxonomy, size_t *out_count);

/* Looks up a concept by its stable id (or an alias id): its preferred label and kind ("technology",
 * "knowledge", "skill", "soft_skill", "occupation", "language", "certification", "category").
 * Strings valid until the taxonomy handle is freed. Either out-pointer may be NULL (not asked).
 * Errors: SKM_NULL_ARGUMENT (taxonomy, id), SKM_INVALID_ARGUMENT (bad UTF-8), SKM_NOT_FOUND. */
SKM_API skm_status skm_taxonomy_concept(const skm_taxonomy *taxonomy, const char *id, const char **out_label,
                                        const char **out_kind);

typedef struct skm_resolve_options {
  size_t size;           /* sizeof(skm_resolve_options), set by skm_resolve_options_init() */
  size_t max_results;    /* at most this many readings; default 5; 0 gives an empty list */
  double min_confidence; /* readings below this confidence are dropped, in [0, 1]; default 0.5 */
  int fuzzy;             /* allow the bounded typo fallback when no key matches; default 1 */
  /* ---- end of version 1 (0.1.0); version 2 adds (after version 1's padding): ---- */
  const char *kind;      /* only concepts of this kind ("skill", "knowledge", "technology", ...; see
                            skm_taxonomy_concept); NULL (default) = any kind; an unknown kind = SKM_INVALID_ARGUMENT */
  int compounds;         /* allow the compound fallback (text with kana/CJK split into known parts); default 1 */
} skm_resolve_options;

/* Sets options->size = size and every field to its default. `size` is the caller's
 * sizeof(skm_resolve_options). Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (size too small). */
SKM_API skm_status skm_resolve_options_init(skm_resolve_options *options, size_t size);

/* Resolves free skill text ("nodejs", "MS Excel", "機械学習", "Pyhton") to concepts, best first;
 * each item's score is the confidence in (0, 1] and its detail the method ("exact", "normalized",
 * "synonym", "vendor_dropped", "acronym", "reworded", "version_dropped", "list_part", "fuzzy", "compound",
 * "qualified"). An unknown term gives an EMPTY list and SKM_OK.
 * `options` may be NULL (defaults). The first resolve on a taxonomy handle builds its resolver.
 * Owns: *out, free with skm_concept_list_free(). Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT
 * (bad UTF-8, options out of range or size too small). Thread-safe. */
SKM_API skm_status skm_taxonomy_resolve(const skm_taxonomy *taxonomy, const char *text,
                                        const skm_resolve_options *options, skm_concept_list **out);

/* The concepts most similar to a term, best first, at most `k` (the library keeps up to 32 per
 * concept); each item's score is the similarity in (0, 1] and its detail the concept's kind.
 * `term` is a concept id or, failing that, free text resolved to its best reading.
 * The first call on a taxonomy handle builds the similarity tables and every neighbour list
 * (seconds on the bundled taxonomy). Owns: *out, free with skm_concept_list_free().
 * Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (k = 0, bad UTF-8), SKM_NOT_FOUND (the term is
 * neither an id nor resolvable). Thread-safe. */
SKM_API skm_status skm_taxonomy_similar(const skm_taxonomy *taxonomy, const char *term, size_t k,
                                        skm_concept_list **out);

/* sim(a, b) in [0, 1] of two concepts given by id (1 for the same concept); see docs/similarity.md.
 * Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (bad UTF-8), SKM_NOT_FOUND (naming the id). */
SKM_API skm_status skm_taxonomy_similarity(const skm_taxonomy *taxonomy, const char *id_a, const char *id_b,
                                           double *out_similarity);

/* --- concept lists (results of resolve and similar) --- */

/* Number of items. Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_concept_list_count(const skm_concept_list *list, size_t *out_count);

/* Item `index` (0-based, < count): the concept id, its preferred label, the score (confidence or
 * similarity) and a detail (resolve: the method; similar: the concept's kind). Any out-pointer may
 * be NULL. Strings valid until the list is freed. Errors: SKM_NULL_ARGUMENT,
 * SKM_INVALID_ARGUMENT (index out of range). */
SKM_API skm_status skm_concept_list_get(const skm_concept_list *list, size_t index, const char **out_id,
                                        const char **out_label, double *out_score, const char **out_detail);

/* Releases a list and its strings. NULL is accepted. */
SKM_API void skm_concept_list_free(skm_concept_list *list);

/* ============================================================================================ */
/* Skills from free text (postings, CVs; English and Japanese): docs/extract.md                  */
/* ============================================================================================ */

typedef struct skm_extract_options {
  size_t size;                /* sizeof(skm_extract_options), set by skm_extract_options_init() */
  double min_confidence;      /* mentions below this are dropped, in [0, 1]; default 0.5 */
  int ambiguous_with_context; /* keep ordinary-word names ("Go", "Spring", "Excel") when the context
                                 supports them; 0 = never; default 1 */
  int skills;                 /* keep skill and competence phrases ("manage budgets"); default 1 */
  int soft_skills;            /* keep soft skills; default 1 */
  size_t max_bytes;           /* longer texts are SKM_INVALID_ARGUMENT; default 64 MiB */
} skm_extract_options;

/* Sets options->size = size and every field to its default. Errors: SKM_NULL_ARGUMENT,
 * SKM_INVALID_ARGUMENT (size too small). */
SKM_API skm_status skm_extract_options_init(skm_extract_options *options, size_t size);

/* What a text says about needing a skill. */
enum { SKM_REQUIREMENT_UNSTATED = 0, SKM_REQUIREMENT_MUST = 1, SKM_REQUIREMENT_NICE = 2 };

/* The skill mentions of `length` bytes of UTF-8 at `text` (NUL bytes allowed inside; they separate
 * words), in text order, never overlapping. `options` may be NULL (defaults). The first call on a
 * taxonomy handle builds its resolver and the extractor's matcher (about a second on the bundled
 * taxonomy). Owns: *out, free with skm_mentions_free(). Errors: SKM_NULL_ARGUMENT (text NULL with
 * length > 0, taxonomy, out), SKM_INVALID_ARGUMENT (ill-formed UTF-8, naming the byte offset; a text
 * longer than options->max_bytes; options out of range or size too small). Thread-safe. */
SKM_API skm_status skm_taxonomy_extract(const skm_taxonomy *taxonomy, const char *text, size_t length,
                                        const skm_extract_options *options, skm_mentions **out);

/* The same with the engine's resolver (and its extractor, built on first use). Thread-safe. */
SKM_API skm_status skm_engine_extract(const skm_engine *engine, const char *text, size_t length,
                                      const skm_extract_options *options, skm_mentions **out);

/* Number of mentions. Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_mentions_count(const skm_mentions *mentions, size_t *out_count);

/* Mention `index` (0-based, < count). Offsets are into the text given: bytes and Unicode code
 * points, end exclusive. `requirement` is an SKM_REQUIREMENT_* value, `years` 0 when not stated.
 * Any out-pointer may be NULL. Strings valid until the mentions are freed. Errors:
 * SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (index out of range). */
SKM_API skm_status skm_mentions_get(const skm_mentions *mentions, size_t index, const char **out_concept_id,
                                    const char **out_text, size_t *out_byte_start, size_t *out_byte_end,
                                    size_t *out_cp_start, size_t *out_cp_end, double *out_confidence,
                                    int *out_requirement, double *out_years);

/* Mention `index`'s preferred label and its evidence ("label 'Go' (exact); near 'Python'; list"),
 * and whether it is an ordinary-word name kept for its context. Any out-pointer may be NULL.
 * Errors: as skm_mentions_get(). */
SKM_API skm_status skm_mentions_detail(const skm_mentions *mentions, size_t index, const char **out_label,
                                       const char **out_evidence, int *out_ambiguous);

/* Every mention as one JSON array of objects with concept_id, preferred_label, mention, start/end
 * (code points), byte_start/byte_end, utf16_start/utf16_end (for JavaScript strings), confidence,
 * requirement ("must", "nice", "unstated"), years, ambiguous and evidence. Valid until the
 * mentions are freed. Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_mentions_json(const skm_mentions *mentions, const char **out_json);

/* Releases mentions and their strings. NULL is accepted. */
SKM_API void skm_mentions_free(skm_mentions *mentions);

/* ============================================================================================ */
/* Attribute schemas declared through calls (or use JSON schema text in skm_engine_options)      */
/* ============================================================================================ */

/* An empty schema. Owns: *out, free with skm_schema_free(). Errors: SKM_NULL_ARGUMENT, SKM_OUT_OF_MEMORY. */
SKM_API skm_status skm_schema_new(skm_schema **out);

/* Parses schema text (docs/profiles.md, {"format": "skillmatch-attribute-schema", "version": 1,
 * ...}); further attributes may be declared afterwards. Owns: *out. Errors: SKM_NULL_ARGUMENT,
 * SKM_PARSE_ERROR (bad JSON, wrong format/version), SKM_INVALID_ARGUMENT (unknown type, bad
 * declaration, bad UTF-8), SKM_DUPLICATE. */
SKM_API skm_status skm_schema_from_json(const char *json, skm_schema **out);

/* Declare one attribute each. Names are identifiers [A-Za-z_][A-Za-z0-9_]*, unique ignoring case,
 * not a filter keyword. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (bad name, empty or
 * repeated ordinal level, more than 64 levels), SKM_DUPLICATE (name already declared); on error
 * the schema is unchanged. */
SKM_API skm_status skm_schema_add_categorical(skm_schema *schema, const char *name, int multi_valued);
/* An ordinal scale with `level_count` levels, lowest first ("junior", "mid", "senior"). */
SKM_API skm_status skm_schema_add_ordinal(skm_schema *schema, const char *name, const char *const *levels,
                                          size_t level_count);
/* The built-in JLPT ordinal scale N5 < N4 < N3 < N2 < N1. */
SKM_API skm_status skm_schema_add_jlpt(skm_schema *schema, const char *name);
SKM_API skm_status skm_schema_add_numeric(skm_schema *schema, const char *name);
SKM_API skm_status skm_schema_add_boolean(skm_schema *schema, const char *name);

/* Number of declared attributes. Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_schema_size(const skm_schema *schema, size_t *out_count);

/* Releases a schema. An engine created from it keeps its own copy. NULL is accepted. */
SKM_API void skm_schema_free(skm_schema *schema);

/* ============================================================================================ */
/* Engine                                                                                       */
/* ============================================================================================ */

typedef struct skm_engine_options {
  size_t size; /* sizeof(skm_engine_options), set by skm_engine_options_init() */
  /* The taxonomy; NULL = the bundled one. The engine shares it (and its resolver, if built);
   * the handle may be freed right after skm_engine_create(). */
  const skm_taxonomy *taxonomy;
  /* The attributes each side's profiles carry, either as JSON schema text (docs/profiles.md) or
   * as a schema declared through calls; at most one of the two per side (both = SKM_INVALID_ARGUMENT);
   * neither = no attributes. Filters of job->candidate queries use the candidate schema, and the
   * reverse. The engine copies them. Defaults: NULL. */
  const char *job_schema_json;
  const char *candidate_schema_json;
  const skm_schema *job_schema;
  const skm_schema *candidate_schema;
  /* 1: profiles must carry "vector" (external embeddings) with `dimension` components and the
   * engine does not embed; 0 (default): the engine learns skill vectors of `dimension` components
   * at start-up from the taxonomy and the bundled postings (seconds). */
  int external_vectors;
  size_t dimension;      /* default 128; 1..1024 for learned vectors */
  size_t threads;        /* worker threads for searches and batches, <= 1024; 0 (default) = hardware threads */
  double min_confidence; /* skill readings below this confidence count as unknown; default 0.6 */
} skm_engine_options;

/* Sets options->size = size and every default. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (size too small). */
SKM_API skm_status skm_engine_options_init(skm_engine_options *options, size_t size);

/* Creates an engine with empty job and candidate indexes. `options` may be NULL (all defaults:
 * bundled taxonomy, learned 128-dimensional vectors, no attributes).
 * Owns: *out, free with skm_engine_free(). Errors: SKM_NULL_ARGUMENT (out), SKM_INVALID_ARGUMENT
 * (size too small, both schema forms given, dimension 0 or too large, min_confidence outside
 * [0, 1], bad UTF-8), the schema text's errors (SKM_PARSE_ERROR, SKM_INVALID_ARGUMENT,
 * SKM_DUPLICATE), SKM_OUT_OF_MEMORY. Thread-safe (creating engines concurrently is fine). */
SKM_API skm_status skm_engine_create(const skm_engine_options *options, skm_engine **out);

/* Releases an engine and its indexes. Results and batches it returned stay valid. NULL is
 * accepted. Must not run concurrently with any other call on this engine. */
SKM_API void skm_engine_free(skm_engine *engine);

/* A new handle on the engine's taxonomy (to resolve terms or look up concept ids the engine
 * reports). Owns: *out, free with skm_taxonomy_free(). Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_engine_taxonomy(const skm_engine *engine, skm_taxonomy **out);

/* Vector length of the engine's profiles. Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_engine_dimension(const skm_engine *engine, size_t *out_dimension);

/* Number of live profiles on `side`. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (bad side). */
SKM_API skm_status skm_engine_size(const skm_engine *engine, int side, size_t *out_count);

/* --- adding, updating and removing profiles (writers: at most one at a time is the intended use) --- */

/* Adds profiles from JSON text (docs/profiles.md): one JSON object, or JSONL (one object per line,
 * blank lines allowed). A profile whose id is already stored on `side` replaces it (update).
 * Every line is parsed before anything is added, so a parse error adds nothing; an error while
 * adding (an attribute the schema does not declare, a wrong vector length) stops there, and the
 * profiles before it stay added. `out_added` (may be NULL) receives how many were added or
 * replaced, also on error. Errors (the message names the line and the id): SKM_NULL_ARGUMENT,
 * SKM_INVALID_ARGUMENT (bad side, bad UTF-8, wrong field type, empty text), SKM_PARSE_ERROR,
 * SKM_DUPLICATE (an id repeated within the text), SKM_NOT_FOUND (undeclared attribute),
 * SKM_DIMENSION_MISMATCH, SKM_INVALID_VALUE (NaN/Inf, zero vector, out-of-range numbers such as a
 * skill weight outside [1e-6, 1e6], an attribute value of the wrong type, an unknown ordinal level,
 * a categorical value outside the schema's closed "values"). A key repeated in one JSON object is
 * SKM_PARSE_ERROR. May run while other threads match. */
SKM_API skm_status skm_engine_upsert_json(skm_engine *engine, int side, const char *json, size_t *out_added);

/* Adds or replaces one profile built with skm_profile_*. The builder is only read (it can be
 * reused or freed afterwards). Errors as skm_engine_upsert_json(); on error nothing changes. */
SKM_API skm_status skm_engine_upsert_profile(skm_engine *engine, int side, const skm_profile *profile);

/* Removes the profile with this id from `side`; *out_removed (may be NULL) = 1 when it was there,
 * 0 when there was none (not an error). Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (bad side,
 * bad UTF-8). */
SKM_API skm_status skm_engine_remove(skm_engine *engine, int side, const char *id, int *out_removed);

/* --- saving and opening an engine (index file, docs/index-format.md) --- */

/* Options of skm_engine_open(). */
typedef struct skm_open_options {
  size_t size; /* sizeof(skm_open_options), set by skm_open_options_init() */
  /* The taxonomy the file was built with; NULL = the bundled one. Another taxonomy is refused
   * (SKM_INVALID_ARGUMENT naming both content hashes). The handle may be freed right after. */
  const skm_taxonomy *taxonomy;
  size_t threads;         /* worker threads, <= 1024; 0 (default) = hardware threads */
  double min_confidence;  /* for profiles parsed later (upserts, queries); default 0.6 */
  /* 1 (default): check every section's checksum before use (one pass at memory speed). 0: skip it,
   * for a file verified already; damage still gives an error, never a crash, but a flipped bit in a
   * vector may go unnoticed. */
  int verify_checksums;
} skm_open_options;

/* Sets options->size = size and every default. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (size too small). */
SKM_API skm_status skm_open_options_init(skm_open_options *options, size_t size);

/* Saves the engine (both sides' ids, skills, vectors, attributes and schemas, the learned skill
 * vectors, the taxonomy's identity) to `path` (UTF-8). Removed profiles are not written. Atomic:
 * a temporary file beside `path`, fsync, rename, fsync of the directory; a crash leaves the previous
 * file intact. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (bad UTF-8), SKM_IO_ERROR (with the
 * path and the system's reason), SKM_OUT_OF_MEMORY. May run while other threads match; writers
 * on this engine wait until it returns. */
SKM_API skm_status skm_engine_save(const skm_engine *engine, const char *path);

/* Opens an engine saved by skm_engine_save() (or `skillmatch index build`); nothing is relearned.
 * The schemas, vector kind and dimension come from the file. `options` may be NULL (defaults).
 * Owns: *out, free with skm_engine_free(). Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (size too
 * small, bad UTF-8, threads too large, a file built with another taxonomy), SKM_IO_ERROR (cannot be
 * read), SKM_CORRUPT ("index file '<path>': <part> at offset N: ..." for a damaged, truncated,
 * wrong-version or hostile file), SKM_OUT_OF_MEMORY. Thread-safe. */
SKM_API skm_status skm_engine_open(const char *path, const skm_open_options *options, skm_engine **out);

/* ============================================================================================ */
/* Profiles built through calls                                                                  */
/* ============================================================================================ */

/* A profile builder with this id (non-empty, at most 128 bytes, no control characters, no outer
 * white space). Skill texts are kept as written and resolved by the engine that receives the
 * profile. Owns: *out, free with skm_profile_free(). Errors: SKM_NULL_ARGUMENT,
 * SKM_INVALID_ARGUMENT (bad id, bad UTF-8). */
SKM_API skm_status skm_profile_new(const char *id, skm_profile **out);

/* Releases a builder. NULL is accepted. */
SKM_API void skm_profile_free(skm_profile *profile);

/* Free-text title ("Backend engineer"); an occupation it names contributes to the profile's
 * vector. Replaces an earlier title. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (bad UTF-8). */
SKM_API skm_status skm_profile_set_title(skm_profile *profile, const char *title);

/* The profile as prose: a posting or CV whose skills the receiving engine extracts (each concept
 * mentioned becomes a skill, a must-have where the text says so, with the years it states), beside
 * any skills added. Replaces an earlier text. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (bad
 * UTF-8). */
SKM_API skm_status skm_profile_set_text(skm_profile *profile, const char *text);

/* Adds a skill: `name` as written (resolved later), `weight` > 0 (1 = normal), `required`
 * (jobs: a must-have; ignored on candidates), `years` of experience in [0, 60] and `level` (a whole
 * number 1..5); 0 = not stated for either, and at most one of them may be non-zero.
 * Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (empty or overlong name, control characters,
 * bad UTF-8), SKM_INVALID_VALUE (weight, years or level out of range or NaN, both years and level);
 * on error the profile is unchanged. */
SKM_API skm_status skm_profile_add_skill(skm_profile *profile, const char *name, double weight, int required,
                                         double years, double level);

/* Attribute setters; setting a name again replaces the value. Names and types are checked against
 * the engine's schema when the profile is added or used as a query (SKM_NOT_FOUND for an undeclared
 * name, SKM_INVALID_ARGUMENT for a wrong type). Errors here: SKM_NULL_ARGUMENT,
 * SKM_INVALID_ARGUMENT (bad UTF-8), SKM_INVALID_VALUE (NaN or infinite number). */
SKM_API skm_status skm_profile_set_string(skm_profile *profile, const char *name, const char *value);
SKM_API skm_status skm_profile_set_number(skm_profile *profile, const char *name, double value);
SKM_API skm_status skm_profile_set_bool(skm_profile *profile, const char *name, int value);
/* A list of strings (multi-valued categorical); `count` may be 0 (present, no values). */
SKM_API skm_status skm_profile_set_strings(skm_profile *profile, const char *name, const char *const *values,
                                           size_t count);

/* An external vector of `dimension` floats (copied); replaces an earlier one. Needed when the
 * engine uses external vectors; otherwise it overrides the learned embedding of this profile.
 * The engine normalises it. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (dimension 0),
 * SKM_INVALID_VALUE (NaN or infinite component, naming its position). The length is checked
 * against the engine (SKM_DIMENSION_MISMATCH) when the profile is used. */
SKM_API skm_status skm_profile_set_vector(skm_profile *profile, const float *vector, size_t dimension);

/* The builder as profile JSON (docs/profiles.md). String valid until the builder is modified or
 * freed. Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_profile_to_json(const skm_profile *profile, const char **out_json);

/* ============================================================================================ */
/* Matching                                                                                      */
/* ============================================================================================ */

/* A soft preference: a filter expression over the other side's attributes and its weight (> 0).
 * Documents that satisfy it score higher (the "preferences" part of the score). */
typedef struct skm_preference {
  const char *expression; /* e.g. "remote = true" */
  double weight;          /* > 0 */
} skm_preference;

/* The largest k accepted (larger values, such as a negative number converted to size_t, are
 * rejected with SKM_INVALID_ARGUMENT). */
#define SKM_MAX_K 1000000u

typedef struct skm_match_options {
  size_t size;                      /* sizeof(skm_match_options), set by skm_match_options_init() */
  size_t k;                         /* results per query, 1..SKM_MAX_K; default 10 */
  const char *filter;               /* filter expression (docs/filters.md) over the other side's
                                       attributes, e.g. 'jlpt >= N3 and location in ("Tokyo", "Osaka")';
                                       NULL or "" = none (default) */
  int required_as_filter;           /* drop documents that miss a must-have; default 0 */
  double must_threshold;            /* similarity at which a must-have counts as met, [0, 1]; default 0.5 */
  double similarity_floor;          /* skill similarities below this earn no credit, [0, 1]; default 0.45 */
  double specificity;               /* how much a requirement's information content scales its weight, [0, 1]; default 1 */
  /* Weights of the score parts (scoring.hpp; >= 0, finite, not all 0); parts absent from a pair
   * hand their weight to the others. Defaults 0.665, 0.1425, 0.1425, 0.05 (fitted, docs/matching.md). */
  double weight_vector;
  double weight_required;
  double weight_preferred;
  double weight_preferences;
  const skm_preference *preferences; /* `preference_count` soft preferences; NULL when 0 (default) */
  size_t preference_count;
  size_t rerank_depth;              /* vector hits re-ranked by the full score, <= 10 x SKM_MAX_K;
                                       0 (default) = max(10 k, 200) */
  int explain;                      /* keep explanations (parts, requirements, filter outcome); default 0 */
  size_t threads;                   /* threads of this query or batch, <= 1024; 0 (default) = the engine's pool */
} skm_match_options;

/* Sets options->size = size and every default. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (size too small). */
SKM_API skm_status skm_match_options_init(skm_match_options *options, size_t size);

/* The best documents of the other side for a query profile of `query_side`, given as one JSON
 * object (docs/profiles.md) and not stored. Jobs -> candidates with SKM_SIDE_JOB, candidates ->
 * jobs with SKM_SIDE_CANDIDATE. `options` may be NULL (defaults).
 * Owns: *out, free with skm_results_free(). Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (bad
 * side, k = 0 or > SKM_MAX_K, options out of range or size too small, bad UTF-8), SKM_PARSE_ERROR
 * (the JSON, the filter or a preference, with the position), SKM_NOT_FOUND (an attribute the
 * filter names), the query's SKM_DIMENSION_MISMATCH / SKM_INVALID_VALUE. May run concurrently with
 * other matches and with one writer. */
SKM_API skm_status skm_engine_match_json(const skm_engine *engine, int query_side, const char *profile_json,
                                         const skm_match_options *options, skm_results **out);

/* The same for a profile built through calls. */
SKM_API skm_status skm_engine_match_profile(const skm_engine *engine, int query_side,
                                            const skm_profile *profile, const skm_match_options *options,
                                            skm_results **out);

/* The same for a profile stored on `query_side` under `id`; SKM_NOT_FOUND for an unknown id. */
SKM_API skm_status skm_engine_match_id(const skm_engine *engine, int query_side, const char *id,
                                       const skm_match_options *options, skm_results **out);

/* Batch: every stored profile of `query_side` against the other side (the vector stage runs as
 * blocked matrix products on the engine's threads); one result set per stored profile, in row
 * order. Owns: *out, free with skm_batch_free(). Errors as skm_engine_match_json(). */
SKM_API skm_status skm_engine_match_all(const skm_engine *engine, int query_side,
                                        const skm_match_options *options, skm_batch **out);

/* --- batches --- */

/* Number of result sets (queries). Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_batch_count(const skm_batch *batch, size_t *out_count);

/* The results of query `index` (< count) as a new handle sharing the batch's data (no copy): free
 * it with skm_results_free(); it stays valid after the batch is freed. Errors: SKM_NULL_ARGUMENT,
 * SKM_INVALID_ARGUMENT (index out of range). */
SKM_API skm_status skm_batch_get(const skm_batch *batch, size_t index, skm_results **out);

/* Releases a batch (results taken from it stay valid). NULL is accepted. */
SKM_API void skm_batch_free(skm_batch *batch);

/* --- results of one query (all strings valid until the results handle is freed) --- */

/* Number of matches (<= k). Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_results_count(const skm_results *results, size_t *out_count);

/* The query profile's id. Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_results_query_id(const skm_results *results, const char **out_id);

/* How many documents passed the filters (before top-k). Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_results_admitted(const skm_results *results, size_t *out_admitted);

/* Match `index` (0 = best; ties by id): the document's id and its score in [0, 1].
 * Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (index >= count). */
SKM_API skm_status skm_results_id(const skm_results *results, size_t index, const char **out_id);
SKM_API skm_status skm_results_score(const skm_results *results, size_t index, double *out_score);

/* Every result as JSON text: {"query": id, "admitted": n, "matches": [...]} with each match as in
 * skm_results_explanation_json() (only id and score without explain). Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_results_json(const skm_results *results, const char **out_json);

/* Match `index` as JSON text (docs/matching.md): {"id", "score", "parts": {name: {value, weight,
 * contribution}}, "requirements": [...], "missing_required": [...], "preferences": [...],
 * "filter": {...}}; without explain only id and score. Errors: SKM_NULL_ARGUMENT,
 * SKM_INVALID_ARGUMENT (index >= count). */
SKM_API skm_status skm_results_explanation_json(const skm_results *results, size_t index, const char **out_json);

/* The parts of a score (passed as `int`; other values give SKM_INVALID_ARGUMENT). */
typedef enum skm_part {
  SKM_PART_VECTOR = 0,     /* cosine of the two profile vectors (clamped at 0) */
  SKM_PART_REQUIRED = 1,   /* coverage of the job's must-have skills */
  SKM_PART_PREFERRED = 2,  /* coverage of the job's nice-to-have skills */
  SKM_PART_PREFERENCES = 3 /* weighted share of the query's soft preferences met */
} skm_part;

/* One part of match `index`'s score: whether it applies to this pair (*out_present), its value in
 * [0, 1], effective weight and contribution (value x weight; the contributions of the present parts
 * add up to the score). Any out-pointer may be NULL. Needs explain. Errors: SKM_NULL_ARGUMENT,
 * SKM_INVALID_ARGUMENT (index out of range, unknown part, results made without explain). */
SKM_API skm_status skm_results_part(const skm_results *results, size_t index, int part, int *out_present,
                                    double *out_value, double *out_weight, double *out_contribution);

/* How the job's skill `requirement` fared against the candidate's skills (one per skill of the
 * job, in the job's order). An output struct: set `size` = sizeof(skm_requirement) before the call;
 * the library fills only the fields that fit. Strings valid until the results handle is freed;
 * the concept strings are "" when the skill did not resolve / nothing matched. */
typedef struct skm_requirement {
  size_t size;                 /* set by the caller: sizeof(skm_requirement) */
  const char *text;            /* the job's skill as written */
  const char *concept_id;      /* the concept it resolved to */
  const char *concept_label;   /* its preferred label */
  int required;                /* 1 = must-have, 0 = nice-to-have */
  double weight;               /* the job's weight of the skill */
  const char *matched_text;    /* the candidate's best skill as written, "" when none */
  const char *matched_id;      /* its concept id, "" when none */
  double similarity;           /* sim(requirement, matched) */
  double level_factor;         /* years/level adjustment (scoring.hpp) */
  double credit;               /* similarity x level_factor */
  double contribution;         /* this requirement's share of the score */
} skm_requirement;

/* Number of requirements of match `index` (the job's skills). Needs explain. Errors:
 * SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (index out of range, results made without explain). */
SKM_API skm_status skm_results_requirement_count(const skm_results *results, size_t index, size_t *out_count);

/* Requirement `requirement` of match `index`. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT
 * (an index out of range, out->size too small, results made without explain). */
SKM_API skm_status skm_results_requirement(const skm_results *results, size_t index, size_t requirement,
                                           skm_requirement *out);

/* The must-haves of match `index` that were not met (as the job wrote them): count, then each.
 * Needs explain. Errors: SKM_NULL_ARGUMENT, SKM_INVALID_ARGUMENT (index out of range, no explain). */
SKM_API skm_status skm_results_missing_count(const skm_results *results, size_t index, size_t *out_count);
SKM_API skm_status skm_results_missing(const skm_results *results, size_t index, size_t missing,
                                       const char **out_text);

/* Whether match `index` passed the query's filter: *out_has_filter = 0 when the query had none
 * (then *out_passed = 1). Needs explain. Errors: as skm_results_missing_count(). */
SKM_API skm_status skm_results_filter_passed(const skm_results *results, size_t index, int *out_has_filter,
                                             int *out_passed);

/* Releases results and their strings. NULL is accepted. */
SKM_API void skm_results_free(skm_results *results);

/* ============================================================================================ */
/* SKM_EXPERIMENTAL: new, not yet stable. Declared only when the caller defines SKM_EXPERIMENTAL  */
/* before including this header; may change or be removed in any release (minor or patch).       */
/* ============================================================================================ */
#ifdef SKM_EXPERIMENTAL

/* The sizeof of the struct named `type_name` ("skm_resolve_options", "skm_engine_options",
 * "skm_match_options", "skm_requirement", "skm_extract_options") as this library was built: what a
 * binding that lays out structs at run time should set as `size`. Errors: SKM_NULL_ARGUMENT, SKM_NOT_FOUND (an
 * unknown name). Thread-safe. */
SKM_API skm_status skm_struct_size(const char *type_name, size_t *out_size);

/* The gap report (docs/gap.md): demand vs supply per skill, mission areas x Japanese level, the
 * near-qualified funnel and upskilling steps, and (with groups) exposure by group. */
typedef struct skm_report_s skm_report;

/* Computes the gap report of the engine's live jobs and candidates with the default options.
 * `group_attributes`: NULL = no exposure section; "" = the candidate schema's protected attributes;
 * else a comma-separated list of candidate attribute names ("degree,location"). Exposure uses each
 * job's top 10 over at most 1,000 jobs spread evenly. Owns *out: free with skm_report_free().
 * Errors: SKM_NULL_ARGUMENT (engine, out), SKM_INVALID_UTF8, SKM_NOT_FOUND (an unknown attribute,
 * named). Thread-safety: may run concurrently with matches and other reports on the same engine;
 * upserts and removes wait while it reads. */
SKM_API skm_status skm_engine_gap_report(const skm_engine *engine, const char *group_attributes, skm_report **out);

/* The report's figures as JSON (docs/gap.md: "skills" [{concept_id, label, demand, supply, ratio,
 * ...}], "areas", "funnel", "steps", "job_gaps", "exposure"). String owned by the report, valid until
 * skm_report_free(). Errors: SKM_NULL_ARGUMENT. Thread-safe on one report. */
SKM_API skm_status skm_report_json(const skm_report *report, const char **out_json);

/* The report as one self-contained HTML page (inline SVG, no script). Owned as skm_report_json().
 * Errors: SKM_NULL_ARGUMENT. */
SKM_API skm_status skm_report_html(const skm_report *report, const char **out_html);

/* Releases a report and its strings. NULL is accepted. */
SKM_API void skm_report_free(skm_report *report);

#endif /* SKM_EXPERIMENTAL */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* SKILLMATCH_SKILLMATCH_H */
