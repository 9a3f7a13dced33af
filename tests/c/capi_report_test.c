/* The gap report through the C ABI (SKM_EXPERIMENTAL section of skillmatch.h): a tiny portal, the
 * JSON figures, the HTML page, exposure over a named attribute, and the errors. */
#define SKM_EXPERIMENTAL
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skillmatch/skillmatch.h"

static int failures = 0;
#define CHECK(cond)                                                                  \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      fprintf(stderr, "%s:%d: CHECK(%s) failed: %s\n", __FILE__, __LINE__, #cond, skm_last_error()); \
      ++failures;                                                                    \
    }                                                                                \
  } while (0)

static const char *candidate_schema =
    "{\"format\": \"skillmatch-attribute-schema\", \"version\": 1, \"attributes\": {"
    "\"degree\": {\"type\": \"categorical\"}, \"gender\": {\"type\": \"categorical\", \"protected\": true}}}";

int main(void) {
  skm_engine_options eo;
  skm_engine *engine = NULL;
  skm_report *report = (skm_report *)1;
  const char *text = NULL;
  size_t added = 0;
  CHECK(skm_engine_options_init(&eo, sizeof eo) == SKM_OK);
  eo.candidate_schema_json = candidate_schema;
  eo.threads = 2;
  CHECK(skm_engine_create(&eo, &engine) == SKM_OK);
  if (!engine) return 1;
  CHECK(skm_engine_upsert_json(engine, SKM_SIDE_JOB,
                               "{\"id\": \"J1\", \"skills\": [{\"name\": \"Python\", \"required\": true}, \"Docker\"]}\n"
                               "{\"id\": \"J2\", \"skills\": [{\"name\": \"Autodesk Maya\", \"required\": true}]}\n",
                               &added) == SKM_OK);
  CHECK(added == 2);
  CHECK(skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE,
                               "{\"id\": \"C1\", \"skills\": [\"Python\"], \"attributes\": {\"degree\": \"master\", \"gender\": \"f\"}}\n"
                               "{\"id\": \"C2\", \"skills\": [\"Java\"], \"attributes\": {\"degree\": \"bachelor\", \"gender\": \"m\"}}\n",
                               &added) == SKM_OK);

  CHECK(skm_engine_gap_report(NULL, NULL, &report) == SKM_NULL_ARGUMENT);
  CHECK(report == NULL);
  CHECK(skm_engine_gap_report(engine, NULL, NULL) == SKM_NULL_ARGUMENT);
  CHECK(skm_engine_gap_report(engine, "shoe_size", &report) == SKM_NOT_FOUND);
  CHECK(strstr(skm_last_error(), "shoe_size") != NULL);
  CHECK(skm_engine_gap_report(engine, "degree, gender", &report) == SKM_OK);
  CHECK(skm_report_json(report, &text) == SKM_OK);
  CHECK(text && strstr(text, "\"skills\":[{\"concept_id\":") != NULL);
  CHECK(text && strstr(text, "\"attribute\":\"gender\"") != NULL);
  CHECK(text && strstr(text, "\"jobs\":2,\"candidates\":2") != NULL);
  CHECK(skm_report_html(report, &text) == SKM_OK);
  CHECK(text && strncmp(text, "<!DOCTYPE html>", 15) == 0 && strstr(text, "<svg") != NULL);
  CHECK(skm_report_json(NULL, &text) == SKM_NULL_ARGUMENT && text == NULL);
  CHECK(skm_report_html(report, NULL) == SKM_NULL_ARGUMENT);
  skm_report_free(report);
  /* "": the protected attributes. */
  CHECK(skm_engine_gap_report(engine, "", &report) == SKM_OK);
  CHECK(skm_report_json(report, &text) == SKM_OK);
  CHECK(text && strstr(text, "\"attribute\":\"gender\"") != NULL && strstr(text, "\"attribute\":\"degree\"") == NULL);
  skm_report_free(report);
  skm_report_free(NULL);
  skm_engine_free(engine);
  if (failures) fprintf(stderr, "%d failures\n", failures);
  return failures ? 1 : 0;
}
