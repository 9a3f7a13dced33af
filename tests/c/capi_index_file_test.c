/* The C ABI's saved engines: skm_engine_save / skm_engine_open through libskillmatch.so, in plain C99.
 * Round trip (same ids and scores), options, damage (truncated file, flipped byte), bad arguments.
 * argv[1]: a scratch directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skillmatch/skillmatch.h"

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      ++failures;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s (%s)\n", __FILE__, __LINE__, #cond, skm_last_error()); \
    }                                                                          \
  } while (0)

static const char *candidates =
    "{\"id\":\"C1\",\"skills\":[\"Python\",\"Django\"],\"attributes\":{\"jlpt\":\"N2\"}}\n"
    "{\"id\":\"C2\",\"skills\":[\"Blender\",\"Unity\"],\"attributes\":{\"jlpt\":\"N4\"}}\n"
    "{\"id\":\"C3\",\"skills\":[\"AWS\",\"Kubernetes\",\"Python\"]}\n";

static int same_results(const skm_engine *a, const skm_engine *b, const skm_match_options *mo) {
  skm_results *ra = NULL, *rb = NULL;
  size_t na = 0, nb = 0, i;
  int same = 1;
  if (skm_engine_match_id(a, SKM_SIDE_JOB, "J1", mo, &ra) != SKM_OK) return 0;
  if (skm_engine_match_id(b, SKM_SIDE_JOB, "J1", mo, &rb) != SKM_OK) return skm_results_free(ra), 0;
  skm_results_count(ra, &na);
  skm_results_count(rb, &nb);
  same = na == nb && na > 0;
  for (i = 0; same && i < na; ++i) {
    const char *ia = NULL, *ib = NULL;
    double sa = 0, sb = 0;
    skm_results_id(ra, i, &ia);
    skm_results_id(rb, i, &ib);
    skm_results_score(ra, i, &sa);
    skm_results_score(rb, i, &sb);
    same = strcmp(ia, ib) == 0 && sa == sb;
  }
  skm_results_free(ra);
  skm_results_free(rb);
  return same;
}

int main(int argc, char **argv) {
  char path[4096], bad[4096];
  skm_engine_options eo;
  skm_open_options oo;
  skm_match_options mo;
  skm_engine *engine = NULL, *opened = NULL;
  size_t added = 0, count = 0;
  FILE *in, *out;
  long size, i;
  char *bytes;
  if (argc < 2) return 2;
  snprintf(path, sizeof path, "%s/capi_engine.skm", argv[1]);
  snprintf(bad, sizeof bad, "%s/capi_engine_bad.skm", argv[1]);

  CHECK(skm_engine_options_init(&eo, sizeof eo) == SKM_OK);
  eo.candidate_schema_json = "{\"format\":\"skillmatch-attribute-schema\",\"version\":1,\"attributes\":{\"jlpt\":{\"type\":\"ordinal\",\"values\":[\"N5\",\"N4\",\"N3\",\"N2\",\"N1\"]}}}";
  eo.threads = 1;
  CHECK(skm_engine_create(&eo, &engine) == SKM_OK);
  CHECK(skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, candidates, &added) == SKM_OK && added == 3);
  CHECK(skm_engine_upsert_json(engine, SKM_SIDE_JOB, "{\"id\":\"J1\",\"skills\":[{\"name\":\"python\",\"required\":true},\"AWS\"]}", &added) == SKM_OK);
  CHECK(skm_engine_save(engine, path) == SKM_OK);

  CHECK(skm_open_options_init(&oo, sizeof oo) == SKM_OK);
  CHECK(oo.verify_checksums == 1 && oo.taxonomy == NULL && oo.min_confidence == 0.6);
  CHECK(skm_engine_open(path, &oo, &opened) == SKM_OK && opened != NULL);
  CHECK(skm_engine_size(opened, SKM_SIDE_CANDIDATE, &count) == SKM_OK && count == 3);
  CHECK(skm_match_options_init(&mo, sizeof mo) == SKM_OK);
  mo.k = 3;
  mo.filter = "jlpt >= N4";
  CHECK(same_results(engine, opened, &mo));
  /* Writers work on an opened engine. */
  CHECK(skm_engine_upsert_json(opened, SKM_SIDE_CANDIDATE, "{\"id\":\"C4\",\"skills\":[\"Python\"]}", &added) == SKM_OK);
  CHECK(skm_engine_size(opened, SKM_SIDE_CANDIDATE, &count) == SKM_OK && count == 4);
  skm_engine_free(opened);
  opened = NULL;
  CHECK(skm_engine_open(path, NULL, &opened) == SKM_OK); /* NULL options: defaults */
  skm_engine_free(opened);
  oo.verify_checksums = 0;
  CHECK(skm_engine_open(path, &oo, &opened) == SKM_OK);
  skm_engine_free(opened);

  /* Damage: a truncated copy, then a flipped byte in the middle. */
  in = fopen(path, "rb");
  CHECK(in != NULL);
  fseek(in, 0, SEEK_END);
  size = ftell(in);
  fseek(in, 0, SEEK_SET);
  bytes = (char *)malloc((size_t)size);
  CHECK(fread(bytes, 1, (size_t)size, in) == (size_t)size);
  fclose(in);
  out = fopen(bad, "wb");
  fwrite(bytes, 1, (size_t)(size / 2), out);
  fclose(out);
  oo.verify_checksums = 1;
  CHECK(skm_engine_open(bad, &oo, &opened) == SKM_CORRUPT && opened == NULL);
  CHECK(strstr(skm_last_error(), "skm_engine_open") && strstr(skm_last_error(), "truncated"));
  bytes[size / 2] ^= 1;
  out = fopen(bad, "wb");
  fwrite(bytes, 1, (size_t)size, out);
  fclose(out);
  CHECK(skm_engine_open(bad, &oo, &opened) == SKM_CORRUPT);
  CHECK(strstr(skm_last_error(), "at offset ") && strstr(skm_last_error(), "checksum mismatch"));
  for (i = 0; i < size; ++i) bytes[i] = 0;
  free(bytes);
  remove(bad);

  /* Bad arguments. */
  CHECK(skm_engine_open(NULL, NULL, &opened) == SKM_NULL_ARGUMENT);
  CHECK(skm_engine_open(path, NULL, NULL) == SKM_NULL_ARGUMENT);
  CHECK(skm_engine_open("/nonexistent/dir/x.skm", NULL, &opened) == SKM_IO_ERROR && opened == NULL);
  CHECK(strstr(skm_last_error(), "/nonexistent/dir/x.skm") != NULL);
  CHECK(skm_engine_save(NULL, path) == SKM_NULL_ARGUMENT);
  CHECK(skm_engine_save(engine, NULL) == SKM_NULL_ARGUMENT);
  CHECK(skm_engine_save(engine, "/nonexistent/dir/x.skm") == SKM_IO_ERROR);
  CHECK(skm_open_options_init(&oo, 4) == SKM_INVALID_ARGUMENT);
  oo.size = 4;
  CHECK(skm_engine_open(path, &oo, &opened) == SKM_INVALID_ARGUMENT);
  skm_engine_free(engine);
  remove(path);
  if (failures) fprintf(stderr, "%d failures\n", failures);
  return failures ? 1 : 0;
}
