// tests/c/header_cxx_test.cpp — skillmatch.h compiles as C++ (with the project's strict warnings)
// and its functions link and run from C++ with C linkage.
#include "skillmatch/skillmatch.h"

#include <cstdio>
#include <cstring>
#include <type_traits>

static_assert(std::is_same_v<decltype(&skm_version), const char* (*)()>);
static_assert(std::is_standard_layout_v<skm_match_options> && std::is_trivially_copyable_v<skm_match_options>);
static_assert(std::is_standard_layout_v<skm_engine_options> && std::is_standard_layout_v<skm_requirement>);
static_assert(SKM_OK == 0 && SKM_OUT_OF_MEMORY == 12);

int main() {
  int failures = 0;
  char expected[32];
  std::snprintf(expected, sizeof expected, "%d.%d.%d", SKM_VERSION_MAJOR, SKM_VERSION_MINOR, SKM_VERSION_PATCH);
  if (std::strcmp(skm_version(), expected) != 0) ++failures;
  skm_match_options options{};
  if (skm_match_options_init(&options, sizeof options) != SKM_OK || options.k != 10) ++failures;
  skm_results* results = nullptr;
  if (skm_engine_match_json(nullptr, SKM_SIDE_JOB, "{}", &options, &results) != SKM_NULL_ARGUMENT) ++failures;
  if (std::strstr(skm_last_error(), "engine is NULL") == nullptr) ++failures;
  skm_results_free(results);
  std::printf("%s\n", failures ? "FAILED" : "passed");
  return failures ? 1 : 0;
}
