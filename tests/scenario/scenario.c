/*
 * The cross-language scenario in C (README.md): prints `id<TAB>score` (6 decimals), best first.
 * Uses only the public header skillmatch/skillmatch.h. Usage: skillmatch_scenario_c scenario.conf
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skillmatch/skillmatch.h"

#define MAX_LINE 4096

typedef struct conf {
  char taxonomy[MAX_LINE], candidates[MAX_LINE], candidate_schema[MAX_LINE], job[MAX_LINE], filter[MAX_LINE];
  char k[64], explain[64];
} conf;

static int fail(const char *what) {
  fprintf(stderr, "scenario.c: %s\n", what);
  return 1;
}

static int fail_status(const char *call, skm_status status) {
  fprintf(stderr, "scenario.c: %s: %s: %s\n", call, skm_status_name(status), skm_last_error());
  return 1;
}

static char *trim(char *s) {
  char *end;
  while (*s == ' ' || *s == '\t') ++s;
  end = s + strlen(s);
  while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r')) --end;
  *end = '\0';
  return s;
}

/* `dir` + "/" + `name` into `out` (size MAX_LINE); 0 when it does not fit. */
static int join_path(char *out, const char *dir, const char *name) {
  int n = snprintf(out, MAX_LINE, "%s/%s", dir, name);
  return n > 0 && n < MAX_LINE;
}

static int read_conf(const char *path, conf *c) {
  char line[MAX_LINE], dir[MAX_LINE];
  const char *slash = strrchr(path, '/');
  FILE *f = fopen(path, "r");
  if (!f) return fail("cannot open the scenario file");
  if (slash) {
    size_t n = (size_t)(slash - path);
    if (n >= MAX_LINE) { fclose(f); return fail("path too long"); }
    memcpy(dir, path, n);
    dir[n] = '\0';
  } else {
    strcpy(dir, ".");
  }
  memset(c, 0, sizeof *c);
  while (fgets(line, sizeof line, f)) {
    char *key = trim(line), *value, *eq;
    if (*key == '\0' || *key == '#') continue;
    eq = strchr(key, '=');
    if (!eq) { fclose(f); return fail("expected key = value"); }
    *eq = '\0';
    key = trim(key);
    value = trim(eq + 1);
    if (strcmp(key, "taxonomy") == 0) snprintf(c->taxonomy, MAX_LINE, "%s", value);
    else if (strcmp(key, "filter") == 0) snprintf(c->filter, MAX_LINE, "%s", value);
    else if (strcmp(key, "k") == 0) snprintf(c->k, sizeof c->k, "%s", value);
    else if (strcmp(key, "explain") == 0) snprintf(c->explain, sizeof c->explain, "%s", value);
    else if (strcmp(key, "candidates") == 0) { if (!join_path(c->candidates, dir, value)) { fclose(f); return fail("path too long"); } }
    else if (strcmp(key, "candidate_schema") == 0) { if (!join_path(c->candidate_schema, dir, value)) { fclose(f); return fail("path too long"); } }
    else if (strcmp(key, "job") == 0) { if (!join_path(c->job, dir, value)) { fclose(f); return fail("path too long"); } }
    else { fclose(f); return fail("unknown key in the scenario file"); }
  }
  fclose(f);
  return 0;
}

/* The whole file as a NUL-terminated string (caller frees), or NULL. */
static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  char *text;
  long size;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) { fclose(f); return NULL; }
  text = malloc((size_t)size + 1);
  if (text && fread(text, 1, (size_t)size, f) != (size_t)size) { free(text); text = NULL; }
  if (text) text[size] = '\0';
  fclose(f);
  return text;
}

static size_t count_lines(const char *text) {
  size_t lines = 0;
  int blank = 1;
  for (; *text; ++text) {
    if (*text == '\n') { lines += !blank; blank = 1; }
    else if (*text != ' ' && *text != '\r' && *text != '\t') blank = 0;
  }
  return lines + !blank;
}

static int run(const conf *c, char *candidates, char *schema, char *job) {
  skm_engine_options eo;
  skm_match_options mo;
  skm_engine *engine = NULL;
  skm_results *results = NULL;
  skm_status s;
  size_t added = 0, count = 0, i;
  int explain = strcmp(c->explain, "true") == 0, rc = 0;

  if ((s = skm_engine_options_init(&eo, sizeof eo)) != SKM_OK) return fail_status("skm_engine_options_init", s);
  eo.candidate_schema_json = schema;
  if ((s = skm_engine_create(&eo, &engine)) != SKM_OK) return fail_status("skm_engine_create", s);
  if ((s = skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, candidates, &added)) != SKM_OK) {
    rc = fail_status("skm_engine_upsert_json", s);
    goto done;
  }
  if (added != count_lines(candidates)) { rc = fail("not every candidate was added"); goto done; }

  if ((s = skm_match_options_init(&mo, sizeof mo)) != SKM_OK) { rc = fail_status("skm_match_options_init", s); goto done; }
  mo.k = (size_t)strtoul(c->k, NULL, 10);
  mo.filter = c->filter;
  mo.explain = explain;
  if ((s = skm_engine_match_json(engine, SKM_SIDE_JOB, job, &mo, &results)) != SKM_OK) {
    rc = fail_status("skm_engine_match_json", s);
    goto done;
  }
  if ((s = skm_results_count(results, &count)) != SKM_OK) { rc = fail_status("skm_results_count", s); goto done; }
  for (i = 0; i < count; ++i) {
    const char *id = NULL;
    double score = 0;
    if ((s = skm_results_id(results, i, &id)) != SKM_OK || (s = skm_results_score(results, i, &score)) != SKM_OK) {
      rc = fail_status("skm_results_id/score", s);
      goto done;
    }
    if (explain) {
      /* The explanation must account for the score: the present parts' contributions add up to it. */
      double total = 0;
      int part;
      for (part = SKM_PART_VECTOR; part <= SKM_PART_PREFERENCES; ++part) {
        int present = 0;
        double contribution = 0;
        if ((s = skm_results_part(results, i, (skm_part)part, &present, NULL, NULL, &contribution)) != SKM_OK) {
          rc = fail_status("skm_results_part", s);
          goto done;
        }
        if (present) total += contribution;
      }
      if (fabs(total - score) > 1e-4) { rc = fail("the parts of a score do not add up to it"); goto done; }
    }
    printf("%s\t%.6f\n", id, score);
  }
done:
  skm_results_free(results);
  skm_engine_free(engine);
  return rc;
}

int main(int argc, char **argv) {
  conf c;
  char *candidates, *schema, *job;
  int rc;
  if (argc != 2) return fail("usage: skillmatch_scenario_c scenario.conf");
  if (read_conf(argv[1], &c) != 0) return 1;
  if (strcmp(c.taxonomy, "bundled") != 0) return fail("only taxonomy = bundled is supported");
  candidates = read_file(c.candidates);
  schema = read_file(c.candidate_schema);
  job = read_file(c.job);
  rc = candidates && schema && job ? run(&c, candidates, schema, job) : fail("cannot read an input file");
  free(candidates);
  free(schema);
  free(job);
  return rc;
}
