/* tests/c/capi_extract_test.c — skill mentions through the C ABI: offsets in bytes, code points and
 * UTF-16 units, requirement cues, JSON, errors (ill-formed UTF-8, size limit, bad options), and a
 * profile written as prose matched by an engine. Plain C99. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skillmatch/skillmatch.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                            \
  do {                                                                                         \
    ++checks;                                                                                  \
    if (!(cond)) {                                                                             \
      ++failures;                                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond, \
              skm_last_error());                                                               \
    }                                                                                          \
  } while (0)

/* Index of the mention written `text`, or -1. */
static long find(const skm_mentions *m, const char *text) {
  size_t n = 0, i;
  const char *got = NULL;
  if (skm_mentions_count(m, &n) != SKM_OK) return -1;
  for (i = 0; i < n; ++i)
    if (skm_mentions_get(m, i, NULL, &got, NULL, NULL, NULL, NULL, NULL, NULL, NULL) == SKM_OK && strcmp(got, text) == 0)
      return (long)i;
  return -1;
}

int main(void) {
  skm_taxonomy *tax = NULL;
  skm_mentions *m = NULL;
  skm_extract_options o;
  const char *ja = "PythonとPyTorchを用いたモデル開発経験3年以上（必須）。AWS歓迎。";
  const char *id = NULL, *json = NULL, *label = NULL, *evidence = NULL;
  size_t bs = 0, be = 0, cs = 0, ce = 0;
  double conf = 0, years = 0;
  int req = -1, ambiguous = -1;
  long i;

  CHECK(skm_taxonomy_bundled(&tax) == SKM_OK);
  CHECK(skm_extract_options_init(&o, sizeof o) == SKM_OK);
  CHECK(o.min_confidence == 0.5 && o.ambiguous_with_context == 1 && o.max_bytes == ((size_t)64 << 20));

  CHECK(skm_taxonomy_extract(tax, ja, strlen(ja), NULL, &m) == SKM_OK);
  i = find(m, "PyTorch");
  CHECK(i >= 0);
  CHECK(skm_mentions_get(m, (size_t)i, &id, NULL, &bs, &be, &cs, &ce, &conf, &req, &years) == SKM_OK);
  CHECK(id != NULL && strcmp(id, "onet:tech:PyTorch") == 0);
  CHECK(bs == 9 && be == 16 && cs == 7 && ce == 14);
  CHECK(conf > 0.5 && conf <= 1.0);
  CHECK(req == SKM_REQUIREMENT_MUST && years == 3.0);
  i = find(m, "AWS");
  CHECK(i >= 0);
  CHECK(skm_mentions_get(m, (size_t)i, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &req, NULL) == SKM_OK);
  CHECK(req == SKM_REQUIREMENT_NICE);
  CHECK(skm_mentions_json(m, &json) == SKM_OK);
  CHECK(json != NULL && strstr(json, "\"mention\":\"PyTorch\"") != NULL && strstr(json, "\"utf16_start\":7") != NULL);
  CHECK(skm_mentions_get(m, 1000, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL) == SKM_INVALID_ARGUMENT);
  skm_mentions_free(m);
  m = NULL;

  /* Ambiguous names: kept with context, with the evidence saying why; dropped without. */
  {
    const char *with = "Backend in Python, Go and Rust.";
    const char *without = "Let's go for a walk.";
    CHECK(skm_taxonomy_extract(tax, with, strlen(with), NULL, &m) == SKM_OK);
    i = find(m, "Go");
    CHECK(i >= 0);
    CHECK(skm_mentions_detail(m, (size_t)i, &label, &evidence, &ambiguous) == SKM_OK);
    CHECK(label != NULL && strcmp(label, "Go") == 0 && ambiguous == 1 && strstr(evidence, "list") != NULL);
    skm_mentions_free(m);
    CHECK(skm_taxonomy_extract(tax, without, strlen(without), NULL, &m) == SKM_OK);
    CHECK(find(m, "go") < 0);
    skm_mentions_free(m);
    m = NULL;
  }

  /* Errors: ill-formed UTF-8 (named by byte), a text over max_bytes, bad options, NULLs. */
  CHECK(skm_taxonomy_extract(tax, "Python \xFF", 8, NULL, &m) == SKM_INVALID_ARGUMENT && m == NULL);
  CHECK(strstr(skm_last_error(), "byte 7") != NULL);
  o.max_bytes = 4;
  CHECK(skm_taxonomy_extract(tax, "Python", 6, &o, &m) == SKM_INVALID_ARGUMENT);
  CHECK(strstr(skm_last_error(), "max_bytes") != NULL);
  o.max_bytes = 1000;
  o.min_confidence = 2;
  CHECK(skm_taxonomy_extract(tax, "Python", 6, &o, &m) == SKM_INVALID_ARGUMENT);
  o.size = 3;
  o.min_confidence = 0.5;
  CHECK(skm_taxonomy_extract(tax, "Python", 6, &o, &m) == SKM_INVALID_ARGUMENT);
  CHECK(skm_taxonomy_extract(tax, NULL, 5, NULL, &m) == SKM_NULL_ARGUMENT);
  CHECK(skm_taxonomy_extract(tax, NULL, 0, NULL, &m) == SKM_OK);  /* empty text: no mentions */
  {
    size_t n = 99;
    CHECK(skm_mentions_count(m, &n) == SKM_OK && n == 0);
  }
  skm_mentions_free(m);
  m = NULL;
  CHECK(skm_taxonomy_extract(NULL, "x", 1, NULL, &m) == SKM_NULL_ARGUMENT);
  {
    /* Punctuation only, NUL bytes inside: no mentions, no error. */
    const char punct[] = "!!! ... \0\0 ??? Docker";
    size_t n = 99;
    CHECK(skm_taxonomy_extract(tax, punct, sizeof punct - 1, NULL, &m) == SKM_OK);
    CHECK(skm_mentions_count(m, &n) == SKM_OK && n == 1);
    skm_mentions_free(m);
    m = NULL;
  }
  skm_mentions_free(NULL);

  /* A job written as prose, through an engine: its must-haves come from the text. */
  {
    skm_engine_options eo;
    skm_engine *engine = NULL;
    skm_profile *job = NULL, *cand = NULL;
    skm_match_options mo;
    skm_results *res = NULL;
    size_t n = 0;
    CHECK(skm_engine_options_init(&eo, sizeof eo) == SKM_OK);
    eo.taxonomy = tax;
    CHECK(skm_engine_create(&eo, &engine) == SKM_OK);
    CHECK(skm_profile_new("C1", &cand) == SKM_OK);
    CHECK(skm_profile_set_text(cand, "Machine learning engineer: 4 years of Python and PyTorch, some Docker.") == SKM_OK);
    CHECK(skm_engine_upsert_profile(engine, SKM_SIDE_CANDIDATE, cand) == SKM_OK);
    CHECK(skm_profile_new("J1", &job) == SKM_OK);
    CHECK(skm_profile_set_text(job, ja) == SKM_OK);
    CHECK(skm_profile_set_text(job, NULL) == SKM_NULL_ARGUMENT);
    CHECK(skm_match_options_init(&mo, sizeof mo) == SKM_OK);
    CHECK(skm_engine_match_profile(engine, SKM_SIDE_JOB, job, &mo, &res) == SKM_OK);
    CHECK(skm_results_count(res, &n) == SKM_OK && n == 1);
    skm_results_free(res);
    CHECK(skm_engine_extract(engine, ja, strlen(ja), NULL, &m) == SKM_OK);
    CHECK(find(m, "Python") >= 0);
    skm_mentions_free(m);
    skm_profile_free(job);
    skm_profile_free(cand);
    skm_engine_free(engine);
  }

  skm_taxonomy_free(tax);
  printf("%d checks, %d failures\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
