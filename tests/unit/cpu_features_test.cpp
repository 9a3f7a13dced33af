#include <doctest/doctest.h>

#include <cstdlib>

#include "skillmatch/core/cpu_features.hpp"
#include "skillmatch/error.hpp"

using namespace skillmatch;

TEST_CASE("SIMD levels: parse, support, override and environment") {
  CHECK(parse_simd_level("scalar") == SimdLevel::scalar);
  CHECK(parse_simd_level("avx2") == SimdLevel::avx2);
  CHECK(parse_simd_level("avx512") == SimdLevel::avx512);
  CHECK_THROWS_WITH_AS(parse_simd_level("sse9"), doctest::Contains("unknown SIMD level 'sse9'"), Error);
  CHECK(simd_level_supported(SimdLevel::scalar));
  CHECK(simd_level_supported(best_simd_level()));
  CHECK(cpu_features().avx2_fma == simd_level_supported(SimdLevel::avx2));
  if (cpu_features().avx512f) CHECK(cpu_features().avx2_fma);

  for (SimdLevel l : {SimdLevel::scalar, SimdLevel::avx2, SimdLevel::avx512}) {
    if (simd_level_supported(l)) {
      set_simd_level(l);
      CHECK(active_simd_level() == l);
    } else {
      SimdLevel before = active_simd_level();
      CHECK_THROWS_AS(set_simd_level(l), Error);
      CHECK(active_simd_level() == before);
    }
  }

  ::setenv("SKILLMATCH_SIMD", "scalar", 1);
  reset_simd_level();
  CHECK(active_simd_level() == SimdLevel::scalar);
  ::setenv("SKILLMATCH_SIMD", "bogus", 1);
  reset_simd_level();
  CHECK_THROWS_WITH_AS(active_simd_level(), doctest::Contains("SKILLMATCH_SIMD"), Error);
  CHECK_THROWS_AS(active_simd_level(), Error);  // repeats until fixed
  ::setenv("SKILLMATCH_SIMD", "auto", 1);
  reset_simd_level();
  CHECK(active_simd_level() == best_simd_level());
  ::unsetenv("SKILLMATCH_SIMD");
  reset_simd_level();
  CHECK(active_simd_level() == best_simd_level());
}
