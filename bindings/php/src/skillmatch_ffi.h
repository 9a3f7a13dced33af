/* Generated from include/skillmatch/skillmatch.h by bindings/php/tools/make_header.php; do not edit. */
const char *skm_version(void);
typedef enum skm_status {
  SKM_OK = 0,
  SKM_INVALID_ARGUMENT = 1,
  SKM_PARSE_ERROR = 2,
  SKM_IO_ERROR = 3,
  SKM_NOT_FOUND = 4,
  SKM_CYCLE = 5,
  SKM_DIMENSION_MISMATCH = 6,
  SKM_INVALID_VALUE = 7,
  SKM_DUPLICATE = 8,
  SKM_CORRUPT = 9,
  SKM_INTERNAL = 10,
  SKM_NULL_ARGUMENT = 11,
  SKM_OUT_OF_MEMORY = 12
} skm_status;
const char *skm_status_name(int status);
const char *skm_last_error(void);
typedef struct skm_taxonomy_s skm_taxonomy;
typedef struct skm_concept_list_s skm_concept_list;
typedef struct skm_schema_s skm_schema;
typedef struct skm_profile_s skm_profile;
typedef struct skm_engine_s skm_engine;
typedef struct skm_results_s skm_results;
typedef struct skm_batch_s skm_batch;
typedef struct skm_mentions_s skm_mentions;
typedef enum skm_side {
  SKM_SIDE_JOB = 0,
  SKM_SIDE_CANDIDATE = 1
} skm_side;
skm_status skm_taxonomy_bundled(skm_taxonomy **out);
skm_status skm_taxonomy_load(const char *const *paths, size_t path_count, skm_taxonomy **out);
void skm_taxonomy_free(skm_taxonomy *taxonomy);
skm_status skm_taxonomy_size(const skm_taxonomy *taxonomy, size_t *out_count);
skm_status skm_taxonomy_concept(const skm_taxonomy *taxonomy, const char *id, const char **out_label,
                                        const char **out_kind);
typedef struct skm_resolve_options {
  size_t size;
  size_t max_results;
  double min_confidence;
  int fuzzy;
  const char *kind;
  int compounds;
} skm_resolve_options;
skm_status skm_resolve_options_init(skm_resolve_options *options, size_t size);
skm_status skm_taxonomy_resolve(const skm_taxonomy *taxonomy, const char *text,
                                        const skm_resolve_options *options, skm_concept_list **out);
skm_status skm_taxonomy_similar(const skm_taxonomy *taxonomy, const char *term, size_t k,
                                        skm_concept_list **out);
skm_status skm_taxonomy_similarity(const skm_taxonomy *taxonomy, const char *id_a, const char *id_b,
                                           double *out_similarity);
skm_status skm_concept_list_count(const skm_concept_list *list, size_t *out_count);
skm_status skm_concept_list_get(const skm_concept_list *list, size_t index, const char **out_id,
                                        const char **out_label, double *out_score, const char **out_detail);
void skm_concept_list_free(skm_concept_list *list);
typedef struct skm_extract_options {
  size_t size;
  double min_confidence;
  int ambiguous_with_context;
  int skills;
  int soft_skills;
  size_t max_bytes;
} skm_extract_options;
skm_status skm_extract_options_init(skm_extract_options *options, size_t size);
enum { SKM_REQUIREMENT_UNSTATED = 0, SKM_REQUIREMENT_MUST = 1, SKM_REQUIREMENT_NICE = 2 };
skm_status skm_taxonomy_extract(const skm_taxonomy *taxonomy, const char *text, size_t length,
                                        const skm_extract_options *options, skm_mentions **out);
skm_status skm_engine_extract(const skm_engine *engine, const char *text, size_t length,
                                      const skm_extract_options *options, skm_mentions **out);
skm_status skm_mentions_count(const skm_mentions *mentions, size_t *out_count);
skm_status skm_mentions_get(const skm_mentions *mentions, size_t index, const char **out_concept_id,
                                    const char **out_text, size_t *out_byte_start, size_t *out_byte_end,
                                    size_t *out_cp_start, size_t *out_cp_end, double *out_confidence,
                                    int *out_requirement, double *out_years);
skm_status skm_mentions_detail(const skm_mentions *mentions, size_t index, const char **out_label,
                                       const char **out_evidence, int *out_ambiguous);
skm_status skm_mentions_json(const skm_mentions *mentions, const char **out_json);
void skm_mentions_free(skm_mentions *mentions);
skm_status skm_schema_new(skm_schema **out);
skm_status skm_schema_from_json(const char *json, skm_schema **out);
skm_status skm_schema_add_categorical(skm_schema *schema, const char *name, int multi_valued);
skm_status skm_schema_add_ordinal(skm_schema *schema, const char *name, const char *const *levels,
                                          size_t level_count);
skm_status skm_schema_add_jlpt(skm_schema *schema, const char *name);
skm_status skm_schema_add_numeric(skm_schema *schema, const char *name);
skm_status skm_schema_add_boolean(skm_schema *schema, const char *name);
skm_status skm_schema_size(const skm_schema *schema, size_t *out_count);
void skm_schema_free(skm_schema *schema);
typedef struct skm_engine_options {
  size_t size;
  const skm_taxonomy *taxonomy;
  const char *job_schema_json;
  const char *candidate_schema_json;
  const skm_schema *job_schema;
  const skm_schema *candidate_schema;
  int external_vectors;
  size_t dimension;
  size_t threads;
  double min_confidence;
} skm_engine_options;
skm_status skm_engine_options_init(skm_engine_options *options, size_t size);
skm_status skm_engine_create(const skm_engine_options *options, skm_engine **out);
void skm_engine_free(skm_engine *engine);
skm_status skm_engine_taxonomy(const skm_engine *engine, skm_taxonomy **out);
skm_status skm_engine_dimension(const skm_engine *engine, size_t *out_dimension);
skm_status skm_engine_size(const skm_engine *engine, int side, size_t *out_count);
skm_status skm_engine_upsert_json(skm_engine *engine, int side, const char *json, size_t *out_added);
skm_status skm_engine_upsert_profile(skm_engine *engine, int side, const skm_profile *profile);
skm_status skm_engine_remove(skm_engine *engine, int side, const char *id, int *out_removed);
typedef struct skm_open_options {
  size_t size;
  const skm_taxonomy *taxonomy;
  size_t threads;
  double min_confidence;
  int verify_checksums;
} skm_open_options;
skm_status skm_open_options_init(skm_open_options *options, size_t size);
skm_status skm_engine_save(const skm_engine *engine, const char *path);
skm_status skm_engine_open(const char *path, const skm_open_options *options, skm_engine **out);
skm_status skm_profile_new(const char *id, skm_profile **out);
void skm_profile_free(skm_profile *profile);
skm_status skm_profile_set_title(skm_profile *profile, const char *title);
skm_status skm_profile_set_text(skm_profile *profile, const char *text);
skm_status skm_profile_add_skill(skm_profile *profile, const char *name, double weight, int required,
                                         double years, double level);
skm_status skm_profile_set_string(skm_profile *profile, const char *name, const char *value);
skm_status skm_profile_set_number(skm_profile *profile, const char *name, double value);
skm_status skm_profile_set_bool(skm_profile *profile, const char *name, int value);
skm_status skm_profile_set_strings(skm_profile *profile, const char *name, const char *const *values,
                                           size_t count);
skm_status skm_profile_set_vector(skm_profile *profile, const float *vector, size_t dimension);
skm_status skm_profile_to_json(const skm_profile *profile, const char **out_json);
typedef struct skm_preference {
  const char *expression;
  double weight;
} skm_preference;
typedef struct skm_match_options {
  size_t size;
  size_t k;
  const char *filter;
  int required_as_filter;
  double must_threshold;
  double similarity_floor;
  double specificity;
  double weight_vector;
  double weight_required;
  double weight_preferred;
  double weight_preferences;
  const skm_preference *preferences;
  size_t preference_count;
  size_t rerank_depth;
  int explain;
  size_t threads;
} skm_match_options;
skm_status skm_match_options_init(skm_match_options *options, size_t size);
skm_status skm_engine_match_json(const skm_engine *engine, int query_side, const char *profile_json,
                                         const skm_match_options *options, skm_results **out);
skm_status skm_engine_match_profile(const skm_engine *engine, int query_side,
                                            const skm_profile *profile, const skm_match_options *options,
                                            skm_results **out);
skm_status skm_engine_match_id(const skm_engine *engine, int query_side, const char *id,
                                       const skm_match_options *options, skm_results **out);
skm_status skm_engine_match_all(const skm_engine *engine, int query_side,
                                        const skm_match_options *options, skm_batch **out);
skm_status skm_batch_count(const skm_batch *batch, size_t *out_count);
skm_status skm_batch_get(const skm_batch *batch, size_t index, skm_results **out);
void skm_batch_free(skm_batch *batch);
skm_status skm_results_count(const skm_results *results, size_t *out_count);
skm_status skm_results_query_id(const skm_results *results, const char **out_id);
skm_status skm_results_admitted(const skm_results *results, size_t *out_admitted);
skm_status skm_results_id(const skm_results *results, size_t index, const char **out_id);
skm_status skm_results_score(const skm_results *results, size_t index, double *out_score);
skm_status skm_results_json(const skm_results *results, const char **out_json);
skm_status skm_results_explanation_json(const skm_results *results, size_t index, const char **out_json);
typedef enum skm_part {
  SKM_PART_VECTOR = 0,
  SKM_PART_REQUIRED = 1,
  SKM_PART_PREFERRED = 2,
  SKM_PART_PREFERENCES = 3
} skm_part;
skm_status skm_results_part(const skm_results *results, size_t index, int part, int *out_present,
                                    double *out_value, double *out_weight, double *out_contribution);
typedef struct skm_requirement {
  size_t size;
  const char *text;
  const char *concept_id;
  const char *concept_label;
  int required;
  double weight;
  const char *matched_text;
  const char *matched_id;
  double similarity;
  double level_factor;
  double credit;
  double contribution;
} skm_requirement;
skm_status skm_results_requirement_count(const skm_results *results, size_t index, size_t *out_count);
skm_status skm_results_requirement(const skm_results *results, size_t index, size_t requirement,
                                           skm_requirement *out);
skm_status skm_results_missing_count(const skm_results *results, size_t index, size_t *out_count);
skm_status skm_results_missing(const skm_results *results, size_t index, size_t missing,
                                       const char **out_text);
skm_status skm_results_filter_passed(const skm_results *results, size_t index, int *out_has_filter,
                                             int *out_passed);
void skm_results_free(skm_results *results);
skm_status skm_struct_size(const char *type_name, size_t *out_size);
typedef struct skm_report_s skm_report;
skm_status skm_engine_gap_report(const skm_engine *engine, const char *group_attributes, skm_report **out);
skm_status skm_report_json(const skm_report *report, const char **out_json);
skm_status skm_report_html(const skm_report *report, const char **out_html);
void skm_report_free(skm_report *report);
