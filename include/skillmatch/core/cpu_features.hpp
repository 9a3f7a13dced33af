// skillmatch/core/cpu_features.hpp — which SIMD instruction sets this CPU offers, and which level the
// kernels use.
//
// The library is compiled for baseline x86-64; faster kernels are compiled per function with target
// attributes and chosen at run time from the level reported here. The active level is resolved once
// (on first use) from the environment variable SKILLMATCH_SIMD (scalar | avx2 | avx512 | auto) or, when
// it is unset or "auto", from the best level the CPU supports. Tests and benchmarks may switch levels
// with set_simd_level() so every kernel can be checked on one machine.
//
// Thread-safety: every function may be called from any thread. set_simd_level()/reset_simd_level()
// are atomic, but a search running concurrently may use either the old or the new level; switch levels
// while no search runs (tests and benchmarks do).
#pragma once

#include <cstdint>
#include <string_view>

namespace skillmatch {

enum class SimdLevel : std::uint8_t {
  scalar = 0,  // portable C++ (whatever the baseline compiler vectorises)
  avx2 = 1,    // AVX2 + FMA, 8 floats per register
  avx512 = 2,  // AVX-512F (+ AVX2 + FMA), 16 floats per register
};

/// What the CPU (and the OS, which must save the wider registers) supports. Detected once; cheap.
struct CpuFeatures {
  bool avx2_fma = false;  // AVX2 and FMA
  bool avx512f = false;   // AVX-512 Foundation
};
CpuFeatures cpu_features() noexcept;

/// Whether `level` can run on this CPU (scalar always can).
bool simd_level_supported(SimdLevel level) noexcept;

/// The fastest level this CPU supports.
SimdLevel best_simd_level() noexcept;

/// "scalar", "avx2" or "avx512".
std::string_view to_string(SimdLevel level) noexcept;

/// Parses "scalar", "avx2" or "avx512" (exact, lower case).
/// Throws Error(invalid_argument) naming the text and the accepted values otherwise.
SimdLevel parse_simd_level(std::string_view name);

/// The level kernels use now. On first call (or after reset_simd_level) it is resolved from
/// SKILLMATCH_SIMD or best_simd_level(). Throws Error(invalid_argument) when SKILLMATCH_SIMD names an
/// unknown level or one this CPU lacks; the error repeats on every call until the variable is fixed or
/// set_simd_level() is called, so a misconfiguration is never silently ignored.
SimdLevel active_simd_level();

/// Forces the level kernels use. Throws Error(invalid_argument) if the CPU lacks it (the active level is
/// then unchanged).
void set_simd_level(SimdLevel level);

/// Forgets any forced level; the next active_simd_level() resolves from the environment again.
void reset_simd_level() noexcept;

}  // namespace skillmatch
