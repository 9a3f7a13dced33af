#include "skillmatch/core/cpu_features.hpp"

#include <atomic>
#include <cstdlib>
#include <string>

#include "skillmatch/error.hpp"

namespace skillmatch {
namespace {

CpuFeatures detect() noexcept {
  CpuFeatures f;
#if defined(__x86_64__) || defined(__i386__)
  // libgcc's __builtin_cpu_supports checks XCR0 too, so a feature the OS does not enable (no saving of
  // the YMM/ZMM state) is reported as absent.
  __builtin_cpu_init();
  f.avx2_fma = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  // Our AVX-512 code also uses AVX2/FMA instructions (Eigen requires FMA with AVX-512).
  f.avx512f = f.avx2_fma && __builtin_cpu_supports("avx512f");
#endif
  return f;
}

constexpr int unresolved = -1;
std::atomic<int> g_level{unresolved};

}  // namespace

CpuFeatures cpu_features() noexcept {
  static const CpuFeatures features = detect();
  return features;
}

bool simd_level_supported(SimdLevel level) noexcept {
  switch (level) {
    case SimdLevel::scalar: return true;
    case SimdLevel::avx2: return cpu_features().avx2_fma;
    case SimdLevel::avx512: return cpu_features().avx512f;
  }
  return false;
}

SimdLevel best_simd_level() noexcept {
  if (simd_level_supported(SimdLevel::avx512)) return SimdLevel::avx512;
  if (simd_level_supported(SimdLevel::avx2)) return SimdLevel::avx2;
  return SimdLevel::scalar;
}

std::string_view to_string(SimdLevel level) noexcept {
  switch (level) {
    case SimdLevel::scalar: return "scalar";
    case SimdLevel::avx2: return "avx2";
    case SimdLevel::avx512: return "avx512";
  }
  return "unknown";
}

SimdLevel parse_simd_level(std::string_view name) {
  if (name == "scalar") return SimdLevel::scalar;
  if (name == "avx2") return SimdLevel::avx2;
  if (name == "avx512") return SimdLevel::avx512;
  fail(ErrorCode::invalid_argument,
       "unknown SIMD level '" + std::string(name) + "' (expected scalar, avx2 or avx512)");
}

SimdLevel active_simd_level() {
  int v = g_level.load(std::memory_order_acquire);
  if (v != unresolved) return static_cast<SimdLevel>(v);
  SimdLevel level = best_simd_level();
  const char* env = std::getenv("SKILLMATCH_SIMD");
  if (env && *env && std::string_view(env) != "auto") {
    try {
      level = parse_simd_level(env);
    } catch (const Error& e) {
      fail(ErrorCode::invalid_argument, std::string("SKILLMATCH_SIMD: ") + e.what());
    }
    if (!simd_level_supported(level))
      fail(ErrorCode::invalid_argument, "SKILLMATCH_SIMD=" + std::string(env) +
                                            ": this CPU does not support that level (best available: " +
                                            std::string(to_string(best_simd_level())) + ")");
  }
  // If another thread resolved (or forced) a level meanwhile, keep theirs.
  int expected = unresolved;
  g_level.compare_exchange_strong(expected, static_cast<int>(level), std::memory_order_acq_rel);
  return static_cast<SimdLevel>(g_level.load(std::memory_order_acquire));
}

void set_simd_level(SimdLevel level) {
  if (!simd_level_supported(level))
    fail(ErrorCode::invalid_argument, "SIMD level " + std::string(to_string(level)) +
                                          " is not supported by this CPU (best available: " +
                                          std::string(to_string(best_simd_level())) + ")");
  g_level.store(static_cast<int>(level), std::memory_order_release);
}

void reset_simd_level() noexcept { g_level.store(unresolved, std::memory_order_release); }

}  // namespace skillmatch
