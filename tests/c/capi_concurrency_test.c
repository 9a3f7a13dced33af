/* tests/c/capi_concurrency_test.c — the C ABI's thread contract, from C with pthreads: several
 * threads match (by JSON, by stored id, batch) while one thread adds, updates and removes profiles;
 * skm_last_error() is per thread. Run by CI under ThreadSanitizer (its ctest name matches
 * "[Cc]oncurren"). Exits non-zero when any check fails. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skillmatch/skillmatch.h"

#define DIM 8
#define INITIAL 120
#define READERS 3
#define ROUNDS 150
#define WRITES 500

static int failures = 0; /* written only under report_mutex */
static pthread_mutex_t report_mutex = PTHREAD_MUTEX_INITIALIZER;

static void report(const char *what, skm_status status) {
  pthread_mutex_lock(&report_mutex);
  ++failures;
  fprintf(stderr, "FAILED: %s: %s: %s\n", what, skm_status_name(status), skm_last_error());
  pthread_mutex_unlock(&report_mutex);
}

#define EXPECT(cond, what)                                 \
  do {                                                     \
    if (!(cond)) report(what, SKM_OK);                     \
  } while (0)
#define OK(call)                                           \
  do {                                                     \
    skm_status s_ = (call);                                \
    if (s_ != SKM_OK) report(#call, s_);                   \
  } while (0)

static const char *skill_names[] = {"Python", "Java", "SQL", "Docker", "Kubernetes", "React", "Go", "Rust"};
static const char *locations[] = {"Tokyo", "Osaka", "Lahore", "Karachi"};

/* A candidate as JSON: skills and a vector derived from n, so updates change both. */
static void candidate_json(char *buf, size_t size, unsigned n, unsigned version) {
  unsigned i;
  int len = snprintf(buf, size,
                     "{\"id\": \"C%u\", \"skills\": [\"%s\", {\"name\": \"%s\", \"years\": %u}], "
                     "\"attributes\": {\"location\": \"%s\", \"jlpt\": \"N%u\"}, \"vector\": [",
                     n, skill_names[n % 8], skill_names[(n / 8 + version) % 8], 1 + n % 10, locations[(n + version) % 4],
                     1 + (n + version) % 5);
  for (i = 0; i < DIM; ++i)
    len += snprintf(buf + len, size - (size_t)len, "%s%u", i ? ", " : "", 1 + (n * 7 + i * 3 + version) % 11);
  snprintf(buf + len, size - (size_t)len, "]}");
}

static skm_engine *engine;

static void check_results(const skm_results *r, size_t k, const char *what) {
  size_t n = 0, i;
  double prev = 2.0, score = 0;
  const char *id = NULL;
  OK(skm_results_count(r, &n));
  EXPECT(n <= k, what);
  for (i = 0; i < n; ++i) {
    OK(skm_results_score(r, i, &score));
    OK(skm_results_id(r, i, &id));
    EXPECT(id != NULL && id[0] == 'C', what);
    EXPECT(score <= prev && score >= 0, what);
    prev = score;
  }
}

static void *reader(void *arg) {
  const unsigned me = (unsigned)(size_t)arg;
  skm_match_options mo;
  skm_results *r = NULL;
  skm_batch *b = NULL;
  const char *json = NULL;
  char query[512];
  char id[32];
  unsigned round;
  OK(skm_match_options_init(&mo, sizeof mo));
  mo.k = 5;
  mo.explain = 1;
  mo.threads = 1;
  for (round = 0; round < ROUNDS; ++round) {
    mo.filter = round % 2 ? "jlpt >= N3" : NULL;
    snprintf(query, sizeof query,
             "{\"id\": \"Q%u\", \"skills\": [{\"name\": \"%s\", \"required\": true}, \"SQL\"], "
             "\"vector\": [1, %u, 2, 0, 1, 3, 0, 1]}",
             me, skill_names[(me + round) % 8], round % 5);
    OK(skm_engine_match_json(engine, SKM_SIDE_JOB, query, &mo, &r));
    if (r) {
      check_results(r, mo.k, "match_json");
      OK(skm_results_explanation_json(r, 0, &json));
      skm_results_free(r);
      r = NULL;
    }
    /* by stored id: the writer may have removed it meanwhile (SKM_NOT_FOUND is then correct) */
    snprintf(id, sizeof id, "C%u", (me * 13 + round * 7) % INITIAL);
    mo.filter = NULL; /* jobs carry no attributes */
    {
      skm_status s = skm_engine_match_id(engine, SKM_SIDE_CANDIDATE, id, &mo, &r);
      if (s == SKM_NOT_FOUND) {
        EXPECT(strstr(skm_last_error(), id) != NULL, "not_found names the id");
      } else if (s != SKM_OK) {
        report("match_id", s);
      }
      skm_results_free(r);
      r = NULL;
    }
    if (round % 10 == 0) {
      size_t n = 0;
      OK(skm_engine_match_all(engine, SKM_SIDE_JOB, &mo, &b));
      OK(skm_batch_count(b, &n));
      EXPECT(n == 2, "batch count");
      skm_batch_free(b);
      b = NULL;
    }
    /* an error on this thread leaves its own message, never another thread's */
    mo.filter = "jlpt >=";
    EXPECT(skm_engine_match_json(engine, SKM_SIDE_JOB, query, &mo, &r) == SKM_PARSE_ERROR, "bad filter");
    EXPECT(strstr(skm_last_error(), "skm_engine_match_json") != NULL, "per-thread message");
    mo.filter = NULL;
  }
  return NULL;
}

static void *writer(void *arg) {
  char buf[512];
  unsigned i;
  int removed = 0;
  (void)arg;
  for (i = 0; i < WRITES; ++i) {
    const unsigned n = (i * 37) % (INITIAL + 40);
    if (i % 3 == 2) {
      OK(skm_engine_remove(engine, SKM_SIDE_CANDIDATE, (snprintf(buf, sizeof buf, "C%u", n), buf), &removed));
    } else {
      candidate_json(buf, sizeof buf, n, i);
      OK(skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, buf, NULL));
    }
    /* a failing write: the writer's own message */
    EXPECT(skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, "{\"id\": ", NULL) == SKM_PARSE_ERROR, "bad json");
    EXPECT(strstr(skm_last_error(), "skm_engine_upsert_json") != NULL, "writer message");
  }
  return NULL;
}

int main(void) {
  skm_engine_options eo;
  char buf[512];
  unsigned i;
  pthread_t threads[READERS + 1];
  size_t n = 0;

  OK(skm_engine_options_init(&eo, sizeof eo));
  eo.external_vectors = 1;
  eo.dimension = DIM;
  eo.threads = 2;
  eo.candidate_schema_json =
      "{\"format\": \"skillmatch-attribute-schema\", \"version\": 1, \"attributes\": "
      "{\"location\": {\"type\": \"categorical\"}, \"jlpt\": {\"type\": \"ordinal\", \"values\": [\"N5\", \"N4\", \"N3\", \"N2\", \"N1\"]}}}";
  OK(skm_engine_create(&eo, &engine));
  if (!engine) return EXIT_FAILURE;
  for (i = 0; i < INITIAL; ++i) {
    candidate_json(buf, sizeof buf, i, 0);
    OK(skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, buf, NULL));
  }
  OK(skm_engine_upsert_json(engine, SKM_SIDE_JOB,
                            "{\"id\": \"J1\", \"skills\": [\"Python\"], \"vector\": [1, 0, 0, 0, 0, 0, 0, 0]}\n"
                            "{\"id\": \"J2\", \"skills\": [\"Go\"], \"vector\": [0, 1, 0, 0, 0, 0, 0, 0]}\n",
                            NULL));

  /* main thread's own error, which the other threads must not overwrite */
  EXPECT(skm_engine_size(engine, 5, &n) == SKM_INVALID_ARGUMENT, "bad side");
  strncpy(buf, skm_last_error(), sizeof buf - 1);
  buf[sizeof buf - 1] = '\0';

  for (i = 0; i < READERS; ++i)
    if (pthread_create(&threads[i], NULL, reader, (void *)(size_t)i) != 0) return EXIT_FAILURE;
  if (pthread_create(&threads[READERS], NULL, writer, NULL) != 0) return EXIT_FAILURE;
  for (i = 0; i <= READERS; ++i) pthread_join(threads[i], NULL);

  EXPECT(strcmp(buf, skm_last_error()) == 0, "main thread's message unchanged by other threads");
  OK(skm_engine_size(engine, SKM_SIDE_CANDIDATE, &n));
  EXPECT(n > 0 && n <= INITIAL + 40, "size after writes");
  skm_engine_free(engine);
  printf("%s\n", failures ? "FAILED" : "passed");
  return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
