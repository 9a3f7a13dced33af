/* tests/c/capi_abi_test.c — the C ABI grows without breaking older callers: a program built
 * against the 0.1.0 header (whose skm_resolve_options ended at `fuzzy`) keeps working, its
 * missing fields take their defaults, init writes only the bytes it has, sizes that name no
 * published version are rejected, and the SKM_EXPERIMENTAL section is opt-in. Plain C99. */
#define SKM_EXPERIMENTAL
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skillmatch/skillmatch.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    ++checks;                                                                  \
    if (!(cond)) {                                                             \
      ++failures;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond, \
              skm_last_error());                                               \
    }                                                                          \
  } while (0)

/* skm_resolve_options as the 0.1.0 header declared it (version 1). */
typedef struct resolve_options_v1 {
  size_t size;
  size_t max_results;
  double min_confidence;
  int fuzzy;
} resolve_options_v1;

static int contains(const skm_concept_list *list, const char *id) {
  size_t n = 0, i;
  const char *got;
  if (skm_concept_list_count(list, &n) != SKM_OK) return 0;
  for (i = 0; i < n; ++i)
    if (skm_concept_list_get(list, i, &got, NULL, NULL, NULL) == SKM_OK && strcmp(got, id) == 0) return 1;
  return 0;
}

static size_t count(const skm_concept_list *list) {
  size_t n = 0;
  return skm_concept_list_count(list, &n) == SKM_OK ? n : (size_t)-1;
}

int main(void) {
  skm_taxonomy *tax = NULL;
  skm_concept_list *list = NULL;
  unsigned char buffer[sizeof(skm_resolve_options) + 16];
  resolve_options_v1 old;
  skm_resolve_options now;
  size_t size = 0;

  CHECK(skm_taxonomy_bundled(&tax) == SKM_OK);

  /* init with the old size writes exactly the old struct's bytes, nothing after them. */
  memset(buffer, 0xAB, sizeof buffer);
  CHECK(skm_resolve_options_init((skm_resolve_options *)(void *)buffer, sizeof old) == SKM_OK);
  memcpy(&old, buffer, sizeof old);
  CHECK(old.size == sizeof old && old.max_results == 5 && old.fuzzy == 1);
  CHECK(buffer[sizeof old] == 0xAB && buffer[sizeof buffer - 1] == 0xAB);

  /* The old struct is read as version 1: its fields count, the newer ones keep their defaults
   * (whatever lies in memory after it). */
  old.max_results = 1;
  old.fuzzy = 0;
  memcpy(buffer, &old, sizeof old);
  CHECK(skm_taxonomy_resolve(tax, "Pyhton", (const skm_resolve_options *)(const void *)buffer, &list) == SKM_OK);
  CHECK(!contains(list, "onet:tech:Python")); /* fuzzy = 0 was read */
  skm_concept_list_free(list);
  old.fuzzy = 1;
  memcpy(buffer, &old, sizeof old);
  CHECK(skm_taxonomy_resolve(tax, "Pyhton", (const skm_resolve_options *)(const void *)buffer, &list) == SKM_OK);
  CHECK(count(list) == 1 && contains(list, "onet:tech:Python")); /* max_results = 1 was read */
  skm_concept_list_free(list);

  /* A size between two published versions names none: rejected, the message lists the sizes. */
  if (sizeof old + 4 < sizeof now) {
    old.size = sizeof old + 4;
    memcpy(buffer, &old, sizeof old);
    CHECK(skm_taxonomy_resolve(tax, "python", (const skm_resolve_options *)(const void *)buffer, &list) ==
          SKM_INVALID_ARGUMENT);
    CHECK(list == NULL && strstr(skm_last_error(), "expected") != NULL);
    CHECK(skm_resolve_options_init(&now, sizeof old + 4) == SKM_INVALID_ARGUMENT);
  }
  CHECK(skm_resolve_options_init(&now, sizeof old - 1) == SKM_INVALID_ARGUMENT);

  /* A newer (larger) caller struct is accepted: init fills what this library knows. */
  memset(buffer, 0xCD, sizeof buffer);
  CHECK(skm_resolve_options_init((skm_resolve_options *)(void *)buffer, sizeof buffer) == SKM_OK);
  memcpy(&now, buffer, sizeof now);
  CHECK(now.size == sizeof now && now.compounds == 1 && now.kind == NULL);
  CHECK(buffer[sizeof buffer - 1] == 0xCD);

  /* The version-2 fields work for a current caller. */
  CHECK(skm_resolve_options_init(&now, sizeof now) == SKM_OK);
  now.kind = "technology";
  CHECK(skm_taxonomy_resolve(tax, "python", &now, &list) == SKM_OK);
  CHECK(contains(list, "onet:tech:Python"));
  skm_concept_list_free(list);
  now.kind = "occupation";
  CHECK(skm_taxonomy_resolve(tax, "python", &now, &list) == SKM_OK);
  CHECK(!contains(list, "onet:tech:Python"));
  skm_concept_list_free(list);
  now.kind = "no-such-kind";
  CHECK(skm_taxonomy_resolve(tax, "python", &now, &list) == SKM_INVALID_ARGUMENT);
  CHECK(strstr(skm_last_error(), "options->kind") != NULL);

  /* Experimental: the library's own struct sizes. */
  CHECK(skm_struct_size("skm_resolve_options", &size) == SKM_OK && size == sizeof(skm_resolve_options));
  CHECK(skm_struct_size("skm_match_options", &size) == SKM_OK && size == sizeof(skm_match_options));
  CHECK(skm_struct_size("skm_requirement", &size) == SKM_OK && size == sizeof(skm_requirement));
  CHECK(skm_struct_size("nothing", &size) == SKM_NOT_FOUND);
  CHECK(skm_struct_size(NULL, &size) == SKM_NULL_ARGUMENT);

  skm_taxonomy_free(tax);
  printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
