/* tests/c/capi_test.c — every function of the C ABI (skillmatch.h) from plain C99, error paths
 * included: NULL handles and pointers, sizes too small, bad UTF-8, bad JSON, wrong dimensions,
 * unknown ids, NaN, out-of-range k and indexes. Exits non-zero when any check fails. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skillmatch/skillmatch.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                 \
  do {                                                                              \
    ++checks;                                                                       \
    if (!(cond)) {                                                                  \
      ++failures;                                                                   \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);      \
    }                                                                               \
  } while (0)

/* A call that must succeed. */
#define OK(call)                                                                    \
  do {                                                                              \
    skm_status ok_status_ = (call);                                                 \
    ++checks;                                                                       \
    if (ok_status_ != SKM_OK) {                                                     \
      ++failures;                                                                   \
      fprintf(stderr, "%s:%d: %s returned %s: %s\n", __FILE__, __LINE__, #call,     \
              skm_status_name(ok_status_), skm_last_error());                       \
    }                                                                               \
  } while (0)

/* A call that must fail with `expected` and leave a message naming the function. */
#define FAILS(expected, call)                                                       \
  do {                                                                              \
    skm_status fails_status_ = (call);                                              \
    ++checks;                                                                       \
    if (fails_status_ != (expected)) {                                              \
      ++failures;                                                                   \
      fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n", __FILE__, __LINE__, #call, \
              skm_status_name(fails_status_), skm_status_name(expected), skm_last_error()); \
    } else if (strncmp(skm_last_error(), "skm_", 4) != 0) {                         \
      ++failures;                                                                   \
      fprintf(stderr, "%s:%d: %s: message does not name the function: '%s'\n",     \
              __FILE__, __LINE__, #call, skm_last_error());                         \
    }                                                                               \
  } while (0)

#define ERROR_MENTIONS(text) CHECK(strstr(skm_last_error(), (text)) != NULL)

static const char *candidate_jsonl =
    "{\"id\": \"C1\", \"skills\": [\"Python\"], \"attributes\": {\"jlpt\": \"N2\", \"location\": \"Tokyo\", \"remote\": true}, \"vector\": [1, 0, 0, 0]}\n"
    "\n"
    "{\"id\": \"C2\", \"skills\": [\"Java\"], \"attributes\": {\"jlpt\": \"N4\", \"location\": \"Osaka\"}, \"vector\": [0, 1, 0, 0]}\n"
    "{\"id\": \"C3\", \"skills\": [\"Python\", {\"name\": \"SQL\", \"years\": 4}], \"attributes\": {\"jlpt\": \"N1\", \"location\": \"Tokyo\", \"remote\": false}, \"vector\": [0.9, 0.1, 0, 0]}\n"
    "{\"id\": \"C4\", \"skills\": [\"Microsoft Excel\"], \"attributes\": {\"location\": \"Lahore\", \"salary\": 5000000}, \"vector\": [0, 0, 1, 0]}\n";

static const char *job_query =
    "{\"id\": \"Q1\", \"title\": \"Data engineer\", \"skills\": [{\"name\": \"Python\", \"required\": true}, \"SQL\", "
    "{\"name\": \"Kubernetes\", \"required\": true}], \"vector\": [1, 0, 0, 0]}";

static const char *job_schema_json =
    "{\"format\": \"skillmatch-attribute-schema\", \"version\": 1, \"side\": \"jobs\", \"attributes\": "
    "{\"location\": {\"type\": \"categorical\"}, \"visa_sponsorship\": {\"type\": \"boolean\"}}}";

static int streq(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static void test_version_and_status(void) {
  char expected[32];
  sprintf(expected, "%d.%d.%d", SKM_VERSION_MAJOR, SKM_VERSION_MINOR, SKM_VERSION_PATCH);
  CHECK(streq(skm_version(), expected));
  CHECK(SKM_VERSION_NUMBER == SKM_VERSION_MAJOR * 10000 + SKM_VERSION_MINOR * 100 + SKM_VERSION_PATCH);
  CHECK(streq(skm_status_name(SKM_OK), "ok"));
  CHECK(streq(skm_status_name(SKM_PARSE_ERROR), "parse_error"));
  CHECK(streq(skm_status_name(SKM_INTERNAL), "internal"));
  CHECK(streq(skm_status_name(SKM_NULL_ARGUMENT), "null_argument"));
  CHECK(streq(skm_status_name(SKM_OUT_OF_MEMORY), "out_of_memory"));
  CHECK(streq(skm_status_name(99), "unknown"));
  CHECK(streq(skm_status_name(-1), "unknown"));
  CHECK(streq(skm_last_error(), "")); /* nothing has failed on this thread yet */
}

static int list_contains(const skm_concept_list *list, const char *id) {
  size_t n = 0, i;
  if (skm_concept_list_count(list, &n) != SKM_OK) return 0;
  for (i = 0; i < n; ++i) {
    const char *got = NULL;
    if (skm_concept_list_get(list, i, &got, NULL, NULL, NULL) == SKM_OK && streq(got, id)) return 1;
  }
  return 0;
}

static void test_bundled_taxonomy(void) {
  skm_taxonomy *tax = NULL;
  skm_concept_list *list = (skm_concept_list *)1; /* must be reset to NULL on error */
  skm_resolve_options ro;
  size_t n = 0;
  const char *label = NULL, *kind = NULL, *id = NULL, *detail = NULL;
  double score = -1, sim = -1;

  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_bundled(NULL));
  OK(skm_taxonomy_bundled(&tax));
  OK(skm_taxonomy_size(tax, &n));
  CHECK(n > 10000);
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_size(NULL, &n));
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_size(tax, NULL));

  OK(skm_taxonomy_concept(tax, "onet:tech:Python", &label, &kind));
  CHECK(streq(label, "Python"));
  CHECK(streq(kind, "technology"));
  OK(skm_taxonomy_concept(tax, "onet:tech:Python", NULL, NULL));
  label = "x";
  FAILS(SKM_NOT_FOUND, skm_taxonomy_concept(tax, "no:such:concept", &label, &kind));
  ERROR_MENTIONS("no:such:concept");
  CHECK(label == NULL);
  FAILS(SKM_INVALID_ARGUMENT, skm_taxonomy_concept(tax, "bad\xff utf8", &label, &kind));
  ERROR_MENTIONS("UTF-8");
  FAILS(SKM_INVALID_ARGUMENT, skm_taxonomy_concept(tax, "\xc0\xaf", &label, &kind)); /* overlong '/' */
  FAILS(SKM_INVALID_ARGUMENT, skm_taxonomy_concept(tax, "\xed\xa0\x80", &label, &kind)); /* surrogate */
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_concept(tax, NULL, &label, &kind));
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_concept(NULL, "onet:tech:Python", &label, &kind));

  /* resolve */
  OK(skm_taxonomy_resolve(tax, "nodejs", NULL, &list));
  OK(skm_concept_list_count(list, &n));
  CHECK(n >= 1);
  OK(skm_concept_list_get(list, 0, &id, &label, &score, &detail));
  CHECK(streq(id, "onet:tech:Node.js"));
  CHECK(streq(label, "Node.js"));
  CHECK(score > 0.5 && score <= 1.0);
  CHECK(streq(detail, "normalized") || streq(detail, "exact") || streq(detail, "synonym"));
  FAILS(SKM_INVALID_ARGUMENT, skm_concept_list_get(list, n, &id, NULL, NULL, NULL));
  CHECK(id == NULL);
  FAILS(SKM_NULL_ARGUMENT, skm_concept_list_get(NULL, 0, &id, NULL, NULL, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_concept_list_count(NULL, &n));
  FAILS(SKM_NULL_ARGUMENT, skm_concept_list_count(list, NULL));
  skm_concept_list_free(list);

  OK(skm_taxonomy_resolve(tax, "qwertyuiop zxcv", NULL, &list)); /* unknown: empty, not an error */
  OK(skm_concept_list_count(list, &n));
  CHECK(n == 0);
  skm_concept_list_free(list);

  OK(skm_taxonomy_resolve(tax, "\xe6\xa9\x9f\xe6\xa2\xb0\xe5\xad\xa6\xe7\xbf\x92", NULL, &list)); /* 機械学習 */
  CHECK(list_contains(list, "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43"));
  skm_concept_list_free(list);

  OK(skm_resolve_options_init(&ro, sizeof ro));
  CHECK(ro.size == sizeof ro && ro.max_results == 5 && ro.fuzzy == 1 && fabs(ro.min_confidence - 0.5) < 1e-9);
  ro.fuzzy = 0;
  OK(skm_taxonomy_resolve(tax, "Pyhton", &ro, &list)); /* a typo needs the fuzzy fallback */
  CHECK(!list_contains(list, "onet:tech:Python"));
  skm_concept_list_free(list);
  ro.fuzzy = 1;
  ro.max_results = 1;
  OK(skm_taxonomy_resolve(tax, "Pyhton", &ro, &list));
  OK(skm_concept_list_count(list, &n));
  CHECK(n == 1 && list_contains(list, "onet:tech:Python"));
  skm_concept_list_free(list);
  ro.min_confidence = 2.0;
  list = (skm_concept_list *)1;
  FAILS(SKM_INVALID_ARGUMENT, skm_taxonomy_resolve(tax, "python", &ro, &list));
  CHECK(list == NULL);
  ro.min_confidence = NAN;
  FAILS(SKM_INVALID_ARGUMENT, skm_taxonomy_resolve(tax, "python", &ro, &list));
  ro.min_confidence = 0.5;
  ro.size = 3;
  FAILS(SKM_INVALID_ARGUMENT, skm_taxonomy_resolve(tax, "python", &ro, &list));
  ERROR_MENTIONS("size");
  FAILS(SKM_INVALID_ARGUMENT, skm_resolve_options_init(&ro, 3));
  FAILS(SKM_NULL_ARGUMENT, skm_resolve_options_init(NULL, sizeof ro));
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_resolve(tax, NULL, NULL, &list));
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_resolve(tax, "python", NULL, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_resolve(NULL, "python", NULL, &list));
  FAILS(SKM_INVALID_ARGUMENT, skm_taxonomy_resolve(tax, "py\x80thon", NULL, &list));

  /* similar and similarity */
  OK(skm_taxonomy_similar(tax, "PyTorch", 5, &list));
  OK(skm_concept_list_count(list, &n));
  CHECK(n == 5);
  CHECK(list_contains(list, "onet:tech:TensorFlow"));
  OK(skm_concept_list_get(list, 0, NULL, NULL, &score, &detail));
  CHECK(score > 0 && score < 1.0);
  CHECK(detail != NULL && detail[0] != '\0');
  skm_concept_list_free(list);
  OK(skm_taxonomy_similar(tax, "onet:tech:PyTorch", 3, &list)); /* by id */
  OK(skm_concept_list_count(list, &n));
  CHECK(n == 3);
  skm_concept_list_free(list);
  FAILS(SKM_INVALID_ARGUMENT, skm_taxonomy_similar(tax, "PyTorch", 0, &list));
  FAILS(SKM_NOT_FOUND, skm_taxonomy_similar(tax, "qwertyuiop zxcv", 5, &list));
  ERROR_MENTIONS("qwertyuiop");
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_similar(tax, NULL, 5, &list));
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_similar(NULL, "PyTorch", 5, &list));

  OK(skm_taxonomy_similarity(tax, "onet:tech:Python", "onet:tech:Python", &sim));
  CHECK(sim == 1.0);
  OK(skm_taxonomy_similarity(tax, "onet:tech:PyTorch", "onet:tech:TensorFlow", &sim));
  CHECK(sim > 0.3 && sim < 1.0);
  FAILS(SKM_NOT_FOUND, skm_taxonomy_similarity(tax, "onet:tech:Python", "nope", &sim));
  ERROR_MENTIONS("nope");
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_similarity(tax, "onet:tech:Python", "onet:tech:Python", NULL));

  skm_taxonomy_free(tax);
  skm_taxonomy_free(NULL);
  skm_concept_list_free(NULL);
}

static int write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fputs(text, f);
  return fclose(f) == 0;
}

static void test_loaded_taxonomy(const char *dir) {
  char good[512], cyclic[512], broken[512];
  const char *paths[2];
  skm_taxonomy *tax = NULL;
  skm_concept_list *list = NULL;
  size_t n = 0;
  sprintf(good, "%s/capi_test_good.tsv", dir);
  sprintf(cyclic, "%s/capi_test_cycle.tsv", dir);
  sprintf(broken, "%s/capi_test_broken.tsv", dir);
  CHECK(write_file(good,
                   "#skillmatch-taxonomy 1\n"
                   "concept\tx:lang\tcategory\tProgramming languages\ten\n"
                   "concept\tx:python\ttechnology\tPython\ten\n"
                   "concept\tx:ruby\ttechnology\tRuby\ten\n"
                   "broader\tx:python\tx:lang\n"
                   "broader\tx:ruby\tx:lang\n"
                   "label\tx:python\tja\talternative\t\xe3\x83\x91\xe3\x82\xa4\xe3\x82\xbd\xe3\x83\xb3\n"));
  CHECK(write_file(cyclic,
                   "#skillmatch-taxonomy 1\n"
                   "concept\tx:a\tskill\tA\ten\n"
                   "concept\tx:b\tskill\tB\ten\n"
                   "broader\tx:a\tx:b\n"
                   "broader\tx:b\tx:a\n"));
  CHECK(write_file(broken, "#skillmatch-taxonomy 1\nconcept\tx:a\tnot_a_kind\tA\ten\n"));

  paths[0] = good;
  OK(skm_taxonomy_load(paths, 1, &tax));
  OK(skm_taxonomy_size(tax, &n));
  CHECK(n == 3);
  OK(skm_taxonomy_resolve(tax, "\xe3\x83\x91\xe3\x82\xa4\xe3\x82\xbd\xe3\x83\xb3", NULL, &list)); /* パイソン */
  CHECK(list_contains(list, "x:python"));
  skm_concept_list_free(list);
  skm_taxonomy_free(tax);

  tax = (skm_taxonomy *)1;
  paths[0] = cyclic;
  FAILS(SKM_CYCLE, skm_taxonomy_load(paths, 1, &tax));
  CHECK(tax == NULL);
  paths[0] = broken;
  FAILS(SKM_PARSE_ERROR, skm_taxonomy_load(paths, 1, &tax));
  ERROR_MENTIONS("capi_test_broken.tsv:2");
  paths[0] = "/nonexistent/skillmatch/taxonomy.tsv";
  FAILS(SKM_IO_ERROR, skm_taxonomy_load(paths, 1, &tax));
  ERROR_MENTIONS("/nonexistent/skillmatch/taxonomy.tsv");
  paths[0] = good;
  paths[1] = NULL;
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_load(paths, 2, &tax));
  FAILS(SKM_INVALID_ARGUMENT, skm_taxonomy_load(paths, 0, &tax));
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_load(NULL, 1, &tax));
  FAILS(SKM_NULL_ARGUMENT, skm_taxonomy_load(paths, 1, NULL));
  remove(good);
  remove(cyclic);
  remove(broken);
}

static skm_schema *candidate_schema(void) {
  skm_schema *schema = NULL;
  const char *levels[] = {"junior", "mid", "senior"};
  const char *repeated[] = {"low", "LOW"};
  size_t n = 0;
  OK(skm_schema_new(&schema));
  OK(skm_schema_add_jlpt(schema, "jlpt"));
  OK(skm_schema_add_categorical(schema, "location", 0));
  OK(skm_schema_add_categorical(schema, "languages", 1));
  OK(skm_schema_add_numeric(schema, "salary"));
  OK(skm_schema_add_boolean(schema, "remote"));
  OK(skm_schema_add_ordinal(schema, "seniority", levels, 3));
  FAILS(SKM_DUPLICATE, skm_schema_add_numeric(schema, "Salary")); /* names are unique ignoring case */
  FAILS(SKM_INVALID_ARGUMENT, skm_schema_add_boolean(schema, "1abc"));
  FAILS(SKM_INVALID_ARGUMENT, skm_schema_add_boolean(schema, "and"));
  FAILS(SKM_INVALID_ARGUMENT, skm_schema_add_ordinal(schema, "grade", repeated, 2));
  FAILS(SKM_INVALID_ARGUMENT, skm_schema_add_ordinal(schema, "grade", levels, 0));
  FAILS(SKM_INVALID_ARGUMENT, skm_schema_add_ordinal(schema, "grade", levels, 65));
  FAILS(SKM_NULL_ARGUMENT, skm_schema_add_ordinal(schema, "grade", NULL, 3));
  FAILS(SKM_NULL_ARGUMENT, skm_schema_add_jlpt(schema, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_schema_add_categorical(NULL, "x", 0));
  FAILS(SKM_NULL_ARGUMENT, skm_schema_add_numeric(NULL, "x"));
  FAILS(SKM_NULL_ARGUMENT, skm_schema_add_boolean(NULL, "x"));
  FAILS(SKM_NULL_ARGUMENT, skm_schema_add_jlpt(NULL, "x"));
  OK(skm_schema_size(schema, &n));
  CHECK(n == 6); /* the failed declarations left it unchanged */
  FAILS(SKM_NULL_ARGUMENT, skm_schema_size(NULL, &n));
  FAILS(SKM_NULL_ARGUMENT, skm_schema_new(NULL));
  return schema;
}

static void test_schema_json(void) {
  skm_schema *schema = (skm_schema *)1;
  size_t n = 0;
  OK(skm_schema_from_json(job_schema_json, &schema));
  OK(skm_schema_size(schema, &n));
  CHECK(n == 2);
  OK(skm_schema_add_numeric(schema, "salary_min")); /* may be extended */
  OK(skm_schema_size(schema, &n));
  CHECK(n == 3);
  skm_schema_free(schema);
  skm_schema_free(NULL);
  FAILS(SKM_PARSE_ERROR, skm_schema_from_json("{\"format\": ", &schema));
  CHECK(schema == NULL);
  FAILS(SKM_PARSE_ERROR, skm_schema_from_json("{\"format\": \"other\", \"version\": 1, \"attributes\": {}}", &schema));
  FAILS(SKM_INVALID_ARGUMENT,
        skm_schema_from_json("{\"format\": \"skillmatch-attribute-schema\", \"version\": 1, \"attributes\": "
                             "{\"x\": {\"type\": \"colour\"}}}", &schema));
  FAILS(SKM_NULL_ARGUMENT, skm_schema_from_json(NULL, &schema));
  FAILS(SKM_NULL_ARGUMENT, skm_schema_from_json(job_schema_json, NULL));
}

static void test_profile_builder(void) {
  skm_profile *p = (skm_profile *)1;
  const char *json = NULL;
  const char *langs[] = {"en", "ja"};
  const float vec[4] = {0.0f, 0.0f, 0.0f, 1.0f};
  float bad[4] = {1.0f, 0.0f, 0.0f, 0.0f};

  FAILS(SKM_INVALID_ARGUMENT, skm_profile_new("", &p));
  CHECK(p == NULL);
  FAILS(SKM_INVALID_ARGUMENT, skm_profile_new(" C9", &p));
  FAILS(SKM_INVALID_ARGUMENT, skm_profile_new("C\t9", &p));
  FAILS(SKM_INVALID_ARGUMENT, skm_profile_new("C\xff", &p));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_new(NULL, &p));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_new("C9", NULL));

  OK(skm_profile_new("C9", &p));
  OK(skm_profile_set_title(p, "Backend engineer"));
  OK(skm_profile_add_skill(p, "Python", 2.0, 0, 3.0, 0.0));
  OK(skm_profile_add_skill(p, "Kubernetes", 1.0, 1, 0.0, 4.0));
  FAILS(SKM_INVALID_VALUE, skm_profile_add_skill(p, "Go", 0.0, 0, 0, 0));
  ERROR_MENTIONS("weight");
  FAILS(SKM_INVALID_VALUE, skm_profile_add_skill(p, "Go", -1.0, 0, 0, 0));
  FAILS(SKM_INVALID_VALUE, skm_profile_add_skill(p, "Go", NAN, 0, 0, 0));
  FAILS(SKM_INVALID_VALUE, skm_profile_add_skill(p, "Go", INFINITY, 0, 0, 0));
  FAILS(SKM_INVALID_VALUE, skm_profile_add_skill(p, "Go", 1.0, 0, 61, 0));
  FAILS(SKM_INVALID_VALUE, skm_profile_add_skill(p, "Go", 1.0, 0, NAN, 0));
  FAILS(SKM_INVALID_VALUE, skm_profile_add_skill(p, "Go", 1.0, 0, 0, 2.5));
  FAILS(SKM_INVALID_VALUE, skm_profile_add_skill(p, "Go", 1.0, 0, 0, 6));
  FAILS(SKM_INVALID_VALUE, skm_profile_add_skill(p, "Go", 1.0, 0, 2, 3)); /* years and level */
  FAILS(SKM_INVALID_ARGUMENT, skm_profile_add_skill(p, "  ", 1.0, 0, 0, 0));
  FAILS(SKM_INVALID_ARGUMENT, skm_profile_add_skill(p, "G\no", 1.0, 0, 0, 0));
  FAILS(SKM_INVALID_ARGUMENT, skm_profile_add_skill(p, "G\xc3", 1.0, 0, 0, 0));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_add_skill(p, NULL, 1.0, 0, 0, 0));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_add_skill(NULL, "Go", 1.0, 0, 0, 0));

  OK(skm_profile_set_string(p, "location", "Tokyo"));
  OK(skm_profile_set_string(p, "jlpt", "N3"));
  OK(skm_profile_set_number(p, "salary", 6000000));
  OK(skm_profile_set_bool(p, "remote", 1));
  OK(skm_profile_set_strings(p, "languages", langs, 2));
  OK(skm_profile_set_strings(p, "languages", NULL, 0)); /* present, empty */
  OK(skm_profile_set_strings(p, "languages", langs, 2)); /* replaces */
  FAILS(SKM_INVALID_VALUE, skm_profile_set_number(p, "salary", NAN));
  FAILS(SKM_INVALID_VALUE, skm_profile_set_number(p, "salary", -INFINITY));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_set_strings(p, "languages", NULL, 2));
  FAILS(SKM_INVALID_ARGUMENT, skm_profile_set_string(p, "location", "\xfe"));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_set_string(p, NULL, "x"));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_set_string(NULL, "x", "y"));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_set_number(NULL, "x", 1));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_set_bool(NULL, "x", 1));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_set_title(NULL, "x"));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_set_title(p, NULL));

  OK(skm_profile_set_vector(p, vec, 4));
  bad[2] = NAN;
  FAILS(SKM_INVALID_VALUE, skm_profile_set_vector(p, bad, 4));
  ERROR_MENTIONS("vector[2]");
  bad[2] = INFINITY;
  FAILS(SKM_INVALID_VALUE, skm_profile_set_vector(p, bad, 4));
  FAILS(SKM_INVALID_ARGUMENT, skm_profile_set_vector(p, vec, 0));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_set_vector(p, NULL, 4));
  FAILS(SKM_NULL_ARGUMENT, skm_profile_set_vector(NULL, vec, 4));

  OK(skm_profile_to_json(p, &json));
  CHECK(json != NULL && strstr(json, "\"id\":\"C9\"") != NULL);
  CHECK(strstr(json, "\"Kubernetes\"") != NULL && strstr(json, "\"required\":true") != NULL);
  CHECK(strstr(json, "\"level\":4") != NULL && strstr(json, "\"years\":3") != NULL);
  CHECK(strstr(json, "\"languages\":[\"en\",\"ja\"]") != NULL);
  CHECK(strstr(json, "\"vector\":[0") != NULL);
  CHECK(strstr(json, "Go") == NULL); /* every failed add_skill left the profile unchanged */
  FAILS(SKM_NULL_ARGUMENT, skm_profile_to_json(NULL, &json));
  CHECK(json == NULL);
  FAILS(SKM_NULL_ARGUMENT, skm_profile_to_json(p, NULL));
  skm_profile_free(p);
  skm_profile_free(NULL);
}

static skm_engine *external_engine(void) {
  skm_engine_options eo;
  skm_engine *engine = (skm_engine *)1;
  skm_schema *schema = candidate_schema();
  size_t dim = 0;

  FAILS(SKM_NULL_ARGUMENT, skm_engine_options_init(NULL, sizeof eo));
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_options_init(&eo, sizeof eo - 1));
  OK(skm_engine_options_init(&eo, sizeof eo));
  CHECK(eo.size == sizeof eo && eo.dimension == 128 && eo.taxonomy == NULL && eo.external_vectors == 0);
  eo.external_vectors = 1;
  eo.dimension = 4;
  eo.candidate_schema = schema;
  eo.job_schema_json = job_schema_json;
  eo.threads = 2;

  eo.candidate_schema_json = job_schema_json; /* both forms for one side */
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_create(&eo, &engine));
  CHECK(engine == NULL);
  eo.candidate_schema_json = NULL;
  eo.dimension = 0;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_create(&eo, &engine));
  eo.dimension = (size_t)-1;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_create(&eo, &engine));
  eo.dimension = 4;
  eo.min_confidence = NAN;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_create(&eo, &engine));
  eo.min_confidence = 0.6;
  eo.threads = 100000;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_create(&eo, &engine));
  eo.threads = 2;
  eo.job_schema_json = "{not json";
  FAILS(SKM_PARSE_ERROR, skm_engine_create(&eo, &engine));
  eo.job_schema_json = job_schema_json;
  eo.size = 8;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_create(&eo, &engine));
  eo.size = sizeof eo;
  FAILS(SKM_NULL_ARGUMENT, skm_engine_create(&eo, NULL));

  OK(skm_engine_create(&eo, &engine));
  skm_schema_free(schema); /* the engine keeps its own copy */
  OK(skm_engine_dimension(engine, &dim));
  CHECK(dim == 4);
  FAILS(SKM_NULL_ARGUMENT, skm_engine_dimension(NULL, &dim));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_dimension(engine, NULL));
  return engine;
}

static size_t engine_size(const skm_engine *engine, int side) {
  size_t n = (size_t)-1;
  OK(skm_engine_size(engine, side, &n));
  return n;
}

static void test_indexing(skm_engine *engine) {
  size_t added = 99;
  int removed = -1;
  skm_profile *p = NULL;
  const float v5[4] = {0.0f, 0.0f, 0.0f, 1.0f};
  const float v3[3] = {1.0f, 0.0f, 0.0f};

  OK(skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, candidate_jsonl, &added));
  CHECK(added == 4);
  CHECK(engine_size(engine, SKM_SIDE_CANDIDATE) == 4);
  CHECK(engine_size(engine, SKM_SIDE_JOB) == 0);
  /* one object spread over lines */
  OK(skm_engine_upsert_json(engine, SKM_SIDE_JOB,
                            "{\n \"id\": \"J1\",\n \"skills\": [{\"name\": \"Python\", \"required\": true}],\n"
                            " \"attributes\": {\"location\": \"Tokyo\", \"visa_sponsorship\": true},\n \"vector\": [1, 0, 0, 0]\n}",
                            &added));
  CHECK(added == 1);
  OK(skm_engine_upsert_json(engine, SKM_SIDE_JOB,
                            "{\"id\": \"J2\", \"skills\": [\"Java\"], \"vector\": [0, 1, 0, 0]}\n"
                            "{\"id\": \"J3\", \"skills\": [\"Excel\"], \"vector\": [0, 0, 1, 0]}\n",
                            NULL));
  CHECK(engine_size(engine, SKM_SIDE_JOB) == 3);

  /* errors: nothing added on a parse error; the message names the line */
  FAILS(SKM_PARSE_ERROR, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                                "{\"id\": \"C7\", \"skills\": [\"Go\"], \"vector\": [1, 0, 0, 0]}\n{\"id\": ",
                                                &added));
  CHECK(added == 0);
  ERROR_MENTIONS(":2");
  FAILS(SKM_DUPLICATE, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                              "{\"id\": \"C7\", \"skills\": [\"Go\"], \"vector\": [1, 0, 0, 0]}\n"
                                              "{\"id\": \"C7\", \"skills\": [\"Go\"], \"vector\": [1, 0, 0, 0]}\n",
                                              &added));
  FAILS(SKM_NOT_FOUND, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                              "{\"id\": \"C7\", \"skills\": [\"Go\"], \"attributes\": {\"shoe_size\": 42}, \"vector\": [1, 0, 0, 0]}",
                                              &added));
  ERROR_MENTIONS("shoe_size");
  FAILS(SKM_INVALID_VALUE, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                                     "{\"id\": \"C7\", \"skills\": [\"Go\"], \"attributes\": {\"jlpt\": \"N7\"}, \"vector\": [1, 0, 0, 0]}",
                                                     &added));
  FAILS(SKM_DIMENSION_MISMATCH, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                                       "{\"id\": \"C7\", \"skills\": [\"Go\"], \"vector\": [1, 0, 0]}", &added));
  FAILS(SKM_INVALID_VALUE, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                                  "{\"id\": \"C7\", \"skills\": [\"Go\"], \"vector\": [0, 0, 0, 0]}", &added));
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                                     "{\"id\": \"C7\", \"skills\": [\"Go\"]}", &added)); /* vector required */
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                                     "{\"id\": \"C7\", \"skils\": [\"Go\"], \"vector\": [1, 0, 0, 0]}", &added));
  ERROR_MENTIONS("skils");
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, "  \n ", &added));
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                                     "{\"id\": \"C7\", \"skills\": [\"G\xff\"], \"vector\": [1, 0, 0, 0]}", &added));
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_upsert_json(engine, 2, candidate_jsonl, &added));
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_upsert_json(engine, -1, candidate_jsonl, &added));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, NULL, &added));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_upsert_json(NULL, SKM_SIDE_CANDIDATE, candidate_jsonl, &added));
  CHECK(engine_size(engine, SKM_SIDE_CANDIDATE) == 4);
  /* an error while adding keeps the profiles before it */
  FAILS(SKM_NOT_FOUND, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                                              "{\"id\": \"C8\", \"skills\": [\"Go\"], \"vector\": [0, 0, 0, 1]}\n"
                                              "{\"id\": \"C9\", \"skills\": [\"Go\"], \"attributes\": {\"shoe_size\": 1}, \"vector\": [1, 0, 0, 0]}\n",
                                              &added));
  ERROR_MENTIONS("C9");
  CHECK(added == 1);
  CHECK(engine_size(engine, SKM_SIDE_CANDIDATE) == 5);
  OK(skm_engine_remove(engine, SKM_SIDE_CANDIDATE, "C8", &removed));
  CHECK(removed == 1);

  /* structured profiles */
  OK(skm_profile_new("C5", &p));
  OK(skm_profile_add_skill(p, "Go", 1.0, 0, 2.0, 0.0));
  OK(skm_profile_set_string(p, "location", "Tokyo"));
  OK(skm_profile_set_strings(p, "languages", NULL, 0));
  OK(skm_profile_set_string(p, "seniority", "mid"));
  OK(skm_profile_set_vector(p, v3, 3));
  FAILS(SKM_DIMENSION_MISMATCH, skm_engine_upsert_profile(engine, SKM_SIDE_CANDIDATE, p));
  OK(skm_profile_set_vector(p, v5, 4));
  OK(skm_profile_set_number(p, "seniority", 3)); /* wrong type for an ordinal */
  FAILS(SKM_INVALID_VALUE, skm_engine_upsert_profile(engine, SKM_SIDE_CANDIDATE, p));
  ERROR_MENTIONS("C5");
  OK(skm_profile_set_string(p, "seniority", "senior"));
  OK(skm_engine_upsert_profile(engine, SKM_SIDE_CANDIDATE, p));
  CHECK(engine_size(engine, SKM_SIDE_CANDIDATE) == 5);
  OK(skm_engine_upsert_profile(engine, SKM_SIDE_CANDIDATE, p)); /* update: same id */
  CHECK(engine_size(engine, SKM_SIDE_CANDIDATE) == 5);
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_upsert_profile(engine, 5, p));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_upsert_profile(engine, SKM_SIDE_CANDIDATE, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_upsert_profile(NULL, SKM_SIDE_CANDIDATE, p));
  skm_profile_free(p);

  OK(skm_engine_remove(engine, SKM_SIDE_CANDIDATE, "C5", &removed));
  CHECK(removed == 1);
  OK(skm_engine_remove(engine, SKM_SIDE_CANDIDATE, "C5", &removed));
  CHECK(removed == 0);
  OK(skm_engine_remove(engine, SKM_SIDE_CANDIDATE, "C5", NULL));
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_remove(engine, 3, "C5", &removed));
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_remove(engine, SKM_SIDE_CANDIDATE, "\x80", &removed));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_remove(engine, SKM_SIDE_CANDIDATE, NULL, &removed));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_remove(NULL, SKM_SIDE_CANDIDATE, "C5", &removed));
  CHECK(engine_size(engine, SKM_SIDE_CANDIDATE) == 4);
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_size(engine, 9, &added));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_size(engine, SKM_SIDE_JOB, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_size(NULL, SKM_SIDE_JOB, &added));
}

static int result_has(const skm_results *r, const char *id) {
  size_t n = 0, i;
  if (skm_results_count(r, &n) != SKM_OK) return 0;
  for (i = 0; i < n; ++i) {
    const char *got = NULL;
    if (skm_results_id(r, i, &got) == SKM_OK && streq(got, id)) return 1;
  }
  return 0;
}

static void test_matching(skm_engine *engine) {
  skm_match_options mo;
  skm_results *r = (skm_results *)1, *r2 = NULL;
  skm_batch *batch = (skm_batch *)1;
  skm_profile *p = NULL;
  skm_preference prefs[2];
  skm_requirement req;
  size_t n = 0, i, admitted = 0, reqs = 0, missing = 0;
  const char *id = NULL, *json = NULL, *text = NULL;
  double score = 0, prev = 2.0, value = -1, weight = -1, contribution = -1, total = 0;
  int present = -1, has_filter = -1, passed = -1;

  FAILS(SKM_NULL_ARGUMENT, skm_match_options_init(NULL, sizeof mo));
  FAILS(SKM_INVALID_ARGUMENT, skm_match_options_init(&mo, 4));
  OK(skm_match_options_init(&mo, sizeof mo));
  CHECK(mo.size == sizeof mo && mo.k == 10 && mo.filter == NULL && mo.explain == 0);
  CHECK(fabs(mo.weight_vector - 0.665) < 1e-6 && fabs(mo.must_threshold - 0.5) < 1e-6 && fabs(mo.similarity_floor - 0.45) < 1e-6);
  mo.k = 3;
  mo.explain = 1;

  OK(skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  OK(skm_results_count(r, &n));
  CHECK(n == 3);
  OK(skm_results_query_id(r, &id));
  CHECK(streq(id, "Q1"));
  OK(skm_results_admitted(r, &admitted));
  CHECK(admitted == 4);
  for (i = 0; i < n; ++i) {
    OK(skm_results_score(r, i, &score));
    CHECK(score >= 0 && score <= 1 && score <= prev);
    prev = score;
  }
  CHECK(result_has(r, "C1") && result_has(r, "C3")); /* Python and the nearest vectors */
  OK(skm_results_id(r, 0, &id));
  CHECK(streq(id, "C1") || streq(id, "C3"));
  FAILS(SKM_INVALID_ARGUMENT, skm_results_id(r, 3, &id));
  CHECK(id == NULL);
  FAILS(SKM_INVALID_ARGUMENT, skm_results_score(r, (size_t)-1, &score));

  /* explanations through accessors: contributions add up to the score */
  OK(skm_results_score(r, 0, &score));
  for (i = SKM_PART_VECTOR; i <= SKM_PART_PREFERENCES; ++i) {
    OK(skm_results_part(r, 0, (int)i, &present, &value, &weight, &contribution));
    if (present) total += contribution;
    if (present) CHECK(fabs(contribution - value * weight) < 1e-5);
  }
  CHECK(fabs(total - score) < 1e-4);
  OK(skm_results_part(r, 0, SKM_PART_PREFERENCES, &present, NULL, NULL, NULL));
  CHECK(present == 0); /* no preferences given */
  OK(skm_results_part(r, 0, SKM_PART_REQUIRED, &present, &value, NULL, NULL));
  CHECK(present == 1 && value > 0 && value < 1); /* Python met, Kubernetes not */
  FAILS(SKM_INVALID_ARGUMENT, skm_results_part(r, 0, 4, &present, NULL, NULL, NULL));
  FAILS(SKM_INVALID_ARGUMENT, skm_results_part(r, 0, -1, &present, NULL, NULL, NULL));
  FAILS(SKM_INVALID_ARGUMENT, skm_results_part(r, 9, SKM_PART_VECTOR, &present, NULL, NULL, NULL));

  OK(skm_results_requirement_count(r, 0, &reqs));
  CHECK(reqs == 3);
  memset(&req, 0, sizeof req);
  req.size = sizeof req;
  OK(skm_results_requirement(r, 0, 0, &req));
  CHECK(req.size == sizeof req);
  CHECK(streq(req.text, "Python") && streq(req.concept_id, "onet:tech:Python") && streq(req.concept_label, "Python"));
  CHECK(req.required == 1 && req.similarity == 1.0 && streq(req.matched_text, "Python") && streq(req.matched_id, "onet:tech:Python"));
  CHECK(req.credit == 1.0 && req.contribution > 0 && req.weight > 0 && req.level_factor == 1.0);
  OK(skm_results_requirement(r, 0, 2, &req));
  CHECK(streq(req.text, "Kubernetes") && req.required == 1);
  FAILS(SKM_INVALID_ARGUMENT, skm_results_requirement(r, 0, 3, &req));
  req.size = 4;
  FAILS(SKM_INVALID_ARGUMENT, skm_results_requirement(r, 0, 0, &req));
  FAILS(SKM_NULL_ARGUMENT, skm_results_requirement(r, 0, 0, NULL));
  OK(skm_results_missing_count(r, 0, &missing));
  CHECK(missing == 1);
  OK(skm_results_missing(r, 0, 0, &text));
  CHECK(streq(text, "Kubernetes"));
  FAILS(SKM_INVALID_ARGUMENT, skm_results_missing(r, 0, 1, &text));
  CHECK(text == NULL);
  OK(skm_results_filter_passed(r, 0, &has_filter, &passed));
  CHECK(has_filter == 0 && passed == 1);

  OK(skm_results_explanation_json(r, 0, &json));
  CHECK(json && strstr(json, "\"parts\":{\"vector\":{\"value\":") && strstr(json, "\"missing_required\":[\"Kubernetes\"]"));
  OK(skm_results_explanation_json(r, 0, &text));
  CHECK(text == json); /* cached: the same string for the handle's lifetime */
  FAILS(SKM_INVALID_ARGUMENT, skm_results_explanation_json(r, 3, &json));
  OK(skm_results_json(r, &json));
  CHECK(json && strstr(json, "\"query\":\"Q1\"") && strstr(json, "\"admitted\":4") && strstr(json, "\"matches\":["));
  FAILS(SKM_NULL_ARGUMENT, skm_results_json(NULL, &json));
  FAILS(SKM_NULL_ARGUMENT, skm_results_json(r, NULL));
  skm_results_free(r);

  /* filter, required-as-filter, preferences */
  mo.filter = "jlpt >= N2";
  OK(skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  OK(skm_results_admitted(r, &admitted));
  OK(skm_results_count(r, &n));
  CHECK(admitted == 2 && n == 2 && result_has(r, "C1") && result_has(r, "C3"));
  OK(skm_results_filter_passed(r, 0, &has_filter, &passed));
  CHECK(has_filter == 1 && passed == 1);
  OK(skm_results_explanation_json(r, 1, &json));
  CHECK(strstr(json, "\"filter\":{") != NULL);
  skm_results_free(r);
  mo.filter = "location = \"Osaka\" or salary > 1000000";
  OK(skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  OK(skm_results_count(r, &n));
  CHECK(n == 2 && result_has(r, "C2") && result_has(r, "C4"));
  skm_results_free(r);
  mo.filter = "";
  mo.required_as_filter = 1;
  mo.must_threshold = 0.9; /* Microsoft Excel is 0.52 similar to Python: not a match at 0.9 */
  mo.k = 10;
  OK(skm_engine_match_json(engine, SKM_SIDE_JOB,
                           "{\"id\": \"Q2\", \"skills\": [{\"name\": \"Python\", \"required\": true}], \"vector\": [0, 0, 1, 0]}",
                           &mo, &r));
  OK(skm_results_count(r, &n));
  CHECK(n == 2 && result_has(r, "C1") && result_has(r, "C3"));
  skm_results_free(r);
  mo.required_as_filter = 0;
  mo.must_threshold = 0.5;
  prefs[0].expression = "remote = true";
  prefs[0].weight = 2.0;
  prefs[1].expression = "location = \"Tokyo\"";
  prefs[1].weight = 1.0;
  mo.preferences = prefs;
  mo.preference_count = 2;
  OK(skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  OK(skm_results_count(r, &n));
  for (i = 0; i < n; ++i) {
    OK(skm_results_id(r, i, &id));
    OK(skm_results_part(r, i, SKM_PART_PREFERENCES, &present, &value, NULL, NULL));
    CHECK(present == 1);
    if (streq(id, "C1")) CHECK(fabs(value - 1.0) < 1e-6);        /* meets both */
    if (streq(id, "C3")) CHECK(fabs(value - 1.0 / 3.0) < 1e-6);  /* only the second (weight 1 of 3) */
    if (streq(id, "C2")) CHECK(value == 0);
  }
  skm_results_free(r);

  /* option and argument errors */
  r = (skm_results *)1;
  prefs[0].weight = 0;
  FAILS(SKM_INVALID_VALUE, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  CHECK(r == NULL);
  prefs[0].weight = NAN;
  FAILS(SKM_INVALID_VALUE, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  prefs[0].weight = 1;
  prefs[0].expression = NULL;
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  prefs[0].expression = "remote = ";
  FAILS(SKM_PARSE_ERROR, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.preferences = NULL;
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.preference_count = 0;
  mo.filter = "jlpt >=";
  FAILS(SKM_PARSE_ERROR, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  ERROR_MENTIONS("position");
  mo.filter = "shoe_size > 3";
  FAILS(SKM_NOT_FOUND, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  ERROR_MENTIONS("shoe_size");
  mo.filter = "jlpt >= \"N\xff\"";
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.filter = NULL;
  mo.k = 0;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.k = (size_t)-1; /* -1 from a binding */
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  ERROR_MENTIONS("k");
  mo.k = SKM_MAX_K + 1;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.k = SKM_MAX_K; /* huge but allowed: all documents */
  OK(skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  OK(skm_results_count(r, &n));
  CHECK(n == 4);
  skm_results_free(r);
  mo.k = 3;
  mo.weight_vector = NAN;
  FAILS(SKM_INVALID_VALUE, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.weight_vector = 1e300;
  FAILS(SKM_INVALID_VALUE, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.weight_vector = -1;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.weight_vector = 0.5;
  mo.must_threshold = 1.5;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.must_threshold = 0.5;
  mo.rerank_depth = (size_t)-1;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.rerank_depth = 0;
  mo.threads = (size_t)-1;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.threads = 0;
  mo.size = 16;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, &r));
  mo.size = sizeof mo;
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, 2, job_query, &mo, &r));
  FAILS(SKM_PARSE_ERROR, skm_engine_match_json(engine, SKM_SIDE_JOB, "{\"id\": \"Q\", ", &mo, &r));
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, "[1, 2]", &mo, &r));
  FAILS(SKM_DIMENSION_MISMATCH,
        skm_engine_match_json(engine, SKM_SIDE_JOB, "{\"id\": \"Q\", \"skills\": [\"Go\"], \"vector\": [1, 0]}", &mo, &r));
  FAILS(SKM_INVALID_VALUE,
        skm_engine_match_json(engine, SKM_SIDE_JOB, "{\"id\": \"Q\", \"skills\": [\"Go\"], \"vector\": [0, 0, 0, 0]}", &mo, &r));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, NULL, &mo, &r));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, &mo, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_json(NULL, SKM_SIDE_JOB, job_query, &mo, &r));

  /* defaults (NULL options), no explanations: accessors say so */
  OK(skm_engine_match_json(engine, SKM_SIDE_JOB, job_query, NULL, &r));
  OK(skm_results_count(r, &n));
  CHECK(n == 4);
  FAILS(SKM_INVALID_ARGUMENT, skm_results_part(r, 0, SKM_PART_VECTOR, &present, NULL, NULL, NULL));
  ERROR_MENTIONS("explain");
  FAILS(SKM_INVALID_ARGUMENT, skm_results_requirement_count(r, 0, &reqs));
  FAILS(SKM_INVALID_ARGUMENT, skm_results_missing_count(r, 0, &missing));
  FAILS(SKM_INVALID_ARGUMENT, skm_results_filter_passed(r, 0, &has_filter, &passed));
  OK(skm_results_explanation_json(r, 0, &json));
  CHECK(strstr(json, "\"score\":") != NULL && strstr(json, "\"parts\"") == NULL);
  skm_results_free(r);

  /* the other direction, by stored id and by a built profile */
  mo.filter = "visa_sponsorship = true";
  OK(skm_engine_match_id(engine, SKM_SIDE_CANDIDATE, "C1", &mo, &r));
  OK(skm_results_count(r, &n));
  OK(skm_results_id(r, 0, &id));
  CHECK(n == 1 && streq(id, "J1"));
  OK(skm_results_query_id(r, &id));
  CHECK(streq(id, "C1"));
  skm_results_free(r);
  mo.filter = NULL;
  FAILS(SKM_NOT_FOUND, skm_engine_match_id(engine, SKM_SIDE_CANDIDATE, "C404", &mo, &r));
  ERROR_MENTIONS("C404");
  FAILS(SKM_NOT_FOUND, skm_engine_match_id(engine, SKM_SIDE_JOB, "C1", &mo, &r)); /* wrong side */
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_id(engine, SKM_SIDE_CANDIDATE, NULL, &mo, &r));
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_id(engine, 7, "C1", &mo, &r));

  OK(skm_profile_new("Q3", &p));
  OK(skm_profile_add_skill(p, "Java", 1.0, 1, 0, 0));
  OK(skm_profile_set_vector(p, (const float[]){0.0f, 2.0f, 0.0f, 0.0f}, 4));
  OK(skm_engine_match_profile(engine, SKM_SIDE_JOB, p, &mo, &r));
  OK(skm_results_id(r, 0, &id));
  CHECK(streq(id, "C2"));
  skm_results_free(r);
  OK(skm_engine_match_profile(engine, SKM_SIDE_CANDIDATE, p, &mo, &r));
  OK(skm_results_id(r, 0, &id));
  CHECK(streq(id, "J2"));
  skm_results_free(r);
  OK(skm_profile_set_vector(p, (const float[]){1.0f, 0.0f}, 2));
  FAILS(SKM_DIMENSION_MISMATCH, skm_engine_match_profile(engine, SKM_SIDE_JOB, p, &mo, &r));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_profile(engine, SKM_SIDE_JOB, NULL, &mo, &r));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_profile(NULL, SKM_SIDE_JOB, p, &mo, &r));
  skm_profile_free(p);

  /* batch: every job against the candidates */
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_match_all(engine, 4, &mo, &batch));
  CHECK(batch == NULL);
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_all(engine, SKM_SIDE_JOB, &mo, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_engine_match_all(NULL, SKM_SIDE_JOB, &mo, &batch));
  mo.filter = "jlpt >";
  FAILS(SKM_PARSE_ERROR, skm_engine_match_all(engine, SKM_SIDE_JOB, &mo, &batch));
  mo.filter = NULL;
  mo.k = 2;
  OK(skm_engine_match_all(engine, SKM_SIDE_JOB, &mo, &batch));
  OK(skm_batch_count(batch, &n));
  CHECK(n == 3);
  OK(skm_batch_get(batch, 0, &r));
  OK(skm_batch_get(batch, 2, &r2));
  {
    skm_results *none = (skm_results *)1;
    FAILS(SKM_INVALID_ARGUMENT, skm_batch_get(batch, 3, &none));
    CHECK(none == NULL);
    FAILS(SKM_NULL_ARGUMENT, skm_batch_get(NULL, 0, &none));
  }
  FAILS(SKM_NULL_ARGUMENT, skm_batch_get(batch, 0, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_batch_count(NULL, &n));
  FAILS(SKM_NULL_ARGUMENT, skm_batch_count(batch, NULL));
  skm_batch_free(batch); /* results taken from it stay valid */
  skm_batch_free(NULL);
  OK(skm_results_query_id(r2, &id));
  CHECK(streq(id, "J3"));
  OK(skm_results_id(r2, 0, &id));
  CHECK(streq(id, "C4")); /* Excel and the same vector */
  OK(skm_results_requirement_count(r2, 0, &reqs));
  CHECK(reqs == 1);
  skm_results_free(r2);
  OK(skm_results_query_id(r, &id));
  CHECK(streq(id, "J1"));
  OK(skm_results_count(r, &n));
  CHECK(n == 2);
  /* results outlive their engine */
  skm_engine_free(engine);
  OK(skm_results_id(r, 0, &id));
  CHECK(streq(id, "C1") || streq(id, "C3"));
  OK(skm_results_json(r, &json));
  CHECK(strstr(json, "\"query\":\"J1\"") != NULL);

  FAILS(SKM_NULL_ARGUMENT, skm_results_count(NULL, &n));
  FAILS(SKM_NULL_ARGUMENT, skm_results_count(r, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_results_query_id(NULL, &id));
  FAILS(SKM_NULL_ARGUMENT, skm_results_admitted(NULL, &admitted));
  FAILS(SKM_NULL_ARGUMENT, skm_results_id(NULL, 0, &id));
  FAILS(SKM_NULL_ARGUMENT, skm_results_id(r, 0, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_results_score(NULL, 0, &score));
  FAILS(SKM_NULL_ARGUMENT, skm_results_score(r, 0, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_results_explanation_json(NULL, 0, &json));
  FAILS(SKM_NULL_ARGUMENT, skm_results_part(NULL, 0, 0, &present, NULL, NULL, NULL));
  FAILS(SKM_NULL_ARGUMENT, skm_results_requirement_count(NULL, 0, &reqs));
  FAILS(SKM_NULL_ARGUMENT, skm_results_requirement(NULL, 0, 0, &req));
  FAILS(SKM_NULL_ARGUMENT, skm_results_missing_count(NULL, 0, &missing));
  FAILS(SKM_NULL_ARGUMENT, skm_results_missing(NULL, 0, 0, &text));
  FAILS(SKM_NULL_ARGUMENT, skm_results_filter_passed(NULL, 0, &has_filter, &passed));
  skm_results_free(r);
  skm_results_free(NULL);
}

/* The default engine: bundled taxonomy, skill vectors learned at start-up, no attributes. */
static void test_learned_engine(void) {
  skm_engine_options eo;
  skm_engine *engine = NULL;
  skm_taxonomy *tax = NULL;
  skm_concept_list *list = NULL;
  skm_results *r = NULL;
  const char *id = NULL;
  size_t dim = 0, n = 0;
  skm_profile *p = NULL;

  OK(skm_engine_options_init(&eo, sizeof eo));
  eo.dimension = 32; /* small: faster start-up under sanitizers */
  eo.threads = 2;
  OK(skm_taxonomy_bundled(&tax));
  eo.taxonomy = tax;
  OK(skm_engine_create(&eo, &engine));
  skm_taxonomy_free(tax); /* the engine shares the taxonomy */
  tax = NULL;
  OK(skm_engine_dimension(engine, &dim));
  CHECK(dim == 32);
  OK(skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                            "{\"id\": \"py\", \"skills\": [\"Python\", \"Django\", \"PostgreSQL\", \"pandas\"]}\n"
                            "{\"id\": \"fe\", \"skills\": [\"JavaScript\", \"React\", \"CSS\", \"TypeScript\"]}\n"
                            "{\"id\": \"acct\", \"skills\": [\"Microsoft Excel\", \"bookkeeping\", \"QuickBooks\"]}\n",
                            &n));
  CHECK(n == 3);
  OK(skm_profile_new("job", &p));
  OK(skm_profile_set_title(p, "Software Developers"));
  OK(skm_profile_add_skill(p, "python", 1, 1, 0, 0));
  OK(skm_profile_add_skill(p, "flask", 1, 0, 0, 0));
  OK(skm_engine_match_profile(engine, SKM_SIDE_JOB, p, NULL, &r));
  OK(skm_results_id(r, 0, &id));
  CHECK(streq(id, "py"));
  skm_results_free(r);
  skm_profile_free(p);
  /* a profile without a vector cannot be embedded when it has no known skill */
  FAILS(SKM_INVALID_ARGUMENT, skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, "{\"id\": \"x\", \"skills\": []}", &n));

  OK(skm_engine_taxonomy(engine, &tax));
  OK(skm_taxonomy_resolve(tax, "k8s", NULL, &list));
  CHECK(list_contains(list, "onet:tech:Kubernetes"));
  skm_concept_list_free(list);
  {
    skm_taxonomy *none = (skm_taxonomy *)1;
    FAILS(SKM_NULL_ARGUMENT, skm_engine_taxonomy(NULL, &none));
    CHECK(none == NULL);
  }
  FAILS(SKM_NULL_ARGUMENT, skm_engine_taxonomy(engine, NULL));
  skm_engine_free(engine);
  OK(skm_taxonomy_size(tax, &n)); /* outlives the engine */
  CHECK(n > 10000);
  skm_taxonomy_free(tax);
  skm_engine_free(NULL);
}

int main(int argc, char **argv) {
  const char *tmp = argc > 1 ? argv[1] : ".";
  test_version_and_status();
  test_bundled_taxonomy();
  test_loaded_taxonomy(tmp);
  test_schema_json();
  test_profile_builder();
  {
    skm_engine *engine = external_engine();
    test_indexing(engine);
    test_matching(engine); /* frees the engine */
  }
  test_learned_engine();
  printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
