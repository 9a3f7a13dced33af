/*
 * Binding overhead baseline (README.md): median time of one top-10 match through the C ABI,
 * reading the 10 ids and scores and freeing the results, as the PHP and Go benchmarks do.
 * Usage: bench_match_c <scenario dir> <iterations> <candidates: the first N lines>
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "skillmatch/skillmatch.h"

static char *slurp(const char *dir, const char *name) {
  char path[4096];
  FILE *f;
  long n;
  char *text;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if (!(f = fopen(path, "rb"))) return NULL;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = malloc((size_t)n + 1);
  if (text && fread(text, 1, (size_t)n, f) != (size_t)n) { free(text); text = NULL; }
  if (text) text[n] = '\0';
  fclose(f);
  return text;
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  skm_engine_options eo;
  skm_match_options mo;
  skm_engine *engine = NULL;
  char *candidates, *schema, *job;
  int iterations, i;
  double *samples, checksum = 0;
  if (argc != 4) { fprintf(stderr, "usage: bench_match_c <scenario dir> <iterations> <candidates>\n"); return 1; }
  iterations = atoi(argv[2]);
  candidates = slurp(argv[1], "candidates.jsonl");
  schema = slurp(argv[1], "candidates.schema.json");
  job = slurp(argv[1], "job.json");
  samples = malloc(sizeof(double) * (size_t)iterations);
  if (!candidates || !schema || !job || !samples) { fprintf(stderr, "cannot read the scenario\n"); return 1; }
  { /* keep the first N lines */
    int lines = atoi(argv[3]);
    char *p = candidates;
    while (*p && lines > 0) { if (*p++ == '\n') --lines; }
    *p = '\0';
  }
  skm_engine_options_init(&eo, sizeof eo);
  eo.candidate_schema_json = schema;
  eo.threads = 1;
  if (skm_engine_create(&eo, &engine) != SKM_OK || skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, candidates, NULL) != SKM_OK) {
    fprintf(stderr, "%s\n", skm_last_error());
    return 1;
  }
  skm_match_options_init(&mo, sizeof mo);
  mo.k = 10;
  for (i = -iterations / 10; i < iterations; ++i) { /* the first tenth warms up */
    skm_results *results = NULL;
    size_t count = 0, j;
    double start = now_ns();
    if (skm_engine_match_json(engine, SKM_SIDE_JOB, job, &mo, &results) != SKM_OK) { fprintf(stderr, "%s\n", skm_last_error()); return 1; }
    skm_results_count(results, &count);
    for (j = 0; j < count; ++j) {
      const char *id;
      double score;
      skm_results_id(results, j, &id);
      skm_results_score(results, j, &score);
      checksum += score + (double)(unsigned char)id[0];
    }
    skm_results_free(results);
    if (i >= 0) samples[i] = now_ns() - start;
  }
  qsort(samples, (size_t)iterations, sizeof(double), by_value);
  printf("c\t%.2f\t%.0f\n", samples[iterations / 2] / 1000.0, checksum);
  skm_engine_free(engine);
  free(samples); free(candidates); free(schema); free(job);
  return 0;
}
